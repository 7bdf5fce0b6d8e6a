import type { IntentHit } from "./findIntentHits";
import { COPY, DEATH, STATUS } from "./intentTargets";
import { readIntentContext } from "./readIntentContext";
import type { IntentTokens } from "./tokenizeIntent";
import { wordSet } from "./wordSet";

const ACTION_BEFORE_PAPER = wordSet("lam xin cap ky get obtain");
const PAPER_NOUNS = wordSet("giay so ban phieu");

/** "đã đăng ký kết hôn rồi", "có giấy chứng sinh rồi": done already, so not what is asked. */
function isAlreadyDone(tokens: IntentTokens, hit: IntentHit, from: number): boolean {
  const { words, sentenceStart, sentenceEnd } = tokens;
  for (let k = hit.end; k < Math.min(hit.end + 3, sentenceEnd[hit.start]!); k++) {
    if (words[k] === "roi" || words[k] === "xong") return true;
  }
  // A sentence-initial "da" is as often the polite "dạ" as "đã".
  for (let k = from - 1; k >= Math.max(from - 2, sentenceStart[hit.start]! + 1); k--) {
    if (words[k] === "da") return true;
  }
  return false;
}

/**
 * The weight of each hit once its context is read: lowered inside a purpose clause, a
 * negation or a side question, for a paper to be copied and for what is already done; raised
 * after a "want" word and for a paper asked for outright.
 */
export function weighIntentHits(tokens: IntentTokens, hits: readonly IntentHit[]): number[] {
  const { words } = tokens;
  const { damping, lastWant } = readIntentContext(tokens);
  const asksForCopy = hits.some((hit) => hit.source.target === COPY && hit.weight >= 1.5);
  return hits.map((hit) => {
    let weight = hit.weight * damping[hit.start]!;
    const target = hit.source.target;
    if (target >= STATUS) return weight;

    // "giấy khai sinh cho con" names the paper even when the phrase matched is the action.
    const paperStart = PAPER_NOUNS.has(words[hit.start - 1] ?? "") ? hit.start - 1 : hit.start;
    const isPaper = hit.document || paperStart < hit.start;
    const byAction = ACTION_BEFORE_PAPER.has(words[paperStart - 1] ?? "");
    if (isPaper && target !== COPY) {
      if (asksForCopy && !byAction) weight *= 0.3;
      else if (byAction) weight *= 1.15;
    }
    const want = lastWant[hit.start]!;
    if (want >= 0 && hit.start - want <= 6) weight *= 1.2;
    if ((hit.filing || isPaper) && target !== DEATH && isAlreadyDone(tokens, hit, paperStart)) weight *= 0.6;
    return weight;
  });
}
