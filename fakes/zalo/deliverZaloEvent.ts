import { createHash } from "node:crypto";

/** How a delivery is signed: `mac=<hex>` (the community spec), bare hex, with a wrong hash, or not at all. */
export type SignatureMode = "mac" | "bare" | "bad" | "none";

export interface DeliverOptions {
  /** @default "mac" */
  signature?: SignatureMode;
  /** Adds the `num_retry` header Zalo sends when it delivers the same body again. */
  retry?: number;
  /** The timestamp the signature is computed with. @default the body's `timestamp` */
  timestamp?: string;
}

/** One POST to our app and its answer. `status` is 0 when our app could not be reached or did not answer. */
export interface Delivery {
  eventName: string;
  status: number;
  ms: number;
  body: string;
  /** Zalo's rule for a webhook: HTTP 200 within 2 s. */
  acknowledgedInTime: boolean;
}

export interface ZaloWebhookKeys {
  appId: string;
  oaSecretKey: string;
}

/** Zalo's limit for answering an event (reference A.1). */
export const ZALO_WEBHOOK_ANSWER_MS = 2000;
// Zalo gives up far sooner; the fake waits longer so that a slow answer is measured rather than lost.
const GIVE_UP_MS = 10_000;

/** The hex of `X-ZEvent-Signature`: SHA-256 (not an HMAC) of app id + raw body + timestamp + OA secret key. */
export function zaloEventSignature(keys: ZaloWebhookKeys, rawBody: string, timestamp: string): string {
  return createHash("sha256")
    .update(keys.appId + rawBody + timestamp + keys.oaSecretKey, "utf8")
    .digest("hex");
}

/**
 * POSTs the exact `rawBody` to our webhook as Zalo does, signed per `options.signature`.
 *
 * @example
 * const delivery = await deliverZaloEvent(url, JSON.stringify(event), keys, { signature: "bare", retry: 1 });
 * delivery.acknowledgedInTime // true when our app answered 200 within 2 s
 */
export async function deliverZaloEvent(
  url: string,
  rawBody: string,
  keys: ZaloWebhookKeys,
  options: DeliverOptions = {},
): Promise<Delivery> {
  const fields = fieldsOf(rawBody);
  const timestamp = options.timestamp ?? String(fields?.timestamp ?? "");
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  const signature = options.signature ?? "mac";
  const hex = zaloEventSignature(keys, rawBody, timestamp);
  if (signature === "mac") headers["X-ZEvent-Signature"] = `mac=${hex}`;
  if (signature === "bare") headers["X-ZEvent-Signature"] = hex;
  if (signature === "bad") headers["X-ZEvent-Signature"] = `mac=${zaloEventSignature(keys, `${rawBody} `, timestamp)}`;
  if (options.retry !== undefined) headers.num_retry = String(options.retry);
  const eventName = String(fields?.event_name ?? "");
  const started = performance.now();
  let status = 0;
  let body: string;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers,
      body: rawBody,
      signal: AbortSignal.timeout(GIVE_UP_MS),
    });
    status = response.status;
    body = await response.text();
  } catch (error) {
    body = error instanceof Error ? error.message : String(error);
  }
  const ms = performance.now() - started;
  return { eventName, status, ms, body, acknowledgedInTime: status === 200 && ms <= ZALO_WEBHOOK_ANSWER_MS };
}

function fieldsOf(rawBody: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(rawBody);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
