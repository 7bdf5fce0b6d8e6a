import { createHash, timingSafeEqual } from "node:crypto";

/** What signs a webhook call: the Zalo App ID and the OA Secret Key of the app's Webhook page. */
export interface ZaloSigningKeys {
  appId: string;
  oaSecretKey: string;
}

/** Why a webhook call is refused before anything of it is read further. */
export type ZaloSignatureRefusal =
  "ZALO_SIGNATURE_MISSING" | "ZALO_SIGNATURE_INVALID" | "ZALO_BODY_INVALID" | "ZALO_EVENT_STALE";

export type ZaloSignatureCheck = { ok: true; timestamp: string } | { ok: false; code: ZaloSignatureRefusal };

// No freshness window is documented; this one is our own policy. Zalo retries an event it could
// not deliver with the same body (so the same timestamp) for up to about 2 h (after 30 s, 5 min,
// 15 min, 30 min and 1 h): the window covers those, and a replay inside it is answered by the
// inbox, which keeps every event's key for longer than the window.
export const ZALO_MAX_EVENT_AGE_MS = 3 * 60 * 60_000;

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * Checks `X-ZEvent-Signature`: lowercase hex SHA-256 (not an HMAC) of app id + the raw body, byte
 * for byte + the body's `timestamp` + the OA secret key, with or without a `mac=` prefix, compared
 * in constant time; and refuses an event whose timestamp is further than
 * {@link ZALO_MAX_EVENT_AGE_MS} from `now` either way.
 *
 * @example
 * const check = verifyZaloSignature(rawBody, req.get("X-ZEvent-Signature"), keys, new Date());
 * if (!check.ok) return res.status(401).json(refusal(check.code));
 */
export function verifyZaloSignature(
  rawBody: Buffer,
  header: string | undefined,
  keys: ZaloSigningKeys,
  now: Date,
): ZaloSignatureCheck {
  if (header === undefined || header.trim() === "") return { ok: false, code: "ZALO_SIGNATURE_MISSING" };
  const given = header
    .trim()
    .replace(/^mac\s*=\s*/i, "")
    .toLowerCase();
  if (!HEX_SHA256.test(given)) return { ok: false, code: "ZALO_SIGNATURE_INVALID" };
  const timestamp = bodyTimestamp(rawBody);
  if (timestamp === null) return { ok: false, code: "ZALO_BODY_INVALID" };
  const expected = createHash("sha256")
    .update(keys.appId, "utf8")
    .update(rawBody)
    .update(timestamp, "utf8")
    .update(keys.oaSecretKey, "utf8")
    .digest();
  if (!timingSafeEqual(Buffer.from(given, "hex"), expected)) return { ok: false, code: "ZALO_SIGNATURE_INVALID" };
  // Checked after the signature: an unsigned caller learns nothing about our clock.
  if (Math.abs(now.getTime() - Number(timestamp)) > ZALO_MAX_EVENT_AGE_MS)
    return { ok: false, code: "ZALO_EVENT_STALE" };
  return { ok: true, timestamp };
}

/** The body's top-level `timestamp` (milliseconds, sent as a string or a number) as a string of digits. */
function bodyTimestamp(rawBody: Buffer): string | null {
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString("utf8"));
  } catch {
    return null;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  const value = (body as { timestamp?: unknown }).timestamp;
  // Milliseconds since 1970 stay far below 2^53, so a number's decimal digits are exactly those sent.
  const text = typeof value === "number" && Number.isSafeInteger(value) ? String(value) : value;
  return typeof text === "string" && /^\d{1,16}$/.test(text) ? text : null;
}
