import type { Namespace, Server, Socket } from "socket.io";
import type { ConversationService } from "../../conversation/conversationService";
import type { Delivery, TurnOutcome } from "../../conversation/turnTypes";
import { normalizeInput } from "../../engine/understanding/normalizeInput";
import { citizenTextTooLong } from "../../limits/citizenTextTooLong";
import type { OpenConnectionCap } from "../../limits/openConnectionCap";
import { SocketFloodGuard, type SocketFloodLimits } from "../../limits/socketFloodGuard";
import type { WindowLimiter } from "../../limits/windowLimiter";
import type { Logger } from "../../logger";
import { inLocale } from "../../codedTexts";
import { CHAT_ERROR_MESSAGES, CHAT_HANDSHAKE_MESSAGES } from "./chatErrorMessages";
import { ResumesFirst } from "./resumesFirst";
import { chatAuthSchema, openSchema, sendMessageSchema } from "./chatSchemas";
import { splitAck } from "../splitAck";
import type { ClientToServerEvents, ErrorCode, Locale, OpenAck, SendAck, ServerToClientEvents } from "./protocol";

interface SocketData {
  conversationId: string;
  locale: Locale;
  ip: string;
  /** The bearer token, kept only until `session:ready` has carried it to the client. */
  token: string | null;
  /** Reports the end of this connection's replay, when it came with a token (a resume). */
  resumeDone: (() => void) | null;
}

type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type ChatNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const KNOWN_EVENTS = new Set(["message:send", "conversation:open", "typing:citizen"]);
/**
 * A citizen's typing signals pass to the console at most this often per connection (the widget sends one every 2 s).
 */
const TYPING_RELAY_EVERY_MS = 500;
/**
 * What a tap on one of the bot's buttons weighs against the conversation's limit, a typed message
 * weighing 1. Taps come fast from a person (a dozen in three seconds through yes/no questions and
 * the review), typing does not: RATE_LIMIT_CONVERSATION_PER_MINUTE counts typed messages, and a
 * script flooding text still meets it after that many.
 */
const CHOICE_COST = 0.25;
/**
 * What a reconnect weighs against its conversation's limit: a phone on a weak line reconnects a few
 * times a minute, a script replaying a transcript in a loop is refused after four times the limit.
 */
const RESUME_COST = 0.25;
/** How long a new message waits at most for the replays of reconnecting citizens to go first. */
const RESUME_FIRST_MAX_WAIT_MS = 1_000;

export const roomOf = (conversationId: string) => `conversation:${conversationId}`;

export interface ChatNamespaceOptions {
  service: ConversationService;
  logger: Logger;
  /** Messages and resumes per conversation, and new conversations and messages per address (`createLimits`). */
  perConversation: WindowLimiter;
  perIp: WindowLimiter;
  /** Connections open at once per address (CHAT_CONNECTIONS_PER_ADDRESS). */
  openPerAddress: OpenConnectionCap;
  /** How fast one connection may send, and how many refusals it gets before it is closed. */
  perSocket: SocketFloodLimits;
  /** The client's address (behind a trusted proxy, the forwarded one). */
  addressOf: (socket: Socket) => string;
  /** The citizen of a conversation is typing: the clerks watching it are told. */
  citizenTyping?: (conversationId: string) => void;
}

/** A refused handshake: `connect_error` with a code and a message the widget can show. */
function handshakeError(code: keyof typeof CHAT_HANDSHAKE_MESSAGES): Error {
  return Object.assign(new Error(code), { data: { code, message: inLocale(CHAT_HANDSHAKE_MESSAGES[code]) } });
}

function refusal(code: ErrorCode, locale: Locale): SendAck & OpenAck & { ok: false } {
  return { ok: false, error: { code, message: CHAT_ERROR_MESSAGES[code][locale] } };
}

// What the conversation's refusals are called on the wire; anything else is a failure to retry.
const CHAT_CODES: Partial<Record<string, ErrorCode>> = {
  TURN_MESSAGE_ID_REUSED: "CHAT_MESSAGE_ID_REUSED",
  TURN_ATTACHMENT_UNKNOWN: "CHAT_ATTACHMENT_UNKNOWN",
  TURN_INPUT_REFUSED: "CHAT_PAYLOAD_INVALID",
};

/** A citizen turn's outcome as the `message:send` ack. */
function sendAck(outcome: TurnOutcome, locale: Locale): SendAck {
  if (!outcome.ok) return refusal(CHAT_CODES[outcome.code] ?? "CHAT_UNAVAILABLE", locale);
  return { ok: true, messageId: outcome.messageId!, seq: outcome.seq! };
}

