import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import express, { type NextFunction, type Request, type Response } from "express";
import { deliverZaloEvent, type DeliverOptions, type Delivery } from "./deliverZaloEvent";
import { OaTokens } from "./oaTokens";
import { PageChat } from "./pageChat";
import { groupPage } from "./pageGroup";
import { readCsMessage, type CsMessageContent, type ZaloButton } from "./readCsMessage";
import { readMultipartFile } from "./readMultipartFile";
import { selfSignedCertificate } from "./selfSignedCertificate";
import { ZaloEventBuilder, zaloId, type ZaloFileShared, type ZaloInfoShared } from "./zaloEvents";

export type { DeliverOptions, Delivery, SignatureMode } from "./deliverZaloEvent";
export type { ZaloButton } from "./readCsMessage";

export interface FakeZaloOptions {
  appId: string;
  oaId: string;
  /** The key of the app's Webhook page: events are signed with it. */
  oaSecretKey: string;
  /** The app secret: the OAuth refresh requires it as the `secret_key` header. */
  appSecret: string;
  /** The access token that works until the first refresh. */
  accessToken: string;
  /** The single-use refresh token that works until the first refresh. */
  refreshToken: string;
  /** Where events are delivered (our app's `/webhooks/zalo`); may also be set later through `webhookUrl`. */
  webhookUrl?: string;
  /** @default 0 (a free port) */
  port?: number;
  /** @default "127.0.0.1" */
  host?: string;
  /** How long an access token lives. @default 90000 (25 h, as Zalo) */
  accessTokenTtlSeconds?: number;
  /** Serve hosted media from a second, https server with a self-signed certificate (`mediaCaPem`). @default false */
  mediaHttps?: boolean;
  /** Echo every accepted cs message back to the webhook as Zalo does (`oa_send_*` without `admin_id`). @default true */
  echoOwnSends?: boolean;
  /** The OA's name in the chat page's header. @default "Khai Hộ" */
  oaName?: string;
  /** The groups the OA owns, for `getgroupsofoa`. @default one demo group */
  groups?: { groupId: string; name: string }[];
}

/** A cs message Zalo accepted, in the order accepted. */
export interface SentMessage {
  userId: string;
  text?: string;
  buttons?: ZaloButton[];
  attachment?: CsMessageContent["attachment"];
  messageId: string;
  at: number;
}

export interface SentGroupMessage {
  groupId: string;
  text?: string;
  attachment?: CsMessageContent["attachment"];
  messageId: string;
  at: number;
}

/** A file accepted by `/v2.0/oa/upload/*`; `id` is the `attachment_id` (image, gif) or the `token` (file). */
export interface UploadedAsset {
  kind: "image" | "gif" | "file";
  fileName: string;
  mimeType: string;
  size: number;
  id: string;
}

const DAY_MS = 24 * 60 * 60_000;
/** Zalo's window for cs messages: an interaction within the last 7 days (reference A.3). */
export const ZALO_CS_WINDOW_MS = 7 * DAY_MS;
/** Zalo's rate limit for the OA API, per app and minute; its headers count down from it. */
export const ZALO_RATE_LIMIT_PER_MINUTE = 4000;
// Reference A.3: jpg or png up to 1 MB for images; PDF, DOC, DOCX or CSV up to 5 MB for files.
const UPLOAD_RULES = {
  image: { maxBytes: 1024 * 1024, mimeTypes: ["image/jpeg", "image/png"] },
  gif: { maxBytes: 5 * 1024 * 1024, mimeTypes: ["image/gif"] },
  file: {
    maxBytes: 5 * 1024 * 1024,
    mimeTypes: [
      "application/pdf",
      "application/msword",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "text/csv",
    ],
  },
} as const;
const MAX_KEPT_IMAGES = 50;
const DEMO_GROUPS = [{ groupId: "4a9bada229cec09099df", name: "Cán bộ Phường An Thạnh" }];
// Events that are not the user interacting with the OA, though their names start with user_.
const NOT_INTERACTIONS = new Set(["user_received_message", "user_seen_message"]);

const zaloError = (error: number, message: string) => ({ error, message });
const INVALID_PARAMETERS = "Parameters are invalid";

/**
 * A local Zalo for tests and for people (`npm run fake:zalo`), per the checklist of the Zalo OA
 * reference (A.6). One HTTP server is both the OpenAPI host and the OAuth host; its errors are
 * answered as Zalo answers them, HTTP 200 with a non-zero `error`, and tests can inject them.
 *
 * @example
 * const zalo = await startFakeZalo({ appId, oaId, oaSecretKey, appSecret, accessToken, refreshToken, webhookUrl });
 * await zalo.follow("2468458835296117922");       // signed webhook event → our app
 * zalo.sent.at(-1)?.text;                         // what our app sent back through message/cs
 * zalo.failNext(-32);                             // the next message/cs is refused for the rate limit
 */
