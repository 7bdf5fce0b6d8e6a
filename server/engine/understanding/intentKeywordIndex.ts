import {
  HUMAN_KEYWORDS,
  INTENT_KEYWORDS,
  STATUS_LOOKUP_KEYWORDS,
  type IntentKeyword,
} from "../../../flows/intentPhrases";
import { foldDiacritics } from "./foldDiacritics";
import { INTENT_SHORTHAND, INTENT_STOP_WORDS } from "./intentShorthand";
import { HUMAN, PROCEDURE_IDS, STATUS, type IntentSource } from "./intentTargets";
import { wordSet } from "./wordSet";

/** A keyword phrase of `flows/intentPhrases.ts`, as the folded words it is matched by. */
export interface IntentPhrase extends IntentSource {
  readonly words: readonly string[];
  readonly document: boolean;
  /** Starts with a filing verb, so "… rồi" after it means the procedure is already done. */
  readonly filing: boolean;
}

const FILING_VERBS = wordSet("dang lam nhap chuyen tach xin register");

function phraseWords(phrase: string): string[] {
  const words: string[] = [];
  for (const raw of foldDiacritics(phrase).split(/[^a-z0-9]+/)) {
    if (!raw) continue;
    for (const word of INTENT_SHORTHAND.get(raw) ?? [raw]) if (!INTENT_STOP_WORDS.has(word)) words.push(word);
  }
  return words;
}

/** Every keyword phrase, found by its first word; built once at load. */
export const PHRASES_BY_FIRST_WORD = new Map<string, IntentPhrase[]>();
/** Every word of every keyword phrase. */
export const INTENT_VOCABULARY = new Set<string>();

function indexKeywords(keywords: readonly IntentKeyword[], target: number): void {
  for (const keyword of keywords) {
    const words = phraseWords(keyword.phrase);
    const first = words[0];
    if (first === undefined) continue;
    const document = keyword.document === true;
    const filing = document || FILING_VERBS.has(first);
    const phrase: IntentPhrase = { words, target, weight: keyword.weight, document, filing };
    const list = PHRASES_BY_FIRST_WORD.get(first) ?? [];
    list.push(phrase);
    PHRASES_BY_FIRST_WORD.set(first, list);
    for (const word of words) INTENT_VOCABULARY.add(word);
  }
}

PROCEDURE_IDS.forEach((id, target) => indexKeywords(INTENT_KEYWORDS[id] ?? [], target));
indexKeywords(STATUS_LOOKUP_KEYWORDS, STATUS);
indexKeywords(HUMAN_KEYWORDS, HUMAN);
