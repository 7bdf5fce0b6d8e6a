import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  GridFSBucket,
  MongoClient,
  MongoRuntimeError,
  MongoServerError,
  type AnyBulkWriteOperation,
  type ClientSession,
  type Collection,
  type Db,
  type Document,
  type Filter,
  type TransactionOptions,
} from "mongodb";
import type { Dossier } from "../../dossier/dossier";
import { restoreState, type ConversationState, type ConversationStatus } from "../../engine/conversationState";
import type {
  AccountChange,
  AuditRecord,
  ConsoleStore,
  ConversationRecord,
  CounterClaim,
  DedupeRecord,
  MessageRecord,
  NoteRecord,
  SessionRecord,
  Store,
  TurnCommit,
  TurnWrite,
  UploadRecord,
  UserRecord,
} from "../store";
import {
  assertIsoInstant,
  assertTurnConsistent,
  assertUploadId,
  assertUploadMatches,
  conversationNotFound,
  dossierCodeTaken,
  listLimit,
  messageWindow,
  normalizeUsername,
  sessionExpired,
  statusFilter,
  storeNotOpen,
  unitFilter,
  uploadExists,
  userExists,
  usernameTaken,
} from "../storeChecks";
import { dossierSearch, dossierSearchKeys } from "../dossierSearch";

export interface MongoStoreOptions {
  /** A `mongodb://` or `mongodb+srv://` connection string to a replica set. */
  uri: string;
  /**
   * The database to use.
   * @default the database named in `uri`, else "khai_ho"
   */
  dbName?: string;
}

/** The database used when neither `dbName` nor the URI names one. */
export const DEFAULT_MONGO_DB_NAME = "khai_ho";

const UPLOADS_BUCKET = "uploads";
/** Named, so a duplicate key error can be told apart from one on `_id` by its message. */
const USERNAME_INDEX = "username_unique";
const DUPLICATE_KEY = 11000;

/**
 * Bounded waits, so an outage or a primary step-down turns into an error the caller can retry
 * (the dedupe key makes the retry safe) instead of a request that hangs.
 */
const SERVER_SELECTION_TIMEOUT_MS = 5_000;
const WRITE_TIMEOUT_MS = 10_000;

const TRANSACTION_OPTIONS: TransactionOptions = {
  readConcern: { level: "snapshot" },
  writeConcern: { w: "majority", wtimeoutMS: WRITE_TIMEOUT_MS },
  readPreference: "primary",
  maxCommitTimeMS: WRITE_TIMEOUT_MS,
};

interface ConversationDoc {
  _id: string;
  tokenHash: string;
  channel: ConversationRecord["channel"];
  locale: ConversationRecord["locale"];
  unitId: string | null;
  state: ConversationState;
  status: ConversationRecord["status"];
  procedureId: string | null;
  lastSeq: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

type MessageDoc = Omit<MessageRecord, "id"> & { _id: string };

interface DossierDoc {
  /** The receipt code: `_id` is the unique index on it. */
  _id: string;
  conversationId: string;
  status: Dossier["status"];
  dossier: Dossier;
  createdAt: string;
  updatedAt: string;
  /**
   * Copied out of `dossier` when it is written, for the console's list and search (see
   * `dossierSearchKeys`). Missing only on documents of earlier releases until `open()` fills them in.
   */
  unitId?: string | null;
  searchKeys?: string[];
}

interface CounterDoc {
  _id: string;
  value: number;
}

type UserDoc = Omit<UserRecord, "id"> & { _id: string };

interface SessionDoc {
  /** The session secret's hash. */
  _id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  /** A Date, not a string: the TTL index only removes documents whose field is a BSON date. */
  expiresAt: Date;
}

type AuditDoc = Omit<AuditRecord, "id"> & { _id: string };
type NoteDoc = Omit<NoteRecord, "id"> & { _id: string };
type AccountChangeDoc = Omit<AccountChange, "seq"> & { _id: number };

interface Opened {
  client: MongoClient;
  db: Db;
  conversations: Collection<ConversationDoc>;
  messages: Collection<MessageDoc>;
  dedupe: Collection<DedupeRecord>;
  dossiers: Collection<DossierDoc>;
  counters: Collection<CounterDoc>;
  uploads: GridFSBucket;
  users: Collection<UserDoc>;
  sessions: Collection<SessionDoc>;
  audit: Collection<AuditDoc>;
  notes: Collection<NoteDoc>;
  accountChanges: Collection<AccountChangeDoc>;
}

/** Thrown inside the transaction to abort it when the dedupe key is taken by a concurrent turn. */
class DedupeKeyTaken extends Error {}

/** Thrown inside the transaction to abort it when another turn took the counter value claimed. */
class CounterClaimLost extends Error {}

/**
 * The MongoDB store, used when `MONGODB_URI` is set: shared by every node behind the proxy.
 * Conversations carry a `version` for optimistic concurrency, a turn is one multi-document
 * transaction, every write waits for `w: "majority"`, and uploads live in the GridFS bucket
 * `uploads`.
 *
 * Requires a replica set (a single-node one is enough: `mongod --replSet rs0`, then
 * `rs.initiate()`): a standalone server refuses the transactions `commitTurn` runs in.
 *
 * Every query filter is built here from strings and numbers cast with `String()`/`Number()`;
 * no object from a request ever reaches a filter, so `{"$ne": null}` cannot turn an equality
 * into a match-all.
 *
 * @example
 * const store = new MongoStore({ uri: "mongodb://db1,db2,db3/?replicaSet=rs0", dbName: "khai_ho" });
 * await store.open();
 * const result = await store.commitTurn({ conversationId, expectedVersion: 3, state, messages, dedupe, dossier: null });
 * if (!result.ok && result.reason === "conflict") {
 *   // another node got there first: reload the conversation and run the turn again
 * }
 * await store.close();
 */
export class MongoStore implements Store, ConsoleStore {
  private readonly uri: string;
  private readonly dbName: string;
  private opened: Opened | null = null;
  private opening: Promise<Opened> | null = null;

