import type { ClientSession, Collection, Db, MongoClient, TransactionOptions } from "mongodb";
import { restoreState, type ConversationState } from "../../engine/conversationState";
import type {
  ConversationRecord,
  ConversationStore,
  CounterClaim,
  DedupeRecord,
  MessageRecord,
  TurnCommit,
  TurnLoad,
  TurnWrite,
} from "../conversationStore";
import { assertTurnConsistent, conversationNotFound, messageWindow } from "../storeChecks";
import { WhileOpen } from "../whileOpen";
import { isDuplicateKey } from "./isDuplicateKey";
import type { MongoReports } from "./mongoReports";
import type { MongoDossiers } from "./mongoDossiers";
import { MAJORITY, WRITE_TIMEOUT_MS } from "./mongoTimeouts";

const TRANSACTION_OPTIONS: TransactionOptions = {
  readConcern: { level: "snapshot" },
  writeConcern: MAJORITY,
  readPreference: "primary",
  maxCommitTimeMS: WRITE_TIMEOUT_MS,
};

export interface ConversationDoc {
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

export interface CounterDoc {
  _id: string;
  value: number;
}

interface Opened {
  client: MongoClient;
  conversations: Collection<ConversationDoc>;
  messages: Collection<MessageDoc>;
  dedupe: Collection<DedupeRecord>;
  counters: Collection<CounterDoc>;
}

/** Thrown inside the transaction to abort it when the dedupe key is taken by a concurrent turn. */
class DedupeKeyTaken extends Error {}

/** Thrown inside the transaction to abort it when another turn took the counter value claimed. */
class CounterClaimLost extends Error {}

/**
 * Conversations, messages, dedupe keys and counters in MongoDB, and the one multi-document
 * transaction a turn commits in (the dossier's part of it is written by `MongoDossiers`).
 */
export class MongoConversations implements ConversationStore {
  private readonly opened = new WhileOpen<Opened>();

  /** @param dossiers Writes a turn's dossier inside the turn's transaction. */
  constructor(
    private readonly dossiers: MongoDossiers,
    private readonly reports: MongoReports,
  ) {}

  attach(client: MongoClient, db: Db): void {
    this.opened.set({
      client,
      conversations: db.collection<ConversationDoc>("conversations"),
      messages: db.collection<MessageDoc>("messages"),
      dedupe: db.collection<DedupeRecord>("dedupe"),
      counters: db.collection<CounterDoc>("counters"),
    });
  }

  detach(): void {
    this.opened.clear();
  }

  async createIndexes(): Promise<void> {
    const { conversations, messages, dedupe } = this.opened.get();
    await Promise.all([
      conversations.createIndex({ tokenHash: 1 }, { unique: true, name: "tokenHash_unique" }),
      messages.createIndex({ conversationId: 1, seq: 1 }, { unique: true, name: "conversation_seq_unique" }),
      dedupe.createIndex(
        { conversationId: 1, clientMessageId: 1 },
        { unique: true, name: "conversation_clientMessage_unique" },
      ),
    ]);
  }