export class FakeZalo {
  /** Accepted cs messages, in order. */
  readonly sent: SentMessage[] = [];
  readonly groupMessages: SentGroupMessage[] = [];
  readonly uploads: UploadedAsset[] = [];
  /** The bytes of the latest uploaded images, to show them on the group page. */
  private readonly imageBytes = new Map<string, { bytes: Buffer; mimeType: string }>();
  /** Every POST to our webhook (including echoes), with whether it was answered 200 within 2 s. */
  readonly deliveries: Delivery[] = [];
  /** Builds event bodies to `deliver` as they are or altered. */
  readonly events: ZaloEventBuilder;
  webhookUrl: string | undefined;
  readonly oaId: string;
  readonly oaName: string;
  /** This server's base URL: both `ZALO_OPENAPI_BASE` and `ZALO_OAUTH_BASE`. */
  url = "";
  /** Where hosted media is served: the https server with `mediaHttps`, otherwise this server. */
  mediaUrl = "";
  /** The certificate of the media server (PEM), for our server to trust; empty without `mediaHttps`. */
  mediaCaPem = "";
  /** The same certificate as a file (for `ZALO_MEDIA_CA_FILE`); empty without `mediaHttps`. */
  mediaCaFile = "";

  private readonly tokens: OaTokens;
  private readonly failures: number[] = [];
  private readonly groupFailures: number[] = [];
  private down = false;
  private readonly lastInteraction = new Map<string, number>();
  private readonly nonFollowers = new Set<string>();
  private readonly media = new Map<string, { bytes: Buffer; mimeType: string }>();
  private readonly rateWindow = { startedAt: 0, requests: 0 };
  private readonly page: PageChat;
  private server: Server | null = null;
  private mediaServer: Server | null = null;

  constructor(private readonly options: FakeZaloOptions) {
    this.tokens = new OaTokens({
      appId: options.appId,
      appSecret: options.appSecret,
      accessToken: options.accessToken,
      refreshToken: options.refreshToken,
      ttlSeconds: options.accessTokenTtlSeconds ?? 90_000,
    });
    this.webhookUrl = options.webhookUrl;
    this.oaId = options.oaId;
    this.oaName = options.oaName ?? "Khai Hộ";
    this.events = new ZaloEventBuilder(options.appId, options.oaId);
    this.page = new PageChat(this);
  }

