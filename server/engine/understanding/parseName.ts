import { t } from "../localized";
import { foldToWords } from "./foldDiacritics";
import { normalizeInput } from "./normalizeInput";
import { parsed, rejected, type ParseResult } from "./parseResult";

/** The longest full name kept; the paper forms have one line for it. */
const MAX_NAME_LENGTH = 100;
const EXAMPLE = "Nguyễn Văn An";
/** Typographic apostrophes from phone keyboards, stored as the ASCII one. */
const APOSTROPHES = /[\u2018\u2019\u02BC\u02B9\u00B4\u0060]/g;
const HYPHENS = /[\u2010\u2011\u2012\u2013\u2212]/g;
/** A full stop or exclamation typed after the name, as at the end of a chat message. */
const SENTENCE_END = /\s*[.!,;]+$/;
/**
 * A word: letters (with combining marks, for scripts NFC cannot compose), joined by single
 * hyphens or apostrophes, as in Ê Đê names ("H'Hen Niê") and foreign ones ("Jean-Pierre").
 */
const WORD = /^\p{L}\p{M}*(?:['-]?\p{L}\p{M}*)*$/u;

/**
 * Reads a person's full name (họ, chữ đệm, tên) and writes each word with a capital first
 * letter and the rest in lower case, keeping diacritics: "nguyễn văn an" and "NGUYỄN VĂN AN"
 * both become "Nguyễn Văn An". A name typed without diacritics is kept as typed: the
 * diacritics of a name cannot be guessed, and the clerk checks it against the papers.
 *
 * @example parseName("  nguyễn   VĂN an ") // { ok: true, value: "Nguyễn Văn An" }
 * @example parseName("h'hen niê") // { ok: true, value: "H'Hen Niê" }
 * @example parseName("Nguyen Van 2").ok // false, code "NAME_HAS_DIGITS"
 */
export function parseName(text: string): ParseResult<string> {
  const name = withoutLeadIn(
    normalizeInput(text).replace(APOSTROPHES, "'").replace(HYPHENS, "-").replace(SENTENCE_END, ""),
  );
  if (/\p{Nd}/u.test(name)) {
    return rejected(
      "NAME_HAS_DIGITS",
      t(
        `Họ tên không có chữ số. Bạn nhập đầy đủ họ, chữ đệm và tên, có dấu. Ví dụ: ${EXAMPLE}.`,
        `A name has no digits. Please type the full name (family, middle and given names), with diacritics. ` +
          `Example: ${EXAMPLE}.`,
      ),
    );
  }
  const letters = name.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 2) {
    return rejected(
      "NAME_TOO_SHORT",
      t(
        `Bạn nhập đầy đủ họ, chữ đệm và tên giúp. Ví dụ: ${EXAMPLE}.`,
        `Please type the full name: family, middle and given names. Example: ${EXAMPLE}.`,
      ),
    );
  }
  const words = name.split(" ");
  const bad = words.find((word) => !WORD.test(word));
  if (bad !== undefined) {
    const symbols = [...new Set(bad.replace(/[\p{L}\p{M}]/gu, ""))].join(" ");
    const listed = symbols ? ` (${symbols})` : "";
    return rejected(
      "NAME_INVALID_CHARACTERS",
      t(
        "Họ tên chỉ gồm chữ cái, có thể có dấu gạch nối hoặc dấu nháy giữa các chữ; " +
          `"${bad}" có ký tự không hợp lệ${listed}. Ví dụ: ${EXAMPLE}.`,
        "A name is made of letters, with hyphens or apostrophes only between letters; " +
          `"${bad}" has characters that cannot be used${listed}. Example: ${EXAMPLE}.`,
      ),
    );
  }
  const value = words.map(capitalise).join(" ").normalize("NFC");
  if (Array.from(value).length > MAX_NAME_LENGTH) {
    return rejected(
      "NAME_TOO_LONG",
      t(
        `Họ tên dài quá ${MAX_NAME_LENGTH} ký tự. Bạn chỉ nhập họ, chữ đệm và tên của một người. Ví dụ: ${EXAMPLE}.`,
        `The name is longer than ${MAX_NAME_LENGTH} characters. Please type only one person's family, middle and ` +
          `given names. Example: ${EXAMPLE}.`,
      ),
    );
  }
  // A one-word name exists (some peoples of the Central Highlands), but is more often half an answer.
  if (words.length === 1) {
    return parsed(value, {
      code: "NAME_ONE_WORD",
      message: t(
        `Họ tên chỉ có một chữ: "${value}". Trên giấy tờ, họ tên thường có cả họ, chữ đệm và tên (ví dụ ${EXAMPLE}).`,
        `The name is one word: "${value}". On papers a name usually has family, middle and given names ` +
          `(for example ${EXAMPLE}).`,
      ),
    });
  }
  return parsed(value);
}

// What people type before a name ("tên bé là …", "tôi là …", "họ tên: …"), as folded words: not part of it.
// prettier-ignore
const LEAD_INS = [
  "ho va ten", "ho ten", "ten day du", "ten", "ten la", "ten toi la", "toi ten la", "toi ten", "toi la", "em ten la",
  "em ten", "em la", "minh ten la", "minh ten", "minh la", "ten be la", "ten be", "be ten la", "be ten",
  "ten cua be la", "ten con la", "ten cua con la", "con ten la", "con ten", "con toi ten", "con em ten", "ten me la",
  "me ten la", "me ten", "ten bo la", "bo ten la", "bo ten", "ten cha la", "cha ten la", "cha ten", "ten vo la",
  "vo ten", "ten chong la", "chong ten", "ten chau la", "chau ten", "ten ba la", "ba ten", "ten ong la", "ong ten",
  "my name is", "name", "full name", "his name is", "her name is", "the name is", "the baby is", "baby s name is",
].map((words) => words.split(" "));
// A courtesy word at the end ("Nguyễn Văn An ạ"): with its dot below, it is no name's last word.
const COURTESY_END = /\s+(?:ạ|nhé|nha)$/u;

/** The name without what was typed before it (and a courtesy word after it), when that is all there is. */
function withoutLeadIn(text: string): string {
  const tokens = text.replace(/:/g, " : ").split(/\s+/).filter(Boolean);
  const folded = tokens.map((token) => foldToWords(token));
  let cut = 0;
  for (const lead of LEAD_INS) {
    // "là" only as typed, with its grave accent or none: "Lã" is a family name ("tên Lã Văn Minh").
    const matches = lead.every((word, i) => (word === "la" ? /^l[aà]$/iu.test(tokens[i] ?? "") : folded[i] === word));
    if (matches && lead.length > cut && tokens.length > lead.length) cut = lead.length;
  }
  // "họ tên: …", "tên là: …"
  while (tokens[cut] === ":") cut += 1;
  return tokens.slice(cut).join(" ").replace(COURTESY_END, "");
}

const MARK = /\p{M}/u;

/** Upper-cases the first letter of the word and of each hyphen- or apostrophe-joined part. */
function capitalise(word: string): string {
  let out = "";
  let atStart = true;
  for (const char of word) {
    if (char === "-" || char === "'") {
      out += char;
      atStart = true;
    } else if (char >= "\u0300" && MARK.test(char)) {
      out += char;
    } else {
      out += atStart ? caseOf(char, "upper") : caseOf(char, "lower");
      atStart = false;
    }
  }
  return out;
}

/**
 * One letter in the wanted case, kept as it is when the case mapping would turn it into
 * several characters ("ß" → "SS"): such a change would not survive being read again.
 */
function caseOf(char: string, wanted: "upper" | "lower"): string {
  const mapped = wanted === "upper" ? char.toUpperCase() : char.toLowerCase();
  // One UTF-16 unit is one character; only longer results need counting.
  return mapped.length === 1 || Array.from(mapped).length === 1 ? mapped : char;
}
