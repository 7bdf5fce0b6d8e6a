import type {
  AskStep,
  ChoiceOption,
  ChooseStep,
  Computation,
  ComputeStep,
  Condition,
  ConfirmStep,
  FieldTypeName,
  HandoffStep,
  InfoStep,
  ReviewStep,
  SubmitStep,
  TableStep,
  Text,
  UnitStep,
  UploadStep,
  Value,
} from "./flowTypes";

/** A text in Vietnamese and English. @example t("Họ tên?", "Full name?") */
export function t(vi: string, en: string): Text {
  return { vi, en };
}

type Extra<S> = Partial<Omit<S, "kind" | "id">>;

/** A typed answer. @example ask("childFullName", "name", t("Họ tên của bé?", "Baby's full name?")) */
export function ask(id: string, type: FieldTypeName, question: Text, extra: Extra<AskStep> = {}): AskStep {
  return { kind: "ask", id, type, question, ...extra };
}

/**
 * A choice among options. @example choose("childGender", t("Bé là trai hay gái?", "Boy or girl?"), [option("Nam",
 * t("Nam", "Male"))])
 */
export function choose(
  id: string,
  question: Text,
  options: readonly ChoiceOption[],
  extra: Extra<ChooseStep> = {},
): ChooseStep {
  return { kind: "choose", id, question, options, ...extra };
}

/** One option of a choice; its value is what the dossier stores. */
export function option(value: string, label: Text, synonyms: readonly string[] = []): ChoiceOption {
  return synonyms.length > 0 ? { value, label, synonyms } : { value, label };
}

/** A yes/no question. */
export function confirm(id: string, question: Text, extra: Extra<ConfirmStep> = {}): ConfirmStep {
  return { kind: "confirm", id, question, ...extra };
}

/** A message with no answer expected. */
export function info(id: string, text: Text, extra: Extra<InfoStep> = {}): InfoStep {
  return { kind: "info", id, text, ...extra };
}

/** A case that needs a clerk: the conversation joins the unit's queue (reason "required"). */
export function handoff(id: string, text: Text, extra: Extra<HandoffStep> = {}): HandoffStep {
  return { kind: "handoff", id, text, ...extra };
}

/** A message rendered from `templates/messages/NAME.{vi,en}.hbs`. */
export function infoTemplate(id: string, template: string, extra: Extra<InfoStep> = {}): InfoStep {
  return { kind: "info", id, template, ...extra };
}

/** A document photo or scan. */
export function upload(id: string, question: Text, extra: Extra<UploadStep> = {}): UploadStep {
  return { kind: "upload", id, question, ...extra };
}

/** A field derived by the bot. */
export function compute(id: string, computation: Computation, extra: Extra<ComputeStep> = {}): ComputeStep {
  return { kind: "compute", id, compute: computation, ...extra };
}

/** A table of the form, asked row by row. */
export function table(
  id: string,
  itemName: Text,
  intro: Text,
  columns: TableStep["columns"],
  extra: Extra<TableStep> = {},
): TableStep {
  return { kind: "table", id, itemName, intro, columns, min: 1, max: 10, ...extra };
}

/** The unit the dossier goes to; skipped when the channel knows it. */
export function unit(): UnitStep {
  return {
    kind: "unit",
    id: "unitId",
    question: t("Bạn nộp hồ sơ tại phường/xã nào?", "Which ward or commune do you file with?"),
  };
}

export function review(): ReviewStep {
  return { kind: "review", id: "review" };
}

export function submit(): SubmitStep {
  return { kind: "submit", id: "submit" };
}

// Conditions, as data.
export const is = (field: string, value: Value): Condition => ({ field, equals: value });
export const isOneOf = (field: string, values: readonly Value[]): Condition => ({ field, in: values });
export const isFilled = (field: string): Condition => ({ field, filled: true });
export const not = (condition: Condition): Condition => ({ not: condition });
export const allOf = (...conditions: Condition[]): Condition => ({ all: conditions });
export const anyOf = (...conditions: Condition[]): Condition => ({ any: conditions });
