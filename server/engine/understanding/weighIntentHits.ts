import { clausesAsking } from "./clausesAsking";
import type { IntentHit } from "./findIntentHits";
import type { IntentPhrase } from "./intentKeywordIndex";
import { COPY, DEATH, isAskedFor, OUT_OF_SCOPE, STATUS } from "./intentTargets";
import { readIntentContext } from "./readIntentContext";
import type { IntentTokens } from "./tokenizeIntent";
import { wordSet } from "./wordSet";

const ACTION_BEFORE_PAPER = wordSet("lam xin cap ky get obtain");
// "nơi em thường trú", "địa chỉ tạm trú": where someone lives, not a registration asked for.
// Only residence words: "nơi" folds like "nội" ("ông nội qua đời").
const RESIDENCE_WORDS = wordSet("thuong cu tam");
const PLACE_OWNERS = wordSet("em toi minh tui ban anh chi con chung nguoi");
// "cần mang căn cước", "mang theo hộ chiếu": a paper to bring along, not the one asked for.
const BRINGING = wordSet("mang bring cam");
const PAPER_NOUNS = wordSet("giay so ban phieu");
// What a notary or the ward copies: "công chứng bằng đại học", "sao y học bạ", "công chứng giấy
// tờ". A contract or a will after "công chứng" is a phrase of its own, for another office.
const COPIED_PAPERS = wordSet(
  "giay bang hoc so ban cccd cmnd phieu chung diploma degree transcript transcripts passport " +
    "certificate certificates document documents paper papers id",
);
// Papers of two words whose first is also a common word: "cần" and "căn cước", "họ" and "hộ chiếu".
const COPIED_PAPER_PAIRS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["can", wordSet("cuoc")],
  ["ho", wordSet("chieu khau")],
]);

/** Whether a paper to copy is named at word `i`. */
function namesCopiedPaper(words: readonly string[], i: number): boolean {
  const word = words[i] ?? "";
  return COPIED_PAPERS.has(word) || COPIED_PAPER_PAIRS.get(word)?.has(words[i + 1] ?? "") === true;
}

/** Whether the hit at `start` names a place ("nơi thường trú", "nơi em cư trú", "địa chỉ tạm trú"). */
function namesPlace(words: readonly string[], start: number): boolean {
  if (!RESIDENCE_WORDS.has(words[start]!)) return false;
  const before = words[start - 1] ?? "";
  if (before === "chi") return words[start - 2] === "dia";
  if (before === "noi") return true;
  return PLACE_OWNERS.has(before) && words[start - 2] === "noi";
}

/** "chuyển từ tạm trú sang thường trú": what one moves from is not what is asked for. */
function isMovedFrom(tokens: IntentTokens, hit: IntentHit): boolean {
  if (tokens.words[hit.start - 1] !== "tu") return false;
  for (let k = hit.end; k < tokens.sentenceEnd[hit.start]!; k++) if (tokens.words[k] === "sang") return true;
  return false;
}

// "ly hôn 2 năm", "kết hôn được 6 năm": how long ago it was done.
const SPANS = wordSet("nam thang tuan ngay");

function isNumber(word: string): boolean {
  for (let c = 0; c < word.length; c++) {
    const code = word.charCodeAt(c);
    if (code < 48 || code > 57) return false;
  }
  return word.length > 0;
}

/** "đã đăng ký kết hôn rồi", "có giấy chứng sinh rồi", "ly hôn 2 năm": done already, so not what is asked. */
function isAlreadyDone(tokens: IntentTokens, hit: IntentHit, from: number): boolean {
  const { words, sentenceStart, sentenceEnd } = tokens;
  for (let k = hit.end; k < Math.min(hit.end + 3, sentenceEnd[hit.start]!); k++) {
    if (words[k] === "roi" || words[k] === "xong") return true;
    if (SPANS.has(words[k + 1] ?? "") && isNumber(words[k]!)) return true;
  }
  return saysBefore(words, sentenceStart[hit.start]!, from);
}

/** "kết hôn xong rồi": any procedure followed by "xong" is done, while "rồi" alone may be "then". */
function isFinished(tokens: IntentTokens, hit: IntentHit): boolean {
  const end = Math.min(hit.end + 2, tokens.sentenceEnd[hit.start]!);
  for (let k = hit.end; k < end; k++) if (tokens.words[k] === "xong") return true;
  return false;
}

// "muốn kết hôn lại thì cần giấy chứng minh độc thân": what is needed comes after "thì cần".
const NEEDED_AFTER_THI = wordSet("can phai");
const ASKING = wordSet("khong chua");

/**
 * Per hit, whether it is a goal stated before "thì cần/phải" and another procedure after it is
 * what is needed: "muốn đăng ký kết hôn lại thì cần giấy chứng minh đang độc thân". Not when
 * what follows asks whether it is needed ("thì có cần giấy đăng ký kết hôn không").
 */
function goalsBeforeNeed(tokens: IntentTokens, hits: readonly IntentHit[]): boolean[] | null {
  const { words, sentenceEnd } = tokens;
  let goals: boolean[] | null = null;
  for (let t = words.indexOf("thi"); t >= 0; t = words.indexOf("thi", t + 1)) {
    if (!NEEDED_AFTER_THI.has(words[t + 1] ?? "") && !NEEDED_AFTER_THI.has(words[t + 2] ?? "")) continue;
    const end = sentenceEnd[t]!;
    let asks = false;
    for (let k = t + 1; k < end && !asks; k++) asks = ASKING.has(words[k]!);
    const needed = hits.find((hit) => hit.start > t && hit.start < end && hit.source.target < STATUS);
    if (asks || !needed) continue;
    hits.forEach((hit, i) => {
      const before = hit.end <= t && sentenceEnd[hit.start] === end;
      if (before && hit.source.target < STATUS && hit.source.target !== needed.source.target) {
        goals ??= hits.map(() => false);
        goals[i] = true;
      }
    });
  }
  return goals;
}

