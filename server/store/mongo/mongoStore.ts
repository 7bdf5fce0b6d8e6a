import { MongoClient, type Db } from "mongodb";
import type { Dossier } from "../../dossier/dossier";
import type { ConversationStatus } from "../../engine/conversationState";
import type {
  AccountChange,
  AuditRecord,
  ConsoleStore,
  ConversationRecord,
  DedupeRecord,
  MessageRecord,
  NoteRecord,
  PostalListFilter,
  SessionRecord,
  Store,
  TurnCommit,
  TurnLoad,
  TurnWrite,
  UploadRecord,
  UserRecord,
  ZaloContactPatch,
  ZaloContactRecord,
  ZaloInboxRecord,
  ZaloTokensRecord,
} from "../store";
import { MongoAccounts } from "./mongoAccounts";
import { MongoAudit } from "./mongoAudit";
import { MongoConversations } from "./mongoConversations";
import { MongoReports } from "./mongoReports";
import { MongoRetention } from "./mongoRetention";
import type { DraftsDeleted } from "../retentionStore";
import type { DayRange, DossierDue, UnitDayFigures } from "../reportStore";
import type { DailyReportRecord } from "../dailyReportStore";
import type { ZaloLeaseKind } from "../zaloStore";
import { MongoDailyReports } from "./mongoDailyReports";
import { MongoDossiers } from "./mongoDossiers";
import { MongoQueue } from "./mongoQueue";
import { MAJORITY, SERVER_SELECTION_TIMEOUT_MS } from "./mongoTimeouts";
import { MongoUploads } from "./mongoUploads";
import { MongoZalo } from "./mongoZalo";
import { mongoDossiersReceived } from "./mongoDossiersReceived";
import { mongoPostalList } from "./mongoPostalList";
import { storeNotOpen } from "../storeChecks";
import type { DossiersReceivedFilter } from "../dossierExportStore";

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

