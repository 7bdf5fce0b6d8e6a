// Personal ID numbers (12 digits), old CMND (9), mobile phones (0/84/+84 then 9 digits),
// written with or without spaces, dots or dashes between groups of digits.
const DIGIT_RUN = /(?<![A-Za-z0-9-])(?:\+?\d[\d .-]{7,}\d)/g;

/** Whether a run of digits (separators removed) looks like an ID number or a phone number. */
function isPersonalNumber(run: string): boolean {
  const digits = run.replace(/\D/g, "");
  return digits.length === 9 || digits.length === 12 || /^(?:0|84)\d{9}$/.test(digits);
}

/**
 * Replaces CCCD/CMND numbers and phone numbers in a log value with "[redacted]", in strings
 * at any depth. Log lines never carry citizen messages; this catches what slips into an error
 * message or an identifier (Nghị định 13/2023 on personal data).
 *
 * @example redactPersonalData("CCCD 087190001234 sai") // "CCCD [redacted] sai"
 */
export function redactPersonalData<T>(value: T, depth = 0): T {
  if (typeof value === "string") {
    return value.replace(DIGIT_RUN, (run) => (isPersonalNumber(run) ? "[redacted]" : run)) as T;
  }
  if (depth > 5 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactPersonalData(v, depth + 1)) as T;
  if (value instanceof Error) {
    const copy = new Error(redactPersonalData(value.message));
    copy.name = value.name;
    copy.stack = redactPersonalData(value.stack ?? "");
    return copy as T;
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactPersonalData(v, depth + 1)])) as T;
}
