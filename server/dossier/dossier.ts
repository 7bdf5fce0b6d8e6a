import type { FieldSource } from "../engine/conversationState";
import type { Locale } from "../engine/localized";

/** One cell of a table field (household members, business lines, residence history). */
export type TableRow = Record<string, string | number | boolean | null>;

/** The value of one dossier field, always plain JSON. Dates are `dd/mm/yyyy` strings. */
export type FieldValue = string | number | boolean | null | TableRow[];

/** Who gave a field's value: the same record the conversation keeps while the dossier is drafted. */
export type Provenance = FieldSource;

export const DOSSIER_STATUSES = [
  "submitted",
  "received",
  "processing",
  "needs_more_info",
  "done",
  "returned",
  "rejected",
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** What a clerk writes for the citizen with a status move: a rejection's reason, or what is missing. */
export interface StatusNote {
  reason?: string;
  missingItems?: string[];
}

export type SubmitMethod = "online" | "counter" | "postal";
export type ReturnMethod = "online" | "counter" | "postal";

/** How the citizen submits the dossier and receives the result. */
export interface SubmissionChoice {
  submitMethod: SubmitMethod;
  returnMethod: ReturnMethod;
  /** Preferred counter day, `dd/mm/yyyy`, when submitting or collecting at the counter. */
  counterDate?: string;
  /** Postal pickup / return (bưu chính công ích). */
  postalAddress?: string;
  postalPhone?: string;
  postalTimeWindow?: string;
}

/**
 * Where the public postal service (bưu chính công ích) stands with a dossier: papers to collect at home, collected,
 * result to deliver, delivered. Which of them a dossier goes through is its route (`postalRoute.ts`), from its
 * submission choice.
 */
export const POSTAL_STATUSES = ["to_pick_up", "picked_up", "to_deliver", "returned"] as const;
export type PostalStatus = (typeof POSTAL_STATUSES)[number];

/** The last postal move a clerk made; absent until the first, when the route's first step is where it stands. */
export interface PostalProgress {
  status: PostalStatus;
  updatedAt: string;
  byClerkId?: string;
}

export interface Dossier {
  code: string;
  procedureId: string;
  unitId: string | null;
  status: DossierStatus;
  fields: Record<string, FieldValue>;
  provenance: Record<string, Provenance>;
  submission: SubmissionChoice;
  /** The documents to bring or attach, from the procedure's facts. */
  documents: string[];
  /** Upload step id → attachment id. */
  attachments: Record<string, string>;
  locale: Locale;
  /**
   * The last day the office may take by law (`dd/mm/yyyy`): the procedure's processing time in working days from
   * the day it was received. Absent where the law sets no time, and on dossiers written before due dates existed.
   */
  dueDate?: string;
  /** Set by the clerks' postal moves; kept in the dossier's JSON, so no table changes for it. */
  postal?: PostalProgress;
  /** Why the office rejected it, told to the citizen. */
  rejectionReason?: string;
  /** What the office asks the citizen to add while the dossier `needs_more_info`, one item each, told to them. */
  missingItems?: string[];
  createdAt: string;
  updatedAt: string;
}
