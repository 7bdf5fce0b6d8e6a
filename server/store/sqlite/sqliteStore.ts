import { mkdirSync } from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
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
import { SqliteAccounts } from "./sqliteAccounts";
import { SqliteAudit } from "./sqliteAudit";
import { SqliteConversations } from "./sqliteConversations";
import { SqliteDossiers } from "./sqliteDossiers";
import { migrate } from "./sqliteMigrations";
import { SqliteQueue } from "./sqliteQueue";
import { SqliteTurnWriter } from "./sqliteTurnWriter";
import { SqliteUploads } from "./sqliteUploads";
import { SqliteReports } from "./sqliteReports";
import { SqliteRetention } from "./sqliteRetention";
import type { DraftsDeleted } from "../retentionStore";
import type { DayRange, DossierDue, UnitDayFigures } from "../reportStore";
import type { DailyReportRecord } from "../dailyReportStore";
import type { ZaloLeaseKind } from "../zaloStore";
import { SqliteDailyReports } from "./sqliteDailyReports";
import { SqliteZalo } from "./sqliteZalo";
import { sqliteDossiersReceived } from "./sqliteDossiersReceived";
import { sqlitePostalList } from "./sqlitePostalList";
import { storeNotOpen } from "../storeChecks";
import type { DossiersReceivedFilter } from "../dossierExportStore";
import { openSqliteFile } from "./openSqliteFile";
import { waitForWriteLock } from "./sqliteWriteLock";

export { SQLITE_MIGRATIONS } from "./sqliteMigrations";

export interface SqliteStoreOptions {
  /** The folder holding `khai-ho.sqlite` and `uploads/`; created if missing. */
  dataDir: string;
  /**
   * Write conversations and turns on a thread of their own (`sqliteTurnWriterThread.ts`), in
   * group commits, so that commits and checkpoints never hold up the caller's thread. The
   * server turns it on; without it every write runs synchronously on the caller's thread.
   */
  writerThread?: boolean;
}

// A readiness probe waits this long for an empty write to commit: far above a group commit
// (under a millisecond), far below the 5 s a write waits for a lock another process holds.
const TAKES_WRITES_WITHIN_MS = 1_000;

/** The database file's name under `dataDir`. */
export const SQLITE_FILE_NAME = "khai-ho.sqlite";

interface Opened {
  db: Database.Database;
  ping: Database.Statement<[], { one: number }>;
  writer: SqliteTurnWriter | null;
}

/**
 * The embedded store: one SQLite file (`khai-ho.sqlite`) under `dataDir` through
 * `better-sqlite3`, with uploaded bytes as files under `dataDir/uploads/`. Nothing to install,
 * and a `kill -9` at any moment loses no committed turn. Each aggregate keeps its SQL in its own
 * file (`sqliteConversations.ts`, `sqliteDossiers.ts`, …); this class opens the file and hands
 * it to them.
 *
 * @example
 * const store = new SqliteStore({ dataDir: "./data" });
 * await store.open();
 * const result = await store.commitTurn({ conversationId, expectedVersion: 3, state, messages, dedupe, dossier: null
 * });
 * if (!result.ok && result.reason === "conflict") {
 *   // another tab got there first: reload the conversation and run the turn again
 * }
 * await store.close();
 */
export class SqliteStore implements Store, ConsoleStore {
  private readonly dataDir: string;
  private readonly writerThread: boolean;
  private readonly uploadsDir: string;
  private opened: Opened | null = null;
  private readonly dossiers = new SqliteDossiers();
  private readonly conversations = new SqliteConversations(this.dossiers);
  private readonly uploads: SqliteUploads;
  private readonly retention: SqliteRetention;
  private readonly queue = new SqliteQueue();
  private readonly accounts = new SqliteAccounts();
  private readonly audit = new SqliteAudit();
  private readonly zalo = new SqliteZalo();
  private readonly reports = new SqliteReports();
  private readonly dailyReports = new SqliteDailyReports();

  /**
   * @param options.dataDir The folder for the database file and the uploads; created (mode 0700:
   *   it holds citizens' personal data) when missing.
   */
  constructor(options: SqliteStoreOptions) {
    this.dataDir = path.resolve(options.dataDir);
    this.writerThread = options.writerThread ?? false;
    this.uploadsDir = path.join(this.dataDir, "uploads");
    this.uploads = new SqliteUploads(this.uploadsDir, this.conversations);
    this.retention = new SqliteRetention(this.uploads);
  }

  /** The database file's path, for backups and tests. */
  get filePath(): string {
    return path.join(this.dataDir, SQLITE_FILE_NAME);
  }

