/**
 * The vocabulary a procedure is written in. A flow is plain data: steps refer to field types,
 * computations and templates by name, so a definition can be validated at start-up,
 * stored, diffed and drawn. The engine (`server/engine/`) gives the names their meaning.
 */

/** A text in Vietnamese (the default) and English. */
export interface Text {
  vi: string;
  en: string;
}

/** A dossier field's value: plain JSON. Dates are `dd/mm/yyyy`, tables are arrays of rows. */
export type Value = string | number | boolean | null | Record<string, string | number | boolean | null>[];

/** How free text typed by the citizen is understood; each name has one parser in the engine. */
export type FieldTypeName =
  | "text"
  | "address"
  /** One blank of a 2025 form's address: house number and street, or hamlet ("Số 12, đường Nguyễn Huệ"). */
  | "addressLine"
  /** A province or centrally-run city since 01/7/2025 ("Tỉnh Đồng Tháp"). */
  | "province"
  /** A commune, ward or special zone, checked against its province where the province is configured. */
  | "ward"
  /** Who issued an identity paper ("Bộ Công an"). */
  | "issuingAuthority"
  | "name"
  | "date"
  | "birthDate"
  | "pastDate"
  | "futureDate"
  | "time"
  | "yearOrDate"
  | "monthYear"
  | "monthYearOrNow"
  | "cccd"
  | "idNumber"
  | "phone"
  /** A shop's or an office's phone: a landline as well as a mobile. */
  | "businessPhone"
  | "email"
  | "integer"
  | "money"
  | "ethnicity"
  | "nationality"
  | "industryCode"
  | "receiptCode";

/** A condition on earlier answers, as data. */
export type Condition =
  | { field: string; equals: Value }
  | { field: string; in: readonly Value[] }
  | { field: string; filled: boolean }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition };

interface StepBase {
  /** The step id. For a step that fills a form field, the field's key in procedures.json. */
  id: string;
  /** The step is skipped (and its answer left out of the dossier) unless this holds. */
  when?: Condition;
  /** Short name of the field, for the review and for "sửa …"; defaults to the form label. */
  label?: Text;
  /** The review group; defaults to the form field's group. */
  group?: string;
  /** Extra words a citizen may use to name this field when editing ("ngày sinh của bé"). */
  aliases?: readonly string[];
}

/** A typed answer, understood by the field type's parser and re-asked when it does not parse. */
export interface AskStep extends StepBase {
  kind: "ask";
  type: FieldTypeName;
  question: Text;
  /** Shown with the re-ask when the answer does not parse. */
  example?: Text;
  /** May be skipped with "bỏ qua" / "không có"; the field stays empty. */
  optional?: boolean;
  min?: number;
  max?: number;
  /** For CCCD fields: earlier answers the ID number's sex and birth-year digits must agree with. */
  idOf?: {
    gender?: string;
    birthDate?: string;
    /** The person's sex when the question itself says it (the mother, the father). */
    sex?: "Nam" | "Nữ";
  };
  /** For dates of birth: at most this many years ago (a child whose birth is registered: 100). */
  maxYearsAgo?: number;
  /** For ID numbers: the old 9-digit CMND is accepted too. */
  allowCmnd?: boolean;
  /** For a ward: the field (or the table column) holding its province. */
  inProvince?: string;
  /** For the end of a period: the field (or the column) holding its start, which it may not precede. */
  notBefore?: string;
  /**
   * Not asked where the answer is already known from another field: the mother's name when
   * the mother is the one filing. The value is copied (and kept in step when that field is
   * edited) and shows as given by the bot.
   */
  copyWhen?: { when: Condition; from: string };
  /**
   * Common answers offered as buttons ("Kinh", "Việt Nam"); typing anything else works too. A
   * plain string reads the same in both languages (a name, a number); a text's Vietnamese is the
   * answer the form gets, its English the button's label in English.
   */
  suggestions?: readonly (string | Text)[];
  /** Another field type where an earlier answer says so (a passport number is not a CCCD). */
  typeWhen?: readonly { when: Condition; type: FieldTypeName }[];
}

export interface ChoiceOption {
  value: string;
  label: Text;
  /** Other words a citizen may type for this option. */
  synonyms?: readonly string[];
}

/** Options shown as buttons; the citizen may click, type the label, its number or a synonym. */
export interface ChooseStep extends StepBase {
  kind: "choose";
  question: Text;
  options: readonly ChoiceOption[];
  /** Branching by the chosen value: every option must have a target when present. */
  goto?: Readonly<Record<string, string>>;
  optional?: boolean;
}

/** A yes/no question whose answer is a boolean field. */
export interface ConfirmStep extends StepBase {
  kind: "confirm";
  question: Text;
  /** A declaration the dossier cannot go without: "no" is answered with this and asked again. */
  mustAgree?: Text;
}

