import { editDistance } from "./editDistance";
import { INTENT_VOCABULARY, PHRASES_BY_HEAD, type IntentPhrase } from "./intentKeywordIndex";
import type { IntentSource } from "./intentTargets";
import { keywordCorrections } from "./keywordCorrections";
import { KIN_EVENTS, keepsMeaning } from "./kinEvents";
import type { IntentTokens } from "./tokenizeIntent";

// The tables are looked up for every word of every message, and an imported binding is read
// through a getter wherever the TypeScript runs as CommonJS (tsx, Jest): 20% of this function.
const VOCABULARY = INTENT_VOCABULARY;
const PHRASES = PHRASES_BY_HEAD;
const EVENTS = KIN_EVENTS;

/** A keyword phrase or a kin event found at words `start` to `end` (exclusive). */
export interface IntentHit {
  readonly start: number;
  readonly end: number;
  readonly source: IntentSource;
  readonly weight: number;
  readonly document: boolean;
  readonly filing: boolean;
}

/** A word of two or three letters one letter away from the keyword word, which corrections skip. */
function isShortSlip(word: string, wanted: string): boolean {
  return word.length <= 3 && wanted.length >= 3 && editDistance(word, wanted, 1) <= 1;
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
    // A keyword word is taken for a slip of another only inside a long phrase typed right around
    // it ("đăng ký khẩu tử"), never in a short one ("nhập khẩu từ" is not "khai tử").
    if (length < 3 && VOCABULARY.has(word)) return -1;
    // Inside a long phrase a short word may be the slip too: "đăng kí thường tú" for "thường trú".
    const slip = keywordCorrections(word).includes(wanted) || (length >= 3 && isShortSlip(word, wanted));
    if (!slip) return -1;
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
  const { words, sentenceStart, sentenceEnd, clauseEnd } = tokens;
  const found: IntentHit[] = [];
  const tryList = (phrases: readonly IntentPhrase[] | undefined, i: number, headIsTypo: boolean): void => {
    if (!phrases) return;
    for (const phrase of phrases) {
      const typos = typosInPhrase(tokens, phrase, i, headIsTypo);
      if (typos < 0) continue;
      const end = i + phrase.words.length;
      const event = EVENTS.get(phrase.words[phrase.words.length - 1]!);
      if (event && !event.needsNext && !keepsMeaning(event, words, end - 1, clauseEnd[i]!)) continue;
      const weight = phrase.weight * 0.85 ** typos;
      found.push({ start: i, end, source: phrase, weight, document: phrase.document, filing: phrase.filing });
    }
  };
  const tryPhrases = (word: string, i: number, headIsTypo: boolean): void => {
    const head = PHRASES.get(word);
    if (!head) return;
    const from = found.length;
    tryList(head.single, i, headIsTypo);
    if (i + 1 < sentenceEnd[i]!) {
      const next = words[i + 1]!;
      tryList(head.bySecond.get(next), i, headIsTypo);
      // A keyword word typed is a slip of another only inside a phrase of three words or more.
      const byTypo = VOCABULARY.has(next) ? head.longBySecond : head.bySecond;
      if (byTypo.size > 0) {
        const slips = keywordCorrections(next);
        for (let c = 0; c < slips.length; c++) if (slips[c] !== next) tryList(byTypo.get(slips[c]!), i, headIsTypo);
      }
    }
    // In the order the phrases were listed, as equal hits are told apart by it.
    for (let k = from + 1; k < found.length; k++) {
      const hit = found[k]!;
      const order = (hit.source as IntentPhrase).order;
      let j = k - 1;
      for (; j >= from && (found[j]!.source as IntentPhrase).order > order; j--) found[j + 1] = found[j]!;
      found[j + 1] = hit;
    }
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (VOCABULARY.has(word)) tryPhrases(word, i, false);
    else for (const head of keywordCorrections(word)) tryPhrases(head, i, true);

    const kinEvent = EVENTS.get(word);
    if (kinEvent && keepsMeaning(kinEvent, words, i, clauseEnd[i]!)) {
      for (let k = i - 1; k >= Math.max(sentenceStart[i]!, i - 3); k--) {
        if (!kinEvent.kin.has(words[k]!)) continue;
        if (k === i - 1 && kinEvent.notRightAfter?.has(words[k]!)) break;
        found.push({ start: k, end: i + 1, source: kinEvent, weight: kinEvent.weight, document: false, filing: false });
        break;
      }
    }
  }
  // Longest first: "xác nhận tình trạng hôn nhân" takes its words away from "hôn nhân". A
  // shorter phrase for the same target still counts when it weighs more and starts before it
  // ("mở quán" in "mở quán cà phê" says more than "quán cà phê") or the longer one is a guess
  // at a typo ("mở tiệm bán" is not "mở điểm bán").
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || b.weight - a.weight || a.start - b.start);
  const takenBy = new Array<IntentHit | undefined>(words.length);
  const hits: IntentHit[] = [];
  for (const hit of found) {
    let free = true;
    for (let k = hit.start; k < hit.end && free; k++) {
      const holder = takenBy[k];
      free =
        holder === undefined ||
        (holder.source.target === hit.source.target &&
          hit.weight > holder.weight &&
          (hit.start < holder.start || holder.weight < holder.source.weight));
    }
    if (!free) continue;
    for (let k = hit.start; k < hit.end; k++) if (takenBy[k] === undefined) takenBy[k] = hit;
    hits.push(hit);
  }
  return hits.sort((a, b) => a.start - b.start);
}
