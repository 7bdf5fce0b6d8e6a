import type { ConversationState, ConversationStatus } from "../engine/conversationState";
import type { Choice, ExpectedInput, Progress } from "../engine/engineIO";
import type { Locale } from "../engine/localized";
import type { Dossier } from "../dossier/dossier";

/** Who wrote a message of the transcript. */
export type MessageAuthor = "citizen" | "bot" | "clerk" | "system";

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

/** An uploaded document photo or scan; the bytes are kept under a server-generated name. */
export interface UploadRecord {
  id: string;
  conversationId: string;
  mimeType: "image/jpeg" | "image/png" | "application/pdf";
  size: number;
  createdAt: string;
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
}

/**
 * The next value of a named counter, taken by the turn that uses it: applied only while the
 * counter still stands at `value - 1` (absent counts as 0), otherwise the commit answers
 * `conflict` and the turn runs again with a fresh value. A turn that is not stored takes no
 * value, so the day's receipt numbers have no gap.
 */
export interface CounterClaim {
  name: string;
  value: number;
}

export type TurnCommit =
  | { ok: true; version: number }
  /** Another turn committed first (another tab, another node), or took the counter value claimed: reload and run the turn again. */
  | { ok: false; reason: "conflict" }
  /** This client message id was committed already: answer with the stored ack. */
  | { ok: false; reason: "duplicate"; dedupe: DedupeRecord };

/**
 * The only way the server reaches stored data. Two adapters implement it and pass one contract
 * suite (`test/store/storeContract.ts`): SQLite (`sqlite/`, the embedded default) and MongoDB
 * (`mongo/`, when `MONGODB_URI` is set). No behaviour exists in only one of them.
 */
export interface Store extends ConsoleStore {
  /** Creates the tables/collections and indexes if missing. Idempotent. */
  open(): Promise<void>;
  close(): Promise<void>;
  /** Whether the store answers (for `/ready`). */
  ping(): Promise<boolean>;

  createConversation(record: ConversationRecord): Promise<void>;
  getConversation(id: string): Promise<ConversationRecord | null>;
  findConversationByTokenHash(tokenHash: string): Promise<ConversationRecord | null>;

  /** The atomic write of one turn: state, messages, dedupe key and dossier, or nothing. */
  commitTurn(write: TurnWrite): Promise<TurnCommit>;

  /** Messages with `seq > afterSeq`, in order, at most `limit`. */
  listMessages(conversationId: string, afterSeq: number, limit: number): Promise<MessageRecord[]>;
  findDedupe(conversationId: string, clientMessageId: string): Promise<DedupeRecord | null>;

  /** Conversations of some units (null: every unit) in some statuses, the longest-waiting first (oldest updatedAt). */
  listConversations(filter: { unitIds: readonly string[] | null; statuses: readonly ConversationStatus[]; limit: number }): Promise<ConversationRecord[]>;

  getDossier(code: string): Promise<Dossier | null>;
  /** The dossier a conversation submitted, with the conversation's id, for access checks. */
  getDossierOwner(code: string): Promise<{ dossier: Dossier; conversationId: string } | null>;
  /**
   * Dossiers of some units (null: every unit), newest first, with their conversation id. `query`, when given,
   * matches a receipt code (whole, any case), a phone number (any written form, compared as digits after
   * normalising +84/84 to 0), or words of a person's name in the dossier's fields whose key ends in
   * "FullName" or "Name" (diacritic- and case-insensitive, every word of the query must appear).
   */
  listDossiers(filter: { unitIds: readonly string[] | null; query?: string; limit: number }): Promise<{ dossier: Dossier; conversationId: string }[]>;
  /** The value of a named counter (receipt numbers per day): 0 until a turn claims 1. */
  getCounter(name: string): Promise<number>;

  saveUpload(record: UploadRecord, bytes: Buffer): Promise<void>;
  getUpload(id: string): Promise<{ record: UploadRecord; bytes: Buffer } | null>;

