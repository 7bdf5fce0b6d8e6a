import path from "node:path";
import { Cron } from "croner";
import { z } from "zod";
import { HONG_NGU_UNITS_2022, type Unit } from "../flows/units";
import { WorkingCalendar } from "./deadlines/workingCalendar";
import { parseWorkingHours } from "./handoff/workingHours";
import { PROJECT_ROOT } from "./projectRoot";
import { readUnitsFile } from "./readUnitsFile";

const boolean = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const positiveInt = z.coerce.number().int().positive();

/** What a ward clerk writes most often; a city sets its own with CANNED_REPLIES. */
const DEFAULT_CANNED_REPLIES = [
  "Chào anh/chị, em là cán bộ phường, em hỗ trợ mình nhé.",
  "Anh/chị chờ em một chút ạ.",
  "Em đã điền giúp, anh/chị kiểm tra lại và bấm Đúng nếu chính xác nhé.",
  "Anh/chị chụp rõ giấy tờ (đủ bốn góc, không loá) rồi gửi lại giúp em nhé.",
  "Hồ sơ của anh/chị đã đủ, em chuyển anh/chị về trợ lý để nộp nhé.",
];

/**
 * Every setting, read from the environment once. Each key has its doc line and its default;
 * `.env.example` lists them for administrators. This file is the only reader of `process.env`.
 */