/** Delivery of committed turns to every socket of a conversation, on every node (through the adapter). */
export function namespaceDelivery(namespace: () => ChatNamespace): Delivery {
  return {
    messages(conversationId, messages, exceptSocketId) {
      // The connection ids the pipeline is given are socket ids.
      const room = roomOf(conversationId);
      messages.forEach((message, i) => {
        const target = i === 0 && exceptSocketId ? namespace().to(room).except(exceptSocketId) : namespace().to(room);
        target.emit("message:new", message);
      });
    },
    state(event) {
      namespace().to(roomOf(event.conversationId)).emit("conversation:state", event);
    },
    typing(conversationId) {
      namespace().to(roomOf(conversationId)).emit("typing:start");
    },
  };
}

/**
 * The citizen chat on Socket.IO namespace `/chat` (docs/protocol.md): the handshake opens or
 * resumes a conversation, a reconnect replays what the client missed from the store, every
 * payload is validated and refused with a message in the conversation's language.
 */
export function attachChatNamespace(io: Server, options: ChatNamespaceOptions): ChatNamespace {
  // The server is created untyped (one server, several namespaces); this namespace is typed here.
  const namespace = io.of("/chat") as unknown as ChatNamespace;
  const { service, logger } = options;

  // A second of waiting at most for a new message: the reconnect burst after a restart of 500
  // citizens takes about that long on this machine's two cores.
  const resumes = new ResumesFirst(RESUME_FIRST_MAX_WAIT_MS);

  namespace.use(async (socket, next) => {
    let resumeDone: (() => void) | null = null;
    let refuse = (code: keyof typeof CHAT_HANDSHAKE_MESSAGES) => next(handshakeError(code));
    try {
      const auth = chatAuthSchema.safeParse(socket.handshake.auth ?? {});
      if (!auth.success) {
        next(handshakeError("CHAT_AUTH_INVALID"));
        return;
      }
      const ip = options.addressOf(socket);
      const release = options.openPerAddress.acquire(ip);
      if (!release) {
        next(handshakeError("CHAT_TOO_MANY_CONNECTIONS"));
        return;
      }
      // The place is freed when the connection ends, however it ends (closed before the handshake completed too).
      socket.once("disconnect", release);
      socket.conn.once("close", release);
      refuse = (code) => {
        release();
        next(handshakeError(code));
      };
      // An unknown or stale token is not an error: the citizen simply starts again.
      resumeDone = auth.data.token ? resumes.begin() : null;
      const existing = auth.data.token ? await service.resume(auth.data.token) : null;
      // A citizen coming back (a reconnect storm after a proxy restart brings a whole ward behind one
      // address at once) is charged to their own conversation; only new conversations to the address.
      const allowed = existing
        ? await options.perConversation.allow(existing.id, Date.now(), RESUME_COST)
        : await options.perIp.allow(ip);
      if (!allowed) {
        resumeDone?.();
        refuse("CHAT_RATE_LIMITED");
        return;
      }
      const opened = existing
        ? { record: existing, token: auth.data.token! }
        : await service.start({ channel: "web", locale: auth.data.locale ?? "vi", unitId: auth.data.unit ?? null });
      socket.data = {
        conversationId: opened.record.id,
        locale: opened.record.state.locale,
        ip,
        token: opened.token,
        resumeDone,
      };
      next();
    } catch (error) {
      resumeDone?.();
      logger.error({ event: "chat.handshake_failed", err: error }, "chat handshake failed");
      refuse("CHAT_UNAVAILABLE");
    }
  });

  namespace.on("connection", (socket: ChatSocket) => {
    void onConnection(socket)
      .catch((error: unknown) => {
        logger.error(
          { event: "chat.connection_failed", err: error, conversationId: socket.data.conversationId },
          "chat connection failed",
        );
        socket.disconnect(true);
      })
      .finally(() => socket.data.resumeDone?.());
  });

  async function onConnection(socket: ChatSocket): Promise<void> {
    const { conversationId } = socket.data;
    const { token } = socket.data;
    socket.data.token = null;
    registerHandlers(socket);
    await socket.join(roomOf(conversationId));
    if (token) socket.emit("session:ready", { token, conversationId });
    // Socket.IO's own recovery already re-sent what was missed; otherwise the store does.
    if (!socket.recovered) {
      const lastSeq = chatAuthSchema.safeParse(socket.handshake.auth ?? {}).data?.lastSeq ?? 0;
      for (const message of await service.messagesAfter(conversationId, lastSeq)) socket.emit("message:new", message);
    }
    const state = await service.stateOf(conversationId);
    if (state) socket.emit("conversation:state", state);
  }

  function registerHandlers(socket: ChatSocket): void {
    const { conversationId } = socket.data;
    let typingRelayedAt = 0;
    const flood = new SocketFloodGuard(options.perSocket);
    // The messages of this connection reach the conversation in the order sent: each one's budget is
    // asked at once (a round trip to Redis with several nodes), and its turn waits for the one before.
    let previousAdmitted: Promise<void> = Promise.resolve();

    /** Whether the conversation's and the address's budgets take one more message. */
    const withinBudget = async (cost: number): Promise<boolean> =>
      (await options.perConversation.allow(conversationId, Date.now(), cost)) &&
      (await options.perIp.allow(socket.data.ip));

    /** Refuses as rate-limited; a connection that keeps sending regardless is closed. */
    const rateLimited = (reply: (ack: SendAck) => void, verdict = flood.refused()) => {
      reply(refusal("CHAT_RATE_LIMITED", socket.data.locale));
      if (verdict !== "cut" || !socket.connected) return;
      logger.warn({ event: "chat.flood_disconnected", conversationId }, "chat connection closed: kept sending");
      socket.disconnect(true);
    };

    // Every event is counted, whatever it is: refused, invalid and unknown ones cost the server too. Typing
    // signals excepted: they touch no store and are passed on at most every TYPING_RELAY_EVERY_MS anyway.
    socket.use((packet, next) => {
      const [event, payload] = packet;
      if (event === "typing:citizen") {
        next();
        return;
      }
      const tap = event === "message:send" && (payload as { choice?: unknown } | null)?.choice !== undefined;
      const verdict = flood.admit(tap ? CHOICE_COST : 1);
      if (verdict === "pass") {
        next();
        return;
      }
      const ack = packet[packet.length - 1];
      rateLimited(typeof ack === "function" ? (ack as (a: SendAck) => void) : () => undefined, verdict);
    });

    socket.on("message:send", (...args: unknown[]) => {
      // A message sent ends the typing: the next keystroke is news to the clerk at once.
      typingRelayedAt = 0;
      const { payload, ack: reply } = splitAck<SendAck>(args);
      const text = (payload as { text?: unknown } | null)?.text;
      if (typeof text === "string" && citizenTextTooLong(text)) {
        logger.info({ event: "chat.text_too_long", conversationId, length: text.length }, "text refused: too long");
        reply(refusal("CHAT_TEXT_TOO_LONG", socket.data.locale));
        return;
      }
      const parsed = sendMessageSchema.safeParse(payload);
      if (!parsed.success) {
        reply(refusal("CHAT_PAYLOAD_INVALID", socket.data.locale));
        return;
      }
      const allowed = withinBudget(parsed.data.choice !== undefined ? CHOICE_COST : 1).catch((error: unknown) => {
        // A limiter never rejects (one that cannot share its count keeps it on the node); if one did, the
        // citizen is served rather than refused for the server's fault.
        logger.error({ event: "chat.limit_failed", err: error, conversationId }, "rate limit check failed");
        return true;
      });
      const message =
        parsed.data.text !== undefined ? { ...parsed.data, text: normalizeInput(parsed.data.text) } : parsed.data;
      previousAdmitted = previousAdmitted.then(async () => {
        if (!(await allowed)) {
          rateLimited(reply);
          return;
        }
        // The ack goes out once the turn is stored, before its replies are delivered.
        resumes.run(() =>
          service
            .send(conversationId, message, { connectionId: socket.id, requester: socket.data.ip }, (outcome) =>
              reply(sendAck(outcome, socket.data.locale)),
            )
            .catch((error: unknown) => {
              logger.error({ event: "chat.turn_failed", err: error, conversationId }, "turn failed");
              reply(refusal("CHAT_UNAVAILABLE", socket.data.locale));
            }),
        );
      });
      // A failure here must not stop the messages after it.
      previousAdmitted = previousAdmitted.catch((error: unknown) => {
        logger.error({ event: "chat.turn_failed", err: error, conversationId }, "turn failed");
      });
    });

    socket.on("conversation:open", (...args: unknown[]) => {
      const { payload, ack: reply } = splitAck<OpenAck>(args);
      const parsed = openSchema.safeParse(payload ?? {});
      if (!parsed.success) {
        reply(refusal("CHAT_PAYLOAD_INVALID", socket.data.locale));
        return;
      }
      if (parsed.data.locale) socket.data.locale = parsed.data.locale;
      service
        .open(conversationId, parsed.data.locale, (outcome) =>
          reply(outcome.ok ? { ok: true } : refusal("CHAT_UNAVAILABLE", socket.data.locale)),
        )
        .catch((error: unknown) => {
          logger.error({ event: "chat.open_failed", err: error, conversationId }, "open failed");
          reply(refusal("CHAT_UNAVAILABLE", socket.data.locale));
        });
    });

    socket.on("typing:citizen", () => {
      const now = Date.now();
      if (now - typingRelayedAt < TYPING_RELAY_EVERY_MS) return;
      typingRelayedAt = now;
      options.citizenTyping?.(conversationId);
    });

    // Unknown events get an error answer when they expect one, and change nothing.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (KNOWN_EVENTS.has(event)) return;
      const ack = args[args.length - 1];
      if (typeof ack === "function") (ack as (a: SendAck) => void)(refusal("CHAT_PAYLOAD_INVALID", socket.data.locale));
    });
  }

  return namespace;
}
