import type { ZxcvbnFactory, ZxcvbnResult } from "@zxcvbn-ts/core";
import { HONG_NGU_CITY } from "../../flows/units";
import { foldDiacritics } from "../engine/understanding/foldDiacritics";

/** Long rather than complicated (NIST SP 800-63B): the floor below which no password is judged. */
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 200;
/**
 * zxcvbn reads this many characters at most. It runs on the server's one thread, and its
 * matching of repeated patterns grows with the length: measured here, 40–180 ms for ordinary
 * passwords of 13–45 characters, 1.5 s for 200 characters of "Ab1!" repeated and 0.6 s for 64 of
 * them, during which no citizen is answered. Sixty-four characters that score well are strong
 * whatever follows; weak ones are refused whatever follows.
 */
const ANALYSED_LENGTH = 64;
/**
 * zxcvbn's 3, "safely unguessable" (≥ 10^8 guesses): against our scrypt hash (333 ms on one
 * core, 32 MiB each) that is years of guessing per account, where score 2 is days.
 */
const MIN_SCORE = 3;

/** Whose password it is: their own words are the first an attacker tries. */
export interface PasswordOwner {
  username: string;
  displayName?: string;
}

/** Why a password is refused, said in Vietnamese and English. */
export interface PasswordProblem {
  vi: string;
  en: string;
}

// The site's own words: a password made of the product's or the city's name is guessed first.
const SITE_WORDS = ["khaiho", "khai ho", "khai hộ", HONG_NGU_CITY.name, HONG_NGU_CITY.province];

let checker: Promise<ZxcvbnFactory> | null = null;

/**
 * The strength checker with its dictionaries (common passwords, English words and names),
 * built on first use: measured here, requiring the packages takes ~470 ms and building the
 * ranked dictionaries ~400 ms, too long to add to every start for a rarely used form.
 */
function strengthChecker(): Promise<ZxcvbnFactory> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory: Factory }, common, en] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    return new Factory({
      translations: en.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary },
    });
  })();
  return checker;
}

/** The words of a person's own that zxcvbn looks for: as written, without diacritics, joined up. */
function ownWords(owner: PasswordOwner): string[] {
  const words = new Set<string>();
  for (const text of [owner.username, owner.displayName ?? "", ...SITE_WORDS]) {
    const folded = foldDiacritics(text.normalize("NFC"));
    const parts = folded.split(/[^a-z0-9]+/).filter((p) => p.length >= 3);
    for (const word of [text.toLowerCase(), folded, folded.replace(/[^a-z0-9]/g, ""), ...parts])
      if (word) words.add(word);
  }
  return [...words];
}

/** How many characters of the password are the person's or the site's own words. */
function ownCharacters(result: ZxcvbnResult): number {
  return result.sequence.reduce(
    (sum, match) =>
      sum + (match.pattern === "dictionary" && match.dictionaryName === "userInputs" ? match.token.length : 0),
    0,
  );
}

/**
 * What is wrong with a new password, or null: at least 12 characters besides the person's own
 * words (username, name, the city, the site), and a zxcvbn score of 3 or more against the common
 * password lists and those words, checked as typed and without diacritics ("Mậtkhẩu" is "matkhau").
 *
 * @example await passwordProblem("password1234", { username: "lan" }) // { vi: "Mật khẩu quá dễ đoán…", en: "…" }
 */
export async function passwordProblem(password: string, owner: PasswordOwner): Promise<PasswordProblem | null> {
  const length = Array.from(password).length;
  if (length < MIN_PASSWORD_LENGTH)
    return {
      vi: `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`,
      en: `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
    };
  if (length > MAX_PASSWORD_LENGTH)
    return {
      vi: `Mật khẩu dài quá ${MAX_PASSWORD_LENGTH} ký tự.`,
      en: `A password is at most ${MAX_PASSWORD_LENGTH} characters.`,
    };
  const zxcvbn = await strengthChecker();
  const words = ownWords(owner);
  const analysed = Array.from(password).slice(0, ANALYSED_LENGTH).join("");
  const typed = zxcvbn.check(analysed, words);
  const folded = foldDiacritics(analysed.normalize("NFC"));
  const results = folded === analysed ? [typed] : [typed, zxcvbn.check(folded, words)];
  const weakest = results.reduce((a, b) => (b.score < a.score ? b : a));
  if (
    weakest.score >= MIN_SCORE &&
    Array.from(analysed).length - Math.max(...results.map(ownCharacters)) >= MIN_PASSWORD_LENGTH
  )
    return null;
  const why =
    weakest.feedback.warning ??
    (weakest.score >= MIN_SCORE ? "It is built on your own name, your username or the site's name." : null);
  return {
    vi:
      "Mật khẩu quá dễ đoán (giống mật khẩu phổ biến, hoặc dựa vào tên đăng nhập, tên của bạn, tên thành phố). Hãy " +
      "dùng một câu dài gồm vài từ ít gặp mà chỉ bạn nghĩ ra.",
    en:
      `This password is too easy to guess${why ? `: ${why}` : "."} ` +
      "Use a long sentence of a few uncommon words of your own.",
  };
}
