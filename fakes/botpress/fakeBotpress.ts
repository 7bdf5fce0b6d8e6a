import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express, { type NextFunction, type Request, type Response } from "express";

export interface FakeBotpressOptions {
  /** The token every call must bring as `Authorization: Bearer <token>`. */
  token: string;
  /** The bot id every call must bring as `x-bot-id`. */
  botId: string;
  /** @default 0 (any free port) */
  port?: number;
  /** @default "127.0.0.1" */
  host?: string;
  /** How long the scripted bot takes to answer a message, in ms. @default 100 */
  replyDelayMs?: number;
}

type Tags = Record<string, string>;

interface StoredUser {
  id: string;
  createdAt: string;
  updatedAt: string;
  tags: Tags;
}

interface StoredConversation {
  id: string;
  createdAt: string;
  updatedAt: string;
  channel: string;
  integration: string;
  tags: Tags;
}

interface StoredMessage {
  id: string;
  createdAt: string;
  updatedAt: string;
  type: string;
  payload: Record<string, unknown>;
  direction: "incoming" | "outgoing";
  userId: string;
  conversationId: string;
  tags: Tags;
}

type Reply = Pick<StoredMessage, "type" | "payload">;

/** An error as the runtime API answers it: the HTTP status and `{ id, code, type, message }`. */
class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const text = (answer: string): Reply => ({ type: "text", payload: { text: answer } });

/** What the scripted bot knows, by keywords of the folded question (no diacritics, lower case). */
const FAQ: { keywords: RegExp; reply: Reply }[] = [
  {
    keywords: /\bly hon\b/,
    reply: text(
      "Ly hôn do Tòa án nhân dân khu vực nơi vợ hoặc chồng cư trú giải quyết (trước ngày 01/7/2025 là " +
        "Tòa án nhân dân cấp huyện), không làm tại Ủy ban nhân dân phường, xã. Hồ sơ gồm đơn, bản chính " +
        "giấy chứng nhận kết hôn và giấy tờ tùy thân.",
    ),
  },
  { keywords: /\ble phi\b|\bkhai sinh\b/, reply: text("Đăng ký khai sinh đúng hạn được miễn lệ phí.") },
  {
    keywords: /\bgio\b|\bmo cua\b/,
    reply: text("Bộ phận một cửa mở cửa 7:00–11:30 và 13:30–17:00, thứ Hai đến thứ Sáu, sáng thứ Bảy."),
  },
  {
    keywords: /\bthu tuc\b/,
    reply: {
      type: "choice",
      payload: {
        text: "Bạn hỏi về thủ tục nào?",
        options: [
          { label: "Đăng ký khai sinh", value: "khai-sinh" },
          { label: "Đăng ký kết hôn", value: "ket-hon" },
          { label: "Đăng ký thường trú", value: "thuong-tru" },
        ],
      },
    },
  },
  {
    keywords: /\bo dau\b/,
    reply: {
      type: "markdown",
      payload: { markdown: "Bộ phận một cửa ở **tầng trệt trụ sở Ủy ban nhân dân phường**." },
    },
  },
];
const UNKNOWN = text("Xin lỗi, tôi chưa có thông tin về câu hỏi này.");

function fold(question: string): string {
  return question.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
}

const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;

/**
 * A local Botpress runtime API for tests and for people (`npm run fake:botpress`), per the
 * "Fake runtime API" checklist of `../shared/reference/botpress.md` (B.4): the bearer token and
 * `x-bot-id` of every call checked; users, conversations and messages with `@botpress/client`'s
 * shapes; `tags.x=y` queries; paging by `nextToken`; errors as `{ id, code, type, message }` with
 * their HTTP status. Every message posted is answered, after `replyDelayMs`, by a scripted FAQ bot.
 *
 * @example
 * const botpress = await startFakeBotpress({ token: "t", botId: "b" });
 * // … new BotpressBridge({ apiUrl: botpress.url, token: "t", botId: "b", timeoutMs: 2000 }) …
 * botpress.received; // [{ conversationId, text: "CCCD [CCCD]: lệ phí khai sinh bao nhiêu?" }]
 */
export class FakeBotpress {
  /** Every message posted to the bot, as it arrived: what left the Khai Hộ server. */
  readonly received: { conversationId: string; text: string }[] = [];
  url = "";

  private replyDelayMs: number;
  private readonly failures: { status: number; type: string }[] = [];
  private readonly users = new Map<string, StoredUser>();
  private readonly conversations = new Map<string, StoredConversation>();
  private readonly messages: StoredMessage[] = [];
  private readonly replyTimers = new Set<NodeJS.Timeout>();
  private lastTimestamp = 0;
  private server: Server | null = null;

  constructor(private readonly options: FakeBotpressOptions) {
    this.replyDelayMs = options.replyDelayMs ?? 100;
  }

  get botUserId(): string {
    return `user_bot_${this.options.botId}`;
  }

