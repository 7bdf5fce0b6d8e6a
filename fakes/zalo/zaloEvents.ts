import { randomInt } from "node:crypto";

/** A Zalo-like id: 18–19 digits, as a string (Zalo's ids exceed 2^53). */
export function zaloId(): string {
  return `${randomInt(1, 10)}${String(randomInt(0, 1e9)).padStart(9, "0")}${String(randomInt(0, 1e9)).padStart(9, "0")}`;
}

/** The webhook bodies Zalo sends, shaped as in the reference (A.1): every id and timestamp a string. */
export class ZaloEventBuilder {
  constructor(
    private readonly appId: string,
    private readonly oaId: string,
  ) {}

  private envelope(userId: string, eventName: string, message: Record<string, unknown>, timestamp: string) {
    return {
      app_id: this.appId,
      sender: { id: userId },
      user_id_by_app: `9${userId.slice(1)}`,
      recipient: { id: this.oaId },
      event_name: eventName,
      message: { msg_id: zaloId().replace(/^./, "a"), ...message },
      timestamp,
    };
  }

  text(userId: string, text: string, timestamp = String(Date.now())) {
    return this.envelope(userId, "user_send_text", { text }, timestamp);
  }

  image(userId: string, url: string, timestamp = String(Date.now())) {
    return this.envelope(
      userId,
      "user_send_image",
      { text: "", attachments: [{ type: "image", payload: { thumbnail: url, url } }] },
      timestamp,
    );
  }

  file(
    userId: string,
    file: { url: string; name: string; size: string; type: string },
    timestamp = String(Date.now()),
  ) {
    return this.envelope(
      userId,
      "user_send_file",
      {
        attachments: [{ type: "file", payload: { ...file, checksum: "d41d8cd98f00b204e9800998ecf8427e" } }],
      },
      timestamp,
    );
  }

  location(userId: string, latitude: string, longitude: string, timestamp = String(Date.now())) {
    return this.envelope(
      userId,
      "user_send_location",
      { text: "", attachments: [{ type: "location", payload: { coordinates: { latitude, longitude } } }] },
      timestamp,
    );
  }

  follow(userId: string, eventName: "follow" | "unfollow" = "follow", timestamp = String(Date.now())) {
    return {
      oa_id: this.oaId,
      follower: { id: userId },
      user_id_by_app: `9${userId.slice(1)}`,
      event_name: eventName,
      source: "oa_profile",
      app_id: this.appId,
      timestamp,
    };
  }

  submitInfo(
    userId: string,
    info: { name: string; phone: string; address: string },
    shape: "nested" | "flat",
    timestamp = String(Date.now()),
  ) {
    const given =
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
      info: given,
    };
  }

  /** The OA's own message echoed: by the API (no admin) or by a person in Zalo's OA tool. */
  oaEcho(userId: string, text: string, adminId: string | null, msgId = zaloId(), timestamp = String(Date.now())) {
    return {
      app_id: this.appId,
      sender: adminId ? { id: this.oaId, admin_id: adminId } : { id: this.oaId },
      recipient: { id: userId },
      event_name: "oa_send_text",
      message: { msg_id: msgId, text },
      timestamp,
    };
  }
}
