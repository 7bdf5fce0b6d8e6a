import type { Collection, Db, Document } from "mongodb";
import {
  type ZaloContactPatch,
  type ZaloContactRecord,
  type ZaloInboxRecord,
  type ZaloLeaseKind,
  type ZaloStore,
  type ZaloTokensRecord,
  zaloLeaseName,
} from "../zaloStore";
import { assertIsoInstant, listLimit } from "../storeChecks";
import { WhileOpen } from "../whileOpen";
import { isDuplicateKey } from "./isDuplicateKey";

type InboxDoc = Omit<ZaloInboxRecord, "eventKey"> & { _id: string };
type ContactDoc = ZaloContactRecord & { _id: string };
type TokensDoc = ZaloTokensRecord & { _id: "tokens" };
interface LeaseDoc {
  _id: string;
  holder: string;
  until: string;
}

interface Opened {
  inbox: Collection<InboxDoc>;
  contacts: Collection<ContactDoc>;
  tokens: Collection<TokensDoc>;
  leases: Collection<LeaseDoc>;
}

const TOKEN_REFRESH_LEASE = "zalo-token-refresh";
const contactId = (oaId: string, userId: string) => `${String(oaId)}:${String(userId)}`;

/** The Zalo channel's inbox, contacts, tokens and lease in MongoDB. */
export class MongoZalo implements ZaloStore {
  private readonly opened = new WhileOpen<Opened>();

  attach(db: Db): void {
    this.opened.set({
      inbox: db.collection<InboxDoc>("zalo_inbox"),
      contacts: db.collection<ContactDoc>("zalo_contacts"),
      tokens: db.collection<TokensDoc>("zalo_tokens"),
      leases: db.collection<LeaseDoc>("leases"),
    });
  }

  detach(): void {
    this.opened.clear();
  }

  async createIndexes(): Promise<void> {
    const { inbox, contacts } = this.opened.get();
    await Promise.all([
      inbox.createIndex({ receivedAt: 1, _id: 1 }, { name: "pending", partialFilterExpression: { processedAt: null } }),
      inbox.createIndex({ processedAt: 1 }, { name: "processed" }),
      contacts.createIndex({ conversationId: 1 }, { name: "conversation", unique: true }),
      contacts.createIndex({ updatedAt: 1, conversationId: 1 }, { name: "updated" }),
    ]);
  }

