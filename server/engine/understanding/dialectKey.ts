/**
 * The spelling a word shares with its southern variants: southern speech merges these sounds,
 * and people spell as they speak ("thường chú" for "thường trú").
 *
 * @example dialectKey("truong") // "chuon"
 */
export function dialectKey(word: string): string {
  return word
    .replace(/^tr/, "ch")
    .replace(/^s/, "x")
    .replace(/^(gi|v|r)/, "d")
    .replace(/ng$/, "n")
    .replace(/c$/, "t");
}
