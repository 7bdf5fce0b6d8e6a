import type { Response } from "express";
import { codeOf, inLocale, type ParamsOf, wordingOf } from "../codedTexts";
import type { Locale, Localized } from "../engine/localized";
import { HTTP_ERROR_TEXTS, type HttpErrorText } from "./httpErrorTexts";

/**
 * The reader's language (both, Vietnamese first, when unknown), the values the text names, and
 * the status when the error met has its own (a body parser's 413 worded as a bad request).
 */
interface Options {
  locale?: Locale | undefined;
  status?: number;
}
type SendOptions<E extends HttpErrorText> =
  ParamsOf<E> extends undefined ? [options?: Options] : [options: Options & { params: ParamsOf<E> }];

/**
 * A sender of the refusals of one table of texts: `{ ok: false, error: { code, message } }` with
 * the status and the wording the table gives the key.
 */
export function errorSender<T extends Readonly<Record<string, HttpErrorText>>>(texts: T) {
  return <K extends keyof T & string>(res: Response, key: K, ...[options]: SendOptions<T[K]>): void => {
    const entry = texts[key] as T[K];
    const params = (options as { params?: unknown } | undefined)?.params;
    sendWorded(
      res,
      options?.status ?? entry.status,
      codeOf(key),
      wordingOf(entry, params as ParamsOf<T[K]>),
      options?.locale,
    );
  };
}

/**
 * Refuses with the status and text of `HTTP_ERROR_TEXTS`.
 * @example sendError(res, "UPLOAD_TOO_LARGE", { locale, params: { largest: "10 MB" } })
 */
export const sendError = errorSender(HTTP_ERROR_TEXTS);

/**
 * Refuses with a text worded elsewhere: a parser's rejection, a password's weakness, a rule of
 * the engine. A route's own refusals go through a table of texts instead.
 */
export function sendWorded(res: Response, status: number, code: string, text: Localized, locale?: Locale): void {
  res.status(status).json({ ok: false, error: { code, message: inLocale(text, locale) } });
}

/** The bearer token of a request, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(header ?? "");
  return match ? match[1]! : null;
}
