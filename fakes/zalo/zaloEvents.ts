import { randomBytes, randomInt } from "node:crypto";

/** A Zalo-like user, OA or app id: 19 digits, as a string (Zalo's ids exceed 2^53). */
export function zaloId(): string {
  const nineDigits = () => String(randomInt(0, 1e9)).padStart(9, "0");
  return `${randomInt(1, 10)}${nineDigits()}${nineDigits()}`;
}

let messageCounter = 0;

/**
 * A message id shaped like Zalo's (`96d3cdf3af150460909`: 19 hex characters), unique in this
 * process: the channel deduplicates on it, so two events must never share one by chance.
 */
export function zaloMessageId(): string {
  messageCounter += 1;
  return `${randomBytes(6).toString("hex")}${messageCounter.toString(16).padStart(7, "0")}`;
}

/** A file a user sends, as in the `user_send_file` payload (`size` in bytes, as a string). */
export interface ZaloFileShared {
  url: string;
  name: string;
  size: string;
  /** The extension Zalo reports: `pdf`, `docx`… */
  type: string;
}

/** What a user shares with `request_user_info`. */
export interface ZaloInfoShared {
  name: string;
  phone: string;
  address: string;
}

const now = () => String(Date.now());

/**
 * The webhook bodies Zalo sends, shaped as in the reference (A.1): every id and timestamp a
 * string, a fresh `msg_id` per event. Each method takes the event's timestamp last, so a test
 * can make a stale event.
 */
export class ZaloEventBuilder {
  constructor(
    private readonly appId: string,
    private readonly oaId: string,
  ) {}

  text(userId: string, text: string, timestamp = now(), quoteMsgId?: string) {
    const message = quoteMsgId === undefined ? { text } : { text, quote_msg_id: quoteMsgId };
    return this.fromUser(userId, "user_send_text", message, timestamp);
  }

  image(userId: string, url: string, timestamp = now()) {
    const attachments = [{ type: "image", payload: { thumbnail: url, url } }];
    return this.fromUser(userId, "user_send_image", { text: "", attachments }, timestamp);
  }

  file(userId: string, file: ZaloFileShared, timestamp = now()) {
    // Zalo sends an MD5 of the file; the channel does not check it, so any well-formed one does.
    const payload = { size: file.size, name: file.name, checksum: "d41d8cd98f00b204e9800998ecf8427e", type: file.type };
    return this.fromUser(
      userId,
      "user_send_file",
      { attachments: [{ type: "file", payload: { ...payload, url: file.url } }] },
      timestamp,
    );
  }

  location(userId: string, latitude: string, longitude: string, timestamp = now()) {
    const attachments = [{ type: "location", payload: { coordinates: { latitude, longitude } } }];
    return this.fromUser(userId, "user_send_location", { text: "", attachments }, timestamp);
  }

  /** `follow` and `unfollow` have no sender or recipient: the OA is `oa_id`, the user `follower.id`. */
  follow(userId: string, eventName: "follow" | "unfollow" = "follow", timestamp = now()) {
    return {
      oa_id: this.oaId,
      follower: { id: userId },
      user_id_by_app: appScopedId(userId),
      event_name: eventName,
      source: "oa_profile",
      app_id: this.appId,
      timestamp,
    };
  }

  /** Both shapes Zalo has used: `full_address` nested (the webhook summary) or flat (an older SDK). */
  submitInfo(userId: string, info: ZaloInfoShared, shape: "nested" | "flat" = "nested", timestamp = now()) {
    const shared =
      shape === "nested"
        ? {
            name: info.name,
            phone: info.phone,
            user_dob: "30/10/1999",
            gender: "Nữ",
            full_address: { user_city: "Đồng Tháp", user_ward: "Phường An Thạnh", user_address: info.address },
          }
        : { name: info.name, phone: info.phone, address: info.address, ward: "Phường An Thạnh", city: "Đồng Tháp" };
    return {
      sender: { id: userId },
      recipient: { id: this.oaId },
      event_name: "user_submit_info",
      app_id: this.appId,
      timestamp,
      info: shared,
    };
  }

  /**
   * The OA's own message echoed back: sent through the API (no `admin_id`; `msgId` is then the
   * `message_id` the API answered) or by a person in Zalo's OA chat tool (`admin_id`).
   */
  oaEcho(
    userId: string,
    text: string,
    adminId: string | null,
    msgId = zaloMessageId(),
    timestamp = now(),
    eventName = "oa_send_text",
  ) {
    return {
      app_id: this.appId,
      sender: adminId ? { id: this.oaId, admin_id: adminId } : { id: this.oaId },
      recipient: { id: userId },
      event_name: eventName,
      message: { msg_id: msgId, text },
      timestamp,
    };
  }

  private fromUser(userId: string, eventName: string, message: Record<string, unknown>, timestamp: string) {
    return {
      app_id: this.appId,
      sender: { id: userId },
      user_id_by_app: appScopedId(userId),
      recipient: { id: this.oaId },
      event_name: eventName,
      message: { msg_id: zaloMessageId(), ...message },
      timestamp,
    };
  }
}

/** The same user seen by the app rather than the OA: another id, stable for the user. */
const appScopedId = (userId: string) => `9${userId.slice(1)}`;
