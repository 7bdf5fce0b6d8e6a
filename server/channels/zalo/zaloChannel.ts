import { readFileSync } from "node:fs";
import type { Config } from "../../config";
import type { ConversationService } from "../../conversation/conversationService";
import type { Catalogue } from "../../engine/catalogue";
import type { WindowLimiter } from "../../limits/windowLimiter";
import type { Logger } from "../../logger";
import type { Store } from "../../store/store";
import type { ChannelContact, GroupPoster, GroupPostResult, MessagingChannel } from "../messagingChannel";
import { ZaloInbox } from "./zaloInbox";
import { ZaloOpenApi, type ZaloSendResult } from "./zaloOpenApi";
import { ZaloOutbox } from "./zaloOutbox";
import { ZaloTokens } from "./zaloTokens";
import { zaloWebhookRoute } from "./zaloWebhookRoute";

export interface ZaloChannelParts {
  config: Readonly<Config>;
  store: Store;
  service: ConversationService;
  catalogue: Catalogue;
  logger: Logger;
  now: () => Date;
  /** Messages per Zalo conversation (`createLimits`: shared by the nodes with Redis). */
  perConversation: WindowLimiter;
}

// More citizens than this waiting for the outbox means Zalo has been failing for a while.
const BACKED_UP_AT = 20;

const UNREACHABLE_REASONS: Record<number, string> = {
  0: "Đã bỏ quan tâm OA / Unfollowed the OA",
  [-213]: "Chưa quan tâm OA / Not following the OA",
  [-230]: "Quá 7 ngày không tương tác / No interaction for 7 days",
  [-232]: "Hết hạn tương tác / Interaction expired",
  [-227]: "Tài khoản bị khoá hoặc không hoạt động / Account banned or inactive",
  [-244]: "Người dùng chặn loại tin này / The user blocked this message type",
  [-218]: "Quá giới hạn gửi cho người này / Over the limit for this user",
};

/** The Zalo OA channel, or null when `ZALO_APP_ID` is not set (the webhook then answers 404). */
export function createZaloChannel(parts: ZaloChannelParts): MessagingChannel | null {
  const { config, store, service, catalogue, logger, now } = parts;
  if (!config.ZALO_APP_ID) return null;
  const api = createZaloOpenApi(parts);
  const contactListeners: ((conversationId: string) => void)[] = [];
  const contactChanged = (conversationId: string) => contactListeners.forEach((listener) => listener(conversationId));
  const outbox = new ZaloOutbox({ store, api, now, logger, contactChanged });
  const inbox = new ZaloInbox({
    store,
    service,
    catalogue,
    logger,
    now,
    defaultUnit: config.ZALO_DEFAULT_UNIT ?? null,
    media: {
      allowedHosts: config.ZALO_MEDIA_HOSTS.split(",")
        .map((host) => host.trim())
        .filter(Boolean),
      ...(config.ZALO_MEDIA_CA_FILE ? { ca: readFileSync(config.ZALO_MEDIA_CA_FILE, "utf8") } : {}),
      timeoutMs: config.ZALO_MEDIA_TIMEOUT_MS,
    },
    uploads: {
      maxBytes: config.UPLOAD_MAX_BYTES,
      maxFilesPerConversation: config.UPLOAD_MAX_FILES_PER_CONVERSATION,
      maxBytesPerConversation: config.UPLOAD_MAX_BYTES_PER_CONVERSATION,
    },
    perConversation: parts.perConversation,
    contactChanged,
  });
  const keys = { appId: config.ZALO_APP_ID, oaSecretKey: config.ZALO_OA_SECRET_KEY! };
  return {
    name: "zalo",
    router: zaloWebhookRoute({ keys, inbox, logger, now }),
    committed(saved, messages) {
      if (saved.channel === "zalo" && messages.length > 0) outbox.wake(saved.id);
    },
    onContactChange(listener) {
      contactListeners.push(listener);
    },
    async contact(conversationId): Promise<ChannelContact | null> {
      const contact = await store.getZaloContactByConversation(conversationId);
      if (!contact) return null;
      const conversation = await store.getConversation(conversationId);
      return {
        channel: "zalo",
        displayName: contact.displayName,
        reachable: contact.unreachable === null,
        reason: contact.unreachable
          ? (UNREACHABLE_REASONS[contact.unreachable.code] ?? `Zalo ${contact.unreachable.code}`)
          : null,
        pending: (conversation?.lastSeq ?? 0) > contact.deliveredSeq,
      };
    },
    groups: zaloGroupPoster(api),
    async status() {
      const { waiting, unreachable } = await outbox.backlog();
      return { channel: "zalo", waiting, unreachable, backedUp: waiting - unreachable >= BACKED_UP_AT };
    },
    start() {
      inbox.start();
      outbox.start();
    },
    async stop() {
      await inbox.stop();
      await outbox.stop();
    },
  };
}

/** The OA's Open API with its tokens (kept in the store, refreshed once across processes). */
export function createZaloOpenApi(parts: Pick<ZaloChannelParts, "config" | "store" | "logger" | "now">): ZaloOpenApi {
  const { config, store, logger, now } = parts;
  const tokens = new ZaloTokens({
    store,
    appId: config.ZALO_APP_ID!,
    appSecret: config.ZALO_APP_SECRET!,
    oauthBase: config.ZALO_OAUTH_BASE,
    seed: { accessToken: config.ZALO_ACCESS_TOKEN!, refreshToken: config.ZALO_REFRESH_TOKEN! },
    now,
    logger,
  });
  return new ZaloOpenApi({ openApiBase: config.ZALO_OPENAPI_BASE, tokens, logger });
}

/** The leaders' group through Zalo's group message API (GMF, reference A.5); an image is uploaded first. */
export function zaloGroupPoster(api: ZaloOpenApi): GroupPoster {
  const result = (sent: ZaloSendResult): GroupPostResult =>
    sent.ok ? { ok: true } : { ok: false, retry: sent.kind !== "rejected", code: sent.code, message: sent.message };
  return {
    async postText(groupId, text) {
      return result(await api.sendToGroup(groupId, { text }));
    },
    async postImage(groupId, png, caption) {
      const uploaded = await api.uploadImage(png, "bao-cao.png", "image/png");
      if (!uploaded.ok) return result(uploaded);
      const media = { media_type: "image", attachment_id: uploaded.messageId };
      return result(
        await api.sendToGroup(groupId, {
          text: caption,
          attachment: { type: "template", payload: { template_type: "media", elements: [media] } },
        }),
      );
    },
  };
}
