import type { Value } from "../../flows/flowTypes";
import { procedureFacts } from "../../flows/procedureFacts";
import type { DossierDraft } from "../engine/engineIO";
import type { Dossier, FieldValue, ReturnMethod, SubmissionChoice, SubmitMethod } from "./dossier";

/** Answers that describe how the dossier travels rather than what the form says. */
export const SUBMISSION_KEYS = [
  "submitMethod",
  "returnMethod",
  "counterDate",
  "postalAddress",
  "postalPhone",
  "postalTimeWindow",
] as const;

function submissionOf(fields: Readonly<Record<string, Value>>): SubmissionChoice {
  const text = (key: string) => (typeof fields[key] === "string" ? (fields[key] as string) : undefined);
  const choice: SubmissionChoice = {
    submitMethod: (text("submitMethod") ?? "counter") as SubmitMethod,
    returnMethod: (text("returnMethod") ?? "counter") as ReturnMethod,
  };
  for (const key of ["counterDate", "postalAddress", "postalPhone", "postalTimeWindow"] as const) {
    const value = text(key);
    if (value !== undefined) choice[key] = value;
  }
  return choice;
}

/** A submitted dossier from a completed flow's draft, under its receipt code. */
export function createDossier(draft: DossierDraft, code: string, now: Date, dueDate?: string): Dossier {
  const fields: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(draft.fields)) {
    if (!(SUBMISSION_KEYS as readonly string[]).includes(key)) fields[key] = value;
  }
  const at = now.toISOString();
  return {
    code,
    procedureId: draft.procedureId,
    unitId: draft.unitId,
    status: "submitted",
    fields,
    provenance: { ...draft.sources },
    submission: submissionOf(draft.fields),
    documents: [...procedureFacts(draft.procedureId).documents],
    attachments: { ...draft.attachments },
    locale: draft.locale,
    ...(dueDate ? { dueDate } : {}),
    createdAt: at,
    updatedAt: at,
  };
}

/** The phone a dossier can be looked up with: the contact phone, else the form's own phone field. */
export function dossierPhone(dossier: Dossier): string | null {
  for (const key of ["contactPhone", "phone", "ownerPhone", "requesterPhone", "postalPhone"]) {
    const value = dossier.fields[key] ?? (key === "postalPhone" ? dossier.submission.postalPhone : undefined);
    if (typeof value === "string" && value !== "") return value;
  }
  return null;
}