  /**
   * Opens the file, creates or migrates the tables, and removes half-written uploads left by a
   * crash. Idempotent.
   *
   * @example
   * await store.open();
   * await store.open(); // no-op
   */
  async open(): Promise<void> {
    if (this.opened) return;
    mkdirSync(this.uploadsDir, { recursive: true, mode: 0o700 });
    const db = openSqliteFile(this.filePath);
    let writer: SqliteTurnWriter | null = null;
    try {
      migrate(db, SQLITE_FILE_NAME);
      for (const part of this.parts) part.attach(db);
      if (this.writerThread) {
        writer = await SqliteTurnWriter.start(this.filePath);
        // The writer thread writes nearly everything, and its commits run the checkpoints; this
        // connection's rare writes (accounts, uploads, audit) must not stall its thread with one.
        db.pragma("wal_autocheckpoint = 0");
        // This connection's writes run on the sockets' thread: while another process holds the
        // file they fail after a short wait rather than stall every citizen for the full one.
        writer.onFileHeld = (held) => waitForWriteLock(db, held);
      }
      this.opened = { db, ping: db.prepare<[], { one: number }>("SELECT 1 AS one"), writer };
    } catch (error) {
      for (const part of this.parts) part.detach();
      await writer?.close();
      db.close();
      throw error;
    }
    await this.uploads.removeTempFiles();
  }

  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = null;
    for (const part of this.parts) part.detach();
    // The writer first: what it was given is written before the last connection checkpoints.
    await opened?.writer?.close();
    opened?.db.close();
  }

  async ping(): Promise<boolean> {
    try {
      return this.opened?.ping.get()?.one === 1;
    } catch {
      return false;
    }
  }

  /**
   * Whether a write commits now: false while another process holds the file's write lock (the
   * sqlite3 shell with a transaction open, a second server on the same `DATA_DIR`). Without the
   * writer thread, a write would wait on the caller's thread: only the file's answer is checked.
   *
   * @example
   * if (!(await store.takesWrites())) res.status(503).json({ status: "store not accepting writes" });
   */
  async takesWrites(): Promise<boolean> {
    const writer = this.opened?.writer;
    if (!writer) return this.ping();
    return writer.takesWrites(TAKES_WRITES_WITHIN_MS);
  }

  // Conversations, messages and the turn commit.

  async createConversation(record: ConversationRecord): Promise<void> {
    const writer = this.opened?.writer;
    return writer ? writer.createConversation(record) : this.conversations.createConversation(record);
  }

  async getConversation(id: string): Promise<ConversationRecord | null> {
    return this.conversations.getConversation(id);
  }

  async findConversationByTokenHash(tokenHash: string): Promise<ConversationRecord | null> {
    return this.conversations.findConversationByTokenHash(tokenHash);
  }

  /**
   * Writes the turn in one transaction: a repeated client message id answers `duplicate`, a
   * stale `expectedVersion` answers `conflict`, and any other failure rolls everything back and
   * is thrown.
   *
   * @example
   * const result = await store.commitTurn(write);
   * if (!result.ok && result.reason === "duplicate") ack(result.dedupe);
   */
  async commitTurn(write: TurnWrite): Promise<TurnCommit> {
    // The writer thread checks the turn as the synchronous path does, and answers a StoreError.
    const writer = this.opened?.writer;
    return writer ? writer.commitTurn(write) : this.conversations.commitTurn(write);
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
   * in MongoDB.
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
   * Newest first (by creation; the same instant in descending code order, as in MongoDB). A
   * search looks its keys up in `dossier_search`, filled when each dossier is written.
   *
   * @example
   * const found = await store.listDossiers({ unitIds: clerk.unitIds, query: "nguyen van an", limit: 50 });
   */
  async listDossiers(filter: {
    unitIds: readonly string[] | null;
    query?: string;
    limit: number;
  }): Promise<{ dossier: Dossier; conversationId: string }[]> {
    return this.dossiers.listDossiers(filter);
  }

  /**
   * The day's postal dossiers and the earlier ones not finished, oldest first (`sqlitePostalList.ts`).
   *
   * @example
   * const list = await store.postalDossiers({ unitIds: ["an-thanh"], day: "2026-03-02", limit: 500 });
   */
  async postalDossiers(filter: PostalListFilter): Promise<Dossier[]> {
    if (!this.opened) throw storeNotOpen();
    return sqlitePostalList(this.opened.db, filter);
  }

  /**
   * Writes the bytes to a temporary name, fsyncs them, links them as `uploads/<id>` and only
   * then records the metadata: a crash at any point leaves either a complete upload or nothing
   * reachable (stray temporary files are removed by the next `open()`).
   *
   * @example
   * await store.saveUpload({ id, conversationId, mimeType: "image/jpeg", size: bytes.length, createdAt }, bytes);
   */
  async saveUpload(record: UploadRecord, bytes: Buffer): Promise<void> {
    return this.uploads.saveUpload(record, bytes);
  }

  async deleteUpload(id: string): Promise<void> {
    return this.uploads.deleteUpload(id);
  }

  async getUpload(id: string): Promise<{ record: UploadRecord; bytes: Buffer } | null> {
    return this.uploads.getUpload(id);
  }

  async uploadUsage(conversationId: string): Promise<{ files: number; bytes: number }> {
    return this.uploads.uploadUsage(conversationId);
  }

  /**
   * Deletes the rows first, then the files: a crash in between leaves files no row names, which
   * this sweep removes too, with the temporary files of saves that never finished.
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

  /** Stores a login, and sweeps the sessions already expired (SQLite has no TTL index). */
  async createSession(session: SessionRecord): Promise<void> {
    return this.accounts.createSession(session);
  }

  /** Null for an unknown session and for one past its `expiresAt`. */
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
   * or less). Entries of the same instant come in descending id order, as in MongoDB.
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

  // The Zalo channel: reads on this connection, writes on the turn writer thread when it runs.

  async addZaloEvent(event: { eventKey: string; body: string; receivedAt: string }): Promise<boolean> {
    const writer = this.opened?.writer;
    return writer ? writer.zalo("addZaloEvent", event) : this.zalo.addZaloEvent(event);
  }

  async listPendingZaloEvents(limit: number): Promise<ZaloInboxRecord[]> {
    return this.zalo.listPendingZaloEvents(limit);
  }

  async getZaloEvent(eventKey: string): Promise<ZaloInboxRecord | null> {
    return this.zalo.getZaloEvent(eventKey);
  }

  async markZaloEventProcessed(eventKey: string, at: string): Promise<void> {
    const writer = this.opened?.writer;
    return writer
      ? writer.zalo("markZaloEventProcessed", eventKey, at)
      : this.zalo.markZaloEventProcessed(eventKey, at);
  }

  async deleteProcessedZaloEvents(before: string): Promise<number> {
    const writer = this.opened?.writer;
    return writer ? writer.zalo("deleteProcessedZaloEvents", before) : this.zalo.deleteProcessedZaloEvents(before);
  }

  async getZaloContact(oaId: string, userId: string): Promise<ZaloContactRecord | null> {
    return this.zalo.getZaloContact(oaId, userId);
  }

  async getZaloContactByConversation(conversationId: string): Promise<ZaloContactRecord | null> {
    return this.zalo.getZaloContactByConversation(conversationId);
  }

  async createZaloContact(contact: ZaloContactRecord): Promise<ZaloContactRecord> {
    const writer = this.opened?.writer;
    return writer ? writer.zalo("createZaloContact", contact) : this.zalo.createZaloContact(contact);
  }

  async updateZaloContact(oaId: string, userId: string, patch: ZaloContactPatch): Promise<boolean> {
    const writer = this.opened?.writer;
    return writer
      ? writer.zalo("updateZaloContact", oaId, userId, patch)
      : this.zalo.updateZaloContact(oaId, userId, patch);
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
    const writer = this.opened?.writer;
    return writer
      ? writer.zalo("saveZaloTokens", tokens, expectedVersion)
      : this.zalo.saveZaloTokens(tokens, expectedVersion);
  }

  async claimZaloTokenRefresh(holder: string, now: string, until: string): Promise<boolean> {
    const writer = this.opened?.writer;
    return writer
      ? writer.zalo("claimZaloTokenRefresh", holder, now, until)
      : this.zalo.claimZaloTokenRefresh(holder, now, until);
  }

  async releaseZaloTokenRefresh(holder: string): Promise<void> {
    const writer = this.opened?.writer;
    return writer ? writer.zalo("releaseZaloTokenRefresh", holder) : this.zalo.releaseZaloTokenRefresh(holder);
  }

  async claimZaloLease(kind: ZaloLeaseKind, key: string, holder: string, now: string, until: string): Promise<boolean> {
    const writer = this.opened?.writer;
    return writer
      ? writer.zalo("claimZaloLease", kind, key, holder, now, until)
      : this.zalo.claimZaloLease(kind, key, holder, now, until);
  }

  async releaseZaloLease(kind: ZaloLeaseKind, key: string, holder: string): Promise<void> {
    const writer = this.opened?.writer;
    return writer ? writer.zalo("releaseZaloLease", kind, key, holder) : this.zalo.releaseZaloLease(kind, key, holder);
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
    return sqliteDossiersReceived(this.opened.db, filter);
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
}
