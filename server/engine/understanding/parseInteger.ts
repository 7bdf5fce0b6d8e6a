import { type Locale, t } from "../localized";
import { foldToWords } from "./foldDiacritics";
import { normalizeInput } from "./normalizeInput";
import { type ParseResult, parsed, rejected } from "./parseResult";

/** Options of {@link parseInteger}. */
export interface ParseIntegerOptions {
  /** Smallest accepted value, inclusive. @default no limit */
  min?: number;
  /** Largest accepted value, inclusive. @default Number.MAX_SAFE_INTEGER */
  max?: number;
}

// Folded, so "năm" and "nam", "bốn" and "bon" are the same word. "lăm" (5) and "mốt" (1)
// only exist after a ten; "tư" (4) is the colloquial four ("mười tư", "hai mươi tư").
const VI_DIGITS: ReadonlyMap<string, number> = new Map([
  ["khong", 0],
  ["mot", 1],
  ["hai", 2],
  ["ba", 3],
  ["bon", 4],
  ["tu", 4],
  ["nam", 5],
  ["sau", 6],
  ["bay", 7],
  ["tam", 8],
  ["chin", 9],
]);
const VI_UNITS_AFTER_TEN: ReadonlyMap<string, number> = new Map([
  ...[...VI_DIGITS].filter(([, n]) => n > 0),
  ["lam", 5],
]);
const VI_TEN = "muoi"; // both "mười" (ten) and "mươi" (-ty) fold to this
const EN_SMALL: ReadonlyMap<string, number> = new Map(
  [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
  ].map((w, n) => [w, n]),
);
const EN_TENS: ReadonlyMap<string, number> = new Map(
  ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"].map((w, i) => [w, (i + 2) * 10]),
);

// A count written with digits, optionally grouped by thousands ("1.000", "1,000").
const DIGITS = /(?<![\d.,])(-?)(\d{1,3}(?:([.,])\d{3}(?:\3\d{3})*)?|\d+)(?![\d])(?![.,]\d)/g;
const ANY_DIGIT = /\d/;

/**
 * Reads a whole number: digits with words around them (`3`, `3 bản`, `-2`, `1.000`), or
 * Vietnamese number words up to 99 with or without diacritics (`một`, `bốn`/`tư`, `mười lăm`,
 * `hai mươi`, `hai muoi mot`), or English words up to ninety-nine (`three`, `twenty-one`).
 * An answer holding two numbers ("2 hoặc 3") is refused rather than guessed.
 *
 * Codes: `INTEGER_UNREADABLE`, `INTEGER_TOO_SMALL`, `INTEGER_TOO_LARGE` (the message states
 * the allowed range).
 *
 * @example
 * parseInteger("3 bản")                 // { ok: true, value: 3 }
 * parseInteger("mười lăm")              // { ok: true, value: 15 }
 * parseInteger("12", { min: 1, max: 10 }).ok // false, code "INTEGER_TOO_LARGE"
 */
export function parseInteger(text: string, options: ParseIntegerOptions = {}): ParseResult<number> {
  const { min, max = Number.MAX_SAFE_INTEGER } = options;
  const normalized = normalizeInput(text);
  const value = ANY_DIGIT.test(normalized) ? readDigits(normalized) : readWords(foldToWords(normalized));
  if (value === undefined) {
    return rejected(
      "INTEGER_UNREADABLE",
      t(
        `Tôi chưa hiểu con số này. Xin ghi một số bằng chữ số${describeRange(min, options.max, "vi")}. Ví dụ: ` +
          `${example(min, options.max)}`,
        `I could not read this number. Please write one number in digits${describeRange(min, options.max, "en")}. ` +
          `Example: ${example(min, options.max)}`,
      ),
    );
  }
  if (min !== undefined && value < min) {
    return rejected(
      "INTEGER_TOO_SMALL",
      t(
        `Số ${value} nhỏ quá. Xin ghi một số${describeRange(min, options.max, "vi")}. Ví dụ: ` +
          `${example(min, options.max)}`,
        `${value} is too small. Please write a number${describeRange(min, options.max, "en")}. Example: ` +
          `${example(min, options.max)}`,
      ),
    );
  }
  if (value > max) {
    return rejected(
      "INTEGER_TOO_LARGE",
      t(
        `Số ${value} lớn quá. Xin ghi một số${describeRange(min, max, "vi")}. Ví dụ: ${example(min, max)}`,
        `${value} is too large. Please write a number${describeRange(min, max, "en")}. Example: ${example(min, max)}`,
      ),
    );
  }
  return parsed(value);
}