  constructor(options: MongoStoreOptions) {
    this.uri = options.uri;
    this.dbName = options.dbName ?? databaseInUri(options.uri) ?? DEFAULT_MONGO_DB_NAME;
  }

  /**
   * Connects and creates the indexes if missing. Idempotent.
   *
   * @example
   * await store.open();
   * await store.open(); // no-op
   */
  async open(): Promise<void> {
    if (this.opened) return;
    this.opening ??= this.connect().finally(() => {
      this.opening = null;
    });
    this.opened = await this.opening;
  }

  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = null;
    await opened?.client.close();
  }

  async ping(): Promise<boolean> {
    try {
      const answer = await this.opened?.db.command({ ping: 1 });
      return answer?.ok === 1;
    } catch {
      return false;
    }
  }

  async createConversation(record: ConversationRecord): Promise<void> {
    await this.ensureOpen().conversations.insertOne({
      _id: String(record.id),
      tokenHash: String(record.tokenHash),
      channel: record.channel,
      locale: record.locale,
      unitId: record.unitId,
      state: record.state,
      status: record.status,
      procedureId: record.procedureId,
      lastSeq: Number(record.lastSeq),
      version: Number(record.version),
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    });
  }

  async getConversation(id: string): Promise<ConversationRecord | null> {
    const doc = await this.ensureOpen().conversations.findOne({ _id: String(id) });
    return doc ? toConversation(doc) : null;
  }

  async findConversationByTokenHash(tokenHash: string): Promise<ConversationRecord | null> {
    const doc = await this.ensureOpen().conversations.findOne({ tokenHash: String(tokenHash) });
    return doc ? toConversation(doc) : null;
  }

  /**
   * Writes the turn in one transaction: a repeated client message id answers `duplicate`, a
   * stale `expectedVersion` answers `conflict`, and any other failure aborts everything and is
   * thrown. Two turns racing on one conversation collide on its document; the driver retries
   * the loser, which then sees the new version and answers `conflict`.
   *
   * @example
   * const result = await store.commitTurn(write);
   * if (!result.ok && result.reason === "duplicate") ack(result.dedupe);
   */
  async commitTurn(write: TurnWrite): Promise<TurnCommit> {
    assertTurnConsistent(write);
    const opened = this.ensureOpen();
    const conversationId = String(write.conversationId);
    const now = new Date().toISOString();
    const session = opened.client.startSession();
    let outcome: TurnCommit;
    try {
      outcome = await session.withTransaction(
        (transaction) => commitTurnIn(opened, transaction, write, now),
        TRANSACTION_OPTIONS,
      );
    } catch (error) {
      if (error instanceof CounterClaimLost) return { ok: false, reason: "conflict" };
      if (error instanceof DedupeKeyTaken && write.dedupe) {
        const stored = await this.findDedupe(conversationId, write.dedupe.clientMessageId);
        if (stored) return { ok: false, reason: "duplicate", dedupe: stored };
      }
      throw error;
    } finally {
      await session.endSession();
    }
    if (!outcome.ok && outcome.reason === "conflict") {
      const exists = await opened.conversations.countDocuments({ _id: conversationId }, { limit: 1 });
      if (exists === 0) throw conversationNotFound(conversationId);
    }
    return outcome;
  }

