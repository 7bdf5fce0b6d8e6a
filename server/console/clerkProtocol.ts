/**
 * The clerk console protocol: Socket.IO namespace `/clerk`, authenticated by the console's
 * session cookie. The console UI imports this file with `import type` only. Documented in
 * `docs/protocol.md`.
 */
import type { ChatMessage, ConversationStatus } from "../channels/web/protocol";

export type { HandoffReason } from "../engine/conversationState";
import type { FieldSource, HandoffReason } from "../engine/conversationState";

/** One conversation in a unit's queue (or held by a clerk). */
export interface QueueItem {
  conversationId: string;
  unitId: string | null;
  status: ConversationStatus;
  reason: HandoffReason | null;
  procedureId: string | null;
  /** The procedure's Vietnamese name ("Đăng ký khai sinh"). */
  procedureName: string | null;
  /** The unit's name ("Phường An Thạnh"). */
  unitName: string | null;
  /** The citizen left a phone number for a call back (no clerk could answer). */
  callback: boolean;
  /** ISO 8601: when the citizen asked or got stuck. */
  waitingSince: string | null;
  clerk: { id: string; name: string } | null;
  /** Where the citizen writes from: the web chat, Zalo, the terminal. */
  channel: "web" | "zalo" | "terminal";
}

/** One field of the draft dossier as the console shows it, grouped like the paper form. */
export interface DraftField {
  key: string;
  label: string;
  group: string;
  /** As the citizen reads it ("05/03/2026", "Nữ", table rows summarised). */
  display: string;
  source: FieldSource | null;
  /** Whether a clerk may fill it (questions the citizen answers; derived fields are not). */
  editable: boolean;
}

/** Everything the console shows of one conversation. */
export interface ConversationView {
  conversationId: string;
  unitId: string | null;
  status: ConversationStatus;
  procedureId: string | null;
  procedureName: string | null;
  stepId: string | null;
  progress: { step: number; total: number } | null;
  clerk: { id: string; name: string } | null;
  dossierCode: string | null;
  transcript: ChatMessage[];
  draft: DraftField[];
  /** Steps a clerk can hand back to ("review" included when the flow has one). */
  releaseTargets: { stepId: string; label: string }[];
  attachments: { stepId: string; attachmentId: string }[];
  /**
   * The person whose identity the bot was asking ("người mẹ"), while a clerk holds the conversation and no
   * answer of the citizen is awaited: the console offers "Quét CCCD" for them.
   */
  identityAsked: { person: string } | null;
  /** Clerks' notes on the conversation, oldest first; the citizen never sees them. */
  notes: ClerkNote[];
  channel: "web" | "zalo" | "terminal";
  /** The citizen on a messaging app (Zalo): their name there, and whether the app delivers to them now. */
  contact: ChannelContactView | null;
}

/** What the console shows of a citizen on a messaging app. */
export interface ChannelContactView {
  displayName: string | null;
  reachable: boolean;
  /** Why the app does not deliver to the citizen now, in Vietnamese and English. */
  reason: string | null;
  /** Messages for the citizen not yet delivered by the app (it is down, or the citizen unreachable). */
  pending: boolean;
}

/** A messaging app's outbox, for the console's badge when it is backed up. */
export interface ChannelStatusView {
  channel: "web" | "zalo" | "terminal";
  waiting: number;
  unreachable: number;
  backedUp: boolean;
}

export interface ClerkNote {
  id: string;
  at: string;
  author: { id: string; name: string };
  text: string;
}

export type ConsoleErrorCode =
  | "CONSOLE_PAYLOAD_INVALID"
  | "CONSOLE_FORBIDDEN"
  | "CONSOLE_NOT_FOUND"
  | "CONSOLE_TAKEN"
  | "CONSOLE_REFUSED"
  | "CONSOLE_UNAVAILABLE";

export type ConsoleAck<T = Record<string, never>> =
  ({ ok: true } & T) | { ok: false; error: { code: ConsoleErrorCode | string; message: string } };

