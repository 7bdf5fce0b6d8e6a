import { maskPhone } from "../exports/maskIdentifiers";
import type { Localized } from "../engine/localized";

/**
 * A parser's explanation with the number the person typed masked wherever it is repeated ("Số 027*****803
 * là số điện thoại bàn"): an HTTP error answer travels through proxies, logs and caches that the chat never
 * reaches, and the person who typed the number recognises it by its ends (Nghị định 13/2023). The examples
 * in the explanation are not the person's and stay as they are.
 *
 * @example maskEchoedNumber(t("Số 02773851803 là số bàn", "02773851803 is a landline"), "0277 3851 803").vi
 * // "Số 027*****803 là số bàn"
 */
export function maskEchoedNumber(text: Localized, typed: string): Localized {
  const digits = typed.replace(/\D/g, "");
  if (digits.length < 7) return text;
  // As typed, and as the parsers write it back: 84… → 0…
  const forms = new Set([digits, digits.replace(/^(?:00)?84/, "0")]);
  const mask = (message: string) => message.replace(/\d+/g, (run) => (forms.has(run) ? maskPhone(run) : run));
  return { vi: mask(text.vi), en: mask(text.en) };
}
