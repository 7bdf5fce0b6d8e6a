import { t } from "../localized";
import { foldDiacritics } from "./foldDiacritics";
import { normalizeInput } from "./normalizeInput";
import { type ParseResult, parsed, rejected } from "./parseResult";

/** Options of {@link parseDate}. */
export interface ParseDateOptions {
  /** The current date as ISO `yyyy-mm-dd`, given by the caller's clock; required by the two checks below. */
  today?: string;
  /** Rejects a date after `today` (a birth or a death). @default false */
  notInFuture?: boolean;
  /** Rejects a date before `today` (an appointment at the counter). @default false */
  notInPast?: boolean;
  /** Rejects a year more than this many years before `today`'s (a child born a century ago). */
  maxYearsAgo?: number;
}

const EXAMPLE = "05/03/2020";
// Civil-status registers in use start in the 20th century; a year outside this window is a
// typo ("2202", "1099"), never a real answer on these forms.
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

// Patterns run on folded text (lower case, no diacritics), so "Ngày 5 Tháng 3" and
// "ngay 5 thang 3" are one case. Surrounding words are tolerated: the first date wins.
const YEAR_FIRST = /(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)/;
const DAY_FIRST = /(?<!\d)(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d+)(?!\d)/;
const IN_WORDS = /(?<!\d)(\d{1,2})\s*,?\s*(?:thang|thg)\s*(\d{1,2})(?!\d)\s*[,/.-]?\s*(?:nam\s*)?(\d+)(?!\d)/;
const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAME = `(${MONTH_NAMES.join("|")})[a-z]*\\.?`;
// English answers come from `--lang en` citizens; "March 5, 2020" is the one month-first form
// accepted, because the month name makes it unambiguous.
const ENGLISH_DAY_FIRST = new RegExp(
  `(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME},?\\s+(\\d+)(?!\\d)`,
);
const ENGLISH_MONTH_FIRST = new RegExp(`(?<![a-z])${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d+)(?!\\d)`);
const DAY_MONTH_ONLY = /(?<!\d)\d{1,2}\s*(?:[-/.]|\s(?:thang|thg)\s)\s*\d{1,2}(?!\d)/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

interface DateParts {
  day: number;
  month: number;
  yearText: string;
}

/**
 * Reads a calendar date typed by a citizen, day first as Vietnamese write it, and returns it
 * as `dd/mm/yyyy`. Accepts `5/3/2020`, `05-03-2020`, `5.3.2020`, ISO `2020-03-05`,
 * `ngày 5 tháng 3 năm 2020` with or without diacritics, `5 thang 3 2020`, and English
 * `5 March 2020`, inside a longer sentence ("sinh ngày 5/3/2020").
 *
 * Two-digit years are refused (`DATE_YEAR_TWO_DIGITS`): "20" is 1920 for a grandparent and
 * 2020 for a child, and a wrong century on a birth certificate costs a correction procedure.
 *
 * Codes: `DATE_UNREADABLE`, `DATE_YEAR_TWO_DIGITS`, `DATE_IMPOSSIBLE` (31/02, 29/02/2023,
 * month 13), `DATE_OUT_OF_RANGE` (year outside 1900–2100), `DATE_IN_FUTURE`, `DATE_IN_PAST`.
 *
 * @throws Error when `notInFuture` or `notInPast` is set without a valid ISO `today`: that is
 * a bug in the caller, not a citizen's mistake.
 * @example
 * parseDate("sinh ngày 5/3/2020")               // { ok: true, value: "05/03/2020" }
 * parseDate("2020-03-05")                       // { ok: true, value: "05/03/2020" }
 * parseDate("31/02/2020").ok                    // false, code "DATE_IMPOSSIBLE"
 * parseDate("01/01/2030", { today: "2026-05-01", notInFuture: true }) // code "DATE_IN_FUTURE"
 */
