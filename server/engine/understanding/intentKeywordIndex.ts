import { LIFE_EVENTS } from "../../../flows/lifeEvents";
import {
  DOSSIER_KEYWORDS,
  HUMAN_KEYWORDS,
  INTENT_KEYWORDS,
  OUT_OF_SCOPE_KEYWORDS,
  PROGRESS_QUESTION_KEYWORDS,
  SMALL_TALK_KEYWORDS,
  STATUS_LOOKUP_KEYWORDS,
  type IntentKeyword,
  type SmallTalk,
} from "../../../flows/intentPhrases";
import { foldDiacritics } from "./foldDiacritics";
import { INTENT_SHORTHAND, isStopWord } from "./intentShorthand";
import { GREETING, HUMAN, OUT_OF_SCOPE, PROCEDURE_IDS, PROGRESS, STATUS, type IntentSource } from "./intentTargets";
import { wordSet } from "./wordSet";

/** A keyword phrase of `flows/intentPhrases.ts` or `flows/lifeEvents.ts`, as the folded words it is matched by. */
export interface IntentPhrase extends IntentSource {
  readonly words: readonly string[];
  readonly document: boolean;
  /** Starts with a filing verb, so "… rồi" after it means the procedure is already done. */
  readonly filing: boolean;
  /** For small talk: what the assistant answers. */
  readonly smallTalk?: SmallTalk;
  /** Asks whether or when something is done ("xong chưa", "bao giờ lấy được"), not only names a dossier. */
  readonly asks: boolean;
  /** For another office's business: a procedure named with it is its object (see `IntentKeyword.actsOn`). */
  readonly actsOn: boolean;
  /** Its place among the phrases of the same first word, which settles ties between equal hits. */
  readonly order: number;
  /** What happened or what a paper is for (`flows/lifeEvents.ts`), not a procedure's name or paper. */
  readonly event: boolean;
}

/**
 * The phrases of one first word: those of one word, and the longer ones by their second word;
 * apart, those of three words or more, the only ones where a keyword word may be a slip of another.
 */
export interface PhrasesOfHead {
  readonly single: IntentPhrase[];
  readonly bySecond: Map<string, IntentPhrase[]>;
  readonly longBySecond: Map<string, IntentPhrase[]>;
}

const FILING_VERBS = wordSet("dang lam nhap chuyen tach xin register");

// Regional words a phrase is also said with, folded: "chuyển dìa nhà má" is "chuyển về nhà mẹ",
// "làm giấy chi" is "làm giấy gì", "tới mô rồi" is "tới đâu rồi", "răng rồi" is "sao rồi".
const REGIONAL_VARIANTS: ReadonlyMap<string, readonly string[]> = new Map([
  ["ve", ["dia"]],
  ["vao", ["vo"]],
  ["gi", ["chi"]],
  ["dau", ["mo"]],
  ["sinh", ["sanh"]],
  ["sao", ["rang"]],
]);

function phraseWords(phrase: string): string[] {
  const words: string[] = [];
  for (const raw of foldDiacritics(phrase).split(/[^a-z0-9]+/)) {
    if (!raw) continue;
    for (const word of INTENT_SHORTHAND.get(raw) ?? [raw])
      if (!isStopWord(word, words[words.length - 1])) words.push(word);
  }
  return words;
}

/** The phrase and the ones it becomes with one regional word swapped in. */
function withRegionalVariants(words: readonly string[]): (readonly string[])[] {
  const all: (readonly string[])[] = [words];
  words.forEach((word, k) => {
    for (const variant of REGIONAL_VARIANTS.get(word) ?? []) all.push(words.map((w, j) => (j === k ? variant : w)));
  });
  return all;
}

/**
 * Every keyword phrase, found by its first word and then its second: a common first word
 * ("đăng", "chưa", "xin") starts dozens of phrases, and only those whose second word is the
 * next word typed, or one it may be a slip of, need checking. Built once at load.
 */
export const PHRASES_BY_HEAD = new Map<string, PhrasesOfHead>();
/** Every word of every keyword phrase. */
export const INTENT_VOCABULARY = new Set<string>();
const indexed = new Set<string>();

function addPhrase(map: Map<string, IntentPhrase[]>, key: string, phrase: IntentPhrase): void {
  const list = map.get(key);
  if (list) list.push(phrase);
  else map.set(key, [phrase]);
}

function indexKeywords(
  keywords: readonly IntentKeyword[],
  target: number,
  { smallTalk, asks = false, event = false }: { smallTalk?: SmallTalk; asks?: boolean; event?: boolean } = {},
): void {
  for (const keyword of keywords) {
    for (const words of withRegionalVariants(phraseWords(keyword.phrase))) {
      const first = words[0];
      const key = `${target} ${words.join(" ")}`;
      if (first === undefined || indexed.has(key)) continue;
      indexed.add(key);
      const document = keyword.document === true;
      const filing = document || FILING_VERBS.has(first);
      const head: PhrasesOfHead = PHRASES_BY_HEAD.get(first) ?? {
        single: [],
        bySecond: new Map(),
        longBySecond: new Map(),
      };
      PHRASES_BY_HEAD.set(first, head);
      let order = head.single.length;
      for (const list of head.bySecond.values()) order += list.length;
      const phrase: IntentPhrase = {
        words,
        target,
        weight: keyword.weight,
        document,
        filing,
        asks,
        actsOn: keyword.actsOn === true,
        order,
        event,
        ...(smallTalk ? { smallTalk } : {}),
      };
      const second = words[1];
      if (second === undefined) head.single.push(phrase);
      else {
        addPhrase(head.bySecond, second, phrase);
        if (words.length >= 3) addPhrase(head.longBySecond, second, phrase);
      }
      for (const word of words) INTENT_VOCABULARY.add(word);
    }
  }
}

PROCEDURE_IDS.forEach((id, target) => {
  indexKeywords(INTENT_KEYWORDS[id] ?? [], target);
  indexKeywords(LIFE_EVENTS[id] ?? [], target, { event: true });
});
indexKeywords(STATUS_LOOKUP_KEYWORDS, STATUS, { asks: true });
indexKeywords(DOSSIER_KEYWORDS, STATUS);
indexKeywords(PROGRESS_QUESTION_KEYWORDS, PROGRESS, { asks: true });
indexKeywords(HUMAN_KEYWORDS, HUMAN);
for (const [smallTalk, keywords] of Object.entries(SMALL_TALK_KEYWORDS))
  indexKeywords(keywords, GREETING, { smallTalk: smallTalk as SmallTalk });
indexKeywords(OUT_OF_SCOPE_KEYWORDS, OUT_OF_SCOPE);
