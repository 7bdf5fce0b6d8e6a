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

/** The `/chat` socket: connection status, and sends that are known to have reached the server. */
export class ChatConnection {
  private socket: ChatSocket | null = null;
  private sessionReady = false;
  private session: SessionReady | null = null;

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
    socket.on("connect_error", (error: Error & { data?: { message?: unknown } }) => {
      this.sessionReady = false;
      if (socket.active) {
        this.handlers.status("reconnecting");
        return;
      }
      const detail = typeof error.data?.message === "string" ? error.data.message : undefined;
      // For the webmaster: an origin missing from ALLOWED_ORIGINS shows up here.
      console.warn(`Khai Hộ widget: the server refused the connection (${error.message}).`);
      this.handlers.status("refused", detail);
    });
  }

  /** Forgets the socket: the next `start()` opens a new connection (a new conversation after a reset). */
  stop(): void {
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
    socket.timeout(ACK_TIMEOUT_MS).emit("message:send", payload, (error: Error | null, ack: SendAck) => {
      done(error || !isAck(ack) ? "timeout" : ack);
    });
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
