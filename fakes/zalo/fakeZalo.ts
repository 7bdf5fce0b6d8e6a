import { createHash, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import express, { type Request, type Response } from "express";
import { selfSignedCertificate } from "./selfSignedCertificate";
import { ZaloEventBuilder, zaloId } from "./zaloEvents";

export interface FakeZaloOptions {
  appId: string;
  oaId: string;
  oaSecretKey: string;
  appSecret: string;
  accessToken: string;
  refreshToken: string;
  /** Where events are delivered (the Khai Hộ server's `/webhooks/zalo`); may be set later. */
  webhookUrl?: string;
  port?: number;
  host?: string;
  /** Seconds a refreshed access token lives (Zalo: 90000). */
  accessTokenTtlSeconds?: number;
  /** Serve hosted media over https with a self-signed certificate (`mediaCaPem`). */
  mediaHttps?: boolean;
  /** Echo every accepted message back to the webhook as `oa_send_text` without `admin_id`, as Zalo does. */
  echoOwnSends?: boolean;
}

export interface SentMessage {
  userId: string;
  text?: string;
  buttons?: { title: string; type: string; payload: unknown }[];
  attachment?: unknown;
  messageId: string;
  at: number;
}

export interface Delivery {
  eventName: string;
  status: number;
  ms: number;
  body: string;
}

type Signature = "mac" | "bare" | "bad" | "none";

const BUTTON_TYPES = new Set(["oa.query.show", "oa.query.hide", "oa.open.url", "oa.open.phone", "oa.open.sms"]);
const TEMPLATE_TYPES = new Set(["list", "media", "request_user_info"]);
const WINDOW_MS = 7 * 24 * 60 * 60_000;
const RATE_LIMIT = 4000;

/**
 * A local Zalo for tests and for people (`npm run fake:zalo`), per the checklist of
 * `../shared/reference/zalo-oa.md` (A.6): it drives signed webhook events to our server, and
 * serves `message/cs`, uploads, group messages and the OAuth v4 refresh, with their errors
 * answered as Zalo does (HTTP 200 and a non-zero `error`) and injectable.
 */
export class FakeZalo {
  readonly sent: SentMessage[] = [];
  readonly groupMessages: { groupId: string; text: string; messageId: string }[] = [];
  readonly deliveries: Delivery[] = [];
  readonly events: ZaloEventBuilder;
  webhookUrl: string | undefined;
  refreshCount = 0;
  url = "";
  mediaUrl = "";
  mediaCaPem = "";

  private accessToken: string;
  private refreshToken: string;
  private accessExpired = false;
  private readonly spentTokens = new Set<string>();
  private readonly failures: number[] = [];
  private readonly groupFailures: number[] = [];
  private down = false;
  private readonly lastInteraction = new Map<string, number>();
  private readonly nonFollowers = new Set<string>();
  private readonly media = new Map<string, { bytes: Buffer; mimeType: string }>();
  private requests = 0;
  private server: Server | null = null;
  private mediaServer: Server | null = null;

  constructor(private readonly options: FakeZaloOptions) {
    this.accessToken = options.accessToken;
    this.refreshToken = options.refreshToken;
    this.webhookUrl = options.webhookUrl;
    this.events = new ZaloEventBuilder(options.appId, options.oaId);
  }

  async start(): Promise<this> {
    const app = this.app();
    this.server = createServer(app);
    await listen(this.server, this.options.port ?? 0, this.options.host ?? "127.0.0.1");
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    if (this.options.mediaHttps) {
      const { key, cert } = selfSignedCertificate();
      this.mediaCaPem = cert;
      this.mediaServer = createHttpsServer({ key, cert }, (req, res) => {
        const found = this.media.get(new URL(req.url ?? "/", "https://x").pathname);
        if (!found) return void res.writeHead(404).end();
        res.writeHead(200, { "Content-Type": found.mimeType, "Content-Length": found.bytes.length }).end(found.bytes);
      });
      await listen(this.mediaServer, 0, "127.0.0.1");
      this.mediaUrl = `https://127.0.0.1:${(this.mediaServer.address() as AddressInfo).port}`;
    } else {
      this.mediaUrl = `${this.url}/__media`;
    }
    return this;
  }

  async close(): Promise<void> {
    for (const server of [this.server, this.mediaServer]) {
      if (!server) continue;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  // What tests change.

  /** The next `count` calls of `message/cs` answer `code` (HTTP 200, as Zalo does). */
  failNext(code: number, count = 1): void {
    for (let i = 0; i < count; i += 1) this.failures.push(code);
  }

  failNextGroup(code: number): void {
    this.groupFailures.push(code);
  }

  /** Zalo unreachable: every API call answers 503 until `setDown(false)`. */
  setDown(down: boolean): void {
    this.down = down;
  }

  /** The current access token answers -220 (expired) from now on. */
  expireAccessToken(): void {
    this.accessExpired = true;
  }

  setLastInteraction(userId: string, at: number): void {
    this.lastInteraction.set(userId, at);
  }

  setFollower(userId: string, follows: boolean): void {
    if (follows) this.nonFollowers.delete(userId);
    else this.nonFollowers.add(userId);
  }

  get currentAccessToken(): string {
    return this.accessToken;
  }

  /** Serves `bytes` at a new URL (https when `mediaHttps`). */
  hostMedia(name: string, bytes: Buffer, mimeType: string): string {
    const path = `/media/${randomUUID()}/${encodeURIComponent(name)}`;
    this.media.set(path, { bytes, mimeType });
    return `${this.mediaUrl}${path}`;
  }

  // The webhook driver.

  sendText(userId: string, text: string): Promise<Delivery> {
    return this.deliver(this.events.text(userId, text));
  }

  sendImage(userId: string, url: string): Promise<Delivery> {
    return this.deliver(this.events.image(userId, url));
  }

  sendFile(userId: string, file: { url: string; name: string; size: string; type: string }): Promise<Delivery> {
    return this.deliver(this.events.file(userId, file));
  }

  sendLocation(userId: string, latitude: string, longitude: string): Promise<Delivery> {
    return this.deliver(this.events.location(userId, latitude, longitude));
  }

  follow(userId: string): Promise<Delivery> {
    return this.deliver(this.events.follow(userId, "follow"));
  }

  unfollow(userId: string): Promise<Delivery> {
    return this.deliver(this.events.follow(userId, "unfollow"));
  }

  submitInfo(
    userId: string,
    info: { name: string; phone: string; address: string },
    shape: "nested" | "flat" = "nested",
  ): Promise<Delivery> {
    return this.deliver(this.events.submitInfo(userId, info, shape));
  }

  adminEcho(userId: string, text: string, adminId: string): Promise<Delivery> {
    return this.deliver(this.events.oaEcho(userId, text, adminId));
  }

  /**
   * POSTs the exact body to the webhook, signed `mac=<hex>` (the default), bare hex, badly, or
   * not at all; `retry` adds the `num_retry` header Zalo sends on a retry.
   */
  async deliver(
    body: object | string,
    options: { signature?: Signature; retry?: number; timestamp?: string } = {},
  ): Promise<Delivery> {
    if (!this.webhookUrl) throw new Error("FakeZalo: no webhookUrl to deliver to");
    const raw = typeof body === "string" ? body : JSON.stringify(body);
    const parsed = typeof body === "string" ? safeParse(body) : (body as Record<string, unknown>);
    const timestamp = options.timestamp ?? String(parsed?.timestamp ?? "");
    const userId = String((parsed?.sender as { id?: unknown } | undefined)?.id ?? "");
    if (String(parsed?.event_name ?? "").startsWith("user_") || parsed?.event_name === "follow")
      this.lastInteraction.set(userId || String((parsed?.follower as { id?: unknown })?.id ?? ""), Date.now());
    const mac = sha256(this.options.appId + raw + timestamp + this.options.oaSecretKey);
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    const signature = options.signature ?? "mac";
    if (signature === "mac") headers["X-ZEvent-Signature"] = `mac=${mac}`;
    if (signature === "bare") headers["X-ZEvent-Signature"] = mac;
    if (signature === "bad") headers["X-ZEvent-Signature"] = `mac=${sha256(`${raw}tampered`)}`;
    if (options.retry !== undefined) headers.num_retry = String(options.retry);
    const started = performance.now();
    const response = await fetch(this.webhookUrl, { method: "POST", headers, body: raw });
    const delivery = {
      eventName: String(parsed?.event_name ?? ""),
      status: response.status,
      ms: performance.now() - started,
      body: await response.text(),
    };
    this.deliveries.push(delivery);
    return delivery;
  }

  private app(): express.Express {
    const app = express();
    app.use((_req, res, next) => {
      this.requests += 1;
      res.set({ "X-RateLimit-Limit": String(RATE_LIMIT), "X-RateLimit-Remain": String(RATE_LIMIT - this.requests) });
      if (this.down) return void res.status(503).send("Service Unavailable");
      next();
    });
    app.post("/v3.0/oa/message/cs", express.json({ limit: "1mb" }), (req, res) => this.messageCs(req, res));
    app.post("/v3.0/oa/group/message", express.json({ limit: "1mb" }), (req, res) => this.groupMessage(req, res));
    app.get("/v3.0/oa/group/getgroupsofoa", (req, res) => {
      if (!this.tokenOk(req, res)) return;
      res.json({ data: { total: 1, groups: [{ group_id: "4a9bada229cec09099df", name: "Lãnh đạo" }] }, error: 0 });
    });
    app.post("/v2.0/oa/upload/:kind", (req, res) => this.upload(req, res));
    app.post("/v4/oa/access_token", express.urlencoded({ extended: false }), (req, res) => this.refresh(req, res));
    app.get("/__media/media/:id/:name", (req, res) => {
      const found = this.media.get(`/media/${req.params.id}/${encodeURIComponent(String(req.params.name))}`);
      if (!found) return void res.status(404).end();
      res.type(found.mimeType).send(found.bytes);
    });
    return app;
  }

  /** Answers -216/-220 for a bad or expired token; true when the token is good. */
  private tokenOk(req: Request, res: Response): boolean {
    const token = req.get("access_token");
    if (token !== this.accessToken) {
      res.json({ error: -216, message: "Access token is invalid" });
      return false;
    }
    if (this.accessExpired) {
      res.json({ error: -220, message: "Access token has expired" });
      return false;
    }
    return true;
  }

  private messageCs(req: Request, res: Response): void {
    if (!this.tokenOk(req, res)) return;
    const injected = this.failures.shift();
    if (injected !== undefined) return void res.json({ error: injected, message: `injected ${injected}` });
    const body = req.body as { recipient?: { user_id?: unknown }; message?: Record<string, unknown> };
    const userId = body?.recipient?.user_id;
    const message = body?.message;
    const content = typeof userId === "string" && message ? messageContent(message) : null;
    if (!content) return void res.json({ error: -201, message: "Parameters are invalid" });
    if (this.nonFollowers.has(userId as string)) return void res.json({ error: -213, message: "User not follow OA" });
    const last = this.lastInteraction.get(userId as string) ?? 0;
    if (Date.now() - last > WINDOW_MS)
      return void res.json({ error: -230, message: "User has not interacted with the OA in the last 7 days" });
    const messageId = randomUUID().replace(/-/g, "").slice(0, 20);
    this.sent.push({ userId: userId as string, ...content, messageId, at: Date.now() });
    res.json({
      data: { message_id: messageId, user_id: userId, sent_time: String(Date.now()), quota: { quota_type: "reply" } },
      error: 0,
      message: "Success",
    });
    if ((this.options.echoOwnSends ?? true) && this.webhookUrl && content.text !== undefined) {
      const echo = this.events.oaEcho(userId as string, content.text, null, messageId);
      void this.deliver(echo).catch(() => undefined);
    }
  }

  private groupMessage(req: Request, res: Response): void {
    if (!this.tokenOk(req, res)) return;
    const injected = this.groupFailures.shift();
    if (injected !== undefined) return void res.json({ error: injected, message: `injected ${injected}` });
    const body = req.body as { recipient?: { group_id?: unknown }; message?: { text?: unknown; attachment?: unknown } };
    const groupId = body?.recipient?.group_id;
    const text = body?.message?.text;
    const buttons = (body?.message?.attachment as { payload?: { buttons?: unknown } } | undefined)?.payload?.buttons;
    if (typeof groupId !== "string" || typeof text !== "string" || buttons !== undefined || nfcLength(text) > 2000)
      return void res.json({ error: -201, message: "Parameters are invalid" });
    const messageId = randomUUID().replace(/-/g, "").slice(0, 20);
    this.groupMessages.push({ groupId, text, messageId });
    res.json({ data: { message_id: messageId, group_id: groupId }, error: 0, message: "Success" });
  }

  private upload(req: Request, res: Response): void {
    if (!this.tokenOk(req, res)) return;
    if (!String(req.get("content-type")).startsWith("multipart/form-data"))
      return void res.json({ error: -201, message: "Parameters are invalid" });
    req.resume();
    req.on("end", () => {
      const kind = req.params.kind;
      if (kind === "file") res.json({ data: { token: zaloId() }, error: 0, message: "Success" });
      else if (kind === "image" || kind === "gif")
        res.json({ data: { attachment_id: zaloId() }, error: 0, message: "Success" });
      else res.json({ error: -201, message: "Parameters are invalid" });
    });
  }

  private refresh(req: Request, res: Response): void {
    const form = req.body as Record<string, unknown>;
    if (req.get("secret_key") !== this.options.appSecret || form.app_id !== this.options.appId)
      return void res.json({ error: -14002, error_name: "invalid_client", error_description: "app secret invalid" });
    if (form.grant_type !== "refresh_token" || typeof form.refresh_token !== "string")
      return void res.json({ error: -14003, error_name: "invalid_request", error_description: "grant_type" });
    if (form.refresh_token !== this.refreshToken || this.spentTokens.has(form.refresh_token)) {
      return void res.json({
        error: -14020,
        error_name: "invalid_grant",
        error_description: "refresh token already used or expired",
      });
    }
    // Both old tokens die at once: the old access token stops working as soon as a new one is issued.
    this.spentTokens.add(this.refreshToken);
    this.refreshCount += 1;
    this.accessToken = `access-${this.refreshCount}-${randomUUID().slice(0, 8)}`;
    this.refreshToken = `refresh-${this.refreshCount}-${randomUUID().slice(0, 8)}`;
    this.accessExpired = false;
    res.json({
      access_token: this.accessToken,
      refresh_token: this.refreshToken,
      expires_in: String(this.options.accessTokenTtlSeconds ?? 90_000),
    });
  }
}

/** Starts a fake Zalo on 127.0.0.1. */
export function startFakeZalo(options: FakeZaloOptions): Promise<FakeZalo> {
  return new FakeZalo(options).start();
}

/** What a `message/cs` body sends, or null when Zalo would refuse it (-201). */
function messageContent(message: Record<string, unknown>): Omit<SentMessage, "userId" | "messageId" | "at"> | null {
  const text = message.text;
  if (text !== undefined && (typeof text !== "string" || text.length === 0 || nfcLength(text) > 2000)) return null;
  const attachment = message.attachment as { type?: unknown; payload?: Record<string, unknown> } | undefined;
  if (attachment === undefined) return typeof text === "string" ? { text } : null;
  if (attachment.type === "file")
    return typeof attachment.payload?.token === "string" ? { attachment, ...(text ? { text } : {}) } : null;
  if (attachment.type !== "template" || !attachment.payload) return null;
  const buttons = attachment.payload.buttons;
  if (buttons !== undefined) {
    if (typeof text !== "string" || !Array.isArray(buttons) || buttons.length === 0) return null;
    const valid = buttons.every(
      (b: { title?: unknown; type?: unknown; payload?: unknown }) =>
        typeof b?.title === "string" && b.title.length > 0 && BUTTON_TYPES.has(String(b.type)) && b.payload != null,
    );
    return valid ? { text, buttons } : null;
  }
  return TEMPLATE_TYPES.has(String(attachment.payload.template_type))
    ? { attachment, ...(typeof text === "string" ? { text } : {}) }
    : null;
}

const nfcLength = (text: string) => [...text.normalize("NFC")].length;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function safeParse(text: string): Record<string, unknown> | null {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
}