  /** Listens; {@link startFakeZalo} calls it. */
  async start(): Promise<this> {
    const host = this.options.host ?? "127.0.0.1";
    this.server = createServer(this.app());
    const port = await listen(this.server, this.options.port ?? 0, host);
    const shownHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
    this.url = `http://${shownHost}:${port}`;
    this.mediaUrl = this.url;
    if (this.options.mediaHttps) {
      const certificate = selfSignedCertificate();
      this.mediaCaPem = certificate.cert;
      this.mediaCaFile = certificate.certFile;
      const { key, cert } = certificate;
      this.mediaServer = createHttpsServer({ key, cert }, (req, res) => this.serveMedia(req, res));
      this.mediaUrl = `https://127.0.0.1:${await listen(this.mediaServer, 0, "127.0.0.1")}`;
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

  /** The next `count` calls of `message/cs` with a valid token answer `code` (HTTP 200, as Zalo does). */
  failNext(code: number, count = 1): void {
    for (let i = 0; i < count; i += 1) this.failures.push(code);
  }

  /** The next `count` calls of `group/message` answer `code`, e.g. -237 (the group's GMF asset expired). */
  failNextGroup(code: number, count = 1): void {
    for (let i = 0; i < count; i += 1) this.groupFailures.push(code);
  }

  /** Zalo unreachable: the OpenAPI and OAuth paths answer HTTP 503 until `setDown(false)`. */
  setDown(down: boolean): void {
    this.down = down;
  }

  /** The current access token answers -220 (expired) until the next refresh. */
  expireAccessToken(): void {
    this.tokens.expire();
  }

  /** When the user last interacted with the OA (ms); events the fake delivers for the user move it. */
  setLastInteraction(userId: string, at: number | Date): void {
    this.lastInteraction.set(userId, typeof at === "number" ? at : at.getTime());
  }

  lastInteractionOf(userId: string): number | undefined {
    return this.lastInteraction.get(userId);
  }

  /** A non-follower gets -213; `follow` and `unfollow` events set this too. */
  setFollower(userId: string, follows: boolean): void {
    if (follows) this.nonFollowers.delete(userId);
    else this.nonFollowers.add(userId);
  }

  get currentAccessToken(): string {
    return this.tokens.accessToken;
  }

  get currentRefreshToken(): string {
    return this.tokens.refreshToken;
  }

  /** Successful OAuth refreshes so far. */
  get refreshCount(): number {
    return this.tokens.refreshCount;
  }

  /** Serves `bytes` at a new URL (https when `mediaHttps`), as Zalo's CDN serves what users send. */
  hostMedia(name: string, bytes: Buffer, mimeType: string): string {
    const path = `/__media/${randomUUID()}/${encodeURIComponent(name)}`;
    this.media.set(path, { bytes, mimeType });
    return `${this.mediaUrl}${path}`;
  }

  // The webhook driver: each sends one signed event to `webhookUrl` and returns our app's answer.

  sendText(userId: string, text: string, options: DeliverOptions & { quoteMsgId?: string } = {}): Promise<Delivery> {
    const { quoteMsgId, ...deliverOptions } = options;
    return this.deliver(this.events.text(userId, text, undefined, quoteMsgId), deliverOptions);
  }

  sendImage(userId: string, url: string, options?: DeliverOptions): Promise<Delivery> {
    return this.deliver(this.events.image(userId, url), options);
  }

  sendFile(userId: string, file: ZaloFileShared, options?: DeliverOptions): Promise<Delivery> {
    return this.deliver(this.events.file(userId, file), options);
  }

  /** Latitude and longitude are strings, as Zalo sends them. */
  sendLocation(userId: string, latitude: string, longitude: string, options?: DeliverOptions): Promise<Delivery> {
    return this.deliver(this.events.location(userId, latitude, longitude), options);
  }

  follow(userId: string, options?: DeliverOptions): Promise<Delivery> {
    return this.deliver(this.events.follow(userId, "follow"), options);
  }

  unfollow(userId: string, options?: DeliverOptions): Promise<Delivery> {
    return this.deliver(this.events.follow(userId, "unfollow"), options);
  }

  submitInfo(
    userId: string,
    info: ZaloInfoShared,
    shape: "nested" | "flat" = "nested",
    options?: DeliverOptions,
  ): Promise<Delivery> {
    return this.deliver(this.events.submitInfo(userId, info, shape), options);
  }

  /** A person wrote `text` from Zalo's OA chat tool: `oa_send_text` with `sender.admin_id`. */
  adminEcho(userId: string, text: string, adminId: string, options?: DeliverOptions): Promise<Delivery> {
    return this.deliver(this.events.oaEcho(userId, text, adminId), options);
  }

  /**
   * POSTs exactly `body` (an object is serialised once; a string is sent byte for byte) to the
   * webhook. A user's event counts as their interaction with the OA, whatever our app answers.
   *
   * @example
   * const event = zalo.events.text(userId, "khai sinh");
   * await zalo.deliver(event, { signature: "bare" });
   * await zalo.deliver(event, { retry: 1 }); // the same body again, with num_retry: 1
   */
  async deliver(body: object | string, options: DeliverOptions = {}): Promise<Delivery> {
    if (!this.webhookUrl) throw new Error("FakeZalo: set webhookUrl before delivering events");
    const raw = typeof body === "string" ? body : JSON.stringify(body);
    this.noteInteraction(typeof body === "string" ? parseObject(body) : (body as Record<string, unknown>));
    const delivery = await deliverZaloEvent(this.webhookUrl, raw, this.options, options);
    this.deliveries.push(delivery);
    return delivery;
  }

  private noteInteraction(event: Record<string, unknown> | null): void {
    const name = String(event?.event_name ?? "");
    const userId = (event?.sender as { id?: unknown } | undefined)?.id ?? (event?.follower as { id?: unknown })?.id;
    if (typeof userId !== "string") return;
    if (name === "follow") this.nonFollowers.delete(userId);
    if (name === "unfollow") this.nonFollowers.add(userId);
    const interacts = (name === "follow" || name.startsWith("user_")) && !NOT_INTERACTIONS.has(name);
    if (!interacts) return;
    const stamped = Number(event?.timestamp);
    const at = Number.isFinite(stamped) && stamped > 0 ? stamped : Date.now();
    this.lastInteraction.set(userId, Math.max(this.lastInteraction.get(userId) ?? 0, at));
  }

  private app(): express.Express {
    const app = express();
    app.disable("x-powered-by");
    app.use((_req, res, next) => this.rateLimitHeaders(res, next));
    app.use(this.page.router());
    app.use(groupPage(this));
    app.get("/__media/:id/:name", (req, res) => this.serveMedia(req, res));
    const api = express.Router();
    api.use((_req, res, next) => (this.down ? void res.status(503).send("Service Unavailable") : next()));
    api.post("/v3.0/oa/message/cs", express.json({ limit: "1mb" }), (req, res) => this.messageCs(req, res));
    api.post("/v3.0/oa/group/message", express.json({ limit: "1mb" }), (req, res) => this.groupMessage(req, res));
    api.get("/v3.0/oa/group/getgroupsofoa", (req, res) => this.groupsOfOa(req, res));
    api.post("/v2.0/oa/upload/:kind", (req, res) => void this.upload(req, res));
    api.post("/v4/oa/access_token", express.urlencoded({ extended: false }), (req, res) => {
      res.json(this.tokens.refreshWith(req.get("secret_key"), (req.body ?? {}) as Record<string, unknown>));
    });
    // A body that is not JSON, or too large, is a bad parameter to Zalo, not an HTTP error.
    api.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
      if (res.headersSent) return next(error);
      res.json(zaloError(-201, INVALID_PARAMETERS));
    });
    app.use(api);
    return app;
  }