  async listMessages(conversationId: string, afterSeq: number, limit: number): Promise<MessageRecord[]> {
    const window = messageWindow(afterSeq, limit);
    // limit(0) means "no limit" to MongoDB.
    if (window.limit === 0) return [];
    const docs = await this.ensureOpen()
      .messages.find({ conversationId: String(conversationId), seq: { $gt: window.afterSeq } })
      .sort({ seq: 1 })
      .limit(window.limit)
      .toArray();
    return docs.map(toMessage);
  }

  async findDedupe(conversationId: string, clientMessageId: string): Promise<DedupeRecord | null> {
    const doc = await this.ensureOpen().dedupe.findOne({
      conversationId: String(conversationId),
      clientMessageId: String(clientMessageId),
    });
    return doc ? toDedupe(doc) : null;
  }

  /**
   * The longest-waiting first; conversations updated at the same instant come in id order, as
   * in SQLite.
   *
   * @example
   * const queue = await store.listConversations({ unitIds: clerk.unitIds, statuses: ["waiting_clerk"], limit: 100 });
   */
  async listConversations(filter: {
    unitIds: readonly string[] | null;
    statuses: readonly ConversationStatus[];
    limit: number;
  }): Promise<ConversationRecord[]> {
    const max = listLimit(filter.limit);
    const units = unitFilter(filter.unitIds);
    const statuses = statusFilter(filter.statuses) as ConversationStatus[];
    // limit(0) means "no limit" to MongoDB.
    if (max === 0 || statuses.length === 0 || units?.length === 0) return [];
    const query: Filter<ConversationDoc> = { status: { $in: statuses } };
    if (units !== null) query.unitId = { $in: units };
    const docs = await this.ensureOpen().conversations.find(query).sort({ updatedAt: 1, _id: 1 }).limit(max).toArray();
    return docs.map(toConversation);
  }

  async getDossier(code: string): Promise<Dossier | null> {
    return (await this.getDossierOwner(code))?.dossier ?? null;
  }

  async getDossierOwner(code: string): Promise<{ dossier: Dossier; conversationId: string } | null> {
    const doc = await this.ensureOpen().dossiers.findOne({ _id: String(code) });
    return doc ? { dossier: doc.dossier, conversationId: doc.conversationId } : null;
  }

  /**
   * Newest first (by creation; the same instant in descending code order, as in SQLite). A
   * search is an exact match on the indexed `searchKeys`, filled when each dossier is written;
   * the keys are built from the query as plain strings, never from the query's own structure.
   *
   * @example
   * const found = await store.listDossiers({ unitIds: clerk.unitIds, query: "+84 912 345 678", limit: 50 });
   */
  async listDossiers(filter: {
    unitIds: readonly string[] | null;
    query?: string;
    limit: number;
  }): Promise<{ dossier: Dossier; conversationId: string }[]> {
    const max = listLimit(filter.limit);
    const units = unitFilter(filter.unitIds);
    // limit(0) means "no limit" to MongoDB.
    if (max === 0 || units?.length === 0) return [];
    const search = dossierSearch(filter.query);
    const query: Filter<DossierDoc> = {};
    if (units !== null) query.unitId = { $in: units };
    if (search) {
      const matches: Filter<DossierDoc>[] = [{ searchKeys: search.code }];
      if (search.phone) matches.push({ searchKeys: search.phone });
      if (search.names.length > 0) matches.push({ searchKeys: { $all: search.names } });
      query.$or = matches;
    }
    const docs = await this.ensureOpen()
      .dossiers.find(query, { projection: { dossier: 1, conversationId: 1 } })
      .sort({ createdAt: -1, _id: -1 })
      .limit(max)
      .toArray();
    return docs.map((doc) => ({ dossier: doc.dossier, conversationId: doc.conversationId }));
  }

  async getCounter(name: string): Promise<number> {
    return (await this.ensureOpen().counters.findOne({ _id: String(name) }))?.value ?? 0;
  }