/** "đã" just before, or "sau khi" ("after") two words before, the phrase starting at `from`. */
function saysBefore(words: readonly string[], sentenceStart: number, from: number): boolean {
  // A sentence-initial "da" is as often the polite "dạ" as "đã".
  for (let k = from - 1; k >= Math.max(from - 2, sentenceStart + 1); k--) {
    if (words[k] === "da") return true;
  }
  // "kết hôn lần 2 sau khi ly hôn": what came before is done.
  return words[from - 2] === "sau" && words[from - 1] === "khi";
}

/** What a long message tells beside the clause that asks counts for this much of what it asks. */
const TOLD_NOT_ASKED = 0.6;

/**
 * The clauses that ask, in a long message where one of them names a procedure or another
 * office's business outright; null when none does, so that a story told without a request
 * ("ông đã đi rồi, nhà đã lo đám xong") keeps its weight.
 */
function askedClauses(tokens: IntentTokens, hits: readonly IntentHit[], lastWant: Int32Array): Uint8Array | null {
  const asking = clausesAsking(tokens, lastWant);
  if (!asking) return null;
  const named = hits.some((hit) => asking[hit.start] === 1 && isAskedFor(hit.source.target) && hit.weight >= 2);
  return named ? asking : null;
}

/**
 * Whether another office's business takes the procedure named by `hit` as its object. A procedure
 * named by its verb ("đăng ký hộ kinh doanh") is still asked for, unless that business comes right
 * before it ("xóa đăng ký thường trú"); its paper or name ("giấy khai sinh", "hộ kinh doanh") is
 * the object anywhere in the sentence; what happened, told before it ("tính mở tiệm … và đóng
 * thuế"), is not.
 */
function isActedOn(tokens: IntentTokens, hit: IntentHit, actedOn: readonly IntentHit[]): boolean {
  const sentence = tokens.sentenceStart[hit.start]!;
  const phrase = hit.source as IntentPhrase;
  const namedByVerb = hit.filing && !hit.document;
  return actedOn.some((act) => {
    if (tokens.sentenceStart[act.start] !== sentence) return false;
    if (act.end === hit.start) return true;
    if (namedByVerb) return false;
    return !(phrase.event && hit.end <= act.start);
  });
}

/**
 * The weight of each hit once its context is read: lowered inside a purpose clause, a
 * negation or a side question, for a paper to be copied and for what is already done; raised
 * after a "want" word, for a paper asked for outright and for a paper named after a copy.
 */
export function weighIntentHits(tokens: IntentTokens, hits: readonly IntentHit[]): number[] {
  const { words } = tokens;
  const { damping, lastWant } = readIntentContext(tokens);
  const asksForCopy = hits.some((hit) => hit.source.target === COPY && hit.weight >= 1.5);
  // "đổi tên trong giấy khai sinh", "giải thể hộ kinh doanh": the sentences where another
  // office's business takes a procedure's paper or registration as its object.
  let actedOn: IntentHit[] | null = null;
  for (const hit of hits) if ((hit.source as Partial<IntentPhrase>).actsOn) (actedOn ??= []).push(hit);
  const goals = goalsBeforeNeed(tokens, hits);
  const focus = askedClauses(tokens, hits, lastWant);
  return hits.map((hit, h) => {
    let weight = hit.weight * damping[hit.start]!;
    const target = hit.source.target;
    if (!isAskedFor(target)) return weight;
    if (goals?.[h]) weight *= 0.5;
    if (focus && !focus[hit.start]) weight *= TOLD_NOT_ASKED;
    if (target < STATUS && actedOn && isActedOn(tokens, hit, actedOn)) weight *= 0.3;
    if (namesPlace(words, hit.start)) return weight * 0.3;
    if (isMovedFrom(tokens, hit)) weight *= 0.6;

    // "giấy khai sinh cho con" names the paper even when the phrase matched is the action.
    const paperStart = PAPER_NOUNS.has(words[hit.start - 1] ?? "") ? hit.start - 1 : hit.start;
    const isPaper = hit.document || paperStart < hit.start;
    const byAction = ACTION_BEFORE_PAPER.has(words[paperStart - 1] ?? "");
    if (isPaper && target !== COPY) {
      if (asksForCopy && !byAction) weight *= 0.3;
      else if (byAction) weight *= 1.15;
    }
    if (isPaper && (BRINGING.has(words[paperStart - 1] ?? "") || BRINGING.has(words[paperStart - 2] ?? ""))) {
      weight *= 0.5;
    }
    // "bản sao giấy khai sinh", "công chứng bằng đại học": a copy of a paper is a copy asked for.
    if (target === COPY && namesCopiedPaper(words, hit.end)) weight = Math.max(weight * 1.4, 3);
    const want = lastWant[hit.start]!;
    if (want >= 0 && hit.start - want <= 6) weight *= 1.2;
    const doneOnce = hit.filing || isPaper || target === OUT_OF_SCOPE;
    if (target !== DEATH && (doneOnce ? isAlreadyDone(tokens, hit, paperStart) : isFinished(tokens, hit)))
      weight *= 0.6;
    return weight;
  });
}