  private rateLimitHeaders(res: Response, next: NextFunction): void {
    const now = Date.now();
    if (now - this.rateWindow.startedAt >= 60_000) Object.assign(this.rateWindow, { startedAt: now, requests: 0 });
    this.rateWindow.requests += 1;
    const remain = Math.max(0, ZALO_RATE_LIMIT_PER_MINUTE - this.rateWindow.requests);
    res.set({ "X-RateLimit-Limit": String(ZALO_RATE_LIMIT_PER_MINUTE), "X-RateLimit-Remain": String(remain) });
    next();
  }

  /** Answers -216/-220 and returns false unless the `access_token` header is the current, unexpired token. */
  private tokenAccepted(req: Request, res: Response): boolean {
    const check = this.tokens.check(req.get("access_token"));
    if (check === -216) res.json(zaloError(-216, "Access token is invalid"));
    if (check === -220) res.json(zaloError(-220, "Access token has expired"));
    return check === 0;
  }

  private messageCs(req: Request, res: Response): void {
    if (!this.tokenAccepted(req, res)) return;
    const injected = this.failures.shift();
    if (injected !== undefined) return void res.json(zaloError(injected, `Injected error ${injected}`));
    const read = readCsMessage(req.body);
    if (!read.ok) return void res.json(zaloError(-201, `${INVALID_PARAMETERS}: ${read.why}`));
    const unknownAsset = this.unknownAsset(read.content);
    if (unknownAsset) return void res.json(zaloError(-201, `${INVALID_PARAMETERS}: ${unknownAsset}`));
    const { userId, content } = read;
    if (this.nonFollowers.has(userId)) return void res.json(zaloError(-213, "User has not followed the OA"));
    if (Date.now() - (this.lastInteraction.get(userId) ?? 0) > ZALO_CS_WINDOW_MS)
      return void res.json(zaloError(-230, "User has not interacted with the OA in the last 7 days"));
    const messageId = randomBytes(10).toString("hex");
    const at = Date.now();
    this.sent.push({ userId, ...content, messageId, at });
    this.page.oaSent(userId, content, at);
    res.json({
      data: { message_id: messageId, user_id: userId, sent_time: String(at), quota: { quota_type: "reply" } },
      error: 0,
      message: "Success",
    });
    if ((this.options.echoOwnSends ?? true) && this.webhookUrl) {
      const echo = this.events.oaEcho(userId, content.text ?? "", null, messageId, String(at), echoEventName(content));
      void this.deliver(echo);
    }
  }

  /** Why a file token or media attachment_id was not issued by this fake's upload, if it was not. */
  private unknownAsset(content: CsMessageContent): string | null {
    const attachment = content.attachment;
    const issued = (id: unknown) => this.uploads.some((upload) => upload.id === id);
    if (attachment?.type === "file" && !issued(attachment.payload.token)) return "the file token was not uploaded";
    if (attachment?.type === "template" && attachment.payload.template_type === "media") {
      const element = attachment.payload.elements[0] as { attachment_id?: unknown };
      if (element.attachment_id !== undefined && !issued(element.attachment_id)) return "the attachment_id is unknown";
    }
    return null;
  }

