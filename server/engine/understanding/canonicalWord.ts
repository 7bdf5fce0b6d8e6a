import { englishStem } from "./englishStem";
import { INTENT_VOCABULARY } from "./intentKeywordIndex";
import { INTENT_SHORTHAND } from "./intentShorthand";
import { rememberBounded } from "./rememberBounded";
import { untelex } from "./untelex";
import { wordSet } from "./wordSet";

const canonicalCache = new Map<string, readonly string[]>();

// One Vietnamese syllable, folded: "phuong", "truong", "nghieng". Never split, though its pieces
// may be keyword words ("phu" + "ong").
const ONE_SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$/;

// English words made of keyword pieces ("mon" + "day", "the" + "re").
const NEVER_SPLIT = wordSet("monday tuesday wednesday thursday friday saturday sunday there renew");

/** Splits run-together syllables ("khaisinh", "dangky", "hokhau") into keyword words. */
function splitJoined(word: string): string[] | undefined {
  if (ONE_SYLLABLE.test(word) || NEVER_SPLIT.has(word)) return undefined;
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

// Typed with the VNI keys while the Vietnamese keyboard was off: a tone or a mark is a digit
// after its vowel ("ke61t" is "kết", "d9ang" is "đang"). Zero marks nothing, so "ct01" stays.
const VNI = /^[a-z][a-z1-9]*[1-9][a-z1-9]*$/;

// Laughter typed at any length: "hahaha", "hihihi", "hjhjhj", "kkkkk" are "haha", "hihi", "hjhj", "kkk".
const LAUGHTER = /^(ha|he|hi|hj|ho|ka|ke)\1+h?$|^k{4,}$/;

/**
 * The keyword words a typed folded word stands for: itself, its expansion, or its repair.
 *
 * @example canonicalWord("dk") // ["dang", "ky"]
 * @example canonicalWord("khaisinh") // ["khai", "sinh"]
 * @example canonicalWord("ke61t") // ["ket"]
 */
export function canonicalWord(word: string): readonly string[] {
  const cached = canonicalCache.get(word);
  if (cached) return cached;
  let result: readonly string[] = [word];
  const short = INTENT_SHORTHAND.get(word);
  if (short) result = short;
  else if (LAUGHTER.test(word)) result = [word.startsWith("kk") ? "kkk" : word.slice(0, 4)];
  else if (!INTENT_VOCABULARY.has(word) && /^[a-z]+$/.test(word)) {
    const untyped = untelex(word);
    const stem = INTENT_VOCABULARY.has(untyped) ? untyped : englishStem(word, INTENT_VOCABULARY);
    if (stem) result = [stem];
    else if (word.length >= 5) result = splitJoined(word) ?? result;
  } else if (VNI.test(word)) {
    const unmarked = word.replace(/[1-9]/g, "");
    if (INTENT_VOCABULARY.has(unmarked)) result = [unmarked];
  }
  return rememberBounded(canonicalCache, word, result);
}
