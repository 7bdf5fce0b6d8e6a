const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"] as const;
const BILLION = 1_000_000_000;
const LIMIT = 1_000_000_000_000_000;

/**
 * Reads a whole number in Vietnamese as written on official forms ("Vốn kinh doanh bằng
 * chữ"), first letter capitalised.
 *
 * Conventions, those of accounting and civil-status practice:
 * - a zero tens digit before a unit is "linh" (105 → "một trăm linh năm"), not "lẻ";
 * - a group after the first keeps its hundreds even when zero
 *   (2020 → "hai nghìn không trăm hai mươi"); all-zero groups are not read;
 * - 1 after a tens word of 20 or more is "mốt", 5 after any tens word is "lăm",
 *   4 is always "bốn" (14 → "mười bốn", 24 → "hai mươi bốn");
 * - "nghìn" rather than the southern "ngàn"; above a billion the count of "tỷ" is read as a
 *   number of its own (10^12 → "một nghìn tỷ", 10^15 → "một triệu tỷ").
 *
 * @throws RangeError when `n` is not an integer from 0 to 10^15: amounts reach this function
 * through parseMoney, so anything else is a bug.
 * @example
 * numberInWords(105)        // "Một trăm linh năm"
 * numberInWords(2020)       // "Hai nghìn không trăm hai mươi"
 * numberInWords(1_500_000)  // "Một triệu năm trăm nghìn"
 */
export function numberInWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > LIMIT) {
    throw new RangeError(`numberInWords: expected an integer from 0 to 10^15, got ${n}`);
  }
  const words = n === 0 ? DIGITS[0] : read(n, false).join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `full`: the number follows a larger part, so a zero hundreds digit is still read. */
function read(n: number, full: boolean): string[] {
  if (n >= BILLION) {
    const high = Math.floor(n / BILLION);
    const low = n % BILLION;
    return [...read(high, full), "tỷ", ...(low > 0 ? read(low, true) : [])];
  }
  const groups: Array<[number, string]> = [
    [Math.floor(n / 1_000_000), "triệu"],
    [Math.floor(n / 1000) % 1000, "nghìn"],
    [n % 1000, ""],
  ];
  const words: string[] = [];
  let readSoFar = full;
  for (const [value, scale] of groups) {
    if (value === 0) continue;
    words.push(...readGroup(value, readSoFar));
    if (scale) words.push(scale);
    readSoFar = true;
  }
  return words;
}

function readGroup(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const words: string[] = [];
  if (full || hundreds > 0) words.push(DIGITS[hundreds]!, "trăm");
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push("linh");
  } else if (tens === 1) {
    words.push("mười");
  } else {
    words.push(DIGITS[tens]!, "mươi");
  }
  if (units === 0) return words;
  if (units === 1 && tens >= 2) words.push("mốt");
  else if (units === 5 && tens >= 1) words.push("lăm");
  else words.push(DIGITS[units]!);
  return words;
}
