import type { IntentTokens } from "./tokenizeIntent";
import { wordSet } from "./wordSet";

// Handing a dossier in: "nộp", "gửi hồ sơ", and "làm", "xin", "đăng ký" when a day in the past
// or "đã" goes with them ("bữa trước tui có làm giấy độc thân", "đã đăng ký thường trú trên dịch
// vụ công"). English says it with the past tense ("submitted", "dropped off", "sent").
const FILED_IN_ENGLISH = wordSet("applied submitted filed sent dropped lodged handed");
const NOT_A_DOSSIER_AFTER_NOP = wordSet("phat thue");
const SENT_THINGS = wordSet("ho don online");
const LOOSE_FILING_VERBS = wordSet("lam xin register");
// An appointment to come back is only given for a dossier handed in: "hẹn thứ sáu trả", "hẹn hôm nay".
const APPOINTED = wordSet("tra lay nhan len thu hom ngay tuan sang chieu mai");

// Days gone by, as two words ("hôm qua", "tuần trước", "hôm 25", "sáng nay", "last Tuesday") or
// one ("ago"). Not "tối qua", which is also "tôi qua" (I go over), nor "hôm nay" or "chiều
// nay", said as often before handing in.
const WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday";
const PAST_PAIRS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["hom", wordSet("qua bua truoc thu kia chu")],
  ["tuan", wordSet("truoc roi")],
  ["thang", wordSet("truoc roi")],
  // "bữa tui nộp": sentence-initial "bữa" before the one who filed is "the other day".
  ["bua", wordSet("truoc gio kia thu tui toi em minh")],
  ["tu", wordSet("thu hom tuan bua dau sang")],
  ["sang", wordSet("nay qua")],
  ["chieu", wordSet("qua")],
  ["hoi", wordSet("sang chieu trua")],
  ["may", wordSet("bua hom")],
  ["ca", wordSet("thang tuan")],
  ["lau", wordSet("roi")],
  ["last", wordSet(`week month ${WEEKDAYS}`)],
  ["on", wordSet(WEEKDAYS)],
  ["this", wordSet("morning afternoon week")],
]);
const PAST_WORDS = wordSet("ago yesterday");
const LONG_AGO = wordSet("qua vay the");
const ASKED_BEFORE_DONE = wordSet("thi moi se khi bao chua nao");
// "hôm 25", "ngày 12/3": a day of the month named.
const DAY_WORDS = wordSet("hom ngay");
// "10 ngày rồi", "2 tuần nay": a count of days since.
const SPANS = wordSet("ngay tuan thang bua hom");
const SINCE = wordSet("roi nay truoc qua");
const NUMBER = /^\d+$/;

function isPastAt(words: readonly string[], k: number): boolean {
  const word = words[k]!;
  const next = words[k + 1] ?? "";
  if (PAST_WORDS.has(word)) return true;
  if (PAST_PAIRS.get(word)?.has(next)) return true;
  if (DAY_WORDS.has(word) && NUMBER.test(next)) return true;
  if (NUMBER.test(word) && SPANS.has(next) && SINCE.has(words[k + 2] ?? "")) return true;
  // "nộp được 1 tuần": a count of days since.
  return word === "duoc" && NUMBER.test(next);
}

/** Whether the verb at `i` can say that something was handed in: "nộp", "gửi hồ sơ", "làm", "đăng ký"… */
function isFilingVerb(words: readonly string[], i: number): boolean {
  const word = words[i]!;
  if (word === "nop") return !NOT_A_DOSSIER_AFTER_NOP.has(words[i + 1] ?? "");
  // "gửi hồ sơ", "gửi online", "gửi hôm thứ 3"; not "gửi xe", "gửi tiền".
  if (word === "gui") {
    return (
      SENT_THINGS.has(words[i + 1] ?? "") ||
      SENT_THINGS.has(words[i + 2] ?? "") ||
      (i + 1 < words.length && isPastAt(words, i + 1))
    );
  }
  if (word === "dang") return words[i + 1] === "ky";
  // "để lại chỗ một cửa": left at the counter.
  if (word === "de") return words[i + 1] === "lai";
  return LOOSE_FILING_VERBS.has(word) || FILED_IN_ENGLISH.has(word);
}

/** "hẹn thứ sáu trả", "hẹn hôm nay": an appointment given for a result. */
function isAppointmentAt(words: readonly string[], i: number): boolean {
  const next = words[i + 1] ?? "";
  return APPOINTED.has(next) || NUMBER.test(next);
}

/** Whether the filing verb at `i` is said of a dossier handed in already. */
function filedAt(tokens: IntentTokens, i: number): boolean {
  const { words, sentenceStart, clauseEnd } = tokens;
  const word = words[i]!;
  if (FILED_IN_ENGLISH.has(word)) return true;
  // "nộp" and "gửi" hand a dossier in; "làm", "xin" and "đăng ký" may be only the procedure.
  const firm = word === "nop" || word === "gui" || word === "de";
  const from = sentenceStart[i]!;
  for (let k = i - 1; k >= Math.max(from, i - 7); k--) {
    // A sentence-initial "da" is as often the polite "dạ" as "đã", unless the verb follows it.
    if (words[k] === "da" && (k > from || k === i - 1) && (firm ? k >= i - 2 : k === i - 1)) return true;
    if (firm && words[k] === "vua" && k === i - 1) return true;
    if (isPastAt(words, k)) return true;
  }
  const end = Math.min(clauseEnd[i]!, i + 12);
  for (let k = i + 1; k < end; k++) {
    if (isPastAt(words, k)) return true;
    // "bao lâu thì xong", "khi nào xong" ask; "xong rồi", "nộp rồi" say it is done.
    if ((words[k] === "xong" || words[k] === "roi") && ASKED_BEFORE_DONE.has(words[k - 1]!)) continue;
    if (words[k] === "xong") return true;
    // "nộp lý lịch tư pháp lâu quá": handed in long ago.
    // "mất bao lâu vậy" asks how long it takes.
    if (words[k] === "lau" && LONG_AGO.has(words[k + 1] ?? "") && words[k - 1] !== "bao") return true;
    // "làm khai sinh rồi nhập hộ khẩu": after "làm", "rồi" may be "then"; at a clause's end it is "done".
    if (words[k] === "roi" && (firm || k === end - 1 || words[k + 1] === "ma")) return true;
  }
  return false;
}

/**
 * Whether the message says a dossier was handed in already: "em nộp hồ sơ khai sinh hôm thứ 2
 * rồi", "hôm 25 tôi có nộp", "đã gửi hồ sơ kết hôn", "bữa trước tui có làm giấy độc thân", "hẹn
 * thứ sáu trả", "I sent it last Tuesday".
 *
 * @example saysFiled(tokenizeIntent("lltp nop 10 ngay roi ma chua thay gi")) // true
 * @example saysFiled(tokenizeIntent("nop ho so khai sinh can gi")) // false
 */
export function saysFiled(tokens: IntentTokens): boolean {
  const { words } = tokens;
  for (let i = 0; i < words.length; i++) {
    if (words[i] === "hen" && isAppointmentAt(words, i)) return true;
    if (isFilingVerb(words, i) && filedAt(tokens, i)) return true;
  }
  return false;
}