  /**
   * Streams the bytes into GridFS under the upload id as file name; the file document, written
   * after the last chunk, is what makes an upload visible, so a crash mid-upload leaves nothing
   * reachable.
   *
   * @example
   * await store.saveUpload({ id, conversationId, mimeType: "application/pdf", size: bytes.length, createdAt }, bytes);
   */
  async saveUpload(record: UploadRecord, bytes: Buffer): Promise<void> {
    assertUploadMatches(record, bytes);
    const opened = this.ensureOpen();
    const conversationId = String(record.conversationId);
    if ((await opened.conversations.countDocuments({ _id: conversationId }, { limit: 1 })) === 0) {
      throw conversationNotFound(conversationId);
    }
    if ((await opened.uploads.find({ filename: record.id }).limit(1).toArray()).length > 0) throw uploadExists(record.id);
    const stream = opened.uploads.openUploadStream(record.id, {
      metadata: { conversationId, mimeType: record.mimeType, size: record.size, createdAt: record.createdAt },
    });
    try {
      await pipeline(Readable.from([bytes]), stream);
    } catch (error) {
      // The unique index on the file name refused the file document (a concurrent save of the
      // same id): its chunks were written under a file id nothing points to.
      // Best effort: left behind, those chunks are unreachable rather than wrong.
      await opened.db
        .collection(`${UPLOADS_BUCKET}.chunks`)
        .deleteMany({ files_id: stream.id })
        .catch(() => undefined);
      if (isDuplicateKey(error)) throw uploadExists(record.id);
      throw error;
    }
  }

  async getUpload(id: string): Promise<{ record: UploadRecord; bytes: Buffer } | null> {
    assertUploadId(id);
    const { uploads } = this.ensureOpen();
    const [file] = await uploads.find({ filename: id }).limit(1).toArray();
    if (!file) return null;
    const metadata: Document = file.metadata ?? {};
    const chunks: Buffer[] = [];
    for await (const chunk of uploads.openDownloadStream(file._id)) chunks.push(chunk as Buffer);
    return {
      record: {
        id: file.filename,
        conversationId: String(metadata.conversationId),
        mimeType: String(metadata.mimeType) as UploadRecord["mimeType"],
        size: Number(metadata.size),
        createdAt: String(metadata.createdAt),
      },
      bytes: Buffer.concat(chunks),
    };
  }

  // Upload retention and quota.

  async uploadUsage(conversationId: string): Promise<{ files: number; bytes: number }> {
    const { db } = this.ensureOpen();
    const [usage] = await db
      .collection(`${UPLOADS_BUCKET}.files`)
      .aggregate<{ files: number; bytes: number }>([
        { $match: { "metadata.conversationId": String(conversationId) } },
        { $group: { _id: null, files: { $sum: 1 }, bytes: { $sum: "$length" } } },
      ])
      .toArray();
    return { files: usage?.files ?? 0, bytes: usage?.bytes ?? 0 };
  }

  /**
   * Deletes through GridFS (the file document first, then its chunks): a crash in between leaves
   * chunks no file names, unreachable.
   *
   * @example
   * await store.deleteUnattachedUploads(new Date(Date.now() - 60 * 60_000).toISOString()); // 2
   */
  async deleteUnattachedUploads(olderThan: string): Promise<number> {
    assertIsoInstant(olderThan, "olderThan");
    const { uploads, messages } = this.ensureOpen();
    const old = await uploads.find({ "metadata.createdAt": { $lt: olderThan } }, { projection: { filename: 1, metadata: 1 } }).toArray();
    let deleted = 0;
    for (const file of old) {
      const conversationId = String(file.metadata?.conversationId);
      if ((await messages.countDocuments({ conversationId, attachmentId: file.filename }, { limit: 1 })) > 0) continue;
      try {
        await uploads.delete(file._id);
        deleted += 1;
      } catch (error) {
        // Deleted meanwhile by another node's sweep.
        if (!(error instanceof MongoRuntimeError && /File not found/i.test(error.message))) throw error;
      }
    }
    return deleted;
  }

  /**
   * Stores a console user with the username lower case.
   *
   * @example
   * await store.createUser({ id, username: "lan.nguyen", displayName: "Nguyễn Thị Lan", role: "clerk", unitIds: ["an-thanh"],
   *   passwordHash: await hashPassword(password), disabled: false, mustChangePassword: true, createdAt: now, updatedAt: now });
   */
  async createUser(user: UserRecord): Promise<void> {
    try {
      await this.ensureOpen().users.insertOne(toUserDoc(user));
    } catch (error) {
      throw userWriteError(error, user);
    }
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const doc = await this.ensureOpen().users.findOne({ _id: String(id) });
    return doc ? toUser(doc) : null;
  }

  /** Case-insensitive: "Lan.Nguyen" finds "lan.nguyen". */
  async getUserByUsername(username: string): Promise<UserRecord | null> {
    const doc = await this.ensureOpen().users.findOne({ username: normalizeUsername(username) });
    return doc ? toUser(doc) : null;
  }

