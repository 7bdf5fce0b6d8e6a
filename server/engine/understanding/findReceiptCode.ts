import { RECEIPT_SUFFIX_PATTERN } from "./receiptSuffix";

// The random part may follow a space ("hn-20261127-0042 k7qm"): having no vowel, it is never a word.
const RECEIPT_CODE = new RegExp(
  `(?<![a-z0-9-])((?:[a-z]{1,6}-){1,2}\\d{8}-\\d{2,6}(?:[-\\s]${RECEIPT_SUFFIX_PATTERN})?)(?![a-z0-9])`,
  "i",
);
const RECEIPT_DATE = /\d{8}-/;

/**
 * The receipt code written somewhere in a folded message, upper-cased with dashes, or
 * undefined. Unlike `parseReceiptCode`, which reads an answer that is only a code, this finds
 * one inside free text ("tra cứu hồ sơ hn-20261127-0042-k7qm giúp em").
 *
 * @example findReceiptCode("tra cuu ho so hn-20261127-0042 k7qm") // "HN-20261127-0042-K7QM"
 */
export function findReceiptCode(folded: string): string | undefined {
  // The full pattern looks behind at every position; most messages hold no 8-digit run at all.
  const code = RECEIPT_DATE.test(folded) ? RECEIPT_CODE.exec(folded)?.[1] : undefined;
  return code ? code.toUpperCase().replace(/\s+/g, "-") : undefined;
}
