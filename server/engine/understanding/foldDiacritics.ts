const COMBINING_MARKS = /[\u0300-\u036f]/g;

// Every precomposed Latin letter (Vietnamese uses U+00C0–U+1EF9) mapped once to its base
// letter in lower case: folding runs on every message and every option label, and a table
// lookup is several times faster than NFD + regex + NFC on each call.
const FOLDED = new Map<string, string>();
// Latin-1 Supplement, Latin Extended-A and -B, and Latin Extended Additional (where the
// Vietnamese letters with two marks live). Nothing else: other scripts compose differently.
const LATIN_RANGES = [
  [0xc0, 0x24f],
  [0x1e00, 0x1eff],
] as const;
for (const [first, last] of LATIN_RANGES)
  for (let code = first; code <= last; code++) {
    const letter = String.fromCharCode(code);
    FOLDED.set(letter, letter.normalize("NFD").replace(COMBINING_MARKS, "").toLowerCase().normalize("NFC"));
  }
FOLDED.set("đ", "d");
FOLDED.set("Đ", "d");

function slowFold(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .normalize("NFC");
}

/**
 * Lower-cases and strips Vietnamese diacritics (đ → d), so that "Đăng ký khai sinh",
 * "dang ky khai sinh" and "ĐĂNG KÝ KHAI SINH" compare equal, whether the text came
 * composed (NFC) or decomposed (NFD). Punctuation is kept; callers that compare words
 * should also collapse it.
 *
 * @example foldDiacritics("Đăng Ký Khai Sinh") // "dang ky khai sinh"
 */
export function foldDiacritics(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x80) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
    } else if (code >= 0x300 && code <= 0x36f) {
      // A combining mark of decomposed input: the base letter before it is already there.
    } else {
      const folded = FOLDED.get(char);
      // Beyond Latin (Greek breathings, Hangul syllables…) composition matters: take the slow
      // path for the whole text so that NFC and NFD input still fold alike.
      if (folded === undefined) return slowFold(text);
      out += folded;
    }
  }
  return out;
}

/**
 * Folds diacritics and reduces the text to lower-case words separated by single spaces
 * (punctuation becomes a space). The form used for keyword and option matching.
 *
 * @example foldToWords("Sửa  ngày-sinh!") // "sua ngay sinh"
 */
export function foldToWords(text: string): string {
  return foldDiacritics(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