export function parseDate(text: string, options: ParseDateOptions = {}): ParseResult<string> {
  const bounded = options.notInFuture || options.notInPast || options.maxYearsAgo !== undefined;
  const today = bounded ? readToday(options.today) : undefined;
  const folded = foldDiacritics(normalizeInput(text));
  const parts = findDate(folded);
  if (!parts) return unreadable(DAY_MONTH_ONLY.test(folded));

  const { day, month, yearText } = parts;
  if (yearText.length === 2) {
    // What the field allows may leave one century: a newborn's "26" is 2026, a parent's "95" is 1995. The
    // citizen is shown the year understood, to confirm it.
    const fitting = today
      ? ["19", "20"].map((century) => checkedDate(day, month, Number(century + yearText), options, today))
      : [];
    const only = fitting.filter((result) => result.ok);
    if (only.length === 1 && only[0]!.ok) {
      const value = only[0]!.value;
      return parsed(value, {
        code: "DATE_YEAR_ASSUMED",
        message: t(
          `Năm "${yearText}" được hiểu là năm ${value.slice(-4)}: ngày ${value}.`,
          `The year "${yearText}" is read as ${value.slice(-4)}: ${value}.`,
        ),
      });
    }
    return rejected(
      "DATE_YEAR_TWO_DIGITS",
      t(
        `Năm "${yearText}" có thể là 19${yearText} hoặc 20${yearText}. Xin ghi năm đủ 4 chữ số. Ví dụ: ${EXAMPLE}`,
        `The year "${yearText}" could be 19${yearText} or 20${yearText}. Please write the year with 4 digits. ` +
          `Example: ${EXAMPLE}`,
      ),
    );
  }
  if (yearText.length !== 4) return unreadable(false);
  return checkedDate(day, month, Number(yearText), options, today);
}

/** The date if it exists and is one the field allows, else why not. */
function checkedDate(
  day: number,
  month: number,
  year: number,
  options: ParseDateOptions,
  today: { key: number; display: string } | undefined,
): ParseResult<string> {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return rejected(
      "DATE_OUT_OF_RANGE",
      t(
        `Năm ${year} nằm ngoài khoảng nhận được (${MIN_YEAR} đến ${MAX_YEAR}). Xin kiểm tra lại năm. Ví dụ: ${EXAMPLE}`,
        `The year ${year} is outside the accepted range (${MIN_YEAR} to ${MAX_YEAR}). Please check the year. ` +
          `Example: ${EXAMPLE}`,
      ),
    );
  }
  const impossible = checkCalendar(day, month, year);
  if (impossible) return impossible;

  const value = `${pad(day)}/${pad(month)}/${year}`;
  const key = year * 10000 + month * 100 + day;
  if (today && options.notInFuture && key > today.key) {
    return rejected(
      "DATE_IN_FUTURE",
      t(
        `Ngày ${value} ở sau hôm nay (${today.display}). Xin kiểm tra lại ngày, tháng, năm. Ví dụ: ${EXAMPLE}`,
        `${value} is after today (${today.display}). Please check the day, month and year. Example: ${EXAMPLE}`,
      ),
    );
  }
  if (today && options.notInPast && key < today.key) {
    return rejected(
      "DATE_IN_PAST",
      t(
        `Ngày ${value} đã qua (hôm nay là ${today.display}). Xin chọn một ngày từ hôm nay trở đi.`,
        `${value} has already passed (today is ${today.display}). Please choose today or a later date.`,
      ),
    );
  }
  const oldest =
    today && options.maxYearsAgo !== undefined ? Math.floor(today.key / 10000) - options.maxYearsAgo : null;
  if (oldest !== null && year <= oldest) {
    const ago = Math.floor(today!.key / 10000) - year;
    return rejected(
      "DATE_TOO_OLD",
      t(
        `Năm ${year} là ${ago} năm trước. Xin kiểm tra lại năm. Ví dụ: ${EXAMPLE}`,
        `${year} is ${ago} years ago. Please check the year. Example: ${EXAMPLE}`,
      ),
    );
  }
  return parsed(value);
}