const schema = z.object({
  /** TCP port of the HTTP and Socket.IO server. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on; 0.0.0.0 behind the city's proxy, 127.0.0.1 to keep it local. */
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Address citizens reach the server at, printed at start and used as the default allowed origin. */
  PUBLIC_URL: z.string().url().optional(),
  /** Folder of the embedded store (SQLite file and uploads). */
  DATA_DIR: z.string().min(1).default("./data"),
  /** MongoDB connection string (a replica set: turns are transactions); when set, used instead of SQLite. */
  MONGODB_URI: z.string().startsWith("mongodb").optional(),
  /**
   * Redis of several nodes (`redis://host:6379`, `rediss://` for TLS): with it Socket.IO events fan out to every
   * node (the Socket.IO Redis adapter), and rate limits, lookup locks and clerk presence are counted across nodes.
   * Without it the server is one node on its own.
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "redis://host:port or rediss://host:port")
    .optional(),
  /**
   * This node's name among several (letters, digits, dashes): the proxy in front routes a long-polling client back to
   * the node that opened its session by this prefix of the session id (docs/deployment.md). Unset on a single node.
   */
  NODE_ID: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,15}$/, "1 to 16 lower-case letters, digits or dashes")
    .optional(),
  /** MongoDB database name. */
  MONGODB_DB: z.string().min(1).default("khai-ho"),
  /** Origins allowed to open the chat and call the API (comma-separated); default: PUBLIC_URL and localhost. */
  ALLOWED_ORIGINS: z.string().optional(),
  /** Largest upload, in bytes (document photos and scans). */
  UPLOAD_MAX_BYTES: positiveInt.default(10 * 1024 * 1024),
  /**
   * Files one conversation may upload (a dossier asks for at most ~10 documents; twice that leaves room for retakes).
   */
  UPLOAD_MAX_FILES_PER_CONVERSATION: positiveInt.default(20),
  /** Bytes one conversation may upload in all, as stored (ten documents at the largest upload size). */
  UPLOAD_MAX_BYTES_PER_CONVERSATION: positiveInt.default(100 * 1024 * 1024),
  /**
   * Minutes an upload no message refers to is kept before it is deleted (a photo sent but never attached to an answer).
   */
  UPLOAD_UNATTACHED_TTL_MINUTES: positiveInt.default(60),
  /**
   * Days a draft left alone is kept: a conversation that never filed a dossier is deleted with its messages and
   * uploads this long after its last message.
   */
  DRAFT_RETENTION_DAYS: positiveInt.default(30),
  /** Citizen messages a conversation may send per minute before being asked to slow down. */
  RATE_LIMIT_CONVERSATION_PER_MINUTE: positiveInt.default(30),
  /** Requests and messages one IP address may send per minute (a ward office shares one IP: keep it generous). */
  RATE_LIMIT_IP_PER_MINUTE: positiveInt.default(600),
  /**
   * Chat events (messages, taps, anything) one connection may send per second, sustained. The widget
   * paces its own sends below it; a script flooding one socket is refused with CHAT_RATE_LIMITED.
   */
  CHAT_EVENTS_PER_SECOND: positiveInt.default(5),
  /**
   * Chat events one connection may send at once above that rate: the conversation's budget of 30 typed
   * messages a minute and room for opening the chat, so that a burst the budget allows (answers queued
   * while the line was down) passes.
   */
  CHAT_EVENTS_BURST: positiveInt.default(40),
  /** Refusals one chat connection may get within a minute before it is closed (it keeps sending regardless). */
  CHAT_REFUSALS_BEFORE_DISCONNECT: positiveInt.default(50),
  /**
   * Chat connections open at once from one address. A ward office or a mobile carrier's NAT puts many
   * citizens behind one address: keep it generous; past it, connect_error CHAT_TOO_MANY_CONNECTIONS.
   */
  CHAT_CONNECTIONS_PER_ADDRESS: positiveInt.default(200),
  /** Clerk consoles (tabs, devices) one account may have open at once; past it, connect_error. */
  CONSOLE_CONNECTIONS_PER_ACCOUNT: positiveInt.default(20),
  /**
   * How long the server waits for a request's whole head, in ms: a client trickling headers
   * (slowloris) is cut after it.
   */
  HTTP_HEADERS_TIMEOUT_MS: positiveInt.default(20_000),
  /**
   * How long the server waits for a whole request, head and body, in ms. Generous for a 10 MB photo
   * over a weak mobile line (about 150 s at 0.5 Mbit/s); a client trickling a body is cut after it.
   */
  HTTP_REQUEST_TIMEOUT_MS: positiveInt.default(300_000),
  /** How long an idle keep-alive HTTP connection stays open, in ms. */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: positiveInt.default(5_000),
  /**
   * Status lookups one address (IP, or a channel's user) may make per minute, by any way in (stops receipt codes being
   * guessed).
   */
  RATE_LIMIT_STATUS_PER_MINUTE: positiveInt.default(10),
  /** Status lookups of one receipt number per minute, from every address together. */
  STATUS_LOOKUPS_PER_CODE_PER_MINUTE: positiveInt.default(5),
  /** Status lookups of one receipt number per hour, from every address together. */
  STATUS_LOOKUPS_PER_CODE_PER_HOUR: positiveInt.default(20),
  /** Wrong phones (or unknown codes) given for one receipt number before its lookups are locked. */
  STATUS_WRONG_PHONES_BEFORE_LOCK: positiveInt.default(5),
  /** How long a receipt number stays locked after too many wrong phones, in minutes. */
  STATUS_LOCK_MINUTES: positiveInt.default(30),
  /**
   * Citizen turns the server runs or waits on the store for at once; past it a message is refused
   * at once with CHAT_UNAVAILABLE (the citizen is told to send it again) instead of piling up
   * behind a slow store. With SQLite the thread itself is the limit and turns rarely wait.
   */
  MAX_TURNS_IN_FLIGHT: positiveInt.default(500),
  /**
   * How long Socket.IO keeps a dropped connection's state for a quick reconnect, in ms (≤ 30 s:
   * see DESIGN.md); 0, the default, turns it off. The lastSeq resume is the mechanism, and the
   * recovery keeps every emitted packet in memory for that long whether anyone reconnects or not.
   */
  CONNECTION_RECOVERY_MS: z.coerce.number().int().min(0).max(30_000).default(0),
  /** How often an open clerk console re-checks its login, in ms (a disabled account is cut off within it). */
  CONSOLE_SESSION_RECHECK_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  /**
   * How often each node reads the store's log of account changes, in ms: an account disabled or
   * a password reset from the command line (another process) cuts that account's consoles and
   * sessions within it. One indexed read of nothing new per poll.
   */
  ACCOUNT_CHANGES_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(250),
  /**
   * Minutes after which a citizen waiting for a clerk who has closed the chat (or, on Zalo, written nothing) leaves
   * the consoles' queue and the wait told to others; they are queued again when they come back. Fractions allowed.
   */
  QUEUE_ABANDON_MINUTES: z.coerce.number().positive().max(1440).default(30),
  /** Clerks' opening hours, Asia/Ho_Chi_Minh: outside them a citizen asking for a clerk is offered a call back. */
  WORKING_HOURS: z.string().min(1).default("mon-fri 07:00-11:30 13:30-17:00"),
  /**
   * Public holidays and moved days, as a JSON file (`flows/publicHolidays.json`, Tết and the national days of
   * 2026–2027, is the default): clerks' days off, and the days legal processing times do not count.
   */
  HOLIDAYS_FILE: z
    .string()
    .min(1)
    .default(path.join(PROJECT_ROOT, "flows", "publicHolidays.json")),
  /** More days off: MM-DD every year or YYYY-MM-DD once, comma-separated (a local holiday). */
  HOLIDAYS: z.string().default(""),
  /** Dossiers of procedures with a same-day rule received at or after this hour count from the next working day. */
  DEADLINE_CUTOFF_HOUR: z.coerce.number().int().min(0).max(24).default(15),
  /** The console's canned replies, separated by "|": one click puts one in the clerk's message box. */
  CANNED_REPLIES: z
    .string()
    .default(DEFAULT_CANNED_REPLIES.join(" | "))
    .transform((list) =>
      list
        .split("|")
        .map((reply) => reply.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(500, "each reply at most 500 characters")).max(30, "at most 30 replies")),
  /**
   * JSON file listing the city's units (wards/communes), each `{ id, nameVi, code, kind }`;
   * default: Hồng Ngự's seven units of 2022. Read and checked once at start.
   */
  UNITS_FILE: z.string().min(1).optional(),
  /** Put the unit's code before receipt codes (AT-HN-20261127-0042-K7QM). */
  UNIT_PREFIXED_CODES: boolean.default(false),
  /** Trust X-Forwarded-For from the proxy in front (for per-IP limits). */
  TRUST_PROXY: boolean.default(false),
  /** The Zalo app's id: with it the Zalo OA channel is on (`POST /webhooks/zalo`); without it, off. */
  ZALO_APP_ID: z
    .string()
    .regex(/^\d{1,30}$/, "the app's numeric id, as Zalo shows it")
    .optional(),
  /** The Zalo app's secret key, sent as `secret_key` to refresh the OA access token. */
  ZALO_APP_SECRET: z.string().min(8).optional(),
  /** The OA secret key of the app's Webhook page (not the app secret): webhook signatures are checked with it. */
  ZALO_OA_SECRET_KEY: z.string().min(8).optional(),
  /** The OA access token to start with; refreshed tokens are kept in the store and win over it. */
  ZALO_ACCESS_TOKEN: z.string().min(8).optional(),
  /** The OA refresh token to start with (single-use: every refresh stores the new pair). */
  ZALO_REFRESH_TOKEN: z.string().min(8).optional(),
  /** Base URL of Zalo's OA Open API (a local fake in tests). */
  ZALO_OPENAPI_BASE: z.string().url().default("https://openapi.zalo.me"),
  /** Base URL of Zalo's OAuth v4 server. */
  ZALO_OAUTH_BASE: z.string().url().default("https://oauth.zaloapp.com"),
  /** The unit a Zalo citizen's conversation starts in (the city's OA serves them all: empty asks the citizen). */
  ZALO_DEFAULT_UNIT: z.string().min(1).optional(),
  /**
   * Hosts a citizen's Zalo image or file may be fetched from (comma-separated, over https only);
   * a name starting with "." allows its subdomains.
   */
  ZALO_MEDIA_HOSTS: z.string().default(".zdn.vn,.zadn.vn,.zalo.me"),
  /** A PEM file of extra certificate authorities to trust when fetching Zalo media (a private CDN, the local fake). */
  ZALO_MEDIA_CA_FILE: z.string().min(1).optional(),
  /** Time limit for fetching one Zalo image or file, in ms. */
  ZALO_MEDIA_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Base URL of the Botpress runtime API: with it, questions the assistant cannot answer are relayed to the bot. */
  BOTPRESS_API_URL: z.string().url().optional(),
  /** A bot-scoped token (or personal access token) for the Botpress runtime API. */
  BOTPRESS_TOKEN: z.string().min(1).optional(),
  /** The Botpress bot's id (the `x-bot-id` header). */
  BOTPRESS_BOT_ID: z.string().min(1).optional(),
  /** How long a citizen waits at most for the Botpress bot's answer before the assistant's own, in ms. */
  BOTPRESS_TIMEOUT_MS: z.coerce.number().int().min(200).max(5_000).default(4_000),
  /**
   * When the daily report to the leaders is made (cron, Viet Nam time): 16:00 every day by default. "off": never
   * (the report can still be made with `npm run report`).
   */
  REPORT_CRON: z.string().min(1).default("0 16 * * *"),
  /** The leaders' Zalo group the daily report is posted to (needs the Zalo channel); unset: made and kept only. */
  ZALO_REPORT_GROUP_ID: z
    .string()
    .regex(/^[0-9a-zA-Z]{6,64}$/, "a Zalo group id like 4a9bada229cec09099df")
    .optional(),
  /** The report names a unit with more overdue dossiers than this. */
  REPORT_MAX_OVERDUE: z.coerce.number().int().min(0).default(0),
  /** The report names a unit whose median wait for a clerk is longer than this, in minutes. */
  REPORT_MAX_MEDIAN_WAIT_MINUTES: z.coerce.number().min(0).default(10),
  /** The report names a unit whose share of dossiers submitted online is below this, in percent. */
  REPORT_MIN_ONLINE_PERCENT: z.coerce.number().min(0).max(100).default(90),
  /** The report names a unit whose average rating is below this (1–5). */
  REPORT_MIN_RATING: z.coerce.number().min(1).max(5).default(4),
  /** pino log level. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Settings = z.infer<typeof schema>;

export interface Config extends Omit<Settings, "ALLOWED_ORIGINS" | "DATA_DIR"> {
  DATA_DIR: string;
  ALLOWED_ORIGINS: readonly string[];
  /** The city's units: those of UNITS_FILE, or Hồng Ngự's seven of 2022. */
  units: readonly Unit[];
  /** The address printed at start: PUBLIC_URL, or http://localhost:PORT. */
  publicUrl: string;
}

