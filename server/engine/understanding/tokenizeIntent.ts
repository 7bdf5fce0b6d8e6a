import { canonicalWord } from "./canonicalWord";
import { INTENT_STOP_WORDS } from "./intentShorthand";
import { wordSet } from "./wordSet";

/** A folded message as keyword words, with where each word's sentence starts and ends. */
export interface IntentTokens {
  readonly words: string[];
  /** For each word, the index of the first word of its sentence and the index after its last. */
  readonly sentenceStart: number[];
  readonly sentenceEnd: number[];
}

const HOUSEHOLD_VERBS = wordSet("nhap chuyen tach cat xoa so lam xin ky vao them co");
const HO_KHAU: readonly string[] = ["ho", "khau"];
const KHONG: readonly string[] = ["khong"];

/**
 * Splits a folded message into sentences and keyword words: shorthand expanded, typing slips
 * repaired, stop words dropped, "hk" read as "hộ khẩu" after a household verb and as "không"
 * elsewhere.
 *
 * @example tokenizeIntent("nhap hk cho vk").words // ["nhap", "ho", "khau", "cho", "vo"]
 */
export function tokenizeIntent(folded: string): IntentTokens {
  const words: string[] = [];
  const sentenceStart: number[] = [];
  const sentenceEnd: number[] = [];
  for (const sentence of folded.split(/[.?!;]+/)) {
    const start = words.length;
    for (const raw of sentence.split(/[^a-z0-9]+/)) {
      if (!raw) continue;
      const afterHouseholdVerb = HOUSEHOLD_VERBS.has(words[words.length - 1] ?? "");
      const expanded = raw === "hk" ? (afterHouseholdVerb ? HO_KHAU : KHONG) : canonicalWord(raw);
      for (const word of expanded) {
        if (INTENT_STOP_WORDS.has(word)) continue;
        words.push(word);
        sentenceStart.push(start);
      }
    }
    for (let k = start; k < words.length; k++) sentenceEnd.push(words.length);
  }
  return { words, sentenceStart, sentenceEnd };
}
