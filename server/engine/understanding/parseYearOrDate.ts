import { t } from "../localized";
import { normalizeInput } from "./normalizeInput";
import { parseDate } from "./parseDate";
import { type ParseResult, parsed, rejected } from "./parseResult";

const MIN_YEAR = 1900;
const DIGIT_GROUPS = /\d+/g;
const EXAMPLE_VI = "05/03/1960, hoặc chỉ năm: 1960";
const EXAMPLE_EN = "05/03/1960, or the year alone: 1960";

/**
 * Reads a parent's "năm sinh": a full date of birth (`dd/mm/yyyy`) or, when the citizen does
 * not know it, the year alone (`1960`, `năm 1960`), which the birth-registration form accepts.
 * Neither may be after `today`.
 *
 * A year is taken only when it is the one number in the answer: "3/1960" is a month the
 * citizen meant to give, and silently dropping it would lose information.
 *
 * Codes: those of {@link parseDate}; a year alone can be `DATE_YEAR_TWO_DIGITS`,
 * `DATE_OUT_OF_RANGE` (before 1900) or `DATE_IN_FUTURE`.
 *
 * @param today the current date as ISO `yyyy-mm-dd`, from the engine's clock.
 * @example
 * parseYearOrDate("năm 1960", "2026-05-01")    // { ok: true, value: "1960" }
 * parseYearOrDate("5/3/1960", "2026-05-01")    // { ok: true, value: "05/03/1960" }
 * parseYearOrDate("2030", "2026-05-01").ok     // false, code "DATE_IN_FUTURE"
 */
export function parseYearOrDate(text: string, today: string): ParseResult<string> {
  const asDate = parseDate(text, { today, notInFuture: true });
  if (asDate.ok || asDate.code !== "DATE_UNREADABLE") return asDate;

  const groups = normalizeInput(text).match(DIGIT_GROUPS) ?? [];
  const only = groups.length === 1 ? groups[0]! : undefined;
  if (only?.length === 2) {
    return rejected(
      "DATE_YEAR_TWO_DIGITS",
      t(
        `Năm "${only}" có thể là 19${only} hoặc 20${only}. Xin ghi năm đủ 4 chữ số. Ví dụ: ${EXAMPLE_VI}`,
        `The year "${only}" could be 19${only} or 20${only}. Please write the year with 4 digits. Example: ` +
          `${EXAMPLE_EN}`,
      ),
    );
  }
  if (only?.length !== 4) {
    return rejected(
      "DATE_UNREADABLE",
      t(
        `Tôi chưa đọc được ngày hoặc năm sinh này. Xin ghi ngày, tháng, năm sinh, hoặc chỉ năm sinh nếu không nhớ ` +
          `ngày. Ví dụ: ${EXAMPLE_VI}`,
        `I could not read this date or year of birth. Please write the day, month and year, or only the year if ` +
          `the date is unknown. Example: ${EXAMPLE_EN}`,
      ),
    );
  }
  const year = Number(only);
  const currentYear = Number(today.slice(0, 4));
  if (year < MIN_YEAR) {
    return rejected(
      "DATE_OUT_OF_RANGE",
      t(
        `Năm ${year} quá xa (năm sinh nhận từ ${MIN_YEAR}). Xin kiểm tra lại. Ví dụ: ${EXAMPLE_VI}`,
        `The year ${year} is too early (years from ${MIN_YEAR} are accepted). Please check it. Example: ${EXAMPLE_EN}`,
      ),
    );
  }
  if (year > currentYear) {
    return rejected(
      "DATE_IN_FUTURE",
      t(
        `Năm sinh không thể ở tương lai: ${year} ở sau năm nay (${currentYear}). Xin kiểm tra lại. Ví dụ: ` +
          `${EXAMPLE_VI}`,
        `A year of birth cannot be in the future: ${year} is after this year (${currentYear}). Please check it. ` +
          `Example: ${EXAMPLE_EN}`,
      ),
    );
  }
  return parsed(only);
}
