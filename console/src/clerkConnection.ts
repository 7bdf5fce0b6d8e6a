import { io, type Socket } from "socket.io-client";
import type { ChatMessage } from "../../server/channels/web/protocol";
import type {
  ChannelStatusView,
  ClerkClientToServerEvents,
  ClerkNote,
  ClerkServerToClientEvents,
  ConsoleAck,
  ConsoleSettings,
  ConversationView,
  QueueItem,
  TransferTargets,
} from "../../server/console/clerkProtocol";
import { vietnamesePart, type ReleaseAt } from "./consoleFormat";
import { TEXTS } from "./texts";

export type ConnectionStatus =
  | "connecting"
  | "online"
  /** Lost: Socket.IO retries with backoff by itself. */
  | "reconnecting"
  /** The server refused or cut the socket: the session may have ended. */
  | "refused";

export interface ConnectionHandlers {
  status(status: ConnectionStatus): void;
  /** Connected again (or for the first time): what was watched must be watched again. */
  connected(): void;
  queue(items: QueueItem[]): void;
  message(message: ChatMessage): void;
  view(view: ConversationView): void;
  citizenTyping(conversationId: string): void;
  /** A colleague added a note to the watched conversation. */
  note(note: ClerkNote & { conversationId: string }): void;
  /** The configuration the server sends on every connection. */
  settings(settings: ConsoleSettings): void;
  /** The messaging apps' outboxes (Zalo), on connection and whenever they change; not sent without Zalo set up. */
  channels(statuses: ChannelStatusView[]): void;
  /** With several nodes: whether this console's node reaches the others. */
  cluster(shared: boolean): void;
}

/** Another unit's queue, or a named clerk of the unit. */
export type TransferTo = { unitId: string } | { clerkId: string };

/** What an action answers once the ack is in: a timeout reads like any refusal. */
export type ActionResult<T = Record<string, never>> = ({ ok: true } & T) | { ok: false; code: string; message: string };

/** A take, a release or a patch waits for the engine's turn to be stored; 10 s is ample. */
const ACK_TIMEOUT_MS = 10_000;
/** The clerk's typing reaches the citizen at most this often. */
const TYPING_EVERY_MS = 2_500;

type ClerkSocket = Socket<ClerkServerToClientEvents, ClerkClientToServerEvents>;

/** The `/clerk` socket, authenticated by the session cookie of the same origin. */
export class ClerkConnection {
  private socket: ClerkSocket | null = null;
  private lastTyping = 0;

  constructor(private readonly handlers: ConnectionHandlers) {}

  start(): void {
    if (this.socket) return;
    const socket: ClerkSocket = io("/clerk", {
      transports: ["websocket", "polling"],
      tryAllTransports: true,
      reconnection: true,
      forceNew: true,
    });
    this.socket = socket;
    this.handlers.status("connecting");
    socket.on("connect", () => {
      this.handlers.status("online");
      this.handlers.connected();
    });
    socket.on("queue:update", (items) => {
      if (Array.isArray(items)) this.handlers.queue(items);
    });
    socket.on("conversation:message", (message) => {
      if (isMessage(message)) this.handlers.message(message);
    });
    socket.on("conversation:view", (view) => {
      if (isView(view)) this.handlers.view(view);
    });
    socket.on("typing:citizen", (payload) => {
      if (typeof payload?.conversationId === "string") this.handlers.citizenTyping(payload.conversationId);
    });
    socket.on("conversation:note", (note) => {
      if (typeof note?.conversationId === "string" && typeof note.text === "string") this.handlers.note(note);
    });
    socket.on("console:settings", (settings) => {
      if (Array.isArray(settings?.cannedReplies)) this.handlers.settings(settings);
    });
    socket.on("channels:status", (statuses) => {
      if (Array.isArray(statuses)) this.handlers.channels(statuses.filter(isChannelStatus));
    });
    socket.on("cluster:status", (status) => {
      if (typeof status?.shared === "boolean") this.handlers.cluster(status.shared);
    });
    socket.on("disconnect", (reason) => {
      // A server-side disconnect is the session ending (logout elsewhere, disabled user):
      // Socket.IO does not retry it, the app checks the session instead.
      this.handlers.status(
        reason === "io server disconnect"
          ? "refused"
          : reason === "io client disconnect"
            ? "connecting"
            : "reconnecting",
      );
    });
    socket.on("connect_error", () => {
      this.handlers.status(socket.active ? "reconnecting" : "refused");
    });
  }