  async addZaloEvent(event: { eventKey: string; body: string; receivedAt: string }): Promise<boolean> {
    assertIsoInstant(event.receivedAt, `zalo event ${event.eventKey} receivedAt`);
    try {
      await this.opened.get().inbox.insertOne({
        _id: String(event.eventKey),
        body: String(event.body),
        receivedAt: event.receivedAt,
        processedAt: null,
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async listPendingZaloEvents(limit: number): Promise<ZaloInboxRecord[]> {
    const max = listLimit(limit);
    if (max === 0) return [];
    const docs = await this.opened
      .get()
      .inbox.find({ processedAt: null })
      .sort({ receivedAt: 1, _id: 1 })
      .limit(max)
      .toArray();
    return docs.map(toEvent);
  }

  async getZaloEvent(eventKey: string): Promise<ZaloInboxRecord | null> {
    const doc = await this.opened.get().inbox.findOne({ _id: String(eventKey) });
    return doc ? toEvent(doc) : null;
  }

  async markZaloEventProcessed(eventKey: string, at: string): Promise<void> {
    assertIsoInstant(at, `zalo event ${eventKey} processedAt`);
    await this.opened
      .get()
      .inbox.updateOne({ _id: String(eventKey), processedAt: null }, { $set: { processedAt: at } });
  }

  async deleteProcessedZaloEvents(before: string): Promise<number> {
    assertIsoInstant(before, "zalo events before");
    const result = await this.opened
      .get()
      .inbox.deleteMany({ processedAt: { $ne: null }, receivedAt: { $lt: String(before) } });
    return result.deletedCount;
  }

  async getZaloContact(oaId: string, userId: string): Promise<ZaloContactRecord | null> {
    const doc = await this.opened.get().contacts.findOne({ _id: contactId(oaId, userId) });
    return doc ? toContact(doc) : null;
  }

  async getZaloContactByConversation(conversationId: string): Promise<ZaloContactRecord | null> {
    const doc = await this.opened.get().contacts.findOne({ conversationId: String(conversationId) });
    return doc ? toContact(doc) : null;
  }

  async createZaloContact(contact: ZaloContactRecord): Promise<ZaloContactRecord> {
    assertIsoInstant(contact.createdAt, "zalo contact createdAt");
    const { contacts } = this.opened.get();
    const _id = contactId(contact.oaId, contact.userId);
    try {
      await contacts.insertOne({ ...toContact({ ...contact, _id }), _id });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    return toContact((await contacts.findOne({ _id }))!);
  }

  async updateZaloContact(oaId: string, userId: string, patch: ZaloContactPatch): Promise<boolean> {
    assertIsoInstant(patch.updatedAt, "zalo contact updatedAt");
    const set: Document = { updatedAt: patch.updatedAt };
    if (patch.displayName !== undefined)
      set.displayName = patch.displayName === null ? null : String(patch.displayName);
    if (patch.unreachable !== undefined)
      set.unreachable = patch.unreachable && { code: Number(patch.unreachable.code), since: patch.unreachable.since };
    if (patch.retryAt !== undefined) set.retryAt = patch.retryAt;
    const update: Document = { $set: set };
    if (patch.deliveredSeq !== undefined) update.$max = { deliveredSeq: Math.trunc(Number(patch.deliveredSeq)) };
    const result = await this.opened.get().contacts.updateOne({ _id: contactId(oaId, userId) }, update);
    return result.matchedCount === 1;
  }

  async listZaloBacklog(now: string, limit: number): Promise<{ contact: ZaloContactRecord; lastSeq: number }[]> {
    assertIsoInstant(now, "zalo backlog now");
    const max = listLimit(limit);
    if (max === 0) return [];
    const rows = await this.opened
      .get()
      .contacts.aggregate<ContactDoc & { lastSeq: number }>([
        { $match: { unreachable: null, $or: [{ retryAt: null }, { retryAt: { $lte: String(now) } }] } },
        ...joinLastSeq,
        { $match: { $expr: { $lt: ["$deliveredSeq", "$lastSeq"] } } },
        { $sort: { updatedAt: 1, conversationId: 1 } },
        { $limit: max },
      ])
      .toArray();
    return rows.map((row) => ({ contact: toContact(row), lastSeq: row.lastSeq }));
  }

  async countZaloBacklog(): Promise<{ waiting: number; unreachable: number }> {
    const [row] = await this.opened
      .get()
      .contacts.aggregate<{ waiting: number; unreachable: number }>([
        ...joinLastSeq,
        { $match: { $expr: { $lt: ["$deliveredSeq", "$lastSeq"] } } },
        {
          $group: {
            _id: null,
            waiting: { $sum: 1 },
            unreachable: { $sum: { $cond: [{ $eq: [{ $ifNull: ["$unreachable", null] }, null] }, 0, 1] } },
          },
        },
      ])
      .toArray();
    return { waiting: row?.waiting ?? 0, unreachable: row?.unreachable ?? 0 };
  }

  async getZaloTokens(): Promise<ZaloTokensRecord | null> {
    const doc = await this.opened.get().tokens.findOne({ _id: "tokens" });
    if (!doc) return null;
    const { _id, ...tokens } = doc;
    return tokens;
  }

  async saveZaloTokens(tokens: Omit<ZaloTokensRecord, "version">, expectedVersion: number | null): Promise<boolean> {
    assertIsoInstant(tokens.expiresAt, "zalo tokens expiresAt");
    const fields = {
      accessToken: String(tokens.accessToken),
      refreshToken: String(tokens.refreshToken),
      expiresAt: tokens.expiresAt,
      seededFrom: String(tokens.seededFrom),
    };
    const { tokens: collection } = this.opened.get();
    if (expectedVersion === null) {
      try {
        await collection.insertOne({ _id: "tokens", ...fields, version: 1 });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    }
    const result = await collection.updateOne(
      { _id: "tokens", version: Number(expectedVersion) },
      { $set: { ...fields, version: Number(expectedVersion) + 1 } },
    );
    return result.modifiedCount === 1;
  }

  async claimZaloTokenRefresh(holder: string, now: string, until: string): Promise<boolean> {
    assertIsoInstant(now, "lease now");
    assertIsoInstant(until, "lease until");
    const id = String(holder);
    try {
      // Matches a free or own lease; a lease held by another makes the upsert collide on _id.
      const result = await this.opened
        .get()
        .leases.updateOne(
          { _id: TOKEN_REFRESH_LEASE, $or: [{ until: { $lte: String(now) } }, { holder: id }] },
          { $set: { holder: id, until: String(until) } },
          { upsert: true },
        );
      return result.matchedCount === 1 || result.upsertedCount === 1;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async releaseZaloTokenRefresh(holder: string): Promise<void> {
    await this.opened.get().leases.deleteOne({ _id: TOKEN_REFRESH_LEASE, holder: String(holder) });
  }

  async claimZaloLease(kind: ZaloLeaseKind, key: string, holder: string, now: string, until: string): Promise<boolean> {
    assertIsoInstant(now, "lease now");
    assertIsoInstant(until, "lease until");
    const id = String(holder);
    try {
      // One atomic step: a free, expired or own lease is taken; one another holds makes the upsert collide on _id.
      const taken = await this.opened
        .get()
        .leases.findOneAndUpdate(
          { _id: zaloLeaseName(kind, key), $or: [{ until: { $lte: String(now) } }, { holder: id }] },
          { $set: { holder: id, until: String(until) } },
          { upsert: true, returnDocument: "after" },
        );
      return taken?.holder === id;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async releaseZaloLease(kind: ZaloLeaseKind, key: string, holder: string): Promise<void> {
    await this.opened.get().leases.deleteOne({ _id: zaloLeaseName(kind, key), holder: String(holder) });
  }
}

/** Adds the conversation's `lastSeq` to each contact. */
const joinLastSeq: Document[] = [
  { $lookup: { from: "conversations", localField: "conversationId", foreignField: "_id", as: "conversation" } },
  { $set: { lastSeq: { $ifNull: [{ $first: "$conversation.lastSeq" }, 0] } } },
  { $unset: "conversation" },
];

function toEvent(doc: InboxDoc): ZaloInboxRecord {
  return { eventKey: doc._id, body: doc.body, receivedAt: doc.receivedAt, processedAt: doc.processedAt };
}

function toContact(doc: ContactDoc): ZaloContactRecord {
  return {
    oaId: String(doc.oaId),
    userId: String(doc.userId),
    conversationId: String(doc.conversationId),
    displayName: doc.displayName ?? null,
    deliveredSeq: Number(doc.deliveredSeq),
    unreachable: doc.unreachable ? { code: Number(doc.unreachable.code), since: String(doc.unreachable.since) } : null,
    retryAt: doc.retryAt ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}
