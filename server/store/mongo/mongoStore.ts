import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  GridFSBucket,
  MongoClient,
  MongoServerError,
  type ClientSession,
  type Collection,
  type Db,
  type Document,
  type TransactionOptions,
} from "mongodb";
import type { Dossier } from "../../dossier/dossier";
import { restoreState, type ConversationState } from "../../engine/conversationState";
import type {
  ConversationRecord,
  DedupeRecord,
  MessageRecord,
  Store,
  TurnCommit,
  TurnWrite,
  UploadRecord,
} from "../store";
import {
  assertTurnConsistent,
  assertUploadId,
  assertUploadMatches,
  conversationNotFound,
  dossierCodeTaken,
  messageWindow,
  storeNotOpen,
  uploadExists,
} from "../storeChecks";

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
}

interface CounterDoc {
  _id: string;
  value: number;
}

interface Opened {
  client: MongoClient;
  db: Db;
  conversations: Collection<ConversationDoc>;
  messages: Collection<MessageDoc>;
  dedupe: Collection<DedupeRecord>;
  dossiers: Collection<DossierDoc>;
  counters: Collection<CounterDoc>;
  uploads: GridFSBucket;
}

/** Thrown inside the transaction to abort it when the dedupe key is taken by a concurrent turn. */
class DedupeKeyTaken extends Error {}

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
export class MongoStore implements Store {
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

  async getDossier(code: string): Promise<Dossier | null> {
    return (await this.getDossierOwner(code))?.dossier ?? null;
  }

  async getDossierOwner(code: string): Promise<{ dossier: Dossier; conversationId: string } | null> {
    const doc = await this.ensureOpen().dossiers.findOne({ _id: String(code) });
    return doc ? { dossier: doc.dossier, conversationId: doc.conversationId } : null;
  }

  async nextSequence(name: string): Promise<number> {
    const counters = this.ensureOpen().counters;
    // Concurrent upserts of a new counter can collide on `_id`; servers from 4.2 retry that
    // themselves, older ones hand the duplicate key error to the client.
    for (let attempt = 1; ; attempt += 1) {
      try {
        const doc = await counters.findOneAndUpdate(
          { _id: String(name) },
          { $inc: { value: 1 } },
          { upsert: true, returnDocument: "after" },
        );
        if (!doc) throw new Error(`STORE_COUNTER_FAILED: counter ${String(name)} returned no value`);
        return doc.value;
      } catch (error) {
        if (attempt < 3 && isDuplicateKey(error)) continue;
        throw error;
      }
    }
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
        db
          .collection(`${UPLOADS_BUCKET}.files`)
          .createIndex({ filename: 1 }, { unique: true, name: "upload_id_unique" }),
        db.collection(`${UPLOADS_BUCKET}.chunks`).createIndex({ files_id: 1, n: 1 }, { unique: true, name: "files_id_1_n_1" }),
      ]);
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
          $set: { status: dossier.status, dossier, updatedAt: dossier.updatedAt },
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

function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/** The database in a connection string's path (`mongodb://host/khai_ho?…`), if any. */
function databaseInUri(uri: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]+)/.exec(uri);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}
