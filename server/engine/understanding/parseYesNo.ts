import { t } from "../localized";
import { foldToWords } from "./foldDiacritics";
import { normalizeInput } from "./normalizeInput";
import { parsed, rejected, type ParseResult } from "./parseResult";

/** Heads of a refusal in chat Vietnamese, with the teen-code spellings of "không". */
const NO_HEADS = ["khong", "ko", "k", "kg", "khg", "kh", "hong", "hok", "hem", "khum", "khon"];
/** What follows "không" in a refusal: "không có", "không phải", "ko đúng", "k cần". */
const NO_TAILS = ["", "co", "phai", "dung", "dong y", "can", "muon", "duoc", "a"];

const YES = new Set([
  "co",
  "u",
  "o",
  "uh",
  "uhm",
  "um",
  "ok",
  "oke",
  "okay",
  "okie",
  "oki",
  "okela",
  "ok la",
  "o ke",
  "da",
  "vang",
  "dung",
  "dung roi",
  "dung vay",
  "phai",
  "phai roi",
  "dong y",
  "chac chan",
  "duoc",
  "dc",
  "roi",
  "co roi",
  "yes",
  "y",
  "yeah",
  "yep",
  "yup",
  "sure",
]);

const NO = new Set([
  ...NO_HEADS.flatMap((head) => NO_TAILS.map((tail) => (tail ? `${head} ${tail}` : head))),
  "sai",
  "sai roi",
  "no",
  "n",
  "nope",
  "nah",
  "chua",
  "chua co",
  "chua can",
  "chua phai",
]);

/**
 * Words a citizen adds around the answer out of politeness or habit: "có ạ", "ko nha",
 * "đúng rồi đó", "không cảm ơn". They are dropped from the end before the answer is read.
 */
const TRAILING = new Set([
  "a",
  "ah",
  "ak",
  "nhe",
  "nha",
  "nhen",
  "ne",
  "nhi",
  "oi",
  "roi",
  "do",
  "day",
  "chu",
  "vay",
  "luon",
  "ban",
  "anh",
  "chi",
  "em",
  "ad",
  "admin",
  "bot",
  "please",
  "thanks",
  "thank",
  "you",
  "cam",
  "on",
  "nhieu",
  "dau",
]);
/**
 * Words that open a reply politely without being the answer when one follows: "dạ có",
 * "dạ không ạ", "vâng, đúng rồi". Alone, "dạ" and "vâng" mean yes.
 */
const LEADING = new Set(["da", "vang", "thua", "u", "o", "uh", "um"]);

/**
 * Reads a yes/no answer, as citizens type it: with or without diacritics, in any case, with
 * chat spellings ("ko", "k", "dc"), polite particles ("dạ có ạ", "không nha") and trailing
 * punctuation. A question back ("có không?") or anything else is not guessed.
 *
 * @example parseYesNo("Dạ có ạ!") // { ok: true, value: true }
 * @example parseYesNo("ko a") // { ok: true, value: false }
 * @example parseYesNo("để tôi xem").ok // false, code "YES_NO_UNREADABLE"
 */
export function parseYesNo(text: string): ParseResult<boolean> {
  const words = foldToWords(normalizeInput(text)).split(" ").filter(Boolean);
  while (words.length > 1 && TRAILING.has(words[words.length - 1]!)) words.pop();
  while (words.length > 0) {
    const answer = read(words.join(" "));
    if (answer !== undefined) return parsed(answer);
    if (words.length < 2 || !LEADING.has(words[0]!)) break;
    words.shift();
  }
  return rejected(
    "YES_NO_UNREADABLE",
    t(
      "Bạn trả lời “có” hoặc “không” giúp (gõ không dấu cũng được, ví dụ: co / khong).",
      "Please answer “yes” or “no” (in Vietnamese “có” or “không”).",
    ),
  );
}

function read(phrase: string): boolean | undefined {
  if (YES.has(phrase)) return true;
  if (NO.has(phrase)) return false;
  return undefined;
}
