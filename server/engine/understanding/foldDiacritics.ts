const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Lower-cases and strips Vietnamese diacritics (đ → d), so that "Đăng ký khai sinh",
 * "dang ky khai sinh" and "ĐĂNG KÝ KHAI SINH" compare equal. Punctuation is kept; callers
 * that compare words should also collapse it.
 *
 * @example foldDiacritics("Đăng Ký Khai Sinh") // "dang ky khai sinh"
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .normalize("NFC");
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
