import type { ParseResult } from "../../server/engine/understanding/parseResult";

/** The parser accepted the text and gave exactly this canonical value. */
export function expectValue<T>(result: ParseResult<T>, value: T): void {
  expect(result).toEqual({ ok: true, value });
}

/**
 * The parser refused the text with this code and a message in both languages; returns the
 * Vietnamese message for further checks.
 */
export function expectRejected(result: ParseResult<unknown>, code: string): string {
  expect(result).toMatchObject({ ok: false, code });
  if (result.ok) throw new Error(`accepted, expected ${code}`);
  expect(result.message.vi.trim()).not.toBe("");
  expect(result.message.en.trim()).not.toBe("");
  return result.message.vi;
}

export const pad = (n: number): string => String(n).padStart(2, "0");

/** Whether day, month and year make a date of the Gregorian calendar. */
export function isRealDate(day: number, month: number, year: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
