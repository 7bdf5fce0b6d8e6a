import { canonicalWord } from "./canonicalWord";
import { INTENT_VOCABULARY } from "./intentKeywordIndex";
import { isStopWord } from "./intentShorthand";
import { untelex } from "./untelex";
import { wordSet } from "./wordSet";

/** A folded message as keyword words, with where each word's sentence and clause start and end. */
export interface IntentTokens {
  readonly words: string[];
  /** For each word, the index of the first word of its sentence and the index after its last. */
  readonly sentenceStart: number[];
  readonly sentenceEnd: number[];
  /** For each word, the index after the last word of its clause (a comma ends one). */
  readonly clauseEnd: number[];
}

const HOUSEHOLD_VERBS = wordSet("nhap chuyen tach cat xoa so lam xin ky vao them co");
const HO_KHAU: readonly string[] = ["ho", "khau"];
// The English article before a vowel ("speak with an officer"); "an" is also Vietnamese
// ("An Lạc", "án tích", "ăn"), so it goes only before a keyword word of English length.
const ENGLISH_AFTER_AN = /^[aeiou][a-z]{3,}$/;
const KHONG: readonly string[] = ["khong"];

/** A word typed after one in Telex, read as Telex however short ("own" after "camr" is "ơn"). */
function telexAfterTelex(raw: string): readonly string[] {
  const untyped = untelex(raw, true);
  return untyped !== raw && INTENT_VOCABULARY.has(untyped) ? [untyped] : [raw];
}

/**
 * Splits a folded message into sentences, clauses and keyword words: shorthand expanded,
 * typing slips repaired, stop words dropped, "hk" read as "hộ khẩu" after a household verb
 * and as "không" elsewhere.
 *
 * @example tokenizeIntent("nhap hk cho vk").words // ["nhap", "ho", "khau", "cho", "vo"]
 */
export function tokenizeIntent(folded: string): IntentTokens {
  const words: string[] = [];
  const sentenceStart: number[] = [];
  const sentenceEnd: number[] = [];
  const clauseEnd: number[] = [];
  for (const sentence of folded.split(/[.?!;]+/)) {
    const start = words.length;
    for (const clause of sentence.split(/[,:()]+/)) {
      const clauseStart = words.length;
      const raws = clause.split(/[^a-z0-9]+/);
      let afterTelex = false;
      for (let r = 0; r < raws.length; r++) {
        const raw = raws[r]!;
        if (!raw) continue;
        if (raw === "an" && ENGLISH_AFTER_AN.test(raws[r + 1] ?? "") && INTENT_VOCABULARY.has(raws[r + 1]!)) continue;
        const afterHouseholdVerb = HOUSEHOLD_VERBS.has(words[words.length - 1] ?? "");
        let expanded = raw === "hk" ? (afterHouseholdVerb ? HO_KHAU : KHONG) : canonicalWord(raw);
        if (afterTelex && expanded.length === 1 && expanded[0] === raw) expanded = telexAfterTelex(raw);
        afterTelex = expanded.length === 1 && expanded[0] !== raw && untelex(raw) === expanded[0];
        for (const word of expanded) {
          if (isStopWord(word, words[words.length - 1])) continue;
          words.push(word);
          sentenceStart.push(start);
        }
      }
      for (let k = clauseStart; k < words.length; k++) clauseEnd.push(words.length);
    }
    for (let k = start; k < words.length; k++) sentenceEnd.push(words.length);
  }
  return { words, sentenceStart, sentenceEnd, clauseEnd };
}