  /** How many Botpress conversations exist. */
  get conversationCount(): number {
    return this.conversations.size;
  }

  /** Messages posted from now on are answered after `ms`. */
  setReplyDelay(ms: number): void {
    this.replyDelayMs = ms;
  }

  /** The next authenticated call answers this HTTP status and error type (e.g. 500, "Internal"). */
  failNext(status: number, type: string): void {
    this.failures.push({ status, type });
  }

  async start(): Promise<this> {
    const server = createServer(this.app());
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.options.port ?? 0, this.options.host ?? "127.0.0.1", () => resolve());
    });
    const { address, port } = server.address() as AddressInfo;
    this.url = `http://${address.includes(":") ? `[${address}]` : address}:${port}`;
    return this;
  }

  async close(): Promise<void> {
    this.replyTimers.forEach((timer) => clearTimeout(timer));
    this.replyTimers.clear();
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private app(): express.Express {
    const app = express();
    app.use((req, _res, next) => next(this.refusal(req)));
    app.use(express.json({ limit: "1mb" }));
    const route = (handler: (req: Request) => object) => (req: Request, res: Response) => {
      res.json(handler(req));
    };
    app.post(
      "/v1/chat/users/get-or-create",
      route((req) => this.getOrCreateUser(req.body)),
    );
    app.post(
      "/v1/chat/conversations/get-or-create",
      route((req) => this.getOrCreateConversation(req.body)),
    );
    app.get(
      "/v1/chat/conversations/:id",
      route((req) => ({ conversation: this.conversation(String(req.params.id)) })),
    );
    app.post(
      "/v1/chat/messages",
      route((req) => this.createMessage(req.body)),
    );
    app.get(
      "/v1/chat/messages",
      route((req) => this.listMessages(new URL(req.originalUrl, "http://fake").searchParams)),
    );
    app.use((req: Request) => {
      throw new ApiFailure(404, "MethodNotFound", `No operation ${req.method} ${req.path}`);
    });
    app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
      const failure =
        error instanceof ApiFailure
          ? error
          : (error as { type?: string }).type === "entity.too.large"
            ? new ApiFailure(413, "PayloadTooLarge", "The request body is too large")
            : (error as { status?: number }).status === 400
              ? new ApiFailure(400, "InvalidPayload", "The request body is not valid JSON")
              : new ApiFailure(500, "Internal", "An internal error occurred");
      res.status(failure.status).json({
        id: `err_${randomUUID()}`,
        code: failure.status,
        type: failure.type,
        message: failure.message,
      });
    });
    return app;
  }

  /** Why a call is refused before it runs: no token, another bot, or a failure a test injected. */
  private refusal(req: Request): ApiFailure | undefined {
    if (req.get("authorization") !== `Bearer ${this.options.token}`)
      return new ApiFailure(401, "Unauthorized", "Invalid or missing bearer token");
    if (req.get("x-bot-id") !== this.options.botId)
      return new ApiFailure(403, "Forbidden", `The token does not give access to bot "${req.get("x-bot-id") ?? ""}"`);
    const injected = this.failures.shift();
    return injected && new ApiFailure(injected.status, injected.type, "Injected failure");
  }

  private getOrCreateUser(body: unknown): object {
    const { tags, discriminateByTags } = readTagged(body);
    const found = [...this.users.values()].find((user) => tagsMatch(user.tags, tags, discriminateByTags));
    if (found) return { user: found, meta: { created: false } };
    const now = this.timestamp();
    const user = { id: `user_${randomUUID()}`, createdAt: now, updatedAt: now, tags: withoutNulls(tags) };
    this.users.set(user.id, user);
    return { user, meta: { created: true } };
  }

  private getOrCreateConversation(body: unknown): object {
    const { tags, discriminateByTags } = readTagged(body);
    const { channel, integrationName } = body as { channel?: unknown; integrationName?: unknown };
    if (typeof channel !== "string" || channel === "") throw invalid("channel is required");
    const found = [...this.conversations.values()].find(
      (c) => c.channel === channel && tagsMatch(c.tags, tags, discriminateByTags),
    );
    if (found) return { conversation: this.conversation(found.id), meta: { created: false } };
    const now = this.timestamp();
    const integration = typeof integrationName === "string" ? integrationName : "";
    const conversation = { id: `conv_${randomUUID()}`, createdAt: now, updatedAt: now, channel, integration, tags };
    this.conversations.set(conversation.id, { ...conversation, tags: withoutNulls(tags) });
    return { conversation: this.conversation(conversation.id), meta: { created: true } };
  }

  private conversation(id: string): object {
    const stored = this.conversations.get(id);
    if (!stored) throw new ApiFailure(404, "ResourceNotFound", `Conversation "${id}" not found`);
    return { ...stored, messageCount: this.messages.filter((m) => m.conversationId === id).length };
  }

  private createMessage(body: unknown): object {
    const { payload, userId, conversationId, type, tags } = (body ?? {}) as Record<string, unknown>;
    if (!isObject(payload) || typeof userId !== "string" || typeof conversationId !== "string")
      throw invalid("payload, userId and conversationId are required");
    if (typeof type !== "string" || !isStringRecord(tags)) throw invalid("type and tags are required");
    if (!this.conversations.has(conversationId))
      throw new ApiFailure(404, "ResourceNotFound", `Conversation "${conversationId}" not found`);
    if (!this.users.has(userId)) throw new ApiFailure(404, "ResourceNotFound", `User "${userId}" not found`);
    const message = this.store({ conversationId, userId, type, payload, tags, direction: "incoming" });
    const question = typeof payload.text === "string" ? payload.text : "";
    this.received.push({ conversationId, text: question });
    const reply = FAQ.find((entry) => entry.keywords.test(fold(question)))?.reply ?? UNKNOWN;
    const timer = setTimeout(() => {
      this.replyTimers.delete(timer);
      this.store({ conversationId, userId: this.botUserId, ...reply, tags: {}, direction: "outgoing" });
    }, this.replyDelayMs);
    this.replyTimers.add(timer);
    return { message };
  }

  /** `GET /v1/chat/messages`: filtered by conversation, `tags.x=y` and dates; oldest first; paged. */
  private listMessages(query: URLSearchParams): object {
    const conversationId = query.get("conversationId");
    const tags = Object.fromEntries(
      [...query.entries()].filter(([key]) => key.startsWith("tags.")).map(([key, value]) => [key.slice(5), value]),
    );
    const after = readDate(query, "afterDate");
    const before = readDate(query, "beforeDate");
    const pageSize = Number(query.get("pageSize") ?? DEFAULT_PAGE_SIZE);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
      throw invalid(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`);
    const start = readNextToken(query.get("nextToken"));
    const matching = this.messages.filter(
      (m) =>
        (conversationId === null || m.conversationId === conversationId) &&
        Object.entries(tags).every(([key, value]) => m.tags[key] === value) &&
        (after === null || Date.parse(m.createdAt) > after) &&
        (before === null || Date.parse(m.createdAt) < before),
    );
    const end = start + pageSize;
    const nextToken = end < matching.length ? Buffer.from(String(end)).toString("base64url") : undefined;
    return { messages: matching.slice(start, end), meta: nextToken ? { nextToken } : {} };
  }

  private store(fields: Omit<StoredMessage, "id" | "createdAt" | "updatedAt">): StoredMessage {
    const now = this.timestamp();
    const message = { id: `msg_${randomUUID()}`, createdAt: now, updatedAt: now, ...fields };
    this.messages.push(message);
    return message;
  }

  /** Now, and later than anything before: messages read back in the order they were written. */
  private timestamp(): string {
    this.lastTimestamp = Math.max(Date.now(), this.lastTimestamp + 1);
    return new Date(this.lastTimestamp).toISOString();
  }
}

export function startFakeBotpress(options: FakeBotpressOptions): Promise<FakeBotpress> {
  return new FakeBotpress(options).start();
}

const invalid = (message: string) => new ApiFailure(400, "InvalidPayload", message);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isStringRecord = (value: unknown): value is Tags =>
  isObject(value) && Object.values(value).every((v) => typeof v === "string");

/** The `tags` (required; a null or empty value removes a tag) and `discriminateByTags` of a get-or-create. */
function readTagged(body: unknown): { tags: Record<string, string | null>; discriminateByTags?: string[] } {
  const { tags, discriminateByTags } = (body ?? {}) as { tags?: unknown; discriminateByTags?: unknown };
  if (!isObject(tags) || !Object.values(tags).every((v) => v === null || typeof v === "string"))
    throw invalid("tags is required: an object of strings");
  if (discriminateByTags === undefined) return { tags: tags as Record<string, string | null> };
  if (!Array.isArray(discriminateByTags) || !discriminateByTags.every((t) => typeof t === "string"))
    throw invalid("discriminateByTags must be an array of tag names");
  return { tags: tags as Record<string, string | null>, discriminateByTags };
}

/** Without `discriminateByTags`, all the tags asked for must match; with it, only those named. */
function tagsMatch(stored: Tags, wanted: Record<string, string | null>, only?: string[]): boolean {
  return (only ?? Object.keys(wanted)).every((key) => (stored[key] ?? null) === (wanted[key] || null));
}

function withoutNulls(tags: Record<string, string | null>): Tags {
  return Object.fromEntries(Object.entries(tags).filter((entry): entry is [string, string] => !!entry[1]));
}

function readDate(query: URLSearchParams, name: string): number | null {
  const value = query.get(name);
  if (value === null) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw invalid(`${name} must be an ISO 8601 date`);
  return time;
}

function readNextToken(token: string | null): number {
  if (token === null) return 0;
  const offset = Number(Buffer.from(token, "base64url").toString());
  if (!Number.isInteger(offset) || offset < 0) throw invalid("nextToken is not valid");
  return offset;
}
