import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Writable } from "node:stream";
import { io as connect, type Socket } from "socket.io-client";
import type {
  ChatAuth,
  ChatMessage,
  ClientToServerEvents,
  ConversationStateEvent,
  SendAck,
  SendMessage,
  ServerToClientEvents,
} from "../../server/channels/web/protocol";
import { loadConfig } from "../../server/config";
import { createKhaiHoServer, type KhaiHoServer, type ServerParts } from "../../server/khaiHoServer";
import { createLogger } from "../../server/logger";
import { SqliteStore } from "../../server/store/sqlite/sqliteStore";

export type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer {
  server: KhaiHoServer;
  store: SqliteStore;
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * A real server on 127.0.0.1 and a free port, with a fresh SQLite file. `widget` is the script
 * served as `/widget.js`: a placeholder, unless a browser test passes the built bundle; likewise
 * `consoleParts`, the clerk console's page, script and stylesheet (the page alone when absent);
 * `extras.now` is the server's clock (the real one when absent); `extras.logSink` receives every
 * log line, when a test reads the log.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  dataDir?: string,
  widget = "/* widget */",
  consoleParts?: ServerParts["console"],
  extras: { now?: () => Date; logSink?: Writable } = {},
): Promise<TestServer> {
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), "khai-ho-test-"));
  // Clerks always at work unless a test says otherwise: results must not depend on the hour.
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dir,
    LOG_LEVEL: "silent",
    WORKING_HOURS: "mon-sun 00:00-24:00",
    HOLIDAYS: "",
    ...env,
  });
  const store = new SqliteStore({ dataDir: dir });
  await store.open();
  const logger = extras.logSink ? createLogger("trace", extras.logSink) : createLogger("silent");
  const server = createKhaiHoServer({ config, store, logger, widget, console: consoleParts, now: extras.now });
  const port = await server.listen();
  return {
    server,
    store,
    url: `http://127.0.0.1:${port}`,
    dataDir: dir,
    async stop() {
      await server.close();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A citizen's connection, recording everything the server sends. */
export class Citizen {
  readonly socket: ChatClient;
  readonly messages: ChatMessage[] = [];
  readonly states: ConversationStateEvent[] = [];
  token: string | null = null;
  conversationId: string | null = null;

  constructor(url: string, auth: ChatAuth = {}, options: { origin?: string } = {}) {
    this.socket = connect(`${url}/chat`, {
      auth,
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      ...(options.origin ? { extraHeaders: { Origin: options.origin } } : {}),
    });
    this.socket.on("session:ready", (s) => {
      this.token = s.token;
      this.conversationId = s.conversationId;
    });
    this.socket.on("message:new", (m) => this.messages.push(m));
    this.socket.on("conversation:state", (s) => this.states.push(s));
  }

  /** Resolves once the session is ready (the handshake and replay are done). */
  ready(): Promise<this> {
    return this.until(() => this.token !== null && this.states.length > 0, "session:ready and conversation:state");
  }

  /** Waits until `test` holds, checking as events arrive (at most `ms`). */
  async until(test: () => boolean, what: string, ms = 5000): Promise<this> {
    const started = Date.now();
    while (!test()) {
      if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return this;
  }

  send(message: Omit<SendMessage, "clientMessageId"> & { clientMessageId?: string }): Promise<SendAck> {
    const payload = {
      clientMessageId: message.clientMessageId ?? `c-${Math.random().toString(36).slice(2)}`,
      ...message,
    };
    return this.socket.timeout(5000).emitWithAck("message:send", payload as SendMessage);
  }

  /** Sends a text and waits for the bot's answer to it (the message after the ack's seq). */
  async say(text: string): Promise<ChatMessage[]> {
    const ack = await this.send({ text });
    if (!ack.ok) throw new Error(`refused: ${ack.error.code}`);
    await this.until(() => this.messages.some((m) => m.seq > ack.seq && m.author === "bot"), `the answer to "${text}"`);
    return this.messages.filter((m) => m.seq > ack.seq);
  }

  get lastBot(): ChatMessage {
    return [...this.messages].reverse().find((m) => m.author === "bot")!;
  }

  close(): void {
    this.socket.disconnect();
  }
}