function findDate(folded: string): DateParts | undefined {
  const candidates: Array<{ index: number; parts: DateParts }> = [];
  const add = (match: RegExpExecArray | null, read: (m: RegExpExecArray) => DateParts) => {
    if (match) candidates.push({ index: match.index, parts: read(match) });
  };
  add(YEAR_FIRST.exec(folded), (m) => ({ day: Number(m[3]), month: Number(m[2]), yearText: m[1]! }));
  add(DAY_FIRST.exec(folded), (m) => ({ day: Number(m[1]), month: Number(m[2]), yearText: m[3]! }));
  add(IN_WORDS.exec(folded), (m) => ({ day: Number(m[1]), month: Number(m[2]), yearText: m[3]! }));
  add(ENGLISH_DAY_FIRST.exec(folded), (m) => ({ day: Number(m[1]), month: monthNumber(m[2]!), yearText: m[3]! }));
  add(ENGLISH_MONTH_FIRST.exec(folded), (m) => ({ day: Number(m[2]), month: monthNumber(m[1]!), yearText: m[3]! }));
  // The earliest date in the sentence is the answer; later ones are usually context
  // ("sinh 5/3/2020, đăng ký 2020-04-01").
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0]?.parts;
}

function checkCalendar(day: number, month: number, year: number): ParseResult<string> | undefined {
  if (month < 1 || month > 12) {
    // "03/25/2020" is the American order; say which number goes first.
    const swapped = day >= 1 && day <= 12 && month <= 31;
    return rejected(
      "DATE_IMPOSSIBLE",
      t(
        `Không có tháng ${month}: tháng chỉ từ 1 đến 12.${swapped ? " Xin ghi ngày trước, tháng sau." : ""} Ví ` +
          `dụ: ${EXAMPLE}`,
        `There is no month ${month}: months go from 1 to ` +
          `12.${swapped ? " Please write the day first, then the month." : ""} Example: ${EXAMPLE}`,
      ),
    );
  }
  const length = daysInMonth(month, year);
  if (day < 1 || day > length) {
    const written = `${pad(day)}/${pad(month)}/${year}`;
    return rejected(
      "DATE_IMPOSSIBLE",
      t(
        `Ngày ${written} không có trên lịch: tháng ${month} năm ${year} có ${length} ngày. Xin kiểm tra lại. Ví ` +
          `dụ: ${EXAMPLE}`,
        `${written} is not on the calendar: month ${month} of ${year} has ${length} days. Please check it. ` +
          `Example: ${EXAMPLE}`,
      ),
    );
  }
  return undefined;
}

function daysInMonth(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function readToday(today: string | undefined): { key: number; display: string } {
  const match = today === undefined ? null : ISO_DAY.exec(today);
  if (!match) throw new Error(`parseDate: options.today must be an ISO date yyyy-mm-dd, got ${String(today)}`);
  const [, y, m, d] = match;
  return { key: Number(y) * 10000 + Number(m) * 100 + Number(d), display: `${d}/${m}/${y}` };
}

function monthNumber(name: string): number {
  return MONTH_NAMES.indexOf(name) + 1;
}

function unreadable(missingYear: boolean): ParseResult<string> {
  return rejected(
    "DATE_UNREADABLE",
    missingYear
      ? t(
          `Ngày này thiếu năm. Xin ghi đủ ngày, tháng, năm (năm 4 chữ số). Ví dụ: ${EXAMPLE}`,
          `This date has no year. Please write the day, the month and the year (4 digits). Example: ${EXAMPLE}`,
        )
      : t(
          `Tôi chưa đọc được ngày này. Xin ghi ngày, tháng, năm theo thứ tự đó, năm đủ 4 chữ số. Ví dụ: ${EXAMPLE}`,
          `I could not read this date. Please write the day, the month and the year, in that order, with a ` +
            `4-digit year. Example: ${EXAMPLE}`,
        ),
  );
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
