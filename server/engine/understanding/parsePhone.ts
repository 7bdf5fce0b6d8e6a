import { t } from "../localized";
import { normalizeInput } from "./normalizeInput";
import { rejected, parsed, type ParseResult } from "./parseResult";

/** Separators people put in phone numbers: "0912 345 678", "0912.345.678", "(+84) 912-345-678". */
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212()/]/g;
/** Mobile prefixes since the 2018 switch to 10 digits: 03, 05, 07, 08, 09. */
const MOBILE = /^0[35789]\d{8}$/;
const EXAMPLE = "0912 345 678";

/**
 * Reads a Vietnamese mobile phone number and returns it as 10 digits starting with 0.
 * Accepts the country code written as `+84`, `84`, `0084` or `(+84)`, with or without the
 * leading 0 after it, and spaces, dots, dashes or brackets between groups.
 *
 * Landlines (02x) are refused: the office texts the receipt code and the result by SMS and
 * the postal service calls the mobile to arrange pick-up, which a landline cannot receive.
 * The 11-digit 01x numbers were moved to 03/05/07/08 in 2018, so they are refused with
 * that hint rather than guessed.
 *
 * @example parsePhone("+84 912 345 678") // { ok: true, value: "0912345678" }
 * @example parsePhone("0277 3851 234").ok // false, code "PHONE_NOT_MOBILE"
 */
export function parsePhone(text: string, options: { allowLandline?: boolean } = {}): ParseResult<string> {
  const compact = numberPart(normalizeInput(text)).replace(SEPARATORS, "");
  const local = toLocal(compact);
  if (local !== undefined && MOBILE.test(local)) return parsed(local);
  // Landlines since 2017: 02 + area code + number, 11 digits in all (10 in a few provinces).
  if (options.allowLandline && local !== undefined && /^02\d{8,9}$/.test(local)) return parsed(local);
  if (local !== undefined && /^02\d{8,9}$/.test(local)) {
    return rejected(
      "PHONE_NOT_MOBILE",
      t(
        `Số ${local} là số điện thoại bàn. Bạn cho xin số di động (10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc ` +
          `09) để cơ quan gửi tin nhắn SMS và gọi lại khi cần. Ví dụ: ${EXAMPLE}.`,
        `${local} is a landline. Please give a mobile number (10 digits starting with 03, 05, 07, 08 or 09) so ` +
          `the office can send text messages and call back. Example: ${EXAMPLE}.`,
      ),
    );
  }
  if (local !== undefined && /^01\d{9}$/.test(local)) {
    return rejected(
      "PHONE_INVALID",
      t(
        `Số di động 11 chữ số bắt đầu bằng 01 đã được đổi sang 10 chữ số từ năm 2018 (ví dụ 0169… thành 039…). ` +
          `Bạn nhập số mới giúp. Ví dụ: ${EXAMPLE}.`,
        `11-digit mobile numbers starting with 01 were changed to 10 digits in 2018 (0169… became 039…, for ` +
          `example). Please type the new number. Example: ${EXAMPLE}.`,
      ),
    );
  }
  const digitCount = (compact.match(/\d/g) ?? []).length;
  // Ten digits that are not a mobile number: the count is right, so only the start is worth telling.
  if (local !== undefined && /^\d{10}$/.test(local)) {
    return rejected(
      "PHONE_INVALID",
      t(
        `Số ${local} có đủ 10 chữ số nhưng không phải số di động: số di động bắt đầu bằng 03, 05, 07, 08 hoặc 09. ` +
          `Ví dụ: ${EXAMPLE}.`,
        `${local} has 10 digits but is not a mobile number: mobile numbers start with 03, 05, 07, 08 or 09. ` +
          `Example: ${EXAMPLE}.`,
      ),
    );
  }
  return rejected(
    "PHONE_INVALID",
    t(
      "Số điện thoại di động gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09" +
        (digitCount > 0 ? ` (bạn đã nhập ${digitCount} chữ số)` : "") +
        `. Ví dụ: ${EXAMPLE} hoặc +84 912 345 678.`,
      "A mobile number has 10 digits and starts with 03, 05, 07, 08 or 09" +
        (digitCount > 0 ? ` (you typed ${digitCount} digits)` : "") +
        `. Example: ${EXAMPLE} or +84 912 345 678.`,
    ),
  );
}

/** The number in its domestic form (leading 0), or undefined when it is not all digits. */
function toLocal(compact: string): string | undefined {
  const international = /^(?:\+|00)84(\d+)$/.exec(compact);
  if (international) return withLeadingZero(international[1]!);
  if (!/^\d+$/.test(compact)) return undefined;
  // "84912345678": 84 followed by a full 9-digit national number, as copied from Zalo or a
  // contact card. A domestic number never has 11 digits starting with 84.
  if (/^84\d{9}$/.test(compact) || /^840\d{9}$/.test(compact)) return withLeadingZero(compact.slice(2));
  return compact;
}

function withLeadingZero(national: string): string {
  return national.startsWith("0") ? national : `0${national}`;
}

// One run of digits with the separators people type, perhaps behind "+84" or "(+84)".
const DIGIT_RUN = /\(?\+?\d[\d\s.\-\u2010-\u2015\u2212()/]*\d\)?|\d/g;

/**
 * The number in "sđt 0912 345 678", "số của em là 0912345678 ạ", "phone: +84 912 345 678": words around one
 * run of digits are a label, not part of it. Text with no digits, or digits in several places, is read whole.
 */
function numberPart(text: string): string {
  const runs = text.match(DIGIT_RUN) ?? [];
  return runs.length === 1 ? runs[0]!.trim() : text;
}
