import type { SmallTalk } from "../../../flows/intentPhrases";
import { decideIntent } from "./decideIntent";
import { findIntentHits, type IntentHit } from "./findIntentHits";
import { findReceiptCode } from "./findReceiptCode";
import { foldDiacritics } from "./foldDiacritics";
import type { IntentPhrase } from "./intentKeywordIndex";
import { GREETING, OUT_OF_SCOPE, PROGRESS, STATUS } from "./intentTargets";
import { isReaction } from "./isReaction";
import { MAX_INPUT_LENGTH, normalizeInput } from "./normalizeInput";
import { saysFiled } from "./saysFiled";
import { scoreIntentTargets } from "./scoreIntentTargets";
import { smallTalkOf } from "./smallTalkOf";
import { tokenizeIntent, type IntentTokens } from "./tokenizeIntent";
import { weighIntentHits } from "./weighIntentHits";
import { wordsBesideKeywords } from "./wordsBesideKeywords";

/**
 * What a citizen's message asks for.
 *
 * - `procedure`: candidates best first (at most 3); `score` is the evidence found, where 4 is
 *   about one phrase naming the procedure outright. `confident` means the best one can be
 *   started directly; otherwise offer the candidates as choices.
 * - `statusLookup`: where a dossier already filed has got to; `code` is the receipt code
 *   found in the text, upper-cased.
 * - `human`: the citizen asks for a clerk.
 * - `greeting`: greetings, thanks, kind words, laughter or emoji, and nothing else; `smallTalk` says which.
 * - `outOfScope`: something another office does (a divorce, a land title, a passport, a power cut…).
 * - `none`: nothing recognised.
 */
export type IntentMatch =
  | { kind: "procedure"; candidates: { procedureId: string; score: number }[]; confident: boolean }
  | { kind: "statusLookup"; code?: string }
  | { kind: "human" }
  | { kind: "greeting"; smallTalk: SmallTalk }
  | { kind: "outOfScope" }
  | { kind: "none" };

// normalizeInput copies the text code point by code point (16 µs for 250 characters). Without
// invisible or control characters, full-width digits or excess length, that copy could only
// change spacing and the Unicode form, which folding and tokenising ignore anyway.
const NEEDS_NORMALIZING =
  /[\u200B-\u200D\u2060\uFEFF\u00AD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFF10-\uFF19]/;

/**
 * Recognises what a citizen's message asks for: one of the eight procedures, a status
 * lookup, a human, small talk, something another office does, or nothing. Works with or
 * without diacritics (NFC or NFD), teen-code ("dk", "ko", "lltp"), typos of one letter,
 * Telex and VNI left-overs ("ket hoon", "d9ang ky1"), the words of every region ("khai sanh",
 * "dìa", "tía") and English, and reads what happened ("vợ mới sanh", "tía tui mới mất") and
 * what a paper is for ("công ty Nhật yêu cầu giấy không phạm tội") as the procedure it needs.
 * In a message that names two procedures, the one asked for wins over one named as a purpose
 * ("giấy độc thân để đăng ký kết hôn"), as a paper to copy ("sao y giấy khai sinh") or as
 * already done ("đã đăng ký kết hôn rồi, giờ muốn nhập hộ khẩu"); a dossier handed in and
 * asked about is a status lookup whatever it names ("nộp hồ sơ khai sinh rồi, bao giờ có"); a
 * procedure's paper changed, ended or taxed is another office's business ("đổi tên trong giấy
 * khai sinh", "giải thể hộ kinh doanh").
 *
 * @example
 * matchIntent("toi muon lam giay khai sinh cho con")
 * // { kind: "procedure", candidates: [{ procedureId: "dang-ky-khai-sinh", score: 6.07 }], confident: true }
 * matchIntent("tra cứu hồ sơ hn-20261127-0042-k7qm") // { kind: "statusLookup", code: "HN-20261127-0042-K7QM" }
 * matchIntent("gap can bo") // { kind: "human" }
 * matchIntent("cảm ơn nha") // { kind: "greeting", smallTalk: "thanks" }
 * matchIntent("ly hôn thế nào") // { kind: "outOfScope" }
 */
export function matchIntent(text: string): IntentMatch {
  const prepared = text.length > MAX_INPUT_LENGTH || NEEDS_NORMALIZING.test(text) ? normalizeInput(text) : text;
  const folded = foldDiacritics(prepared);
  const code = findReceiptCode(folded);
  if (code) return { kind: "statusLookup", code };

  const tokens = tokenizeIntent(folded);
  // ":D" and ":v" leave a letter behind; "👍" and "^^" nothing.
  if (tokens.words.length <= 1 && (tokens.words[0]?.length ?? 0) <= 1 && isReaction(prepared)) {
    return { kind: "greeting", smallTalk: "okay" };
  }
  const hits = findIntentHits(tokens);
  const byTarget = scoreIntentTargets(hits, weighIntentHits(tokens, hits));
  // Each signal is read only where it can change the decision.
  const smallTalk = byTarget[GREETING]! > 0 ? smallTalkOf(tokens, hits) : null;
  const asks = (byTarget[STATUS]! > 0 || byTarget[PROGRESS]! > 0) && hits.some((hit) => asksWhetherDone(hit, tokens));
  const filed = asks && saysFiled(tokens);
  // Only a weak "thủ tục", "xin cấp" in a message that names no procedure reads the other words.
  const elsewhere = byTarget[OUT_OF_SCOPE]!;
  const otherWords =
    elsewhere > 0 && elsewhere < 3 && !namesProcedure(byTarget) ? wordsBesideKeywords(tokens, hits) : 0;
  return decideIntent(byTarget, { smallTalk, filed, asks, otherWords });
}

function namesProcedure(byTarget: Float64Array): boolean {
  for (let target = 0; target < STATUS; target++) if (byTarget[target]! > 0) return true;
  return false;
}

/**
 * A hit that asks when or whether something is done ("xong chưa", "bao giờ lấy được"); after
 * "đã" and with no "chưa" behind it, it says what was had ("đã có giấy đăng ký hộ kinh doanh rồi").
 */
function asksWhetherDone(hit: IntentHit, tokens: IntentTokens): boolean {
  if ((hit.source as Partial<IntentPhrase>).asks !== true) return false;
  const { words, clauseEnd } = tokens;
  if (words[hit.start - 1] !== "da") return true;
  for (let k = hit.start; k < clauseEnd[hit.start]!; k++) if (words[k] === "chua") return true;
  return false;
}
