import { INTENT_VOCABULARY, PHRASES_BY_FIRST_WORD, type IntentPhrase } from "./intentKeywordIndex";
import type { IntentSource } from "./intentTargets";
import { keywordCorrections } from "./keywordCorrections";
import { KIN_EVENTS } from "./kinEvents";
import type { IntentTokens } from "./tokenizeIntent";

/** A keyword phrase or a kin event found at words `start` to `end` (exclusive). */
export interface IntentHit {
  readonly start: number;
  readonly end: number;
  readonly source: IntentSource;
  readonly weight: number;
  readonly document: boolean;
  readonly filing: boolean;
}

/** How many words of the phrase at `start` are typos, or -1 when it is not there. */
function typosInPhrase(tokens: IntentTokens, phrase: IntentPhrase, start: number, firstIsTypo: boolean): number {
  const { words, sentenceEnd } = tokens;
  const length = phrase.words.length;
  if (start + length > sentenceEnd[start]!) return -1;
  let typos = firstIsTypo ? 1 : 0;
  for (let k = 1; k < length; k++) {
    const word = words[start + k]!;
    const wanted = phrase.words[k]!;
    if (word === wanted) continue;
    if (INTENT_VOCABULARY.has(word) || !keywordCorrections(word).includes(wanted)) return -1;
    typos++;
  }
  // A typo is trusted only next to words typed right: "khai sihn" yes, a lone "sihn" no.
  const allowed = length === 1 ? (phrase.words[0]!.length >= 5 ? 1 : 0) : length >= 4 ? 2 : 1;
  return typos <= allowed ? typos : -1;
}

/**
 * The keyword phrases and kin events in a message, in order, none sharing a word: where two
 * overlap, the longer wins.
 */
export function findIntentHits(tokens: IntentTokens): IntentHit[] {
  const { words, sentenceStart } = tokens;
  const found: IntentHit[] = [];
  const tryPhrases = (head: string, i: number, headIsTypo: boolean): void => {
    const phrases = PHRASES_BY_FIRST_WORD.get(head);
    if (!phrases) return;
    for (const phrase of phrases) {
      const typos = typosInPhrase(tokens, phrase, i, headIsTypo);
      if (typos < 0) continue;
      const end = i + phrase.words.length;
      if (KIN_EVENTS.get(phrase.words[phrase.words.length - 1]!)?.notBefore.has(words[end] ?? "")) continue;
      const weight = phrase.weight * 0.85 ** typos;
      found.push({ start: i, end, source: phrase, weight, document: phrase.document, filing: phrase.filing });
    }
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (INTENT_VOCABULARY.has(word)) tryPhrases(word, i, false);
    else for (const head of keywordCorrections(word)) tryPhrases(head, i, true);

    const kinEvent = KIN_EVENTS.get(word);
    if (kinEvent && !kinEvent.notBefore.has(words[i + 1] ?? "")) {
      for (let k = i - 1; k >= Math.max(sentenceStart[i]!, i - 3); k--) {
        if (!kinEvent.kin.has(words[k]!)) continue;
        found.push({ start: k, end: i + 1, source: kinEvent, weight: kinEvent.weight, document: false, filing: false });
        break;
      }
    }
  }
  // Longest first: "xác nhận tình trạng hôn nhân" takes its words away from "hôn nhân".
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || b.weight - a.weight || a.start - b.start);
  const taken = new Uint8Array(words.length);
  const hits: IntentHit[] = [];
  for (const hit of found) {
    let free = true;
    for (let k = hit.start; k < hit.end && free; k++) free = taken[k] === 0;
    if (!free) continue;
    taken.fill(1, hit.start, hit.end);
    hits.push(hit);
  }
  return hits.sort((a, b) => a.start - b.start);
}
