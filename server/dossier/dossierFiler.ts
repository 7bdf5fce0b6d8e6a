import type { FieldValue } from "./dossier";

// The person who files differs by form: the requester of a civil-status paper, the applicant of a criminal
// record (`fullName`), the owner of a household business, the person a marital status paper is for, a bride
// filing for both. Preferred in this order, then any other field named like a person's.
const NAME_KEYS = ["requesterFullName", "fullName", "ownerFullName", "applicantFullName", "subjectFullName"];
const ID_KEYS = ["requesterIdNumber", "personalIdNumber", "ownerIdNumber", "applicantIdNumber", "subjectIdNumber"];
const PHONE_KEYS = ["contactPhone", "requesterPhone", "ownerPhone"];

function firstText(fields: Record<string, FieldValue>, keys: readonly string[], suffix: string): string | null {
  for (const key of [...keys, ...Object.keys(fields).filter((k) => k.endsWith(suffix))]) {
    const value = fields[key];
    if ((typeof value === "string" && value.trim() !== "") || typeof value === "number") return String(value).trim();
  }
  return null;
}

/**
 * Who filed a dossier, as every list and export of the office names them: the same person in the console's
 * lists, the postal list and the CSV exports, whatever the procedure calls the field.
 */
export function dossierFiler(fields: Record<string, FieldValue>): {
  name: string | null;
  idNumber: string | null;
  phone: string | null;
} {
  return {
    name: firstText(fields, NAME_KEYS, "FullName"),
    idNumber: firstText(fields, ID_KEYS, "IdNumber"),
    phone: firstText(fields, PHONE_KEYS, "Phone"),
  };
}