export interface ClerkServerToClientEvents {
  /** The queue of the clerk's units, whole, whenever it changes. */
  "queue:update": (items: QueueItem[]) => void;
  /** A message of a conversation the clerk is watching (citizen, bot, clerk, system). */
  "conversation:message": (message: ChatMessage) => void;
  /** A watched conversation changed (status, draft, holder). */
  "conversation:view": (view: ConversationView) => void;
  /** A clerk added a note to a watched conversation. */
  "conversation:note": (note: ClerkNote & { conversationId: string }) => void;
  /** The citizen of a watched conversation is typing. */
  "typing:citizen": (payload: { conversationId: string }) => void;
  /** On every connection: the configuration the console works with. */
  "console:settings": (settings: ConsoleSettings) => void;
  /** The messaging apps' outboxes, on connection and whenever they change (a badge when backed up). */
  "channels:status": (statuses: ChannelStatusView[]) => void;
  /**
   * With several nodes, on connection and whenever it changes: whether this node reaches the others (through Redis).
   * While it does not, the console sees only the citizens and clerks of its own node.
   */
  "cluster:status": (status: { shared: boolean }) => void;
}

export interface ConsoleSettings {
  /** Offered in the composer; a click puts one in the message box (CANNED_REPLIES). */
  cannedReplies: string[];
  /** The city's units (UNITS_FILE), for naming them: the console bundles no list of its own. */
  units: { id: string; name: string }[];
}

/** Where a conversation can be passed: other units, and the unit's clerks (signed-in ones first). */
export interface TransferTargets {
  units: { id: string; name: string }[];
  clerks: { id: string; name: string; online: boolean }[];
}

export interface ClerkClientToServerEvents {
  /** Opens a conversation in the console: its transcript, draft and state (written to the audit log). */
  "conversation:watch": (
    payload: { conversationId: string },
    ack: (ack: ConsoleAck<{ view: ConversationView }>) => void,
  ) => void;
  /** Takes the conversation; exactly one of two clerks clicking at once wins, the other is told who has it. */
  "conversation:take": (
    payload: { conversationId: string },
    ack: (ack: ConsoleAck<{ view: ConversationView }>) => void,
  ) => void;
  /** A message to the citizen. */
  "conversation:message": (
    payload: { conversationId: string; clientMessageId: string; text: string },
    ack: (ack: ConsoleAck<{ seq: number }>) => void,
  ) => void;
  /** Fills or corrects one field of the draft, typed as the citizen would; the citizen confirms it. */
  "dossier:patch": (
    payload: { conversationId: string; field: string; text: string },
    ack: (ack: ConsoleAck<{ view: ConversationView }>) => void,
  ) => void;
  /**
   * An ID card read at the counter for the person whose identity the bot was asking: the QR's text (a camera
   * read) or a photo of the card's front, base64 (≤ `CARD_PHOTO_MAX_BASE64` characters, in
   * `widget/shared/cardPhotoLimit.ts`). Shown to the citizen, whose confirmation alone fills the fields;
   * refused when no identity is being asked.
   */
  "dossier:identityCard": (
    payload: { conversationId: string; qrText: string } | { conversationId: string; photo: string },
    ack: (ack: ConsoleAck<{ view: ConversationView }>) => void,
  ) => void;
  /** Hands back to the bot where the flow stood, at the review, or at a step. */
  "conversation:release": (
    payload: { conversationId: string; at: "current" | "review" | { stepId: string } },
    ack: (ack: ConsoleAck) => void,
  ) => void;
  "conversation:close": (payload: { conversationId: string }, ack: (ack: ConsoleAck) => void) => void;
  /**
   * Passes the conversation to another unit's queue, or to a named clerk of its unit who is
   * signed in (they hold it at once; the citizen is told their name).
   */
  "conversation:transfer": (
    payload: { conversationId: string; unitId: string } | { conversationId: string; clerkId: string },
    ack: (ack: ConsoleAck) => void,
  ) => void;
  /** Where the conversation can be passed, for the transfer dialog. */
  "conversation:transferTargets": (
    payload: { conversationId: string },
    ack: (ack: ConsoleAck<TransferTargets>) => void,
  ) => void;
  /** A note for the unit's clerks (any clerk who can see the conversation may add one); the citizen never sees it. */
  "conversation:note": (
    payload: { conversationId: string; text: string },
    ack: (ack: ConsoleAck<{ note: ClerkNote }>) => void,
  ) => void;
  /** The clerk is typing to the citizen. */
  "typing:clerk": (payload: { conversationId: string }) => void;
}
