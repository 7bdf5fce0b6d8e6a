import type { IntentTokens } from "./tokenizeIntent";
import { wordSet } from "./wordSet";

const WANT_BEFORE_ENGLISH_TO = wordSet(
  "want need like how have has had going trying try able wish plan planning hope wanna would d ll where",
);
const ENGLISH_PURPOSE_VERBS = wordSet("get marry apply use work submit travel study register");
// "để" shares its folded form with "đề" (đề nghị), "dễ" (easy) and "vấn đề".
const NOT_PURPOSE_AFTER_DE = wordSet("nghi xuat cap an tai muc");
const NOT_PURPOSE_BEFORE_DE = wordSet("van chu tieu khong rat qua de hon");
const WANT_WORDS = wordSet("muon xin want need wanna how dinh wants asked requires required");
// "cần" folds like "cán" (cán bộ), "căn" (căn cước) and "căn hộ" (a flat).
const NOT_WANT_AFTER_CAN = wordSet("bo cuoc ho");
const NOT_NEED_AFTER_CAN = wordSet("bo cuoc");
// Asked for by someone else: "yêu cầu", "bắt nộp" ("bắt" alone is also "bật", "bắt đầu").
const DEMANDED_AFTER_BAT = wordSet("nop phai lam co");
// "tính" plans ("tính mở quán") before a verb; it is also "tình" (tình trạng) and "tỉnh".
const PLANNED_AFTER_TINH = wordSet("mo ve lam dang cuoi lay chuyen nhap xin di ban");
// "for" after asking is what is asked for, not a purpose: "the embassy asked me for a paper".
const ASKING_BEFORE_FOR = wordSet(
  "ask asked asking apply applied applying look looking wait waiting application applications request file filing",
);

/** Where a purpose clause starts ("để kết hôn", "for my visa"), or -1 when `i` opens none. */
function purposeClauseStart(words: readonly string[], i: number): number {
  const word = words[i]!;
  const next = words[i + 1] ?? "";
  const previous = words[i - 1] ?? "";
  if (word === "de") return NOT_PURPOSE_AFTER_DE.has(next) || NOT_PURPOSE_BEFORE_DE.has(previous) ? -1 : i + 1;
  if ((word === "cho" && next === "viec") || (word === "phuc" && next === "vu") || (word === "dung" && next === "de")) {
    return i + 2;
  }
  if (word === "for") return ASKING_BEFORE_FOR.has(previous) || ASKING_BEFORE_FOR.has(words[i - 2] ?? "") ? -1 : i + 1;
  if (word === "to" && ENGLISH_PURPOSE_VERBS.has(next) && !WANT_BEFORE_ENGLISH_TO.has(previous)) return i + 1;
  return -1;
}

function isWantMarker(words: readonly string[], i: number): boolean {
  const word = words[i]!;
  const next = words[i + 1] ?? "";
  if (word === "can") return !NOT_WANT_AFTER_CAN.has(next);
  if (word === "bat") return DEMANDED_AFTER_BAT.has(next);
  if (word === "tinh") return PLANNED_AFTER_TINH.has(next);
  return WANT_WORDS.has(word) || (word === "thu" && next === "tuc") || (word === "yeu" && next === "cau");
}

/** How the words around each phrase change what it counts for. */
export interface IntentContext {
  /** Per word: how much a phrase starting there counts (purpose clauses, negation, side questions). */
  readonly damping: Float64Array;
  /** Per word: the position of the last "want" word at or before it in its sentence, or -1. */
  readonly lastWant: Int32Array;
}

const PURPOSE = Math.log(0.35);
const NEGATED = Math.log(0.25);
const SIDE_QUESTION = Math.log(0.6);

/**
 * Reads the markers of a message: purpose clauses ("để kết hôn", "for my visa"), negation
 * ("không phải", "not"), side questions ("có cần … không", "… cần … không") and "want" words.
 */
export function readIntentContext(tokens: IntentTokens): IntentContext {
  const { words, sentenceStart, sentenceEnd } = tokens;
  const n = words.length;
  // Scopes overlap and run to the end of a sentence, so they are summed as logarithms in a
  // difference array: linear in the length of the message however many markers it holds.
  const logDamping = new Float64Array(n + 1);
  const scope = (from: number, to: number, logFactor: number): void => {
    if (from >= to) return;
    logDamping[from]! += logFactor;
    logDamping[to]! -= logFactor;
  };
  const nextThi = new Int32Array(n + 1).fill(n);
  const nextAsking = new Int32Array(n + 1).fill(n);
  for (let i = n - 1; i >= 0; i--) {
    nextThi[i] = words[i] === "thi" ? i : nextThi[i + 1]!;
    nextAsking[i] = words[i] === "khong" || words[i] === "chua" ? i : nextAsking[i + 1]!;
  }

  const lastWant = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const word = words[i]!;
    const end = sentenceEnd[i]!;
    const previousWant = i > sentenceStart[i]! ? lastWant[i - 1]! : -1;
    lastWant[i] = isWantMarker(words, i) ? i : previousWant;

    const purpose = purposeClauseStart(words, i);
    // "Để đăng ký kết hôn thì cần gì?" puts the goal first, as the topic: it is what is asked.
    if (purpose > 0 && i !== sentenceStart[i] && nextThi[purpose]! >= end) scope(purpose, end, PURPOSE);
    if ((word === "khong" && words[i + 1] === "phai") || word === "not") {
      const from = word === "not" ? i + 1 : i + 2;
      scope(from, Math.min(from + 4, end), NEGATED);
    }
    // "có cần / có phải … không": asks whether something else is needed on the way; so does
    // "cần … không" after what the message is about ("khai sinh cho con cần mang căn cước không").
    const sideQuestion =
      (word === "co" && (words[i + 1] === "can" || words[i + 1] === "phai")) ||
      (word === "can" &&
        i - sentenceStart[i]! >= 2 &&
        words[i - 1] !== "co" &&
        !NOT_NEED_AFTER_CAN.has(words[i + 1] ?? ""));
    if (sideQuestion) {
      const from = word === "co" ? i + 2 : i + 1;
      // "có cần" asks without a "không" to close it ("có cần giấy khai sinh"); a bare "cần" does not.
      if (nextAsking[from]! < end) scope(from, nextAsking[from]!, SIDE_QUESTION);
      else if (word === "co") scope(from, end, SIDE_QUESTION);
    }
  }
  const damping = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += logDamping[i]!;
    damping[i] = sum === 0 ? 1 : Math.exp(sum);
  }
  return { damping, lastWant };
}
