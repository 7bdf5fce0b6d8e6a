import { readdirSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import type { Socket } from "socket.io-client";
import type { ChatAuth } from "../../server/channels/web/protocol";
import type { UserRole } from "../../server/store/store";
import { Clerk } from "../support/consoleClient";
import { walkFlow } from "../support/flowWalker";
import { PLANTED_CCCD } from "../support/serverUnderAttack";
import { sendOverChat } from "../support/submitOverChat";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";

export { PLANTED_CCCD };

/** Whether a string is valid UTF-16: no lone surrogate, so it encodes to UTF-8 as it is. */
export const wellFormed = (text: string): boolean =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

// A clerk's login hashes a password and loads the strength dictionaries: seconds on a shared machine.
jest.setTimeout(30_000);

/** A server of one test file, with every log line it wrote (at trace level) and the people connected to it. */
export interface WatchedServer {
  server: TestServer;
  url: string;
  port: number;
  /** Everything the server logged so far. */
  logs(): string;
  /** A citizen connected to `/chat`, closed after the test. */
  citizen(auth?: ChatAuth, options?: { origin?: string }): Promise<Citizen>;
  /** A console user logged in with a live `/clerk` socket, closed after the test. */
  clerk(username: string, unitIds?: string[], role?: UserRole): Promise<Clerk>;
  /** A citizen of An Thạnh at the birth registration's question asking for the birth notice photo. */
  citizenAtUpload(): Promise<Citizen>;
  /** The files in the upload folder. */
  storedUploads(): string[];
}

/**
 * Starts a real server (fresh SQLite file, loopback) before the file's tests and stops it after;
 * after each test the log is checked for the CCCD the catalogue plants in hostile input: it must
 * never be there, whatever the test sent. `env` may be a function, read when the server starts.
 */
export function watchedServerForThisFile(
  env: Record<string, string> | (() => Record<string, string>) = {},
): WatchedServer {
  const lines: string[] = [];
  const open: { close(): void }[] = [];
  let server: TestServer;
  let clerks = 0;
  beforeAll(async () => {
    const sink = new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) });
    server = await startTestServer(typeof env === "function" ? env() : env, undefined, undefined, undefined, {
      logSink: sink,
    });
  }, 30_000);
  afterEach(() => {
    open.splice(0).forEach((c) => c.close());
    expect(lines.join("")).not.toContain(PLANTED_CCCD);
  });
  afterAll(async () => {
    await server?.stop();
  });
  const watched: WatchedServer = {
    get server() {
      return server;
    },
    get url() {
      return server.url;
    },
    get port() {
      return Number(new URL(server.url).port);
    },
    logs: () => lines.join(""),
    async citizen(auth = { unit: "an-thanh" }, options = {}) {
      const c = new Citizen(server.url, auth, options);
      open.push(c);
      return c.ready();
    },
    async clerk(username, unitIds = ["an-thanh"], role = "clerk") {
      const c = await Clerk.login(server, `${username}${(clerks += 1)}`, role, unitIds, `Cán bộ ${username}`);
      open.push(c);
      return c;
    },
    async citizenAtUpload() {
      const c = await watched.citizen({ unit: "an-thanh" });
      const walk = walkFlow("dang-ky-khai-sinh", {
        clock: { now: new Date() },
        unitId: "an-thanh",
        stopAt: "birthCertificatePhoto",
      });
      await sendOverChat(c, walk.inputs);
      await c.until(() => c.lastBot?.input?.kind === "upload", "the question asking for the birth notice photo");
      return c;
    },
    storedUploads() {
      try {
        return readdirSync(path.join(server.dataDir, "uploads"));
      } catch {
        return [];
      }
    },
  };
  return watched;
}

/** Posts one file to `/api/uploads` as the widget does. */
export function uploadFile(url: string, token: string | null, bytes: Buffer, name: string, type: string) {
  const form = new FormData();
  form.append("file", new Blob([bytes], { type }), name);
  return fetch(`${url}/api/uploads`, {
    method: "POST",
    body: form,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

/**
 * Writes one Socket.IO EVENT packet on the wire, with any name (the client library refuses
 * reserved ones) and any arguments; resolves with the ack, or `undefined` when none came within
 * `waitMs` (or the connection closed).
 */
export function rawEmit(
  socket: Socket | Citizen["socket"] | Clerk["socket"],
  event: string,
  args: unknown[],
  options: { withAck?: boolean; waitMs?: number } = {},
): Promise<unknown> {
  const s = socket as unknown as {
    nsp: string;
    ids: number;
    acks: Record<number, (...a: unknown[]) => void>;
    packet(p: object): void;
    once(e: string, f: () => void): void;
    off(e: string, f: () => void): void;
  };
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const closed = () => done(undefined);
    const done = (answer: unknown) => {
      clearTimeout(timer);
      s.off("disconnect", closed);
      resolve(answer);
    };
    s.once("disconnect", closed);
    const id = options.withAck ? s.ids++ : undefined;
    if (id !== undefined) s.acks[id] = (...answer: unknown[]) => done(answer[0]);
    s.packet({ type: 2, nsp: s.nsp, data: [event, ...args], ...(id !== undefined ? { id } : {}) });
    timer = setTimeout(() => done(undefined), options.waitMs ?? 1_500);
  });
}

/** Whether the server still serves: health answers and a new citizen gets the bot's answer. */
export async function stillServes(watched: WatchedServer): Promise<void> {
  expect((await fetch(`${watched.url}/health`)).status).toBe(200);
  const c = await watched.citizen({ unit: "an-loc" });
  const reply = await c.say("xin chào");
  expect(reply.some((m) => m.author === "bot")).toBe(true);
}

/** A GET of the console's REST API as this clerk. */
export function consoleGet(watched: WatchedServer, clerk: Clerk, route: string): Promise<Response> {
  return fetch(`${watched.url}${route}`, { headers: { Cookie: clerk.cookie } });
}

/** A POST of the console's REST API as this clerk, with its CSRF token. */
export function consolePost(watched: WatchedServer, clerk: Clerk, route: string, body: unknown): Promise<Response> {
  return fetch(`${watched.url}${route}`, {
    method: "POST",
    headers: { Cookie: clerk.cookie, "X-CSRF-Token": clerk.csrfToken, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** A citizen of `unitId` whose conversation asks for a clerk, and that clerk's queue showing it. */
export async function citizenAskingForClerk(watched: WatchedServer, unitId = "an-thanh"): Promise<Citizen> {
  const c = await watched.citizen({ unit: unitId });
  await c.say("khai sinh");
  await c.say("Trần Thị Mai");
  await c.say("gặp cán bộ");
  return c;
}