  /**
   * Replaces every field of the user with that id, the username included (still unique).
   *
   * @example
   * if (!(await store.updateUser({ ...user, disabled: true, updatedAt: now }))) throw new Error("no such user");
   */
  async updateUser(user: UserRecord): Promise<boolean> {
    const { _id, ...fields } = toUserDoc(user);
    try {
      const result = await this.ensureOpen().users.replaceOne({ _id }, fields);
      return result.matchedCount > 0;
    } catch (error) {
      throw userWriteError(error, user);
    }
  }

  async listUsers(): Promise<UserRecord[]> {
    const docs = await this.ensureOpen().users.find({}).sort({ username: 1 }).toArray();
    return docs.map(toUser);
  }

  async countUsers(): Promise<number> {
    return this.ensureOpen().users.countDocuments({});
  }

  async createSession(session: SessionRecord): Promise<void> {
    assertIsoInstant(session.expiresAt, "session expiresAt");
    await this.ensureOpen().sessions.insertOne({
      _id: String(session.idHash),
      userId: String(session.userId),
      csrfToken: String(session.csrfToken),
      createdAt: session.createdAt,
      expiresAt: new Date(session.expiresAt),
    });
  }

  /** Null for an unknown session and for one past its `expiresAt`, whether or not the TTL monitor has removed it yet. */
  async getSession(idHash: string): Promise<SessionRecord | null> {
    const doc = await this.ensureOpen().sessions.findOne({ _id: String(idHash) });
    if (!doc) return null;
    const session: SessionRecord = {
      idHash: doc._id,
      userId: doc.userId,
      csrfToken: doc.csrfToken,
      createdAt: doc.createdAt,
      expiresAt: doc.expiresAt.toISOString(),
    };
    return sessionExpired(session, new Date()) ? null : session;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.ensureOpen().sessions.deleteOne({ _id: String(idHash) });
  }

  async deleteSessionsOfUser(userId: string): Promise<void> {
    await this.ensureOpen().sessions.deleteMany({ userId: String(userId) });
  }

  /**
   * @example
   * await store.appendAudit({ id, at: now, actorId: clerk.id, action: "dossier.patch", dossierCode, detail: { field: "ngaySinh" } });
   */
  async appendAudit(entry: AuditRecord): Promise<void> {
    assertIsoInstant(entry.at, `audit entry ${String(entry.id)} at`);
    const doc: AuditDoc = { _id: String(entry.id), at: entry.at, actorId: String(entry.actorId), action: String(entry.action) };
    if (entry.conversationId !== undefined) doc.conversationId = String(entry.conversationId);
    if (entry.dossierCode !== undefined) doc.dossierCode = String(entry.dossierCode);
    if (entry.detail !== undefined) doc.detail = entry.detail;
    await this.ensureOpen().audit.insertOne(doc);
  }

  /**
   * The newest entries matching every given filter, at most `limit` (nothing for a limit of 0
   * or less). Entries of the same instant come in descending id order, as in SQLite.
   *
   * @example
   * const trail = await store.listAudit({ dossierCode: "HN-20260302-0001" }, 50);
   */
  async listAudit(filter: { actorId?: string; conversationId?: string; dossierCode?: string }, limit: number): Promise<AuditRecord[]> {
    const max = listLimit(limit);
    // limit(0) means "no limit" to MongoDB.
    if (max === 0) return [];
    const query: { actorId?: string; conversationId?: string; dossierCode?: string } = {};
    if (filter.actorId !== undefined) query.actorId = String(filter.actorId);
    if (filter.conversationId !== undefined) query.conversationId = String(filter.conversationId);
    if (filter.dossierCode !== undefined) query.dossierCode = String(filter.dossierCode);
    const docs = await this.ensureOpen().audit.find(query).sort({ at: -1, _id: -1 }).limit(max).toArray();
    return docs.map(toAudit);
  }

  /**
   * @example
   * await store.appendNote({ id, conversationId, authorId: clerk.id, authorName: "Nguyễn Thị Lan", text: "Đã gọi lại", at: now });
   */
  async appendNote(note: NoteRecord): Promise<void> {
    assertIsoInstant(note.at, `note ${String(note.id)} at`);
    await this.ensureOpen().notes.insertOne({
      _id: String(note.id),
      conversationId: String(note.conversationId),
      authorId: String(note.authorId),
      authorName: String(note.authorName),
      text: String(note.text),
      at: note.at,
    });
  }

  async listNotes(conversationId: string, limit: number): Promise<NoteRecord[]> {
    const max = listLimit(limit);
    // limit(0) means "no limit" to MongoDB.
    if (max === 0) return [];
    const docs = await this.ensureOpen().notes.find({ conversationId: String(conversationId) }).sort({ at: -1, _id: -1 }).limit(max).toArray();
    return docs.reverse().map(({ _id, ...rest }) => ({ id: _id, ...rest }));
  }

