import { t } from "../localized";
import { foldDiacritics, foldToWords } from "./foldDiacritics";
import { normalizeInput } from "./normalizeInput";
import { type ParseResult, parsed, rejected } from "./parseResult";

/** Options of {@link parseMonthYear}. */
export interface ParseMonthYearOptions {
  /**
   * Accepts "until now" (`nay`, `hiện nay`, `hiện tại`, `now`) and returns `"nay"`: the end of
   * a period on the criminal-record form ("từ 03/2015 đến nay"). @default false
   */
  allowNow?: boolean;
}

const EXAMPLE = "03/2015";
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const NOW_WORDS = new Set([
  "nay",
  "hien nay",
  "hien tai",
  "hien gio",
  "bay gio",
  "den nay",
  "now",
  "present",
  "until now",
  "to date",
]);

// On folded text; a full date ("5/3/2015") yields its month and year.
const MONTH_FIRST = /(?<!\d)(\d{1,2})\s*[-/.]\s*(\d+)(?!\d)/;
const FULL_DATE = /(?<!\d)(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})(?!\d)/;
const IN_WORDS = /(?:thang|thg)\s*(\d{1,2})(?!\d)\s*[,/.-]?\s*(?:nam\s*)?(\d+)(?!\d)/;
const YEAR_FIRST = /(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})(?!\d)/;

/**
 * Reads a month and year ("tháng 3 năm 2015") and returns `mm/yyyy`. Accepts `3/2015`,
 * `03-2015`, `2015-03`, `tháng 3 năm 2015`, `thang 3/2015`; with `allowNow`, also "until now".
 *
 * Codes: `MONTH_YEAR_UNREADABLE` (including two-digit years, which are ambiguous),
 * `MONTH_YEAR_IMPOSSIBLE` (month 13), `MONTH_YEAR_OUT_OF_RANGE` (year outside 1900–2100).
 *
 * @example
 * parseMonthYear("thang 3/2015")                     // { ok: true, value: "03/2015" }
 * parseMonthYear("hiện nay", { allowNow: true })     // { ok: true, value: "nay" }
 * parseMonthYear("13/2015").ok                       // false, code "MONTH_YEAR_IMPOSSIBLE"
 */
export function parseMonthYear(text: string, options: ParseMonthYearOptions = {}): ParseResult<string> {
  const normalized = normalizeInput(text);
  if (options.allowNow && NOW_WORDS.has(foldToWords(normalized))) return parsed("nay");
  const folded = foldDiacritics(normalized);
  const found = findMonthYear(folded);
  if (!found || found.yearText.length !== 4) return unreadable(options.allowNow === true, found?.yearText.length === 2);
  const month = Number(found.monthText);
  const year = Number(found.yearText);
  if (month < 1 || month > 12) {
    return rejected(
      "MONTH_YEAR_IMPOSSIBLE",
      t(
        `Không có tháng ${month}: tháng chỉ từ 1 đến 12. Ví dụ: ${EXAMPLE}`,
        `There is no month ${month}: months go from 1 to 12. Example: ${EXAMPLE}`,
      ),
    );
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return rejected(
      "MONTH_YEAR_OUT_OF_RANGE",
      t(
        `Năm ${year} nằm ngoài khoảng nhận được (${MIN_YEAR} đến ${MAX_YEAR}). Xin kiểm tra lại năm. Ví dụ: ${EXAMPLE}`,
        `The year ${year} is outside the accepted range (${MIN_YEAR} to ${MAX_YEAR}). Please check the year. ` +
          `Example: ${EXAMPLE}`,
      ),
    );
  }
  return parsed(`${String(month).padStart(2, "0")}/${year}`);
}

function findMonthYear(folded: string): { monthText: string; yearText: string } | undefined {
  const candidates: Array<{ index: number; monthText: string; yearText: string }> = [];
  const inWords = IN_WORDS.exec(folded);
  if (inWords) candidates.push({ index: inWords.index, monthText: inWords[1]!, yearText: inWords[2]! });
  const monthFirst = MONTH_FIRST.exec(folded);
  if (monthFirst) candidates.push({ index: monthFirst.index, monthText: monthFirst[1]!, yearText: monthFirst[2]! });
  const yearFirst = YEAR_FIRST.exec(folded);
  if (yearFirst) candidates.push({ index: yearFirst.index, monthText: yearFirst[2]!, yearText: yearFirst[1]! });
  candidates.sort((a, b) => a.index - b.index);
  const first = candidates[0];
  if (!first) return undefined;
  // "5/3/2015": the first pair is day/month; the month and year are the last two numbers.
  const fullDate = FULL_DATE.exec(folded);
  if (fullDate && fullDate.index === first.index) return { monthText: fullDate[2]!, yearText: fullDate[3]! };
  return first;
}

function unreadable(allowNow: boolean, twoDigitYear: boolean): ParseResult<string> {
  const now = allowNow ? ` Nếu vẫn đang tiếp diễn, ghi "nay".` : "";
  const nowEn = allowNow ? ` If it is still going on, write "now".` : "";
  return rejected(
    "MONTH_YEAR_UNREADABLE",
    twoDigitYear
      ? t(
          `Xin ghi năm đủ 4 chữ số. Ví dụ: ${EXAMPLE}.${now}`,
          `Please write the year with 4 digits. Example: ${EXAMPLE}.${nowEn}`,
        )
      : t(
          `Tôi chưa đọc được tháng và năm. Xin ghi tháng rồi năm. Ví dụ: ${EXAMPLE}.${now}`,
          `I could not read the month and year. Please write the month, then the year. Example: ${EXAMPLE}.${nowEn}`,
        ),
  );
}
