import { foldToWords } from "./foldDiacritics";

// "Không nhớ", "ko biết", "quên rồi", "để sau", "I don't remember": the citizen has no value to give. Read after
// diacritics, case and punctuation are folded away; a subject before it ("em không nhớ") and what it is about
// after it ("không nhớ ngày sinh của bé") change nothing.
const SUBJECT = String.raw`(?:(?:em|toi|minh|anh|chi|con|tui|t|e|cung|thi|that|that su)\s+)*`;
const NEGATION = String.raw`(?:khong|ko|k|kh|hong|hok|khg|chua|cha)`;
const NOT_KNOWING = [`${NEGATION}\\s+(?:nho|biet|ro|nho ro|biet ro)`, "quen", "de sau", "de luc khac", "tinh sau"];
const VIETNAMESE = new RegExp(String.raw`^${SUBJECT}(?:${NOT_KNOWING.join("|")})(?:\s|$)`);
const ENGLISH = new RegExp(
  String.raw`^(?:i\s+)?(?:dont|do\s+not|don\s+t|cannot|can\s+t|cant)\s+(?:remember|recall|know)(?:\s|$)` +
    String.raw`|^(?:not\s+sure|i\s+forgot|forgot|later|no\s+idea|unknown)(?:\s|$)`,
);

/**
 * Whether a message says the citizen does not know or remember the answer, or will give it later: never a value.
 *
 * @example saysDontKnow("Em không nhớ ngày sinh của bé") // true
 * @example saysDontKnow("ko nho") // true
 * @example saysDontKnow("Không") // false: a plain "no" is an answer to a yes/no question
 */
export function saysDontKnow(text: string): boolean {
  const folded = foldToWords(text);
  return VIETNAMESE.test(folded) || ENGLISH.test(folded);
}
