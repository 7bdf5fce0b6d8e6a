import type { Response } from "express";
import type { Locale } from "../engine/localized";

/** A bilingual error body: `{ ok: false, error: { code, message } }`, Vietnamese first. */
export function sendError(res: Response, status: number, code: string, vi: string, en: string, locale?: Locale): void {
  const message = locale === "vi" ? vi : locale === "en" ? en : `${vi} / ${en}`;
  res.status(status).json({ ok: false, error: { code, message } });
}

/** The bearer token of a request, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(header ?? "");
  return match ? match[1]! : null;
}
