import { z } from "zod";

/**
 * One webhook event of the Zalo OA Open API, as the Zalo channel uses it. Every Zalo id and
 * timestamp is a string of digits: they exceed 2^53 and are never read as numbers.
 */
export type ZaloEvent =
  | (ZaloEnvelope & { kind: "text"; text: string; quoteMsgId: string | null })
  | (ZaloEnvelope & { kind: "attachments"; text: string; attachments: ZaloAttachment[] })
  | (ZaloEnvelope & { kind: "location"; latitude: string; longitude: string })
  | (ZaloEnvelope & { kind: "follow" | "unfollow"; source: string | null })
  | (ZaloEnvelope & { kind: "submitInfo"; info: ZaloSubmittedInfo })
  /** Sent from the OA: by our own server (no `adminId`), or by a person in Zalo's OA chat tool. */
  | (ZaloEnvelope & { kind: "oaEcho"; adminId: string | null; text: string })
  | (ZaloEnvelope & { kind: "other"; eventName: string });

export interface ZaloEnvelope {
  /** What makes a delivery of this event the same as an earlier one (Zalo retries with the same body). */
  eventKey: string;
  /** The citizen's OA-scoped user id (the recipient of an OA echo). */
  userId: string;
  oaId: string;
  timestamp: string;
}

export interface ZaloAttachment {
  type: string;
  url: string | null;
  name: string | null;
  /** Bytes, as Zalo sends it (a string). */
  size: string | null;
}

/** What a citizen shared with `request_user_info`, from either payload shape Zalo has used. */
export interface ZaloSubmittedInfo {
  name: string | null;
  phone: string | null;
  address: string | null;
}

// Digits sent as a string, or as a number small enough to be exact.
const zaloId = z.union([
  z.string().regex(/^\d{1,32}$/),
  z
    .number()
    .int()
    .refine((n) => Number.isSafeInteger(n) && n >= 0)
    .transform(String),
]);
const optionalText = z.string().max(20_000).nullish();
const party = z.object({ id: zaloId, admin_id: zaloId.nullish() }).passthrough();
const attachment = z
  .object({
    type: z.string().max(40),
    payload: z
      .object({
        url: z.string().max(4096).nullish(),
        name: z.string().max(1000).nullish(),
        size: z.union([z.string().max(20), z.number()]).nullish(),
        coordinates: z
          .object({ latitude: z.union([z.string(), z.number()]), longitude: z.union([z.string(), z.number()]) })
          .nullish(),
      })
      .passthrough()
      .nullish(),
  })
  .passthrough();
const envelope = z
  .object({
    event_name: z.string().min(1).max(80),
    timestamp: zaloId,
    app_id: zaloId.nullish(),
    oa_id: zaloId.nullish(),
    sender: party.nullish(),
    recipient: party.nullish(),
    follower: z.object({ id: zaloId }).passthrough().nullish(),
    source: z.string().max(80).nullish(),
    message: z
      .object({
        msg_id: z.string().min(1).max(100).nullish(),
        text: optionalText,
        quote_msg_id: z.string().max(100).nullish(),
        attachments: z.array(attachment).max(20).nullish(),
      })
      .passthrough()
      .nullish(),
    info: z.record(z.string(), z.unknown()).nullish(),
  })
  .passthrough();

type Envelope = z.infer<typeof envelope>;

/**
 * Reads a verified webhook body. Null when it is not an event this channel can place (no user,
 * no OA); fields the sources disagree on are optional, unknown fields are ignored.
 *
 * @example
 * parseZaloEvent('{"event_name":"user_send_text","sender":{"id":"246845883529197922"},…}')
 * // { kind: "text", userId: "246845883529197922", text: "…", eventKey: "msg:96d3…", … }
 */
export function parseZaloEvent(rawBody: string): ZaloEvent | null {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return null;
  }
  const parsed = envelope.safeParse(json);
  if (!parsed.success) return null;
  const body = parsed.data;
  const name = body.event_name;
  const fromOa = name.startsWith("oa_send_");
  const userId = fromOa ? body.recipient?.id : (body.sender?.id ?? body.follower?.id);
  const oaId = fromOa ? body.sender?.id : (body.recipient?.id ?? body.oa_id);
  if (!userId || !oaId) return null;
  const base: ZaloEnvelope = { eventKey: eventKey(body, userId), userId, oaId, timestamp: body.timestamp };
  const message = body.message;
  const text = message?.text ?? "";
  if (fromOa) return { ...base, kind: "oaEcho", adminId: body.sender?.admin_id ?? null, text };
  if (name === "follow" || name === "unfollow") return { ...base, kind: name, source: body.source ?? null };
  if (name === "user_submit_info") return { ...base, kind: "submitInfo", info: submittedInfo(body.info ?? {}) };
  if (name === "user_send_text") return { ...base, kind: "text", text, quoteMsgId: message?.quote_msg_id ?? null };
  if (name.startsWith("user_send_")) {
    const attachments = message?.attachments ?? [];
    const coordinates = attachments.find((a) => a.type === "location")?.payload?.coordinates;
    if (coordinates)
      return {
        ...base,
        kind: "location",
        latitude: String(coordinates.latitude),
        longitude: String(coordinates.longitude),
      };
    return {
      ...base,
      kind: "attachments",
      text,
      attachments: attachments.map((a) => ({
        type: a.type,
        url: a.payload?.url ?? null,
        name: a.payload?.name ?? null,
        size: a.payload?.size === undefined || a.payload.size === null ? null : String(a.payload.size),
      })),
    };
  }
  return { ...base, kind: "other", eventName: name };
}

/** The message id where there is one; otherwise the event, its user and its time. */
function eventKey(body: Envelope, userId: string): string {
  const msgId = body.message?.msg_id;
  return msgId ? `msg:${msgId}` : `${body.event_name}:${userId}:${body.timestamp}`;
}

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, 500) : null;

/**
 * Both shapes: `full_address` {user_address, user_ward, user_district, user_city}, or flat address, ward, district,
 * city.
 */
function submittedInfo(info: Record<string, unknown>): ZaloSubmittedInfo {
  const nested = typeof info.full_address === "object" && info.full_address !== null ? info.full_address : null;
  const parts = nested
    ? ["user_address", "user_ward", "user_district", "user_city"].map((key) => (nested as Record<string, unknown>)[key])
    : [info.address, info.ward, info.district, info.city];
  const address = parts.map(text).filter((part): part is string => part !== null);
  return { name: text(info.name), phone: text(info.phone), address: address.length > 0 ? address.join(", ") : null };
}
