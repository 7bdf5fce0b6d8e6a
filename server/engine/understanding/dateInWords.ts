import { numberInWords } from "./numberInWords";
import { parseDate } from "./parseDate";

// Month names as spoken on the Gregorian calendar. Month 4 is "tư", never "bốn"; month 1 is
// "một" and month 12 "mười hai" ("giêng" and "chạp" name lunar months). Days and years use
// the plain reading of numberInWords, so day 4 is "bốn" and 2004 is "… không trăm linh bốn".
const MONTHS = ["một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một", "mười hai"] as const;

/**
 * Writes a date in words, as on the birth certificate ("Ngày, tháng, năm sinh bằng chữ").
 *
 * @param ddmmyyyy a valid date in the canonical `dd/mm/yyyy` of parseDate.
 * @throws RangeError on anything else: dates reach this function already parsed.
 * @example
 * dateInWords("05/03/2020") // "Ngày năm, tháng ba, năm hai nghìn không trăm hai mươi"
 * dateInWords("21/11/2019") // "Ngày hai mươi mốt, tháng mười một, năm hai nghìn không trăm mười chín"
 */
export function dateInWords(ddmmyyyy: string): string {
  const checked = /^\d{2}\/\d{2}\/\d{4}$/.test(ddmmyyyy) ? parseDate(ddmmyyyy) : undefined;
  if (!checked?.ok || checked.value !== ddmmyyyy) {
    throw new RangeError(`dateInWords: expected a valid date dd/mm/yyyy, got ${JSON.stringify(ddmmyyyy)}`);
  }
  const [day, month, year] = ddmmyyyy.split("/").map(Number) as [number, number, number];
  const lower = (n: number) => numberInWords(n).toLowerCase();
  return `Ngày ${lower(day)}, tháng ${MONTHS[month - 1]!}, năm ${lower(year)}`;
}
