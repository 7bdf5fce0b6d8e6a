// English inflections ("marrying", "registered", "copies"): no Vietnamese syllable ends in
// -ing, -ed or -s, so stripping them cannot damage a Vietnamese word.
const ENGLISH_SUFFIXES: readonly [RegExp, string][] = [
  [/ies$/, "y"],
  [/ied$/, "y"],
  [/ing$/, ""],
  [/ing$/, "e"],
  [/ed$/, ""],
  [/d$/, ""],
  [/es$/, ""],
  [/s$/, ""],
];

/**
 * The word of `vocabulary` an inflected English word comes from, or undefined.
 *
 * @example englishStem("marrying", new Set(["marry"])) // "marry"
 */
export function englishStem(word: string, vocabulary: ReadonlySet<string>): string | undefined {
  for (const [suffix, replacement] of ENGLISH_SUFFIXES) {
    const stem = word.replace(suffix, replacement);
    if (stem !== word && stem.length >= 3 && vocabulary.has(stem)) return stem;
  }
  return undefined;
}