  stop(): void {
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
  }

  /** After a refusal the session was checked and holds (or was renewed): try again now. */
  reconnect(): void {
    if (!this.socket) return this.start();
    this.handlers.status("connecting");
    this.socket.disconnect().connect();
  }

  watch(conversationId: string): Promise<ActionResult<{ view: ConversationView }>> {
    return this.settle(this.acked()?.emitWithAck("conversation:watch", { conversationId }));
  }

  take(conversationId: string): Promise<ActionResult<{ view: ConversationView }>> {
    return this.settle(this.acked()?.emitWithAck("conversation:take", { conversationId }));
  }

  send(conversationId: string, clientMessageId: string, text: string): Promise<ActionResult<{ seq: number }>> {
    // A message sent ends the typing: the next keystroke is news to the citizen at once.
    this.lastTyping = 0;
    return this.settle(this.acked()?.emitWithAck("conversation:message", { conversationId, clientMessageId, text }));
  }

  patch(conversationId: string, field: string, text: string): Promise<ActionResult<{ view: ConversationView }>> {
    return this.settle(this.acked()?.emitWithAck("dossier:patch", { conversationId, field, text }));
  }

  /** A card read at the counter, shown to the citizen to confirm (`dossier:identityCard`). */
  identityCard(
    conversationId: string,
    card: { qrText: string } | { photo: string },
  ): Promise<ActionResult<{ view: ConversationView }>> {
    return this.settle(this.acked()?.emitWithAck("dossier:identityCard", { conversationId, ...card }));
  }

  release(conversationId: string, at: ReleaseAt): Promise<ActionResult> {
    return this.settle(this.acked()?.emitWithAck("conversation:release", { conversationId, at }));
  }

  close(conversationId: string): Promise<ActionResult> {
    return this.settle(this.acked()?.emitWithAck("conversation:close", { conversationId }));
  }

  transfer(conversationId: string, to: TransferTo): Promise<ActionResult> {
    return this.settle(this.acked()?.emitWithAck("conversation:transfer", { conversationId, ...to }));
  }

  transferTargets(conversationId: string): Promise<ActionResult<TransferTargets>> {
    return this.settle(this.acked()?.emitWithAck("conversation:transferTargets", { conversationId }));
  }

  note(conversationId: string, text: string): Promise<ActionResult<{ note: ClerkNote }>> {
    return this.settle(this.acked()?.emitWithAck("conversation:note", { conversationId, text }));
  }

  typing(conversationId: string): void {
    const now = Date.now();
    if (!this.socket?.connected || now - this.lastTyping < TYPING_EVERY_MS) return;
    this.lastTyping = now;
    this.socket.emit("typing:clerk", { conversationId });
  }

  /** The socket with an ack deadline, or undefined while offline (nothing is queued for later). */
  private acked() {
    return this.socket?.connected ? this.socket.timeout(ACK_TIMEOUT_MS) : undefined;
  }

  private async settle<T>(pending: Promise<ConsoleAck<T>> | undefined): Promise<ActionResult<T>> {
    if (!pending) return { ok: false, code: "CONSOLE_OFFLINE", message: TEXTS.offline };
    let ack: ConsoleAck<T>;
    try {
      ack = await pending;
    } catch {
      return { ok: false, code: "CONSOLE_TIMEOUT", message: TEXTS.noAnswer };
    }
    if (ack?.ok === true) return ack;
    const error = (ack as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    return {
      ok: false,
      code: typeof error?.code === "string" ? error.code : "CONSOLE_UNAVAILABLE",
      message: typeof error?.message === "string" ? vietnamesePart(error.message) : TEXTS.noAnswer,
    };
  }
}

function isMessage(value: unknown): value is ChatMessage {
  const v = value as Partial<ChatMessage> | null;
  return (
    typeof v?.seq === "number" &&
    typeof v.text === "string" &&
    typeof v.author === "string" &&
    typeof v.conversationId === "string"
  );
}

function isView(value: unknown): value is ConversationView {
  const v = value as Partial<ConversationView> | null;
  return typeof v?.conversationId === "string" && Array.isArray(v.transcript) && Array.isArray(v.draft);
}

function isChannelStatus(value: unknown): value is ChannelStatusView {
  const v = value as Partial<ChannelStatusView> | null;
  return (
    typeof v?.channel === "string" &&
    typeof v.waiting === "number" &&
    typeof v.unreachable === "number" &&
    typeof v.backedUp === "boolean"
  );
}
