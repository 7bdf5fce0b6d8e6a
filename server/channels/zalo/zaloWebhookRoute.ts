import express, { type Request, type Response, Router } from "express";
import { inLocale } from "../../codedTexts";
import { t, type Localized } from "../../engine/localized";
import type { Logger } from "../../logger";
import { parseZaloEvent } from "./zaloEvent";
import type { ZaloInbox } from "./zaloInbox";
import { verifyZaloSignature, type ZaloSignatureRefusal, type ZaloSigningKeys } from "./zaloSignature";

/** Zalo's event bodies are a few hundred bytes; anything near this is not one. */
export const ZALO_WEBHOOK_MAX_BYTES = 64 * 1024;

type WebhookRefusal = ZaloSignatureRefusal | "ZALO_BODY_TOO_LARGE" | "ZALO_UNAVAILABLE";

const REFUSALS: Record<WebhookRefusal, { status: number; text: Localized }> = {
  ZALO_SIGNATURE_MISSING: {
    status: 401,
    text: t("Thiếu chữ ký X-ZEvent-Signature.", "The X-ZEvent-Signature header is missing."),
  },
  ZALO_SIGNATURE_INVALID: {
    status: 401,
    text: t("Chữ ký X-ZEvent-Signature không đúng.", "The X-ZEvent-Signature does not match the body."),
  },
  ZALO_EVENT_STALE: {
    status: 401,
    text: t("Sự kiện quá cũ hoặc sai giờ.", "The event's timestamp is too old or in the future."),
  },
  ZALO_BODY_INVALID: {
    status: 400,
    text: t("Nội dung không phải sự kiện Zalo hợp lệ.", "The body is not a valid Zalo event."),
  },
  ZALO_BODY_TOO_LARGE: {
    status: 413,
    text: t("Nội dung quá lớn cho một sự kiện Zalo.", "The body is too large for a Zalo event."),
  },
  ZALO_UNAVAILABLE: {
    status: 503,
    text: t("Chưa lưu được sự kiện, gửi lại sau.", "The event could not be stored; send it again later."),
  },
};

function refuse(res: Response, code: WebhookRefusal): void {
  const { status, text } = REFUSALS[code];
  res.status(status).json({ ok: false, error: { code, message: inLocale(text) } });
}

export interface ZaloWebhookOptions {
  keys: ZaloSigningKeys;
  inbox: ZaloInbox;
  logger: Logger;
  now: () => Date;
}

/**
 * `POST /webhooks/zalo`: the signature is checked over the raw bytes before anything else is
 * read; a verified event is stored in the inbox and answered 200 at once (Zalo wants an answer
 * within 2 s), and processed afterwards. A retried or replayed event is answered 200 and changes
 * nothing. Unsigned, badly signed, stale, oversized or malformed calls are refused and change
 * nothing.
 */
export function zaloWebhookRoute(options: ZaloWebhookOptions): Router {
  const router = Router();
  router.post(
    "/webhooks/zalo",
    express.raw({ type: () => true, limit: ZALO_WEBHOOK_MAX_BYTES }),
    async (req: Request, res: Response) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const check = verifyZaloSignature(raw, req.get("X-ZEvent-Signature"), options.keys, options.now());
      if (!check.ok) {
        options.logger.warn({ event: "zalo.webhook_refused", code: check.code }, "zalo webhook refused");
        refuse(res, check.code);
        return;
      }
      const body = raw.toString("utf8");
      const event = parseZaloEvent(body);
      if (!event) {
        refuse(res, "ZALO_BODY_INVALID");
        return;
      }
      try {
        const added = await options.inbox.receive(event, body);
        res.json({ ok: true, duplicate: !added });
      } catch (error) {
        options.logger.error({ event: "zalo.inbox_write_failed", err: error }, "zalo event not stored");
        refuse(res, "ZALO_UNAVAILABLE");
      }
    },
  );
  // The raw parser's own refusals (a body over the limit) in the same words.
  router.use("/webhooks/zalo", (error: unknown, _req: Request, res: Response, next: (error: unknown) => void) => {
    const type = (error as { type?: unknown }).type;
    if (type === "entity.too.large") refuse(res, "ZALO_BODY_TOO_LARGE");
    else if (typeof (error as { status?: unknown }).status === "number") refuse(res, "ZALO_BODY_INVALID");
    else next(error);
  });
  return router;
}