  private groupMessage(req: Request, res: Response): void {
    if (!this.tokenAccepted(req, res)) return;
    const injected = this.groupFailures.shift();
    if (injected !== undefined) return void res.json(zaloError(injected, `Injected error ${injected}`));
    const body = (req.body ?? {}) as { recipient?: { group_id?: unknown }; message?: unknown };
    const groupId = body.recipient?.group_id;
    // The same message shapes as cs messages, except that a group takes no buttons.
    const read = readCsMessage({ recipient: { user_id: "0" }, message: body.message });
    if (typeof groupId !== "string" || groupId === "" || !read.ok || read.content.buttons)
      return void res.json(zaloError(-201, INVALID_PARAMETERS));
    const messageId = randomBytes(10).toString("hex");
    this.groupMessages.push({ groupId, ...read.content, messageId, at: Date.now() });
    res.json({ data: { message_id: messageId, group_id: groupId }, error: 0, message: "Success" });
  }

  private groupsOfOa(req: Request, res: Response): void {
    if (!this.tokenAccepted(req, res)) return;
    const offset = Number(req.query.offset ?? 0);
    const count = Number(req.query.count ?? 5);
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(count) || count < 1 || count > 50)
      return void res.json(zaloError(-201, INVALID_PARAMETERS));
    const groups = this.options.groups ?? DEMO_GROUPS;
    const page = groups.slice(offset, offset + count).map((group) => ({ group_id: group.groupId, name: group.name }));
    res.json({ data: { total: groups.length, count: page.length, groups: page }, error: 0, message: "Success" });
  }

  private async upload(req: Request, res: Response): Promise<void> {
    const kind = req.params.kind;
    if (kind !== "image" && kind !== "gif" && kind !== "file") return void res.status(404).end();
    if (!this.tokenAccepted(req, res)) return void req.resume();
    const rules = UPLOAD_RULES[kind];
    const file = await readMultipartFile(req, "file", rules.maxBytes);
    if (!file || file.bytes.length === 0 || !(rules.mimeTypes as readonly string[]).includes(file.mimeType))
      return void res.json(zaloError(-201, `${INVALID_PARAMETERS}: a ${kind} in the form field "file"`));
    if (file.truncated) return void res.json(zaloError(-210, `The ${kind} exceeds ${rules.maxBytes} bytes`));
    const id = kind === "file" ? randomBytes(24).toString("base64url") : zaloId();
    this.uploads.push({ kind, fileName: file.fileName, mimeType: file.mimeType, size: file.bytes.length, id });
    if (kind !== "file") {
      this.imageBytes.set(id, { bytes: file.bytes, mimeType: file.mimeType });
      // A few dozen are enough for a person looking at the page; a load test must not grow it without end.
      if (this.imageBytes.size > MAX_KEPT_IMAGES) this.imageBytes.delete(this.imageBytes.keys().next().value!);
    }
    res.json({ data: kind === "file" ? { token: id } : { attachment_id: id }, error: 0, message: "Success" });
  }

  /** An image uploaded through `/v2.0/oa/upload/image` (the latest few dozen), by its `attachment_id`. */
  uploadedImage(id: string): { bytes: Buffer; mimeType: string } | undefined {
    return this.imageBytes.get(id);
  }

  private serveMedia(req: IncomingMessage, res: ServerResponse): void {
    const found = this.media.get(new URL(req.url ?? "/", "http://fake").pathname);
    if (!found) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": found.mimeType, "Content-Length": found.bytes.length }).end(found.bytes);
  }
}

/**
 * Starts a fake Zalo (and, with `mediaHttps`, its https media server) and resolves once it listens.
 *
 * @example
 * const zalo = await startFakeZalo({ ...keys, webhookUrl: `${app.url}/webhooks/zalo`, mediaHttps: true });
 * // our server: ZALO_OPENAPI_BASE = ZALO_OAUTH_BASE = zalo.url, ZALO_MEDIA_CA_FILE = zalo.mediaCaFile
 */
export function startFakeZalo(options: FakeZaloOptions): Promise<FakeZalo> {
  return new FakeZalo(options).start();
}

/** The echo Zalo sends for each kind of message the OA sent (the reference names oa_send_text|image|gif|list|file). */
function echoEventName(content: CsMessageContent): string {
  const attachment = content.attachment;
  if (attachment?.type === "file") return "oa_send_file";
  if (attachment?.payload.template_type === "list") return "oa_send_list";
  if (attachment?.payload.template_type === "media") {
    const element = attachment.payload.elements[0] as { media_type?: unknown };
    return element.media_type === "gif" ? "oa_send_gif" : "oa_send_image";
  }
  return "oa_send_text";
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