function readDigits(normalized: string): number | undefined {
  const matches = [...normalized.matchAll(DIGITS)];
  if (matches.length !== 1) return undefined;
  const [, sign, digits] = matches[0]!;
  // Past 2^53 a number is no longer exact; no count on a form comes near it.
  const value = Number(`${sign}${digits!.replace(/[.,]/g, "")}`);
  return Number.isSafeInteger(value) ? (Object.is(value, -0) ? 0 : value) : undefined;
}

/** Finds the single run of number words in the answer and reads it. */
function readWords(words: string): number | undefined {
  const tokens = words.split(" ");
  const runs: string[][] = [];
  let current: string[] = [];
  for (const token of tokens) {
    if (isNumberWord(token)) {
      current.push(token);
    } else if (current.length > 0) {
      runs.push(current);
      current = [];
    }
  }
  if (current.length > 0) runs.push(current);
  if (runs.length !== 1) return undefined;
  return readVietnamese(runs[0]!) ?? readEnglish(runs[0]!);
}

function isNumberWord(token: string): boolean {
  return (
    VI_UNITS_AFTER_TEN.has(token) ||
    VI_DIGITS.has(token) ||
    token === VI_TEN ||
    EN_SMALL.has(token) ||
    EN_TENS.has(token)
  );
}

function readVietnamese(run: string[]): number | undefined {
  const [first, second, third, ...rest] = run;
  if (first === undefined || rest.length > 0) return undefined;
  if (second === undefined) {
    if (first === VI_TEN) return 10;
    return VI_DIGITS.get(first);
  }
  // "mười", "mười một" … "mười chín"
  if (first === VI_TEN) {
    if (third !== undefined) return undefined;
    const unit = VI_UNITS_AFTER_TEN.get(second);
    return unit === undefined ? undefined : 10 + unit;
  }
  // "hai mươi", "hai mươi mốt" … "chín mươi chín"
  const tens = VI_DIGITS.get(first);
  if (tens === undefined || tens < 2 || second !== VI_TEN) return undefined;
  if (third === undefined) return tens * 10;
  const unit = VI_UNITS_AFTER_TEN.get(third);
  return unit === undefined ? undefined : tens * 10 + unit;
}

function readEnglish(run: string[]): number | undefined {
  const [first, second, ...rest] = run;
  if (first === undefined || rest.length > 0) return undefined;
  if (second === undefined) return EN_SMALL.get(first) ?? EN_TENS.get(first);
  const tens = EN_TENS.get(first);
  const unit = EN_SMALL.get(second);
  return tens !== undefined && unit !== undefined && unit >= 1 && unit <= 9 ? tens + unit : undefined;
}

function describeRange(min: number | undefined, max: number | undefined, locale: Locale): string {
  if (min !== undefined && max !== undefined)
    return locale === "vi" ? ` từ ${min} đến ${max}` : ` from ${min} to ${max}`;
  if (min !== undefined) return locale === "vi" ? ` từ ${min} trở lên` : ` of at least ${min}`;
  if (max !== undefined) return locale === "vi" ? ` không quá ${max}` : ` of at most ${max}`;
  return "";
}

function example(min: number | undefined, max: number | undefined): number {
  if (min !== undefined) return min === 0 && (max === undefined || max >= 1) ? 1 : min;
  return max !== undefined && max < 1 ? max : 1;
}
