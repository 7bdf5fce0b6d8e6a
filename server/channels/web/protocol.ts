/**
 * The citizen chat protocol: Socket.IO namespace `/chat`. The widget imports this file with
 * `import type` only. Documented for integrators in `docs/protocol.md`.
 */

// Declared once in the engine; re-exported here so that browser code imports types from one file.
export type { ConversationStatus } from "../../engine/conversationState";
export type { Locale } from "../../engine/localized";
export type { MessageAuthor } from "../../engine/messageAuthor";
import type { ConversationStatus } from "../../engine/conversationState";
import type { Locale } from "../../engine/localized";
import type { MessageAuthor } from "../../engine/messageAuthor";
import type { MAX_INPUT_LENGTH } from "../../engine/understanding/normalizeInput";

/**
 * The longest text a citizen may send, in characters (code points, once in NFC with runs of spaces
 * made one): the engine understands no more, and a longer text is refused with CHAT_TEXT_TOO_LONG
 * rather than cut. Browser code declares its copy with this type, so the two cannot drift apart.
 */
export type ChatTextLimit = typeof MAX_INPUT_LENGTH;

/** Handshake `auth`: no token opens a new conversation; a valid token resumes it; any other key is refused. */
export interface ChatAuth {
  token?: string;
  /** The last `seq` the client has shown: every later message is sent again, in order. */
  lastSeq?: number;
  locale?: Locale;
  /** The ward/commune the page belongs to (`data-unit`). */
  unit?: string;
}

// The engine's reply shapes travel unchanged: one definition, imported as types only.
export type { Choice, ExpectedInput, Progress } from "../../engine/engineIO";

// The conversation's own shapes travel unchanged under their wire names (docs/protocol.md).
export type {
  ConversationMessage as ChatMessage,
  ConversationSnapshot as ConversationStateEvent,
  CitizenMessage as SendMessage,
} from "../../conversation/conversationTypes";
import type {
  ConversationMessage as ChatMessage,
  ConversationSnapshot as ConversationStateEvent,
  CitizenMessage as SendMessage,
} from "../../conversation/conversationTypes";

export interface SessionReady {
  /** Bearer secret for this conversation: keep it (the widget uses localStorage) to resume. */
  token: string;
  conversationId: string;
}

export type ErrorCode =
  | "CHAT_PAYLOAD_INVALID"
  | "CHAT_TEXT_TOO_LONG"
  | "CHAT_MESSAGE_ID_REUSED"
  | "CHAT_RATE_LIMITED"
  | "CHAT_ATTACHMENT_UNKNOWN"
  | "CHAT_UNAVAILABLE";

export type SendAck =
  { ok: true; messageId: string; seq: number } | { ok: false; error: { code: ErrorCode; message: string } };

/** The answer to `conversation:open`. */
export type OpenAck = { ok: true } | { ok: false; error: { code: ErrorCode; message: string } };

export interface ServerToClientEvents {
  "session:ready": (payload: SessionReady) => void;
  "message:new": (message: ChatMessage) => void;
  "conversation:state": (state: ConversationStateEvent) => void;
  /** The bot or the clerk is composing (shown as the typing indicator). */
  "typing:start": () => void;
}

export interface ClientToServerEvents {
  "message:send": (payload: SendMessage, ack: (ack: SendAck) => void) => void;
  /** Opening the widget: greets a new conversation, or asks again where it stopped. */
  "conversation:open": (payload: { locale?: Locale }, ack?: (ack: OpenAck) => void) => void;
  /** The citizen is typing to a clerk: the clerk's console shows it. No payload, no ack. */
  "typing:citizen": () => void;
}

/** A unit as a citizen's page sees it: its id (`data-unit`), its name, ward or commune. */
export interface PublicUnit {
  id: string;
  nameVi: string;
  kind: "phuong" | "xa";
}

/** `GET /api/units`: the city's units (UNITS_FILE), in the order the bot offers them. */
export interface UnitsResponse {
  ok: true;
  units: PublicUnit[];
}

/** Upload endpoint answer (`POST /api/uploads`). */
export type UploadResponse =
  | { ok: true; attachmentId: string; mimeType: string; size: number }
  | { ok: false; error: { code: string; message: string } };
