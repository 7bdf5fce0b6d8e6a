import type { Locale, Localized } from "./engine/localized";

/**
 * What a refusal says, Vietnamese and English, looked up by its key in a table of texts: the
 * code travels as data, the wording is this separate layer. A wording that names a value (a
 * limit, a clerk) is a function of the params the refusal is given.
 *
 * A key is the code sent, or `CODE.situation` when one code is worded apart in different
 * situations (a dossier or a file not found): `CONSOLE_NOT_FOUND.attachment` sends
 * `CONSOLE_NOT_FOUND`.
 *
 * @example
 * const TEXTS = { UPLOAD_EMPTY: { vi: "Chưa có tệp nào được gửi.", en: "No file was sent." } } satisfies CodedTexts;
 */
export interface CodedText {
  vi: string | ((params: never) => string);
  en: string | ((params: never) => string);
}

export type CodedTexts = Readonly<Record<string, CodedText>>;

/** The params a text's wording takes; undefined for a fixed text. */
export type ParamsOf<E extends CodedText> = E["vi"] extends (params: infer P) => string ? P : undefined;

/** The code a key sends: the key up to its situation. */
export type CodeOf<K extends string> = K extends `${infer Code}.${string}` ? Code : K;

/** The code a key sends. @example codeOf("CONSOLE_NOT_FOUND.attachment") // "CONSOLE_NOT_FOUND" */
export function codeOf<K extends string>(key: K): CodeOf<K> {
  return key.split(".")[0] as CodeOf<K>;
}

/** A refusal as data: the key of its text, and the values the text names. */
export type Refusal<T extends CodedTexts> = {
  [K in keyof T & string]: ParamsOf<T[K]> extends undefined
    ? { key: K; params?: undefined }
    : { key: K; params: ParamsOf<T[K]> };
}[keyof T & string];

/** The code a refusal sends and its text. */
export function refusalOf<T extends CodedTexts>(texts: T, refusal: Refusal<T>): { code: string; text: Localized } {
  return { code: codeOf(refusal.key), text: wordingOf(texts[refusal.key]!, refusal.params as never) };
}

/** The text of an entry with its params filled in. */
export function wordingOf<E extends CodedText>(entry: E, params: ParamsOf<E>): Localized {
  const say = (wording: CodedText["vi"]) => (typeof wording === "string" ? wording : wording(params as never));
  return { vi: say(entry.vi), en: say(entry.en) };
}

/** A text in the reader's language, or "Vietnamese / English" when it is not known. */
export function inLocale(text: Localized, locale?: Locale): string {
  return locale === "vi" ? text.vi : locale === "en" ? text.en : `${text.vi} / ${text.en}`;
}

/** A text already worded elsewhere as "Vietnamese / English", taken apart again. */
export function fromBilingual(message: string): Localized {
  const [vi, en] = message.split(" / ");
  return { vi: vi!, en: en ?? message };
}