  async createConversation(record: ConversationRecord): Promise<void> {
    await this.opened.get().conversations.insertOne({
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
    const doc = await this.opened.get().conversations.findOne({ _id: String(id) });
    return doc ? toConversation(doc) : null;
  }

  async findConversationByTokenHash(tokenHash: string): Promise<ConversationRecord | null> {
    const doc = await this.opened.get().conversations.findOne({ tokenHash: String(tokenHash) });
    return doc ? toConversation(doc) : null;
  }

  /** Whether a conversation of that id was created: uploads are refused for any other. */
  async conversationExists(id: string): Promise<boolean> {
    return (await this.opened.get().conversations.countDocuments({ _id: String(id) }, { limit: 1 })) > 0;
  }

  /** Whether a message of the conversation attaches the upload: the retention sweep keeps it then. */
  async isAttached(conversationId: string, uploadId: string): Promise<boolean> {
    return (
      (await this.opened.get().messages.countDocuments({ conversationId, attachmentId: uploadId }, { limit: 1 })) > 0
    );
  }

  async commitTurn(write: TurnWrite): Promise<TurnCommit> {
    assertTurnConsistent(write);
    const opened = this.opened.get();
    const conversationId = String(write.conversationId);
    const now = new Date().toISOString();
    const session = opened.client.startSession();
    let outcome: TurnCommit;
    try {
      outcome = await session.withTransaction(
        (transaction) => this.commitTurnIn(opened, transaction, write, now),
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
    const docs = await this.opened
      .get()
      .messages.find({ conversationId: String(conversationId), seq: { $gt: window.afterSeq } })
      .sort({ seq: 1 })
      .limit(window.limit)
      .toArray();
    return docs.map(toMessage);
  }

  async findDedupe(conversationId: string, clientMessageId: string): Promise<DedupeRecord | null> {
    const doc = await this.opened.get().dedupe.findOne({
      conversationId: String(conversationId),
      clientMessageId: String(clientMessageId),
    });
    return doc ? toDedupe(doc) : null;
  }

  // The three lookups go out together: one round trip of waiting instead of three. Messages are
  // asked by the last `recent` seqs, not after the record's lastSeq, which is not known yet.
  async loadTurn(conversationId: string, clientMessageId: string | null, recent: number): Promise<TurnLoad | null> {
    const opened = this.opened.get();
    const [record, dedupe, latest] = await Promise.all([
      this.getConversation(conversationId),
      clientMessageId === null ? null : this.findDedupe(conversationId, clientMessageId),
      recent > 0
        ? opened.messages
            .find({ conversationId: String(conversationId) })
            .sort({ seq: -1 })
            .limit(Math.min(recent, 500))
            .toArray()
        : [],
    ]);
    if (!record) return null;
    return { record, dedupe, recent: latest.map(toMessage).reverse() };
  }

  async getCounter(name: string): Promise<number> {
    return (await this.opened.get().counters.findOne({ _id: String(name) }))?.value ?? 0;
  }

  private async commitTurnIn(
    opened: Opened,
    session: ClientSession,
    write: TurnWrite,
    now: string,
  ): Promise<TurnCommit> {
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
    const lastSeq =
      write.messages.length > 0 ? Math.max(...write.messages.map((message) => Number(message.seq))) : null;
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
    if (write.counterClaim) await claimCounter(opened.counters, session, write.counterClaim);
    if (write.dedupe) {
      try {
        await opened.dedupe.insertOne({ ...toDedupe(write.dedupe), conversationId }, { session });
      } catch (error) {
        // Rethrown as a non-driver error, so withTransaction aborts instead of retrying.
        if (isDuplicateKey(error)) throw new DedupeKeyTaken();
        throw error;
      }
    }
    if (write.dossier) await this.dossiers.writeInTurn(session, conversationId, write.dossier);
    await this.reports.writeInTurn(session, write.events ?? []);
    return { ok: true, version: expectedVersion + 1 };
  }
}

/**
 * Takes the claimed value if the counter still stands just below it. A concurrent claim of the
 * same value collides on the counter's document; the driver retries the loser, which then
 * finds the counter moved on.
 */
async function claimCounter(
  counters: Collection<CounterDoc>,
  session: ClientSession,
  claim: CounterClaim,
): Promise<void> {
  const name = String(claim.name);
  const value = Number(claim.value);
  if (value === 1) {
    try {
      await counters.insertOne({ _id: name, value }, { session });
    } catch (error) {
      // Rethrown as a non-driver error, so withTransaction aborts instead of retrying.
      if (isDuplicateKey(error)) throw new CounterClaimLost();
      throw error;
    }
    return;
  }
  const claimed = await counters.updateOne({ _id: name, value: value - 1 }, { $set: { value } }, { session });
  if (claimed.matchedCount === 0) throw new CounterClaimLost();
}

export function toConversation(doc: ConversationDoc): ConversationRecord {
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
  if (doc.via !== undefined) message.via = doc.via;
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
