import type { ConversationState, ConversationStatus } from "../engine/conversationState";
import type { Choice, ExpectedInput, Progress } from "../engine/engineIO";
import type { Locale } from "../engine/localized";
import type { Dossier } from "../dossier/dossier";
import type { CounterClaim } from "../dossier/dossierRecords";
import type { ServiceEvent } from "./reportStore";
import type { MessageAuthor, MessageVia } from "../engine/messageAuthor";

export type { MessageAuthor, MessageVia };

/** One conversation: its engine state between turns and what the channels need to find it. */
export interface ConversationRecord {
  id: string;
  /** SHA-256 (hex) of the bearer token the citizen's channel holds; the token itself is never stored. */
  tokenHash: string;
  channel: "web" | "zalo" | "terminal";
  locale: Locale;
  unitId: string | null;
  state: ConversationState;
  /** Copies of `state.status` and `state.flowId`, for queries. */
  status: ConversationStatus;
  procedureId: string | null;
  /** The sequence number of the last message; the next message gets `lastSeq + 1`. */
  lastSeq: number;
  /** Incremented by every committed turn: optimistic concurrency across nodes. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One message of a conversation's transcript, numbered from 1 without gaps. */
export interface MessageRecord {
  id: string;
  conversationId: string;
  seq: number;
  author: MessageAuthor;
  text: string;
  choices?: Choice[];
  input?: ExpectedInput;
  progress?: Progress | null;
  /** The citizen's own id for the message (retries carry the same one). */
  clientMessageId?: string;
  /** What the citizen clicked (a choice's value) or sent (an attachment), when not typed text. */
  choice?: string;
  attachmentId?: string;
  /** Where the message came from, when not from Khai Hộ itself. */
  via?: MessageVia;
  at: string;
}

/** What a message id was first answered with: a retry gets the same answer. */
export interface DedupeRecord {
  conversationId: string;
  clientMessageId: string;
  /** SHA-256 (hex) of the message's content: the same id with other content is refused. */
  contentHash: string;
  messageId: string;
  seq: number;
  at: string;
}

/** Everything one turn changes, written all at once or not at all. */
export interface TurnWrite {
  conversationId: string;
  /** The version read before the turn; the write fails with `conflict` if another turn got there first. */
  expectedVersion: number;
  state: ConversationState;
  /** The turn's messages (citizen's first), numbered `lastSeq + 1` onwards by the caller. */
  messages: MessageRecord[];
  dedupe: DedupeRecord | null;
  /** A dossier submitted by this turn. */
  dossier: Dossier | null;
  /** The counter value this turn takes (its dossier's receipt number), written with it or not at all. */
  counterClaim?: CounterClaim | null;
  /** What the turn did that the figures count (a handoff asked for, a rating…), written with it. */
  events?: ServiceEvent[];
}

export type { CounterClaim };

export type TurnCommit =
  | { ok: true; version: number }
  /**
   * Another turn committed first (another tab, another node), or took the counter value claimed: reload and run the
   * turn again.
   */
  | { ok: false; reason: "conflict" }
  /** This client message id was committed already: answer with the stored ack. */
  | { ok: false; reason: "duplicate"; dedupe: DedupeRecord };

/** What a turn reads before it runs: the conversation, the client message id's first answer, recent messages. */
export interface TurnLoad {
  record: ConversationRecord;
  /** The stored answer to this client message id, when it was committed already. */
  dedupe: DedupeRecord | null;
  /** The last `recent` messages, in seq order (a clicked choice's label is found among them). */
  recent: MessageRecord[];
}

/**
 * Conversations, their transcripts and the turn that writes them: the state, the messages, the
 * dedupe key, the dossier and the counter value of one turn go in one atomic commit.
 */
export interface ConversationStore {
  createConversation(record: ConversationRecord): Promise<void>;
  getConversation(id: string): Promise<ConversationRecord | null>;
  findConversationByTokenHash(tokenHash: string): Promise<ConversationRecord | null>;

  /** The atomic write of one turn: state, messages, dedupe key and dossier, or nothing. */
  commitTurn(write: TurnWrite): Promise<TurnCommit>;

  /** Messages with `seq > afterSeq`, in order, at most `limit`. */
  listMessages(conversationId: string, afterSeq: number, limit: number): Promise<MessageRecord[]>;
  findDedupe(conversationId: string, clientMessageId: string): Promise<DedupeRecord | null>;

  /**
   * Everything a turn reads, in one call: the conversation (null when there is none), the
   * dedupe hit of `clientMessageId` (none asked when null) and the last `recent` messages.
   */
  loadTurn(conversationId: string, clientMessageId: string | null, recent: number): Promise<TurnLoad | null>;

  /** The value of a named counter (receipt numbers per day): 0 until a turn claims 1. */
  getCounter(name: string): Promise<number>;
}
