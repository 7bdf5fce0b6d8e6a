import type { ConversationStatus } from "../engine/conversationState";
import type { Choice, ExpectedInput, Progress } from "../engine/engineIO";
import type { MessageAuthor, MessageVia } from "../engine/messageAuthor";

/**
 * What a conversation shows and is sent, in its own words: each channel (the web chat, the
 * console, the terminal, Zalo) translates to and from these shapes. Type-only and free of the
 * server's runtime, so browser code may import them through the web protocol file.
 */

/** A message as every channel receives it, numbered in its conversation. */
export interface ConversationMessage {
  id: string;
  /** Increases by one per message of the conversation, citizen messages included. */
  seq: number;
  conversationId: string;
  author: MessageAuthor;
  text: string;
  choices?: Choice[];
  input?: ExpectedInput;
  progress?: Progress | null;
  /** Where the message came from, when not from Khai Hộ itself (the console marks it). */
  via?: MessageVia;
  /** ISO 8601. */
  at: string;
}

/** Where a conversation stands, as the channels show it. */
export interface ConversationSnapshot {
  conversationId: string;
  status: ConversationStatus;
  procedureId: string | null;
  stepId: string | null;
  progress: Progress | null;
  dossierCode?: string;
}

/**
 * A citizen's message: typed text, a clicked choice, an uploaded file's id, the text of an ID card's QR
 * code (`identityQr`, read by the client's camera) or an uploaded photo of an ID card (`cardPhotoId`,
 * read by the server). Exactly one.
 */
export interface CitizenMessage {
  /** Chosen by the citizen's client, unique per message; a retry carries the same id. */
  clientMessageId: string;
  text?: string;
  choice?: string;
  attachmentId?: string;
  identityQr?: string;
  cardPhotoId?: string;
}
