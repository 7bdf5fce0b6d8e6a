import type { Dossier, DossierStatus, PostalStatus, StatusNote } from "../dossier/dossier";
import type { EngineInput } from "../engine/engineIO";
import type { Locale, Localized } from "../engine/localized";
import type { MessageVia } from "../engine/messageAuthor";
import type { ConversationRecord } from "../store/store";
import type { CitizenMessage, ConversationMessage, ConversationSnapshot } from "./conversationTypes";

/**
 * Where a citizen's turn came from: the connection that sent it (it shows the message already)
 * and who is asking — an IP, a channel's user id — for the status lookup limits, which count
 * per requester.
 */
export interface TurnOrigin {
  connectionId?: string;
  requester?: string;
}

export interface ClerkRef {
  id: string;
  name: string;
}

/** One input to the pipeline, whichever channel it came through. */
export type TurnInput =
  | { kind: "citizen"; conversationId: string; message: CitizenMessage; origin: TurnOrigin }
  /** The citizen opened the chat, perhaps in another language. */
  | { kind: "open"; conversationId: string; locale?: Locale }
  /** A clerk's action: take, fill a field, hand back, close, transfer, or the clerk gone. */
  | { kind: "clerkAction"; conversationId: string; clerk: ClerkRef; input: EngineInput }
  /** A clerk's message; `via: "zalo"` when an OA admin wrote it in Zalo's own tool (the citizen has it already). */
  | {
      kind: "clerkMessage";
      conversationId: string;
      clerk: ClerkRef;
      clientMessageId: string;
      text: string;
      via?: MessageVia;
    }
  /**
   * A channel tells the conversation something outside the engine (a file it could not fetch, a
   * message from Zalo's own tool): one system message, stored once per `noticeId`.
   */
  | { kind: "notice"; conversationId: string; noticeId: string; text: string; via?: MessageVia }
  /** A clerk moves the conversation's dossier on (rejected needs a reason; needs_more_info, what is missing). */
  | { kind: "dossierStatus"; conversationId: string; code: string; status: DossierStatus; note: StatusNote | null }
  /** A clerk moves the dossier's postal pickup or delivery one step on (`server/dossier/postalRoute.ts`). */
  | { kind: "dossierPostal"; conversationId: string; code: string; status: PostalStatus; clerkId: string };

/** Why the pipeline refused a turn; nothing was written. */
export type TurnRefusalCode =
  | "TURN_NOT_FOUND"
  | "TURN_HELD_BY_OTHER"
  | "TURN_NOT_HELD"
  | "TURN_MESSAGE_ID_REUSED"
  | "TURN_ATTACHMENT_UNKNOWN"
  | "TURN_INPUT_REFUSED"
  /** The store kept losing the version race, or too many turns are in flight: try again. */
  | "TURN_BUSY";

/** What a turn came to: what was stored (and the first message's number), or why it was refused. */
export type TurnOutcome =
  | { ok: true; record: ConversationRecord; messageId?: string; seq?: number; dossier?: Dossier }
  /** `code` is a {@link TurnRefusalCode}, or the engine's or the dossier lifecycle's own code. */
  | { ok: false; code: TurnRefusalCode | (string & {}); message: Localized };

/** Told the outcome once the turn is stored, before anything is delivered. */
export type Acknowledge = (outcome: TurnOutcome) => void | Promise<void>;

/** Where a committed turn's messages and state go: every connection of the conversation. */
export interface Delivery {
  /** New messages, in seq order; `exceptConnectionId` already shows the first one (the citizen's own). */
  messages(conversationId: string, messages: ConversationMessage[], exceptConnectionId?: string): void;
  state(snapshot: ConversationSnapshot): void;
  typing(conversationId: string): void;
}

/** Told of every committed turn: the clerk console follows conversations and queues with it. */
export type CommitListener = (saved: ConversationRecord, messages: ConversationMessage[]) => void;