  // Account changes.

  /**
   * The number comes from a counter before the insert, so two changes made at the same instant
   * may land out of order; a node reading between them would skip the first. Accounts are
   * changed by hand, one command at a time, which makes that window theoretical.
   */
  async appendAccountChange(userId: string, at: string): Promise<number> {
    assertIsoInstant(at, `account change of ${String(userId)} at`);
    const counter = await this.ensureOpen().counters.findOneAndUpdate({ _id: "accountChanges" }, { $inc: { value: 1 } }, { upsert: true, returnDocument: "after" });
    const seq = counter!.value;
    await this.ensureOpen().accountChanges.insertOne({ _id: seq, userId: String(userId), at });
    return seq;
  }

  async listAccountChanges(afterSeq: number, limit: number): Promise<AccountChange[]> {
    const max = listLimit(limit);
    if (max === 0) return [];
    const docs = await this.ensureOpen().accountChanges.find({ _id: { $gt: Number(afterSeq) || 0 } }).sort({ _id: 1 }).limit(max).toArray();
    return docs.map(({ _id, ...rest }) => ({ seq: _id, ...rest }));
  }

  private ensureOpen(): Opened {
    if (!this.opened) throw storeNotOpen();
    return this.opened;
  }

  private async connect(): Promise<Opened> {
    const client = new MongoClient(this.uri, {
      writeConcern: { w: "majority", wtimeoutMS: WRITE_TIMEOUT_MS },
      // Drop `undefined` properties like JSON.stringify does, so both adapters return the same
      // objects (BSON would otherwise store them as null).
      ignoreUndefined: true,
      serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS,
    });
    await client.connect();
    try {
      const db = client.db(this.dbName);
      const opened: Opened = {
        client,
        db,
        conversations: db.collection<ConversationDoc>("conversations"),
        messages: db.collection<MessageDoc>("messages"),
        dedupe: db.collection<DedupeRecord>("dedupe"),
        dossiers: db.collection<DossierDoc>("dossiers"),
        counters: db.collection<CounterDoc>("counters"),
        uploads: new GridFSBucket(db, { bucketName: UPLOADS_BUCKET, writeConcern: { w: "majority", wtimeoutMS: WRITE_TIMEOUT_MS } }),
        users: db.collection<UserDoc>("users"),
        sessions: db.collection<SessionDoc>("sessions"),
        audit: db.collection<AuditDoc>("audit"),
        notes: db.collection<NoteDoc>("notes"),
        accountChanges: db.collection<AccountChangeDoc>("accountChanges"),
      };
      // Creating the indexes also creates the collections, which a transaction cannot always do
      // (sharded clusters, servers before 4.4).
      await Promise.all([
        opened.conversations.createIndex({ tokenHash: 1 }, { unique: true, name: "tokenHash_unique" }),
        opened.messages.createIndex({ conversationId: 1, seq: 1 }, { unique: true, name: "conversation_seq_unique" }),
        opened.dedupe.createIndex(
          { conversationId: 1, clientMessageId: 1 },
          { unique: true, name: "conversation_clientMessage_unique" },
        ),
        opened.dossiers.createIndex({ conversationId: 1 }, { name: "conversation" }),
        // `_id` last, as for the audit: the lists sort by (time, _id).
        opened.conversations.createIndex({ status: 1, unitId: 1, updatedAt: 1, _id: 1 }, { name: "status_unit_updatedAt" }),
        opened.dossiers.createIndex({ unitId: 1, createdAt: -1, _id: -1 }, { name: "unit_createdAt" }),
        opened.dossiers.createIndex({ createdAt: -1, _id: -1 }, { name: "createdAt" }),
        opened.dossiers.createIndex({ searchKeys: 1 }, { name: "searchKeys" }),
        db
          .collection(`${UPLOADS_BUCKET}.files`)
          .createIndex({ filename: 1 }, { unique: true, name: "upload_id_unique" }),
        db.collection(`${UPLOADS_BUCKET}.chunks`).createIndex({ files_id: 1, n: 1 }, { unique: true, name: "files_id_1_n_1" }),
        // Quota per conversation, and the sweep of old unattached uploads.
        db.collection(`${UPLOADS_BUCKET}.files`).createIndex({ "metadata.conversationId": 1 }, { name: "upload_conversation" }),
        db.collection(`${UPLOADS_BUCKET}.files`).createIndex({ "metadata.createdAt": 1 }, { name: "upload_createdAt" }),
        opened.users.createIndex({ username: 1 }, { unique: true, name: USERNAME_INDEX }),
        opened.sessions.createIndex({ userId: 1 }, { name: "user" }),
        // The TTL monitor runs once a minute, so getSession still checks the time itself.
        opened.sessions.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0, name: "expiresAt_ttl" }),
        // `_id` last: listAudit sorts by (at, _id), and the index then hands documents over in that order.
        opened.audit.createIndex({ actorId: 1, at: -1, _id: -1 }, { name: "actor_at" }),
        opened.audit.createIndex({ conversationId: 1, at: -1, _id: -1 }, { name: "conversation_at" }),
        opened.audit.createIndex({ dossierCode: 1, at: -1, _id: -1 }, { name: "dossier_at" }),
        opened.audit.createIndex({ at: -1, _id: -1 }, { name: "at" }),
        opened.notes.createIndex({ conversationId: 1, at: -1, _id: -1 }, { name: "conversation_at" }),
      ]);
      await backfillDossierSearch(opened.dossiers);
      return opened;
    } catch (error) {
      await client.close();
      throw error;
    }
  }
}