  // Upload retention and quota.
  /** How many uploads a conversation has stored and their total size, for its quota. */
  uploadUsage(conversationId: string): Promise<{ files: number; bytes: number }>;
  /**
   * Deletes (record and bytes) the uploads created before `olderThan` (an ISO instant) that no
   * message of their conversation refers to; returns how many.
   */
  deleteUnattachedUploads(olderThan: string): Promise<number>;
}

/** Who may use the clerk console, and where. */
export type UserRole = "clerk" | "supervisor" | "admin";

export interface UserRecord {
  id: string;
  /** Lower case, unique. */
  username: string;
  displayName: string;
  role: UserRole;
  /** The units a clerk works for; supervisors and admins see every unit. */
  unitIds: string[];
  /** `scrypt$N$r$p$salt$hash` (see `server/console/passwordHash.ts`); never the password. */
  passwordHash: string;
  disabled: boolean;
  /** Set for a password someone else chose (the first admin's, one given by an admin). */
  mustChangePassword: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A console login: the cookie holds the secret, the store only its hash. */
export interface SessionRecord {
  /** SHA-256 (hex) of the session secret in the cookie. */
  idHash: string;
  userId: string;
  /** Sent back in a header with every state-changing request (double submit). */
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

/** One read or change of citizen data by a console user: who, what, when — no personal data. */
export interface AuditRecord {
  id: string;
  at: string;
  actorId: string;
  /** `dossier.read`, `dossier.patch`, `conversation.take`, `user.disable`… */
  action: string;
  conversationId?: string;
  dossierCode?: string;
  /** Field keys, units, counts — never values. */
  detail?: Record<string, string | number | boolean>;
}

/**
 * A note a clerk attaches to a conversation for the other clerks ("đã gọi lại, hẹn thứ Hai"):
 * never shown to the citizen. Its text may hold personal data, so it lives here, not in the audit log.
 */
export interface NoteRecord {
  id: string;
  conversationId: string;
  authorId: string;
  /** The clerk's display name when they wrote it. */
  authorName: string;
  text: string;
  at: string;
}

/** An account was disabled or its password set: every server node cuts off its open consoles. */
export interface AccountChange {
  /** Increasing, from 1. */
  seq: number;
  userId: string;
  at: string;
}

/** The console's part of the store: users, their sessions, the audit log, clerks' notes. */
export interface ConsoleStore {
  createUser(user: UserRecord): Promise<void>;
  getUser(id: string): Promise<UserRecord | null>;
  getUserByUsername(username: string): Promise<UserRecord | null>;
  /** Replaces the user's record (same id); false when there is no such user. */
  updateUser(user: UserRecord): Promise<boolean>;
  listUsers(): Promise<UserRecord[]>;
  countUsers(): Promise<number>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | null>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends every session of a user (disabled, password changed). Times are `Date#toISOString()` output. */
  deleteSessionsOfUser(userId: string): Promise<void>;

  appendAudit(entry: AuditRecord): Promise<void>;
  /** The newest entries first, at most `limit`. */
  listAudit(filter: { actorId?: string; conversationId?: string; dossierCode?: string }, limit: number): Promise<AuditRecord[]>;

  appendNote(note: NoteRecord): Promise<void>;
  /** A conversation's notes, oldest first (as they read in the console), the latest `limit` of them. */
  listNotes(conversationId: string, limit: number): Promise<NoteRecord[]>;

  // Account changes: the command line is another process, and the store is all it shares with
  // the servers; each node polls this log to act within a second.
  /** Records that an account changed (disabled, password set); returns the change's `seq`. */
  appendAccountChange(userId: string, at: string): Promise<number>;
  /** Changes with `seq > afterSeq`, oldest first, at most `limit`. */
  listAccountChanges(afterSeq: number, limit: number): Promise<AccountChange[]>;
}