/** A message that needs no answer; the flow goes straight on. */
export interface InfoStep extends StepBase {
  kind: "info";
  /** Inline text, or the name of a template in `templates/messages/`. */
  text?: Text;
  template?: string;
}

/**
 * A case the assistant cannot settle alone (no death notice and nothing replacing it): the
 * citizen is told why and the conversation joins the unit's queue with the reason "required".
 * When the clerk hands back where it stood, or the citizen carries on with the assistant, the
 * flow goes on after this step; the draft is kept throughout.
 */
export interface HandoffStep extends StepBase {
  kind: "handoff";
  /** Why a clerk is needed, and what they will look at. */
  text: Text;
}

/** An invisible fork: the first case whose condition holds is taken. */
export interface BranchStep extends StepBase {
  kind: "branch";
  cases: readonly { when: Condition; goto: string }[];
  /** Where to go when no case holds; the next step when absent. */
  otherwise?: string;
}

/** A document photo or scan, given by the attachment id the channel uploaded it under. */
export interface UploadStep extends StepBase {
  kind: "upload";
  question: Text;
  optional?: boolean;
}

/** A field the bot derives from other answers, the unit or the clock. */
export type Computation =
  | { fn: "dateInWords"; from: string }
  | { fn: "numberInWords"; from: string }
  | { fn: "addressee"; authority: "ubnd" | "congAn" | "lltp" | "dkkd" }
  | { fn: "signingPlace" }
  | { fn: "today" }
  | { fn: "copy"; from: string }
  | { fn: "constant"; value: Value }
  | { fn: "upper"; from: string }
  /** Answers written one after the other (a status and its details), empty ones left out. */
  | { fn: "concat"; from: readonly string[]; separator: string }
  /** An answer translated through a table (the return channel → LLTP's "Hình thức nhận kết quả"). */
  | { fn: "map"; from: string; map: Readonly<Record<string, string>> };

export interface ComputeStep extends StepBase {
  kind: "compute";
  compute: Computation;
}

/** A table of the form (household members, business lines): rows asked column by column. */
export interface TableStep extends StepBase {
  kind: "table";
  /** What one row is called: "thành viên", "ngành nghề". */
  itemName: Text;
  /** Said once before the first row. */
  intro: Text;
  columns: readonly (AskStep | ChooseStep | ConfirmStep)[];
  min: number;
  max: number;
}

/** The unit (ward/commune) the dossier is filed with; skipped when the channel already knows it. */
export interface UnitStep extends StepBase {
  kind: "unit";
  question: Text;
}

/** Every answer grouped as on the paper form; confirm, or change any one of them. */
export interface ReviewStep extends StepBase {
  kind: "review";
}

/** Hands the completed dossier over; the flow ends here. */
export interface SubmitStep extends StepBase {
  kind: "submit";
}

export type Step =
  | AskStep
  | ChooseStep
  | ConfirmStep
  | InfoStep
  | HandoffStep
  | BranchStep
  | UploadStep
  | ComputeStep
  | TableStep
  | UnitStep
  | ReviewStep
  | SubmitStep;

export type StepKind = Step["kind"];

/** Channels a procedure can be submitted through and its result received by. */
export interface SubmissionOptions {
  /** False where the law requires presence (marriage: both sign; certified copy: the original). */
  online: boolean;
  /** Why online is not possible, told to the citizen. */
  offlineReason?: Text;
}

/**
 * One person whose identity the flow asks (the requester, the mother, the father…): which of its
 * fields hold what an ID card's QR code says, so that a card read once fills them all. Each is the id
 * of an ask step (a choose step for `sex` and `idType`); a field the flow does not ask is left out.
 */
export interface IdentityGroup {
  /** Names the group in the engine's state: "mother". */
  id: string;
  /** The person as the bot speaks of them: "người mẹ" / "the mother"; "bạn" / "you" for the requester. */
  person: Text;
  /** The sex the flow fixes for this person (the mother is a woman): a card saying otherwise is not theirs. */
  sex?: "Nam" | "Nữ";
  fields: {
    fullName: string;
    idNumber: string;
    dateOfBirth?: string;
    sex?: string;
    /** The ID document's type, answered with the option naming a chip card. */
    idType?: string;
    issueDate?: string;
    issuer?: string;
    /** Where the person lives: the card's permanent residence. */
    residence?: string;
  };
}

export interface Flow {
  /** The procedure id (`dang-ky-khai-sinh`) or `tra-cuu-ho-so`. */
  id: string;
  name: Text;
  /** Whether completing this flow yields a dossier. */
  producesDossier: boolean;
  submission: SubmissionOptions;
  steps: readonly Step[];
  /** The people whose identity an ID card can fill (see {@link IdentityGroup}). */
  identities?: readonly IdentityGroup[];
}
