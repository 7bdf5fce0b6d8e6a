import { englishStem } from "./englishStem";
import { INTENT_VOCABULARY } from "./intentKeywordIndex";
import { INTENT_SHORTHAND } from "./intentShorthand";
import { rememberBounded } from "./rememberBounded";
import { untelex } from "./untelex";

const canonicalCache = new Map<string, readonly string[]>();

/** Splits run-together syllables ("khaisinh", "dangky", "hokhau") into keyword words. */
function splitJoined(word: string): string[] | undefined {
  const n = word.length;
  const best: (string[] | undefined)[] = [[]];
  for (let end = 2; end <= n; end++) {
    for (let start = Math.max(0, end - 8); start <= end - 2; start++) {
      const before = best[start];
      const piece = word.slice(start, end);
      if (before && INTENT_VOCABULARY.has(piece) && (!best[end] || best[end]!.length > before.length + 1)) {
        best[end] = [...before, piece];
      }
    }
  }
  const split = best[n];
  return split && split.length > 1 ? split : undefined;
}

/**
 * The keyword words a typed folded word stands for: itself, its expansion, or its repair.
 *
 * @example canonicalWord("dk") // ["dang", "ky"]
 * @example canonicalWord("khaisinh") // ["khai", "sinh"]
 */
export function canonicalWord(word: string): readonly string[] {
  const cached = canonicalCache.get(word);
  if (cached) return cached;
  let result: readonly string[] = [word];
  const short = INTENT_SHORTHAND.get(word);
  if (short) result = short;
  else if (!INTENT_VOCABULARY.has(word) && /^[a-z]+$/.test(word)) {
    const untyped = untelex(word);
    const stem = INTENT_VOCABULARY.has(untyped) ? untyped : englishStem(word, INTENT_VOCABULARY);
    if (stem) result = [stem];
    else if (word.length >= 5) result = splitJoined(word) ?? result;
  }
  return rememberBounded(canonicalCache, word, result);
}