interface Opened {
  client: MongoClient;
  db: Db;
}

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
 * into a match-all. Each aggregate keeps its queries and indexes in its own file
 * (`mongoConversations.ts`, `mongoDossiers.ts`, …); this class connects and hands them the database.
 *
 * @example
 * const store = new MongoStore({ uri: "mongodb://db1,db2,db3/?replicaSet=rs0", dbName: "khai_ho" });
 * await store.open();
 * const result = await store.commitTurn({ conversationId, expectedVersion: 3, state, messages, dedupe, dossier: null
 * });
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
  private readonly dossiers = new MongoDossiers();
  private readonly reports = new MongoReports();
  private readonly dailyReports = new MongoDailyReports();
  private readonly conversations = new MongoConversations(this.dossiers, this.reports);
  private readonly uploads = new MongoUploads(this.conversations);
  private readonly queue = new MongoQueue();
  private readonly accounts = new MongoAccounts();
  private readonly audit = new MongoAudit();
  private readonly zalo = new MongoZalo();
  private readonly retention = new MongoRetention();

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
    for (const part of this.parts) part.detach();
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

  // Conversations, messages and the turn commit.

  async createConversation(record: ConversationRecord): Promise<void> {
    return this.conversations.createConversation(record);
  }

  async getConversation(id: string): Promise<ConversationRecord | null> {
    return this.conversations.getConversation(id);
  }

  async findConversationByTokenHash(tokenHash: string): Promise<ConversationRecord | null> {
    return this.conversations.findConversationByTokenHash(tokenHash);
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
    return this.conversations.commitTurn(write);
  }

  async listMessages(conversationId: string, afterSeq: number, limit: number): Promise<MessageRecord[]> {
    return this.conversations.listMessages(conversationId, afterSeq, limit);
  }

  async findDedupe(conversationId: string, clientMessageId: string): Promise<DedupeRecord | null> {
    return this.conversations.findDedupe(conversationId, clientMessageId);
  }

  async loadTurn(conversationId: string, clientMessageId: string | null, recent: number): Promise<TurnLoad | null> {
    return this.conversations.loadTurn(conversationId, clientMessageId, recent);
  }

  async getCounter(name: string): Promise<number> {
    return this.conversations.getCounter(name);
  }

  // The handoff queue.

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
    return this.queue.listConversations(filter);
  }

  // Dossiers and uploads.

  async getDossier(code: string): Promise<Dossier | null> {
    return this.dossiers.getDossier(code);
  }

  async getDossierOwner(code: string): Promise<{ dossier: Dossier; conversationId: string } | null> {
    return this.dossiers.getDossierOwner(code);
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
    return this.dossiers.listDossiers(filter);
  }

  /**
   * The day's postal dossiers and the earlier ones not finished, oldest first (`mongoPostalList.ts`).
   *
   * @example
   * const list = await store.postalDossiers({ unitIds: ["an-thanh"], day: "2026-03-02", limit: 500 });
   */
  async postalDossiers(filter: PostalListFilter): Promise<Dossier[]> {
    if (!this.opened) throw storeNotOpen();
    return mongoPostalList(this.opened.db, filter);
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
    return this.uploads.saveUpload(record, bytes);
  }

  async getUpload(id: string): Promise<{ record: UploadRecord; bytes: Buffer } | null> {
    return this.uploads.getUpload(id);
  }

  async deleteUpload(id: string): Promise<void> {
    return this.uploads.deleteUpload(id);
  }

  async uploadUsage(conversationId: string): Promise<{ files: number; bytes: number }> {
    return this.uploads.uploadUsage(conversationId);
  }

  /**
   * Deletes through GridFS (the file document first, then its chunks): a crash in between leaves
   * chunks no file names, unreachable.
   *
   * @example
   * await store.deleteUnattachedUploads(new Date(Date.now() - 60 * 60_000).toISOString()); // 2
   */
  async deleteUnattachedUploads(olderThan: string): Promise<number> {
    return this.uploads.deleteUnattachedUploads(olderThan);
  }

  // Accounts and sessions.

  /**
   * Stores a console user with the username lower case.
   *
   * @example
   * await store.createUser({ id, username: "lan.nguyen", displayName: "Nguyễn Thị Lan", role: "clerk", unitIds:
   * ["an-thanh"],
   *   passwordHash: await hashPassword(password), disabled: false, mustChangePassword: true, createdAt: now, updatedAt:
   *   now });
   */
  async createUser(user: UserRecord): Promise<void> {
    return this.accounts.createUser(user);
  }

  async getUser(id: string): Promise<UserRecord | null> {
    return this.accounts.getUser(id);
  }

  /** Case-insensitive: "Lan.Nguyen" finds "lan.nguyen". */
  async getUserByUsername(username: string): Promise<UserRecord | null> {
    return this.accounts.getUserByUsername(username);
  }

  /**
   * Replaces every field of the user with that id, the username included (still unique).
   *
   * @example
   * if (!(await store.updateUser({ ...user, disabled: true, updatedAt: now }))) throw new Error("no such user");
   */
  async updateUser(user: UserRecord): Promise<boolean> {
    return this.accounts.updateUser(user);
  }

  async listUsers(): Promise<UserRecord[]> {
    return this.accounts.listUsers();
  }

  async countUsers(): Promise<number> {
    return this.accounts.countUsers();
  }

  async createSession(session: SessionRecord): Promise<void> {
    return this.accounts.createSession(session);
  }

  /**
   * Null for an unknown session and for one past its `expiresAt`, whether or not the TTL monitor has removed it yet.
   */
  async getSession(idHash: string): Promise<SessionRecord | null> {
    return this.accounts.getSession(idHash);
  }

  async deleteSession(idHash: string): Promise<void> {
    return this.accounts.deleteSession(idHash);
  }

  async deleteSessionsOfUser(userId: string): Promise<void> {
    return this.accounts.deleteSessionsOfUser(userId);
  }

  async appendAccountChange(userId: string, at: string): Promise<number> {
    return this.accounts.appendAccountChange(userId, at);
  }

  async listAccountChanges(afterSeq: number, limit: number): Promise<AccountChange[]> {
    return this.accounts.listAccountChanges(afterSeq, limit);
  }

  // Audit and clerks' notes.

  /**
   * @example
   * await store.appendAudit({ id, at: now, actorId: clerk.id, action: "dossier.patch", dossierCode, detail: { field:
   * "ngaySinh" } });
   */
  async appendAudit(entry: AuditRecord): Promise<void> {
    return this.audit.appendAudit(entry);
  }

  /**
   * The newest entries matching every given filter, at most `limit` (nothing for a limit of 0
   * or less). Entries of the same instant come in descending id order, as in SQLite.
   *
   * @example
   * const trail = await store.listAudit({ dossierCode: "HN-20260302-0001" }, 50);
   */
  async listAudit(
    filter: { actorId?: string; conversationId?: string; dossierCode?: string },
    limit: number,
  ): Promise<AuditRecord[]> {
    return this.audit.listAudit(filter, limit);
  }

  /**
   * @example
   * await store.appendNote({ id, conversationId, authorId: clerk.id, authorName: "Nguyễn Thị Lan", text: "Đã gọi lại",
   * at: now });
   */
  async appendNote(note: NoteRecord): Promise<void> {
    return this.audit.appendNote(note);
  }

  async listNotes(conversationId: string, limit: number): Promise<NoteRecord[]> {
    return this.audit.listNotes(conversationId, limit);
  }

  // The Zalo channel.

  async addZaloEvent(event: { eventKey: string; body: string; receivedAt: string }): Promise<boolean> {
    return this.zalo.addZaloEvent(event);
  }

  async listPendingZaloEvents(limit: number): Promise<ZaloInboxRecord[]> {
    return this.zalo.listPendingZaloEvents(limit);
  }

  async getZaloEvent(eventKey: string): Promise<ZaloInboxRecord | null> {
    return this.zalo.getZaloEvent(eventKey);
  }

  async markZaloEventProcessed(eventKey: string, at: string): Promise<void> {
    return this.zalo.markZaloEventProcessed(eventKey, at);
  }

  async deleteProcessedZaloEvents(before: string): Promise<number> {
    return this.zalo.deleteProcessedZaloEvents(before);
  }

  async getZaloContact(oaId: string, userId: string): Promise<ZaloContactRecord | null> {
    return this.zalo.getZaloContact(oaId, userId);
  }

  async getZaloContactByConversation(conversationId: string): Promise<ZaloContactRecord | null> {
    return this.zalo.getZaloContactByConversation(conversationId);
  }

  async createZaloContact(contact: ZaloContactRecord): Promise<ZaloContactRecord> {
    return this.zalo.createZaloContact(contact);
  }

  async updateZaloContact(oaId: string, userId: string, patch: ZaloContactPatch): Promise<boolean> {
    return this.zalo.updateZaloContact(oaId, userId, patch);
  }

  async listZaloBacklog(now: string, limit: number): Promise<{ contact: ZaloContactRecord; lastSeq: number }[]> {
    return this.zalo.listZaloBacklog(now, limit);
  }

  async countZaloBacklog(): Promise<{ waiting: number; unreachable: number }> {
    return this.zalo.countZaloBacklog();
  }

  async getZaloTokens(): Promise<ZaloTokensRecord | null> {
    return this.zalo.getZaloTokens();
  }

  async saveZaloTokens(tokens: Omit<ZaloTokensRecord, "version">, expectedVersion: number | null): Promise<boolean> {
    return this.zalo.saveZaloTokens(tokens, expectedVersion);
  }

  async claimZaloTokenRefresh(holder: string, now: string, until: string): Promise<boolean> {
    return this.zalo.claimZaloTokenRefresh(holder, now, until);
  }

  async releaseZaloTokenRefresh(holder: string): Promise<void> {
    return this.zalo.releaseZaloTokenRefresh(holder);
  }

  async claimZaloLease(kind: ZaloLeaseKind, key: string, holder: string, now: string, until: string): Promise<boolean> {
    return this.zalo.claimZaloLease(kind, key, holder, now, until);
  }

  async releaseZaloLease(kind: ZaloLeaseKind, key: string, holder: string): Promise<void> {
    return this.zalo.releaseZaloLease(kind, key, holder);
  }

  // --- The report's and the dashboard's figures -------------------------------------------

  async insertDailyReport(report: DailyReportRecord): Promise<boolean> {
    return this.dailyReports.insertDailyReport(report);
  }

  async getDailyReport(day: string): Promise<DailyReportRecord | null> {
    return this.dailyReports.getDailyReport(day);
  }

  async listDailyReports(limit: number): Promise<DailyReportRecord[]> {
    return this.dailyReports.listDailyReports(limit);
  }

  async dailyReportsToPost(): Promise<string[]> {
    return this.dailyReports.dailyReportsToPost();
  }

  async claimDailyReportPosting(day: string, holder: string, now: string, until: string): Promise<boolean> {
    return this.dailyReports.claimDailyReportPosting(day, holder, now, until);
  }

  async recordDailyReportPosting(
    day: string,
    holder: string,
    progress: { sentMessages: number; lastError: string | null; sentAt: string | null },
  ): Promise<void> {
    return this.dailyReports.recordDailyReportPosting(day, holder, progress);
  }

  async releaseDailyReportPosting(day: string, holder: string): Promise<void> {
    return this.dailyReports.releaseDailyReportPosting(day, holder);
  }

  async unitDayFigures(range: DayRange, unitIds: readonly string[] | null): Promise<UnitDayFigures[]> {
    return this.reports.unitDayFigures(range, unitIds);
  }

  async dossiersDueBy(filter: {
    unitIds: readonly string[] | null;
    dueBy: string;
    limit: number;
  }): Promise<DossierDue[]> {
    return this.reports.dossiersDueBy(filter);
  }

  async unansweredQuestions(
    range: DayRange,
    unitIds: readonly string[] | null,
    limit: number,
  ): Promise<{ unitId: string | null; text: string }[]> {
    return this.reports.unansweredQuestions(range, unitIds, limit);
  }

  async openCallbacks(unitIds: readonly string[] | null): Promise<{ unitId: string | null; count: number }[]> {
    return this.reports.openCallbacks(unitIds);
  }

  async dossiersReceived(filter: DossiersReceivedFilter): Promise<Dossier[]> {
    if (!this.opened) throw storeNotOpen();
    return mongoDossiersReceived(this.opened.db, filter);
  }

  async deleteAbandonedDrafts(olderThan: string, limit: number): Promise<DraftsDeleted> {
    return this.retention.deleteAbandonedDrafts(olderThan, limit);
  }

  async dossiersOfConversation(conversationId: string): Promise<Dossier[]> {
    return this.retention.dossiersOfConversation(conversationId);
  }

  async uploadsOfConversation(conversationId: string): Promise<UploadRecord[]> {
    return this.retention.uploadsOfConversation(conversationId);
  }

  async eraseConversation(conversationId: string): Promise<{ dossiers: number; uploads: number } | null> {
    return this.retention.eraseConversation(conversationId);
  }

  private get parts() {
    return [
      this.retention,
      this.conversations,
      this.queue,
      this.dossiers,
      this.uploads,
      this.accounts,
      this.audit,
      this.zalo,
      this.reports,
      this.dailyReports,
    ];
  }

  private async connect(): Promise<Opened> {
    const client = new MongoClient(this.uri, {
      writeConcern: MAJORITY,
      // Drop `undefined` properties like JSON.stringify does, so both adapters return the same
      // objects (BSON would otherwise store them as null).
      ignoreUndefined: true,
      serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS,
    });
    await client.connect();
    try {
      const db = client.db(this.dbName);
      this.conversations.attach(client, db);
      for (const part of [
        this.queue,
        this.dossiers,
        this.uploads,
        this.accounts,
        this.audit,
        this.zalo,
        this.reports,
        this.dailyReports,
        this.retention,
      ])
        part.attach(db);
      // Creating the indexes also creates the collections, which a transaction cannot always do
      // (sharded clusters, servers before 4.4).
      await Promise.all(this.parts.map((part) => part.createIndexes()));
      await this.dossiers.backfillSearch();
      return { client, db };
    } catch (error) {
      for (const part of this.parts) part.detach();
      await client.close();
      throw error;
    }
  }
}

/** The database in a connection string's path (`mongodb://host/khai_ho?…`), if any. */
function databaseInUri(uri: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]+)/.exec(uri);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}
