import { io, type Socket } from "socket.io-client";
import type {
  ChatAuth,
  ChatMessage,
  ClientToServerEvents,
  ConversationStateEvent,
  Locale,
  SendAck,
  SendMessage,
  ServerToClientEvents,
  SessionReady,
} from "../../server/channels/web/protocol";

export type ConnectionStatus =
  /** Not connected and not trying: the panel was never opened and there is nothing to resume. */
  | "idle"
  | "connecting"
  | "online"
  /** Lost, or never reached: Socket.IO keeps retrying with backoff. */
  | "reconnecting"
  /** The server said no (origin not allowed, kicked): no automatic retry. */
  | "refused";

export interface ConnectionHandlers {
  status(status: ConnectionStatus, detail?: string): void;
  session(session: SessionReady): void;
  message(message: ChatMessage): void;
  state(state: ConversationStateEvent): void;
  typing(): void;
}

/** No answer within this delay and the message is sent again, under the same id. */
export const ACK_TIMEOUT_MS = 10_000;

type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Handshake refusals that pass (the address's connections or budget are full, the store is busy):
 * the widget tries again by itself instead of waiting for the citizen to press "retry".
 */
const PASSING_REFUSALS = new Set(["CHAT_RATE_LIMITED", "CHAT_TOO_MANY_CONNECTIONS", "CHAT_UNAVAILABLE"]);
/**
 * The wait before trying again after such a refusal doubles from the first to the last; each wait is
 * drawn between half and all of it, so that the widgets of a ward refused together do not come back
 * together (a reconnect storm after a proxy restart).
 */
const REFUSED_RETRY_FIRST_MS = 2_000;
const REFUSED_RETRY_MAX_MS = 30_000;
/**
 * The widget's own pace for messages, below the server's limit per connection (CHAT_EVENTS_PER_SECOND
 * 5, CHAT_EVENTS_BURST 40): a queue of answers sent after a dropped
 * line is never refused for its speed.
 */
const SENDS_PER_SECOND = 4;
const SENDS_AT_ONCE = 20;

/** The `/chat` socket: connection status, and sends that are known to have reached the server. */
export class ChatConnection {
  private socket: ChatSocket | null = null;
  private sessionReady = false;
  private session: SessionReady | null = null;
  private refusedRetries = 0;
  private refusedRetryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Sends the pace still allows at once; below zero, the sends already waiting for their turn. */
  private sendAllowance = SENDS_AT_ONCE;
  private sendAllowanceAt = 0;

  constructor(
    private readonly serverOrigin: string,
    /** Read at every (re)connection, so a reconnect carries the latest `lastSeq`. */
    private readonly auth: () => ChatAuth,
    private readonly handlers: ConnectionHandlers,
  ) {}

  /** Connected, and the server has said which conversation this is: sends may go. */
  get ready(): boolean {
    return this.sessionReady && this.socket?.connected === true;
  }

  get started(): boolean {
    return this.socket !== null;
  }

  start(): void {
    if (this.socket) {
      if (!this.socket.active) this.retry();
      return;
    }
    const socket: ChatSocket = io(`${this.serverOrigin}/chat`, {
      // WebSocket first: one round trip less on a phone; polling when a proxy blocks it.
      transports: ["websocket", "polling"],
      tryAllTransports: true,
      reconnection: true,
      forceNew: true,
      auth: (cb) => cb(this.auth()),
    });
    this.socket = socket;
    this.handlers.status("connecting");

    socket.on("connect", () => {
      this.refusedRetries = 0;
      this.handlers.status("online");
      // A connection restored by Socket.IO's state recovery is the same server-side socket:
      // the session it had still holds, whether or not the server says it again.
      if (socket.recovered && this.session) this.onSession(this.session);
    });
    socket.on("session:ready", (session) => {
      if (isSession(session)) this.onSession(session);
    });
    socket.on("message:new", (message) => {
      if (isMessage(message)) this.handlers.message(message);
    });
    socket.on("conversation:state", (state) => {
      if (typeof state === "object" && state !== null) this.handlers.state(state);
    });
    socket.on("typing:start", () => this.handlers.typing());
    socket.on("disconnect", (reason) => {
      this.sessionReady = false;
      // "io client disconnect" comes from resync(), which connects again at once.
      this.handlers.status(
        reason === "io client disconnect"
          ? "connecting"
          : reason === "io server disconnect"
            ? "refused"
            : "reconnecting",
      );
    });
    socket.on("connect_error", (error: Error & { data?: { message?: unknown; code?: unknown } }) => {
      this.sessionReady = false;
      if (socket.active) {
        this.handlers.status("reconnecting");
        return;
      }
      if (typeof error.data?.code === "string" && PASSING_REFUSALS.has(error.data.code)) {
        this.handlers.status("reconnecting");
        this.retryAfterRefusal(socket);
        return;
      }
      const detail = typeof error.data?.message === "string" ? error.data.message : undefined;
      // For the webmaster: an origin missing from ALLOWED_ORIGINS shows up here.
      console.warn(`Khai Hộ widget: the server refused the connection (${error.message}).`);
      this.handlers.status("refused", detail);
    });
  }

  /** Connects again after a refusal that passes, once a jittered, growing wait is over. */
  private retryAfterRefusal(socket: ChatSocket): void {
    clearTimeout(this.refusedRetryTimer);
    const ceiling = Math.min(REFUSED_RETRY_MAX_MS, REFUSED_RETRY_FIRST_MS * 2 ** this.refusedRetries);
    this.refusedRetries += 1;
    this.refusedRetryTimer = setTimeout(
      () => {
        this.refusedRetryTimer = undefined;
        if (this.socket === socket && !socket.connected) socket.connect();
      },
      ceiling / 2 + (Math.random() * ceiling) / 2,
    );
  }

  /** How long the next send waits for its turn under the widget's pace, in ms (0: at once). */
  private paceDelay(): number {
    const now = Date.now();
    const refilled = ((now - this.sendAllowanceAt) * SENDS_PER_SECOND) / 1000;
    this.sendAllowance = Math.min(SENDS_AT_ONCE, this.sendAllowance + refilled) - 1;
    this.sendAllowanceAt = now;
    return this.sendAllowance >= 0 ? 0 : (-this.sendAllowance * 1000) / SENDS_PER_SECOND;
  }

  /** Forgets the socket: the next `start()` opens a new connection (a new conversation after a reset). */
  stop(): void {
    clearTimeout(this.refusedRetryTimer);
    this.refusedRetryTimer = undefined;
    const socket = this.socket;
    this.socket = null;
    this.sessionReady = false;
    this.session = null;
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
    this.handlers.status("idle");
  }

  retry(): void {
    if (!this.socket || this.socket.connected) return;
    clearTimeout(this.refusedRetryTimer);
    this.handlers.status("connecting");
    this.socket.connect();
  }

  /** Tells the clerk holding the conversation that the citizen is typing; dropped while offline. */
  sendTyping(): void {
    if (this.ready) this.socket!.emit("typing:citizen");
  }

  /** Reconnects at once, so the handshake's `lastSeq` makes the server send what is missing. */
  resync(): void {
    if (!this.socket?.connected) return;
    this.sessionReady = false;
    this.socket.disconnect().connect();
  }

  private onSession(session: SessionReady): void {
    this.session = session;
    this.sessionReady = true;
    this.handlers.session(session);
  }

  /** Calls back with the server's ack, or `"timeout"` when none came within {@link ACK_TIMEOUT_MS}. */
  send(payload: SendMessage, done: (result: SendAck | "timeout") => void): void {
    const socket = this.socket;
    if (!socket || !this.ready) {
      done("timeout");
      return;
    }
    const emit = () => {
      if (this.socket !== socket || !this.ready) {
        done("timeout");
        return;
      }
      socket.timeout(ACK_TIMEOUT_MS).emit("message:send", payload, (error: Error | null, ack: SendAck) => {
        done(error || !isAck(ack) ? "timeout" : ack);
      });
    };
    const wait = this.paceDelay();
    if (wait === 0) emit();
    else setTimeout(emit, wait);
  }

  /** Asks the server to greet or to ask the current question again; `done(false)` when unconfirmed. */
  openConversation(locale: Locale, done: (confirmed: boolean) => void): void {
    const socket = this.socket;
    if (!socket || !this.ready) {
      done(false);
      return;
    }
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck("conversation:open", { locale })
      .then(
        () => done(true),
        () => done(false),
      );
  }
}

function isSession(value: unknown): value is SessionReady {
  const v = value as Partial<SessionReady> | null;
  return typeof v?.token === "string" && typeof v.conversationId === "string";
}

function isMessage(value: unknown): value is ChatMessage {
  const v = value as Partial<ChatMessage> | null;
  return typeof v?.seq === "number" && typeof v.text === "string" && typeof v.author === "string";
}

function isAck(value: unknown): value is SendAck {
  const v = value as { ok?: unknown; seq?: unknown; error?: { message?: unknown } } | null;
  return (v?.ok === true && typeof v.seq === "number") || (v?.ok === false && typeof v.error?.message === "string");
}
