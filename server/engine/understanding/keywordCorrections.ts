import { dialectKey } from "./dialectKey";
import { editDistance } from "./editDistance";
import { INTENT_VOCABULARY } from "./intentKeywordIndex";
import { rememberBounded } from "./rememberBounded";
import { wordSet } from "./wordSet";

/**
 * Real words one typo away from a keyword word, never corrected into it: "kết hợp" is not
 * "kết hôn", "carry" is not "marry", "stuff" is not "staff", "từ tuần" is not "từ trần".
 */
const NEVER_CORRECTED = wordSet(
  "hop hom hoc hoi hong cung khac khach nhu nhe nay sau thi thoi tui vay lai len luon mot hai nam " +
    "ngay phi giup biet tren duoi trong ngoai anh chi ben bang cap chu gi nen neu tai theo vi xa xe " +
    "chon choi bac kem sai sach sang thang truong carry merry stuff truck trick stars ship statue " +
    "states depth berth tuan",
);

// Symmetric-delete index: a typo within one edit of a keyword word shares a one-deletion
// variant with it, so candidates come from a few map lookups instead of a scan.
const BY_DELETION = new Map<string, string[]>();
const BY_DIALECT = new Map<string, string[]>();

function addTo(map: Map<string, string[]>, key: string, word: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [word]);
  else if (!list.includes(word)) list.push(word);
}

function deletionVariants(word: string): string[] {
  const variants = [word];
  for (let i = 0; i < word.length; i++) variants.push(word.slice(0, i) + word.slice(i + 1));
  return variants;
}

for (const word of INTENT_VOCABULARY) {
  if (word.length < 3 || /\d/.test(word)) continue;
  for (const variant of deletionVariants(word)) addTo(BY_DELETION, variant, word);
  const key = dialectKey(word);
  if (key !== word) addTo(BY_DIALECT, key, word);
}

const NO_WORDS: readonly string[] = [];
const correctionCache = new Map<string, readonly string[]>();

/**
 * Keyword words that an unknown folded word may be a typo or a dialect spelling of.
 *
 * @example keywordCorrections("sihn") // ["sinh"]
 */
export function keywordCorrections(word: string): readonly string[] {
  const cached = correctionCache.get(word);
  if (cached) return cached;
  const found: string[] = [];
  if (word.length >= 3 && /^[a-z]+$/.test(word)) {
    if (!NEVER_CORRECTED.has(word)) {
      const max = word.length >= 8 ? 2 : 1;
      for (const variant of deletionVariants(word)) {
        for (const candidate of BY_DELETION.get(variant) ?? NO_WORDS) {
          if (!found.includes(candidate) && editDistance(word, candidate, max) <= max) found.push(candidate);
        }
      }
    }
    for (const candidate of BY_DIALECT.get(dialectKey(word)) ?? NO_WORDS) {
      if (!found.includes(candidate)) found.push(candidate);
    }
  }
  return rememberBounded(correctionCache, word, found.length > 0 ? found : NO_WORDS);
}
