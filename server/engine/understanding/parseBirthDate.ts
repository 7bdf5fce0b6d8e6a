import { t } from "../localized";
import { parseDate } from "./parseDate";
import { type ParseResult, rejected } from "./parseResult";

/** Nobody living is older: a date of birth before it is a typo in the year. */
const MAX_AGE = 120;

/**
 * Reads a date of birth: {@link parseDate} with dates after `today` refused, and a message
 * that says why. Same codes as parseDate.
 *
 * @param today the current date as ISO `yyyy-mm-dd`, from the engine's clock.
 * @example
 * parseBirthDate("ngay 5 thang 3 nam 2020", "2026-05-01") // { ok: true, value: "05/03/2020" }
 * parseBirthDate("05/03/2027", "2026-05-01").ok           // false, code "DATE_IN_FUTURE"
 */
export function parseBirthDate(text: string, today: string, maxYearsAgo = MAX_AGE): ParseResult<string> {
  const result = parseDate(text, { today, notInFuture: true, maxYearsAgo });
  if (result.ok || result.code !== "DATE_IN_FUTURE") return result;
  const plain = parseDate(text);
  const value = plain.ok ? plain.value : text;
  return rejected(
    "DATE_IN_FUTURE",
    t(
      `Ngày sinh không thể ở tương lai: ${value} ở sau hôm nay. Xin kiểm tra lại năm sinh. Ví dụ: 05/03/2020`,
      `A date of birth cannot be in the future: ${value} is after today. Please check the year of birth. Example: ` +
        `05/03/2020`,
    ),
  );
}