async function commitTurnIn(opened: Opened, session: ClientSession, write: TurnWrite, now: string): Promise<TurnCommit> {
  const conversationId = String(write.conversationId);
  const expectedVersion = Number(write.expectedVersion);
  if (write.dedupe) {
    const stored = await opened.dedupe.findOne(
      { conversationId, clientMessageId: String(write.dedupe.clientMessageId) },
      { session },
    );
    if (stored) {
      await session.abortTransaction();
      return { ok: false, reason: "duplicate", dedupe: toDedupe(stored) };
    }
  }
  const lastSeq = write.messages.length > 0 ? Math.max(...write.messages.map((message) => Number(message.seq))) : null;
  const updated = await opened.conversations.updateOne(
    { _id: conversationId, version: expectedVersion },
    {
      $set: {
        state: write.state,
        status: write.state.status,
        procedureId: write.state.flowId,
        locale: write.state.locale,
        unitId: write.state.unitId,
        updatedAt: now,
        ...(lastSeq === null ? {} : { lastSeq }),
      },
      $inc: { version: 1 },
    },
    { session },
  );
  if (updated.matchedCount === 0) {
    await session.abortTransaction();
    return { ok: false, reason: "conflict" };
  }
  if (write.messages.length > 0) {
    await opened.messages.insertMany(write.messages.map(toMessageDoc), { session });
  }
  if (write.counterClaim) await claimCounter(opened, session, write.counterClaim);
  if (write.dedupe) {
    try {
      await opened.dedupe.insertOne({ ...toDedupe(write.dedupe), conversationId }, { session });
    } catch (error) {
      // Rethrown as a non-driver error, so withTransaction aborts instead of retrying.
      if (isDuplicateKey(error)) throw new DedupeKeyTaken();
      throw error;
    }
  }
  if (write.dossier) {
    const { dossier } = write;
    const code = String(dossier.code);
    try {
      // A later turn may change its own dossier; the conversation in the filter keeps one
      // conversation from overwriting another's dossier through a reused code (the upsert then
      // collides on `_id`).
      await opened.dossiers.updateOne(
        { _id: code, conversationId },
        {
          $set: {
            status: dossier.status,
            dossier,
            updatedAt: dossier.updatedAt,
            unitId: dossierUnit(dossier),
            searchKeys: dossierSearchKeys(dossier),
          },
          $setOnInsert: { createdAt: dossier.createdAt },
        },
        { upsert: true, session },
      );
    } catch (error) {
      if (isDuplicateKey(error)) throw dossierCodeTaken(code);
      throw error;
    }
  }
  return { ok: true, version: expectedVersion + 1 };
}

/**
 * Takes the claimed value if the counter still stands just below it. A concurrent claim of the
 * same value collides on the counter's document; the driver retries the loser, which then
 * finds the counter moved on.
 */
async function claimCounter(opened: Opened, session: ClientSession, claim: CounterClaim): Promise<void> {
  const name = String(claim.name);
  const value = Number(claim.value);
  if (value === 1) {
    try {
      await opened.counters.insertOne({ _id: name, value }, { session });
    } catch (error) {
      // Rethrown as a non-driver error, so withTransaction aborts instead of retrying.
      if (isDuplicateKey(error)) throw new CounterClaimLost();
      throw error;
    }
    return;
  }
  const claimed = await opened.counters.updateOne({ _id: name, value: value - 1 }, { $set: { value } }, { session });
  if (claimed.matchedCount === 0) throw new CounterClaimLost();
}

function dossierUnit(dossier: Dossier): string | null {
  return dossier.unitId === null || dossier.unitId === undefined ? null : String(dossier.unitId);
}

const BACKFILL_BATCH = 500;