/** A setting that cannot be used: the start stops with this one line. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/**
 * Reads and validates the settings. A bad value throws a `ConfigError` naming the variable,
 * what it must be, and what was given.
 *
 * @example loadConfig({ PORT: "8080" }).PORT // 8080
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Readonly<Config> {
  const known = Object.fromEntries(
    Object.keys(schema.shape)
      .filter((k) => env[k] !== undefined && env[k] !== "")
      .map((k) => [k, env[k]]),
  );
  const result = schema.safeParse(known);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = String(issue.path[0]);
    throw new ConfigError(
      `CONFIG_INVALID: ${key}=${JSON.stringify(env[key] ?? "")} — ${issue.message}. See .env.example.`,
    );
  }
  const settings = result.data;
  const publicUrl = (settings.PUBLIC_URL ?? `http://localhost:${settings.PORT}`).replace(/\/$/, "");
  const origins = settings.ALLOWED_ORIGINS
    ? settings.ALLOWED_ORIGINS.split(",")
        .map((o) => o.trim().replace(/\/$/, ""))
        .filter(Boolean)
    : [new URL(publicUrl).origin, `http://localhost:${settings.PORT}`, `http://127.0.0.1:${settings.PORT}`];
  try {
    WorkingCalendar.fromFile(path.resolve(settings.HOLIDAYS_FILE), settings.HOLIDAYS);
  } catch (error) {
    throw new ConfigError(
      `CONFIG_INVALID: HOLIDAYS_FILE=${JSON.stringify(settings.HOLIDAYS_FILE)} — ${(error as Error).message}. ` +
        `See .env.example.`,
    );
  }
  try {
    parseWorkingHours(settings.WORKING_HOURS, settings.HOLIDAYS);
  } catch (error) {
    throw new ConfigError(`CONFIG_INVALID: WORKING_HOURS/HOLIDAYS — ${(error as Error).message}. See .env.example.`);
  }
  let units = HONG_NGU_UNITS_2022;
  if (settings.UNITS_FILE) {
    const file = path.resolve(settings.UNITS_FILE);
    try {
      units = readUnitsFile(file);
    } catch (error) {
      throw new ConfigError(
        `CONFIG_INVALID: UNITS_FILE=${JSON.stringify(file)} — ${(error as Error).message}. See .env.example.`,
      );
    }
  }
  checkZaloSettings(settings, units);
  if (settings.REPORT_CRON !== "off") {
    try {
      new Cron(settings.REPORT_CRON, { paused: true }).stop();
    } catch (error) {
      throw new ConfigError(
        `CONFIG_INVALID: REPORT_CRON=${JSON.stringify(settings.REPORT_CRON)} — ${(error as Error).message}; a cron ` +
          `pattern like "0 16 * * *" (16:00 every day), or "off". See .env.example.`,
      );
    }
  }
  checkBotpressSettings(settings);
  if (settings.HTTP_HEADERS_TIMEOUT_MS > settings.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError(
      `CONFIG_INVALID: HTTP_HEADERS_TIMEOUT_MS=${settings.HTTP_HEADERS_TIMEOUT_MS} — at most ` +
        `HTTP_REQUEST_TIMEOUT_MS (${settings.HTTP_REQUEST_TIMEOUT_MS}): the head is part of the request. ` +
        `See .env.example.`,
    );
  }
  for (const origin of origins) {
    if (origin !== "*" && !/^https?:\/\/[^/]+$/.test(origin)) {
      throw new ConfigError(
        `CONFIG_INVALID: ALLOWED_ORIGINS=${JSON.stringify(env.ALLOWED_ORIGINS)} — "${origin}" is not an origin ` +
          `like https://hongngu.dongthap.gov.vn. See .env.example.`,
      );
    }
  }
  return Object.freeze({
    ...settings,
    DATA_DIR: path.resolve(settings.DATA_DIR),
    HOLIDAYS_FILE: path.resolve(settings.HOLIDAYS_FILE),
    ALLOWED_ORIGINS: Object.freeze([...new Set(origins)]),
    units,
    publicUrl,
  });
}

/** The Zalo channel needs all its secrets at once, and a default unit the city has. */
function checkZaloSettings(settings: Settings, units: readonly Unit[]): void {
  if (!settings.ZALO_APP_ID) return;
  const required = ["ZALO_APP_SECRET", "ZALO_OA_SECRET_KEY", "ZALO_ACCESS_TOKEN", "ZALO_REFRESH_TOKEN"] as const;
  for (const key of required) {
    if (!settings[key])
      throw new ConfigError(`CONFIG_INVALID: ${key} is required when ZALO_APP_ID is set. See .env.example.`);
  }
  const unit = settings.ZALO_DEFAULT_UNIT;
  if (unit && !units.some((u) => u.id === unit)) {
    throw new ConfigError(
      `CONFIG_INVALID: ZALO_DEFAULT_UNIT=${JSON.stringify(unit)} — not one of the units (${units
        .map((u) => u.id)
        .join(", ")}). See .env.example.`,
    );
  }
  for (const key of ["ZALO_OPENAPI_BASE", "ZALO_OAUTH_BASE"] as const) {
    if (!/^https?:$/.test(new URL(settings[key]).protocol))
      throw new ConfigError(
        `CONFIG_INVALID: ${key}=${JSON.stringify(settings[key])} — an http(s) URL. See .env.example.`,
      );
  }
}

/** The Botpress bridge needs its URL, token and bot id together. */
function checkBotpressSettings(settings: Settings): void {
  const keys = ["BOTPRESS_API_URL", "BOTPRESS_TOKEN", "BOTPRESS_BOT_ID"] as const;
  const given = keys.filter((key) => settings[key]);
  if (given.length > 0 && given.length < keys.length) {
    const missing = keys.find((key) => !settings[key])!;
    throw new ConfigError(`CONFIG_INVALID: ${missing} is required with ${given.join(", ")}. See .env.example.`);
  }
}
