/** Longest citizen message kept, in characters; longer input is cut, never rejected. */
export const MAX_INPUT_LENGTH = 2000;

// Zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen, direction marks)
// arrive from copy-paste on phones and would make "Nguyễn" and "Ngu\u200Byễn" different names.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u00AD]/g;
// C0/C1 controls except tab and newline, which are folded into spaces below.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Full-width ASCII (digits, slash, dash…) from East Asian keyboards: "５／３／２０２０".
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const SPACES = /[\s\u00A0\u3000]+/g;

/**
 * Brings any citizen text to one canonical shape before it is understood or stored:
 * Unicode NFC (Vietnamese keyboards send NFD as well as NFC), invisible and control
 * characters removed, full-width ASCII (digits, slashes) made ASCII, runs of white space
 * collapsed to one space, trimmed, and capped at {@link MAX_INPUT_LENGTH} characters.
 *
 * @example normalizeInput("  Nguye\u0302\u0303n\u200B  Va\u0306n  A ") // "Nguyễn Văn A"
 */
export function normalizeInput(text: string): string {
  // Composition comes after every character substitution: an invisible character between a
  // letter and its combining accent, or a full-width letter before one, would otherwise
  // leave the text not in NFC.
  const cleaned = text
    .replace(INVISIBLE, "")
    .replace(CONTROL, "")
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .normalize("NFC")
    .replace(SPACES, " ")
    .trim();
  // Counting code points means copying the text; only a text long enough to need cutting pays for it.
  if (cleaned.length <= MAX_INPUT_LENGTH) return cleaned;
  return Array.from(cleaned).slice(0, MAX_INPUT_LENGTH).join("").trim();
}