/**
 * Gives dossiers written by earlier releases the unit and search keys that commitTurn now
 * writes. Idempotent, so several nodes opening at once only repeat each other; the filter on
 * `updatedAt` leaves alone a dossier rewritten since it was read.
 */
async function backfillDossierSearch(dossiers: Collection<DossierDoc>): Promise<void> {
  const cursor = dossiers.find({ searchKeys: { $exists: false } }, { projection: { dossier: 1, updatedAt: 1 } });
  let batch: AnyBulkWriteOperation<DossierDoc>[] = [];
  for await (const doc of cursor) {
    batch.push({
      updateOne: {
        filter: { _id: doc._id, updatedAt: doc.updatedAt, searchKeys: { $exists: false } },
        update: { $set: { unitId: dossierUnit(doc.dossier), searchKeys: dossierSearchKeys(doc.dossier) } },
      },
    });
    if (batch.length >= BACKFILL_BATCH) {
      await dossiers.bulkWrite(batch, { ordered: false });
      batch = [];
    }
  }
  if (batch.length > 0) await dossiers.bulkWrite(batch, { ordered: false });
}

function toConversation(doc: ConversationDoc): ConversationRecord {
  return {
    id: doc._id,
    tokenHash: doc.tokenHash,
    channel: doc.channel,
    locale: doc.locale,
    unitId: doc.unitId,
    state: restoreState(doc.state),
    status: doc.status,
    procedureId: doc.procedureId,
    lastSeq: doc.lastSeq,
    version: doc.version,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

function toMessageDoc(message: MessageRecord): MessageDoc {
  const { id, ...rest } = message;
  return { ...rest, _id: String(id), conversationId: String(message.conversationId), seq: Number(message.seq) };
}

function toMessage(doc: MessageDoc): MessageRecord {
  const message: MessageRecord = {
    id: doc._id,
    conversationId: doc.conversationId,
    seq: doc.seq,
    author: doc.author,
    text: doc.text,
    at: doc.at,
  };
  if (doc.choices !== undefined) message.choices = doc.choices;
  if (doc.input !== undefined) message.input = doc.input;
  if (doc.progress !== undefined) message.progress = doc.progress;
  if (doc.clientMessageId !== undefined) message.clientMessageId = doc.clientMessageId;
  if (doc.choice !== undefined) message.choice = doc.choice;
  if (doc.attachmentId !== undefined) message.attachmentId = doc.attachmentId;
  return message;
}

/** Also drops the `_id` MongoDB adds, which is not part of the record. */
function toDedupe(doc: DedupeRecord): DedupeRecord {
  return {
    conversationId: String(doc.conversationId),
    clientMessageId: String(doc.clientMessageId),
    contentHash: doc.contentHash,
    messageId: doc.messageId,
    seq: Number(doc.seq),
    at: doc.at,
  };
}

function toUserDoc(user: UserRecord): UserDoc {
  return {
    _id: String(user.id),
    username: normalizeUsername(user.username),
    displayName: String(user.displayName),
    role: String(user.role) as UserRecord["role"],
    unitIds: user.unitIds.map(String),
    passwordHash: String(user.passwordHash),
    disabled: Boolean(user.disabled),
    mustChangePassword: Boolean(user.mustChangePassword),
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

function toUser(doc: UserDoc): UserRecord {
  return {
    id: doc._id,
    username: doc.username,
    displayName: doc.displayName,
    role: doc.role,
    unitIds: [...doc.unitIds],
    passwordHash: doc.passwordHash,
    disabled: doc.disabled,
    mustChangePassword: doc.mustChangePassword,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** The unique index, not a read before the write, decides: the CLI may write at the same time. */
function userWriteError(error: unknown, user: UserRecord): unknown {
  if (!isDuplicateKey(error)) return error;
  const { keyPattern, message } = error as MongoServerError;
  const onUsername = (keyPattern as Document | undefined)?.username !== undefined || message.includes(USERNAME_INDEX);
  return onUsername ? usernameTaken(normalizeUsername(user.username)) : userExists(String(user.id));
}

function toAudit(doc: AuditDoc): AuditRecord {
  const entry: AuditRecord = { id: doc._id, at: doc.at, actorId: doc.actorId, action: doc.action };
  if (doc.conversationId !== undefined) entry.conversationId = doc.conversationId;
  if (doc.dossierCode !== undefined) entry.dossierCode = doc.dossierCode;
  if (doc.detail !== undefined) entry.detail = doc.detail;
  return entry;
}

function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/** The database in a connection string's path (`mongodb://host/khai_ho?…`), if any. */
function databaseInUri(uri: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]+)/.exec(uri);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}
