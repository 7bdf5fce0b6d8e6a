import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { link, open as openFile, readFile, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import type { Dossier } from "../../dossier/dossier";
import { restoreState, type ConversationStatus } from "../../engine/conversationState";
import type {
  AccountChange,
  AuditRecord,
  ConsoleStore,
  ConversationRecord,
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
  dossierSearch,
  dossierSearchKeys,
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

export interface SqliteStoreOptions {
  /** The folder holding `khai-ho.sqlite` and `uploads/`; created if missing. */
  dataDir: string;
}

/** The database file's name under `dataDir`. */
export const SQLITE_FILE_NAME = "khai-ho.sqlite";

const TEMP_SUFFIX = ".tmp";

/** The SQL function giving a dossier's search keys (a JSON array) from its stored JSON. */
const SEARCH_KEYS_FUNCTION = "khai_ho_dossier_search_keys";

/**
 * One entry per schema version, applied in order inside one transaction; `PRAGMA user_version`
 * records how many ran. Append, never edit: a released file has already run the old entries.
 * Exported so tests can build a file as an earlier release left it.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    locale TEXT NOT NULL,
    unit_id TEXT,
    state TEXT NOT NULL,
    status TEXT NOT NULL,
    procedure_id TEXT,
    last_seq INTEGER NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE messages (
    conversation_id TEXT NOT NULL REFERENCES conversations(id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL UNIQUE,
    author TEXT NOT NULL,
    text TEXT NOT NULL,
    choices TEXT,
    input TEXT,
    progress TEXT,
    client_message_id TEXT,
    choice TEXT,
    attachment_id TEXT,
    at TEXT NOT NULL,
    PRIMARY KEY (conversation_id, seq)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE dedupe (
    conversation_id TEXT NOT NULL REFERENCES conversations(id),
    client_message_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    message_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (conversation_id, client_message_id)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE dossiers (
    code TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id),
    status TEXT NOT NULL,
    dossier TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX dossiers_by_conversation ON dossiers (conversation_id);

  CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id),
    mime_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX uploads_by_conversation ON uploads (conversation_id);
  `,
  // The clerk console. No foreign keys to users: MongoDB cannot enforce them, and no behaviour
  // exists in only one adapter.
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    unit_ids TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL,
    must_change_password INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX sessions_by_user ON sessions (user_id);
  CREATE INDEX sessions_by_expiry ON sessions (expires_at);

  CREATE TABLE audit (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    action TEXT NOT NULL,
    conversation_id TEXT,
    dossier_code TEXT,
    detail TEXT
  ) STRICT;
  -- \`id\` last: listAudit orders by (at, id), and the index then hands rows over in that order.
  CREATE INDEX audit_by_actor ON audit (actor_id, at, id);
  CREATE INDEX audit_by_conversation ON audit (conversation_id, at, id);
  CREATE INDEX audit_by_dossier ON audit (dossier_code, at, id);
  CREATE INDEX audit_by_time ON audit (at, id);
  `,
  // The console's queue and dossier search. A dossier's unit and search keys are copied out of
  // its JSON when it is written, so a search is an index lookup rather than a parse of every
  // dossier; rows written before this version get theirs here, from the SQL function that open()
  // registers before migrating (folding names needs the same code as commitTurn).
  `
  CREATE INDEX conversations_by_status_unit ON conversations (status, unit_id, updated_at);

  ALTER TABLE dossiers ADD COLUMN unit_id TEXT;
  UPDATE dossiers SET unit_id = json_extract(dossier, '$.unitId');
  CREATE INDEX dossiers_by_unit ON dossiers (unit_id, created_at, code);
  CREATE INDEX dossiers_by_time ON dossiers (created_at, code);

  CREATE TABLE dossier_search (
    key TEXT NOT NULL,
    code TEXT NOT NULL REFERENCES dossiers(code),
    PRIMARY KEY (key, code)
  ) STRICT, WITHOUT ROWID;
  -- Rewriting a dossier replaces its keys.
  CREATE INDEX dossier_search_by_code ON dossier_search (code);
  INSERT INTO dossier_search (key, code)
    SELECT keys.value, dossiers.code FROM dossiers, json_each(${SEARCH_KEYS_FUNCTION}(dossiers.dossier)) AS keys;
  `,
  // Clerks' notes on a conversation, for clerks only.
  `
  CREATE TABLE notes (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    text TEXT NOT NULL,
    at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX notes_by_conversation ON notes (conversation_id, at, id);
  `,
  // Account changes the command line records for the running servers to act on.
  `
  CREATE TABLE account_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    at TEXT NOT NULL
  ) STRICT;
  `,
];

interface ConversationRow {
  id: string;
  token_hash: string;
  channel: string;
  locale: string;
  unit_id: string | null;
  state: string;
  status: string;
  procedure_id: string | null;
  last_seq: number;
  version: number;
  created_at: string;
  updated_at: string;
}

interface MessageRow {
  conversation_id: string;
  seq: number;
  id: string;
  author: string;
  text: string;
  choices: string | null;
  input: string | null;
  progress: string | null;
  client_message_id: string | null;
  choice: string | null;
  attachment_id: string | null;
  at: string;
}

interface DedupeRow {
  conversation_id: string;
  client_message_id: string;
  content_hash: string;
  message_id: string;
  seq: number;
  at: string;
}

interface UploadRow {
  id: string;
  conversation_id: string;
  mime_type: string;
  size: number;
  created_at: string;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  unit_ids: string;
  password_hash: string;
  disabled: number;
  must_change_password: number;
  created_at: string;
  updated_at: string;
}

interface SessionRow {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

interface NoteRow {
  id: string;
  conversation_id: string;
  author_id: string;
  author_name: string;
  text: string;
  at: string;
}

interface AuditRow {
  id: string;
  at: string;
  actor_id: string;
  action: string;
  conversation_id: string | null;
  dossier_code: string | null;
  detail: string | null;
}

interface UserParams {
  id: string;
  username: string;
  displayName: string;
  role: string;
  unitIds: string;
  passwordHash: string;
  disabled: number;
  mustChangePassword: number;
  createdAt: string;
  updatedAt: string;
}

interface SessionParams {
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

interface AuditParams {
  id: string;
  at: string;
  actorId: string;
  action: string;
  conversationId: string | null;
  dossierCode: string | null;
  detail: string | null;
}

interface ConversationParams {
  id: string;
  tokenHash: string;
  channel: string;
  locale: string;
  unitId: string | null;
  state: string;
  status: string;
  procedureId: string | null;
  lastSeq: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

interface TurnParams {
  id: string;
  expectedVersion: number;
  state: string;
  status: string;
  procedureId: string | null;
  locale: string;
  unitId: string | null;
  lastSeq: number | null;
  updatedAt: string;
}

type MessageParams = Omit<MessageRow, "conversation_id" | "client_message_id" | "attachment_id"> & {
  conversationId: string;
  clientMessageId: string | null;
  attachmentId: string | null;
};

interface DedupeParams {
  conversationId: string;
  clientMessageId: string;
  contentHash: string;
  messageId: string;
  seq: number;
  at: string;
}

interface DossierParams {
  code: string;
  conversationId: string;
  unitId: string | null;
  status: string;
  dossier: string;
  createdAt: string;
  updatedAt: string;
}

function prepareStatements(db: Database.Database) {
  return {
    insertConversation: db.prepare<ConversationParams>(`
      INSERT INTO conversations (id, token_hash, channel, locale, unit_id, state, status, procedure_id,
                                 last_seq, version, created_at, updated_at)
      VALUES (@id, @tokenHash, @channel, @locale, @unitId, @state, @status, @procedureId,
              @lastSeq, @version, @createdAt, @updatedAt)`),
    conversationById: db.prepare<[string], ConversationRow>("SELECT * FROM conversations WHERE id = ?"),
    conversationByTokenHash: db.prepare<[string], ConversationRow>("SELECT * FROM conversations WHERE token_hash = ?"),
    conversationExists: db.prepare<[string], { found: number }>("SELECT 1 AS found FROM conversations WHERE id = ?"),
    updateConversation: db.prepare<TurnParams, { version: number }>(`
      UPDATE conversations
         SET state = @state, status = @status, procedure_id = @procedureId, locale = @locale, unit_id = @unitId,
             last_seq = COALESCE(@lastSeq, last_seq), version = version + 1, updated_at = @updatedAt
       WHERE id = @id AND version = @expectedVersion
      RETURNING version`),
    insertMessage: db.prepare<MessageParams>(`
      INSERT INTO messages (conversation_id, seq, id, author, text, choices, input, progress,
                            client_message_id, choice, attachment_id, at)
      VALUES (@conversationId, @seq, @id, @author, @text, @choices, @input, @progress,
              @clientMessageId, @choice, @attachmentId, @at)`),
    listMessages: db.prepare<[string, number, number], MessageRow>(
      "SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?",
    ),
    dedupe: db.prepare<[string, string], DedupeRow>(
      "SELECT * FROM dedupe WHERE conversation_id = ? AND client_message_id = ?",
    ),
    insertDedupe: db.prepare<DedupeParams>(`
      INSERT INTO dedupe (conversation_id, client_message_id, content_hash, message_id, seq, at)
      VALUES (@conversationId, @clientMessageId, @contentHash, @messageId, @seq, @at)`),
    // A later turn may change its own dossier (status, attachments); the WHERE keeps one
    // conversation from overwriting another's dossier through a reused code.
    upsertDossier: db.prepare<DossierParams>(`
      INSERT INTO dossiers (code, conversation_id, unit_id, status, dossier, created_at, updated_at)
      VALUES (@code, @conversationId, @unitId, @status, @dossier, @createdAt, @updatedAt)
      ON CONFLICT (code) DO UPDATE
         SET unit_id = excluded.unit_id, status = excluded.status, dossier = excluded.dossier, updated_at = excluded.updated_at
       WHERE dossiers.conversation_id = excluded.conversation_id`),
    deleteSearchKeys: db.prepare<[string]>("DELETE FROM dossier_search WHERE code = ?"),
    insertSearchKey: db.prepare<[string, string]>("INSERT OR IGNORE INTO dossier_search (key, code) VALUES (?, ?)"),
    dossier: db.prepare<[string], { dossier: string; conversation_id: string }>(
      "SELECT dossier, conversation_id FROM dossiers WHERE code = ?",
    ),
    counter: db.prepare<[string], { value: number }>("SELECT value FROM counters WHERE name = ?"),
    setCounter: db.prepare<[string, number]>(
      "INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
    ),
    insertUpload: db.prepare<[string, string, string, number, string]>(
      "INSERT INTO uploads (id, conversation_id, mime_type, size, created_at) VALUES (?, ?, ?, ?, ?)",
    ),
    upload: db.prepare<[string], UploadRow>("SELECT * FROM uploads WHERE id = ?"),
    uploadUsage: db.prepare<[string], { files: number; bytes: number }>(
      "SELECT COUNT(*) AS files, COALESCE(SUM(size), 0) AS bytes FROM uploads WHERE conversation_id = ?",
    ),
    deleteUnattachedUploads: db.prepare<[string], { id: string }>(`
      DELETE FROM uploads
       WHERE created_at < ?
         AND NOT EXISTS (SELECT 1 FROM messages WHERE messages.conversation_id = uploads.conversation_id AND messages.attachment_id = uploads.id)
      RETURNING id`),
    uploadIds: db.prepare<[], { id: string }>("SELECT id FROM uploads"),
    ping: db.prepare<[], { one: number }>("SELECT 1 AS one"),
    insertUser: db.prepare<UserParams>(`
      INSERT INTO users (id, username, display_name, role, unit_ids, password_hash, disabled, must_change_password,
                         created_at, updated_at)
      VALUES (@id, @username, @displayName, @role, @unitIds, @passwordHash, @disabled, @mustChangePassword,
              @createdAt, @updatedAt)`),
    updateUser: db.prepare<UserParams>(`
      UPDATE users
         SET username = @username, display_name = @displayName, role = @role, unit_ids = @unitIds,
             password_hash = @passwordHash, disabled = @disabled, must_change_password = @mustChangePassword,
             created_at = @createdAt, updated_at = @updatedAt
       WHERE id = @id`),
    userById: db.prepare<[string], UserRow>("SELECT * FROM users WHERE id = ?"),
    userByUsername: db.prepare<[string], UserRow>("SELECT * FROM users WHERE username = ?"),
    listUsers: db.prepare<[], UserRow>("SELECT * FROM users ORDER BY username"),
    countUsers: db.prepare<[], { count: number }>("SELECT COUNT(*) AS count FROM users"),
    insertSession: db.prepare<SessionParams>(`
      INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at)
      VALUES (@idHash, @userId, @csrfToken, @createdAt, @expiresAt)`),
    deleteExpiredSessions: db.prepare<[string]>("DELETE FROM sessions WHERE expires_at <= ?"),
    sessionByIdHash: db.prepare<[string], SessionRow>("SELECT * FROM sessions WHERE id_hash = ?"),
    deleteSession: db.prepare<[string]>("DELETE FROM sessions WHERE id_hash = ?"),
    deleteSessionsOfUser: db.prepare<[string]>("DELETE FROM sessions WHERE user_id = ?"),
    insertNote: db.prepare<[string, string, string, string, string, string]>(
      "INSERT INTO notes (id, conversation_id, author_id, author_name, text, at) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    // The latest `limit`, handed back oldest first.
    notesOf: db.prepare<[string, number], NoteRow>(
      "SELECT * FROM (SELECT * FROM notes WHERE conversation_id = ? ORDER BY at DESC, id DESC LIMIT ?) ORDER BY at, id",
    ),
    insertAccountChange: db.prepare<[string, string]>("INSERT INTO account_changes (user_id, at) VALUES (?, ?)"),
    accountChangesAfter: db.prepare<[number, number], { seq: number; user_id: string; at: string }>("SELECT seq, user_id, at FROM account_changes WHERE seq > ? ORDER BY seq LIMIT ?"),
    insertAudit: db.prepare<AuditParams>(`
      INSERT INTO audit (id, at, actor_id, action, conversation_id, dossier_code, detail)
      VALUES (@id, @at, @actorId, @action, @conversationId, @dossierCode, @detail)`),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

interface Opened {
  db: Database.Database;
  statements: Statements;
  commitTurn: (write: TurnWrite, now: string) => TurnCommit;
}

/**
 * The embedded store: one SQLite file (`khai-ho.sqlite`) under `dataDir` through
 * `better-sqlite3`, with uploaded bytes as files under `dataDir/uploads/`. Nothing to install,
 * and a `kill -9` at any moment loses no committed turn.
 *
 * @example
 * const store = new SqliteStore({ dataDir: "./data" });
 * await store.open();
 * const result = await store.commitTurn({ conversationId, expectedVersion: 3, state, messages, dedupe, dossier: null });
 * if (!result.ok && result.reason === "conflict") {
 *   // another tab got there first: reload the conversation and run the turn again
 * }
 * await store.close();
 */
export class SqliteStore implements Store, ConsoleStore {
  private readonly dataDir: string;
  private readonly uploadsDir: string;
  private opened: Opened | null = null;

  /**
   * @param options.dataDir The folder for the database file and the uploads; created (mode 0700:
   *   it holds citizens' personal data) when missing.
   */
  constructor(options: SqliteStoreOptions) {
    this.dataDir = path.resolve(options.dataDir);
    this.uploadsDir = path.join(this.dataDir, "uploads");
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
    const db = new Database(this.filePath);
    try {
      // WAL: readers never block the writer, and a commit is one append to the log.
      db.pragma("journal_mode = WAL");
      // In WAL mode NORMAL writes every commit to the log before returning but fsyncs only at
      // checkpoints: a process crash (kill -9) loses nothing committed, since the OS still holds
      // the written pages; only a power cut or kernel crash can drop the last commits, and never
      // corrupts the file. FULL adds one fsync to every turn: measured here (ext4, a 3-row turn
      // with a 2 KB state) 230-260 µs per commit against 60-90 µs, all of it blocking the event
      // loop since better-sqlite3 is synchronous.
      db.pragma("synchronous = NORMAL");
      // Another process (a backup, the CLI) may hold the write lock briefly; wait rather than fail.
      db.pragma("busy_timeout = 5000");
      db.pragma("foreign_keys = ON");
      db.function(SEARCH_KEYS_FUNCTION, { deterministic: true }, (json) =>
        JSON.stringify(dossierSearchKeys(JSON.parse(String(json)) as Dossier)),
      );
      migrate(db);
      const statements = prepareStatements(db);
      const commitTurn = db.transaction((write: TurnWrite, now: string) => commitTurnIn(statements, write, now));
      // IMMEDIATE takes the write lock before the dedupe read: a deferred transaction that reads
      // first and then writes fails with SQLITE_BUSY (without waiting) if another connection
      // wrote in between.
      this.opened = { db, statements, commitTurn: (write, now) => commitTurn.immediate(write, now) };
    } catch (error) {
      db.close();
      throw error;
    }
    await removeTempFiles(this.uploadsDir);
  }

  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = null;
    opened?.db.close();
  }

  async ping(): Promise<boolean> {
    try {
      return this.opened?.statements.ping.get()?.one === 1;
    } catch {
      return false;
    }
  }

  async createConversation(record: ConversationRecord): Promise<void> {
    this.statements.insertConversation.run({
      id: String(record.id),
      tokenHash: String(record.tokenHash),
      channel: record.channel,
      locale: record.locale,
      unitId: record.unitId,
      state: JSON.stringify(record.state),
      status: record.status,
      procedureId: record.procedureId,
      lastSeq: record.lastSeq,
      version: record.version,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    });
  }

  async getConversation(id: string): Promise<ConversationRecord | null> {
    const row = this.statements.conversationById.get(String(id));
    return row ? toConversation(row) : null;
  }

  async findConversationByTokenHash(tokenHash: string): Promise<ConversationRecord | null> {
    const row = this.statements.conversationByTokenHash.get(String(tokenHash));
    return row ? toConversation(row) : null;
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
    assertTurnConsistent(write);
    return this.ensureOpen().commitTurn(write, new Date().toISOString());
  }

  async listMessages(conversationId: string, afterSeq: number, limit: number): Promise<MessageRecord[]> {
    const window = messageWindow(afterSeq, limit);
    if (window.limit === 0) return [];
    return this.statements.listMessages.all(String(conversationId), window.afterSeq, window.limit).map(toMessage);
  }

  async findDedupe(conversationId: string, clientMessageId: string): Promise<DedupeRecord | null> {
    const row = this.statements.dedupe.get(String(conversationId), String(clientMessageId));
    return row ? toDedupe(row) : null;
  }

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
    const max = listLimit(filter.limit);
    const units = unitFilter(filter.unitIds);
    const statuses = statusFilter(filter.statuses);
    if (max === 0 || statuses.length === 0 || units?.length === 0) return [];
    const db = this.ensureOpen().db;
    const unitCondition = units === null ? "" : `AND unit_id IN (${placeholders(units.length)})`;
    const rows = db
      .prepare<(string | number)[], ConversationRow>(
        `SELECT * FROM conversations WHERE status IN (${placeholders(statuses.length)}) ${unitCondition}
          ORDER BY updated_at, id LIMIT ?`,
      )
      .all(...statuses, ...(units ?? []), max);
    return rows.map(toConversation);
  }

  async getDossier(code: string): Promise<Dossier | null> {
    return (await this.getDossierOwner(code))?.dossier ?? null;
  }

  async getDossierOwner(code: string): Promise<{ dossier: Dossier; conversationId: string } | null> {
    const row = this.statements.dossier.get(String(code));
    return row ? { dossier: JSON.parse(row.dossier) as Dossier, conversationId: row.conversation_id } : null;
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
    const max = listLimit(filter.limit);
    const units = unitFilter(filter.unitIds);
    if (max === 0 || units?.length === 0) return [];
    const search = dossierSearch(filter.query);
    const db = this.ensureOpen().db;
    const conditions: string[] = [];
    const params: (string | number)[] = [];
    if (units !== null) {
      conditions.push(`unit_id IN (${placeholders(units.length)})`);
      params.push(...units);
    }
    if (search) {
      const matches = ["SELECT code FROM dossier_search WHERE key = ?"];
      params.push(search.code);
      if (search.phone) {
        matches.push("SELECT code FROM dossier_search WHERE key = ?");
        params.push(search.phone);
      }
      if (search.names.length > 0) {
        // The primary key makes (key, code) unique: a code found once per word has every word.
        matches.push(
          `SELECT code FROM dossier_search WHERE key IN (${placeholders(search.names.length)}) GROUP BY code HAVING COUNT(*) = ?`,
        );
        params.push(...search.names, search.names.length);
      }
      conditions.push(`code IN (${matches.join(" UNION ")})`);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
    const rows = db
      .prepare<(string | number)[], { dossier: string; conversation_id: string }>(
        `SELECT dossier, conversation_id FROM dossiers ${where} ORDER BY created_at DESC, code DESC LIMIT ?`,
      )
      .all(...params, max);
    return rows.map((row) => ({ dossier: JSON.parse(row.dossier) as Dossier, conversationId: row.conversation_id }));
  }

  async getCounter(name: string): Promise<number> {
    return this.statements.counter.get(String(name))?.value ?? 0;
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
    assertUploadMatches(record, bytes);
    const statements = this.statements;
    if (!statements.conversationExists.get(String(record.conversationId))) {
      throw conversationNotFound(record.conversationId);
    }
    if (statements.upload.get(record.id)) throw uploadExists(record.id);
    const finalPath = this.uploadPath(record.id);
    const tempPath = path.join(this.uploadsDir, `.${record.id}.${randomBytes(6).toString("hex")}${TEMP_SUFFIX}`);
    try {
      const file = await openFile(tempPath, "wx", 0o600);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      // A link, not a rename: rename silently replaces an existing file, link refuses the name
      // atomically, so two saves of one id can never swap the bytes of a stored upload.
      await link(tempPath, finalPath).catch((error: NodeJS.ErrnoException) => {
        throw error.code === "EEXIST" ? uploadExists(record.id) : error;
      });
      await syncDirectory(this.uploadsDir);
    } finally {
      await rm(tempPath, { force: true });
    }
    try {
      statements.insertUpload.run(record.id, String(record.conversationId), record.mimeType, record.size, record.createdAt);
    } catch (error) {
      await rm(finalPath, { force: true });
      throw error;
    }
  }

  async getUpload(id: string): Promise<{ record: UploadRecord; bytes: Buffer } | null> {
    assertUploadId(id);
    const row = this.statements.upload.get(id);
    if (!row) return null;
    const bytes = await readFile(this.uploadPath(id));
    return {
      record: {
        id: row.id,
        conversationId: row.conversation_id,
        mimeType: row.mime_type as UploadRecord["mimeType"],
        size: row.size,
        createdAt: row.created_at,
      },
      bytes,
    };
  }

  // Upload retention and quota.

  async uploadUsage(conversationId: string): Promise<{ files: number; bytes: number }> {
    const row = this.statements.uploadUsage.get(String(conversationId));
    return { files: row?.files ?? 0, bytes: row?.bytes ?? 0 };
  }

  /**
   * Deletes the rows first, then the files: a crash in between leaves files no row names, which
   * this sweep removes too, with the temporary files of saves that never finished.
   *
   * @example
   * await store.deleteUnattachedUploads(new Date(Date.now() - 60 * 60_000).toISOString()); // 2
   */
  async deleteUnattachedUploads(olderThan: string): Promise<number> {
    assertIsoInstant(olderThan, "olderThan");
    const deleted = this.statements.deleteUnattachedUploads.all(olderThan);
    await Promise.all(deleted.map(({ id }) => rm(this.uploadPath(id), { force: true })));
    await this.removeStrayUploadFiles(new Date(olderThan));
    return deleted.length;
  }

  /**
   * Removes temporary files and files without a row, last written before `before`: only a crash
   * leaves them, and a save under way (this process, another node's CLI) is never that old.
   */
  private async removeStrayUploadFiles(before: Date): Promise<void> {
    const recorded = new Set(this.statements.uploadIds.all().map(({ id }) => id));
    const names = (await readdir(this.uploadsDir)).filter((name) => !recorded.has(name));
    await Promise.all(
      names.map(async (name) => {
        const file = path.join(this.uploadsDir, name);
        const written = await stat(file).catch(() => null);
        if (written?.isFile() && written.mtimeMs < before.getTime()) await rm(file, { force: true });
      }),
    );
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
      this.statements.insertUser.run(toUserParams(user));
    } catch (error) {
      throw userWriteError(error, user);
    }
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const row = this.statements.userById.get(String(id));
    return row ? toUser(row) : null;
  }

  /** Case-insensitive: "Lan.Nguyen" finds "lan.nguyen". */
  async getUserByUsername(username: string): Promise<UserRecord | null> {
    const row = this.statements.userByUsername.get(normalizeUsername(username));
    return row ? toUser(row) : null;
  }

  /**
   * Replaces every field of the user with that id, the username included (still unique).
   *
   * @example
   * if (!(await store.updateUser({ ...user, disabled: true, updatedAt: now }))) throw new Error("no such user");
   */
  async updateUser(user: UserRecord): Promise<boolean> {
    try {
      return this.statements.updateUser.run(toUserParams(user)).changes > 0;
    } catch (error) {
      throw userWriteError(error, user);
    }
  }

  async listUsers(): Promise<UserRecord[]> {
    return this.statements.listUsers.all().map(toUser);
  }

  async countUsers(): Promise<number> {
    return this.statements.countUsers.get()?.count ?? 0;
  }

  /**
   * Stores a login. SQLite has no TTL index, so each login also sweeps the sessions already
   * expired: logins are rare, and a stale row keeps a CSRF token around for nothing.
   */
  async createSession(session: SessionRecord): Promise<void> {
    assertIsoInstant(session.expiresAt, "session expiresAt");
    const statements = this.statements;
    statements.deleteExpiredSessions.run(new Date().toISOString());
    statements.insertSession.run({
      idHash: String(session.idHash),
      userId: String(session.userId),
      csrfToken: String(session.csrfToken),
      createdAt: session.createdAt,
      expiresAt: session.expiresAt,
    });
  }

  /** Null for an unknown session and for one past its `expiresAt`. */
  async getSession(idHash: string): Promise<SessionRecord | null> {
    const row = this.statements.sessionByIdHash.get(String(idHash));
    if (!row) return null;
    const session: SessionRecord = {
      idHash: row.id_hash,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    };
    return sessionExpired(session, new Date()) ? null : session;
  }

  async deleteSession(idHash: string): Promise<void> {
    this.statements.deleteSession.run(String(idHash));
  }

  async deleteSessionsOfUser(userId: string): Promise<void> {
    this.statements.deleteSessionsOfUser.run(String(userId));
  }

  /**
   * @example
   * await store.appendAudit({ id, at: now, actorId: clerk.id, action: "dossier.patch", dossierCode, detail: { field: "ngaySinh" } });
   */
  async appendAudit(entry: AuditRecord): Promise<void> {
    assertIsoInstant(entry.at, `audit entry ${String(entry.id)} at`);
    this.statements.insertAudit.run({
      id: String(entry.id),
      at: entry.at,
      actorId: String(entry.actorId),
      action: String(entry.action),
      conversationId: entry.conversationId === undefined ? null : String(entry.conversationId),
      dossierCode: entry.dossierCode === undefined ? null : String(entry.dossierCode),
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    });
  }

  /**
   * The newest entries matching every given filter, at most `limit` (nothing for a limit of 0
   * or less). Entries of the same instant come in descending id order, as in MongoDB.
   *
   * @example
   * const trail = await store.listAudit({ dossierCode: "HN-20260302-0001" }, 50);
   */
  async listAudit(filter: { actorId?: string; conversationId?: string; dossierCode?: string }, limit: number): Promise<AuditRecord[]> {
    const max = listLimit(limit);
    if (max === 0) return [];
    const db = this.ensureOpen().db;
    const conditions: string[] = [];
    const params: (string | number)[] = [];
    // Fixed column names only; the values go in as bound strings.
    for (const [column, value] of [
      ["actor_id", filter.actorId],
      ["conversation_id", filter.conversationId],
      ["dossier_code", filter.dossierCode],
    ] as const) {
      if (value === undefined) continue;
      conditions.push(`${column} = ?`);
      params.push(String(value));
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
    const rows = db
      .prepare<(string | number)[], AuditRow>(`SELECT * FROM audit ${where} ORDER BY at DESC, id DESC LIMIT ?`)
      .all(...params, max);
    return rows.map(toAudit);
  }

  /**
   * @example
   * await store.appendNote({ id, conversationId, authorId: clerk.id, authorName: "Nguyễn Thị Lan", text: "Đã gọi lại", at: now });
   */
  async appendNote(note: NoteRecord): Promise<void> {
    assertIsoInstant(note.at, `note ${String(note.id)} at`);
    this.statements.insertNote.run(String(note.id), String(note.conversationId), String(note.authorId), String(note.authorName), String(note.text), note.at);
  }

  async listNotes(conversationId: string, limit: number): Promise<NoteRecord[]> {
    const max = listLimit(limit);
    if (max === 0) return [];
    return this.statements.notesOf.all(String(conversationId), max).map((row) => ({
      id: row.id,
      conversationId: row.conversation_id,
      authorId: row.author_id,
      authorName: row.author_name,
      text: row.text,
      at: row.at,
    }));
  }

  // Account changes.

  async appendAccountChange(userId: string, at: string): Promise<number> {
    assertIsoInstant(at, `account change of ${String(userId)} at`);
    return Number(this.statements.insertAccountChange.run(String(userId), at).lastInsertRowid);
  }

  async listAccountChanges(afterSeq: number, limit: number): Promise<AccountChange[]> {
    const max = listLimit(limit);
    if (max === 0) return [];
    return this.statements.accountChangesAfter.all(Number(afterSeq) || 0, max).map((row) => ({ seq: row.seq, userId: row.user_id, at: row.at }));
  }

  private get statements(): Statements {
    return this.ensureOpen().statements;
  }

  private ensureOpen(): Opened {
    if (!this.opened) throw storeNotOpen();
    return this.opened;
  }

  private uploadPath(id: string): string {
    assertUploadId(id);
    return path.join(this.uploadsDir, id);
  }
}

function placeholders(count: number): string {
  return Array.from({ length: count }, () => "?").join(", ");
}

function migrate(db: Database.Database): void {
  const run = db.transaction(() => {
    const current = db.pragma("user_version", { simple: true }) as number;
    if (current > SQLITE_MIGRATIONS.length) {
      throw new Error(
        `STORE_SCHEMA_NEWER: ${SQLITE_FILE_NAME} has schema version ${current}, this release knows ${SQLITE_MIGRATIONS.length}; run the newer release`,
      );
    }
    for (const sql of SQLITE_MIGRATIONS.slice(current)) db.exec(sql);
    if (current < SQLITE_MIGRATIONS.length) db.pragma(`user_version = ${SQLITE_MIGRATIONS.length}`);
  });
  // Two processes opening a fresh file at once: the write lock makes the second one see the
  // first one's schema instead of creating the tables again.
  run.immediate();
}

function commitTurnIn(statements: Statements, write: TurnWrite, now: string): TurnCommit {
  const conversationId = String(write.conversationId);
  if (write.dedupe) {
    const stored = statements.dedupe.get(conversationId, String(write.dedupe.clientMessageId));
    if (stored) return { ok: false, reason: "duplicate", dedupe: toDedupe(stored) };
  }
  // The transaction holds the write lock: the counter read here is still the counter at commit.
  const claim = write.counterClaim ?? null;
  if (claim && (statements.counter.get(String(claim.name))?.value ?? 0) !== Number(claim.value) - 1) return { ok: false, reason: "conflict" };
  const updated = statements.updateConversation.get({
    id: conversationId,
    expectedVersion: Number(write.expectedVersion),
    state: JSON.stringify(write.state),
    status: write.state.status,
    procedureId: write.state.flowId,
    locale: write.state.locale,
    unitId: write.state.unitId,
    lastSeq: write.messages.length > 0 ? Math.max(...write.messages.map((message) => message.seq)) : null,
    updatedAt: now,
  });
  if (!updated) {
    if (!statements.conversationExists.get(conversationId)) throw conversationNotFound(conversationId);
    return { ok: false, reason: "conflict" };
  }
  for (const message of write.messages) statements.insertMessage.run(toMessageParams(message));
  if (claim) statements.setCounter.run(String(claim.name), Number(claim.value));
  if (write.dedupe) {
    const { dedupe } = write;
    statements.insertDedupe.run({
      conversationId,
      clientMessageId: String(dedupe.clientMessageId),
      contentHash: dedupe.contentHash,
      messageId: dedupe.messageId,
      seq: dedupe.seq,
      at: dedupe.at,
    });
  }
  if (write.dossier) {
    const { dossier } = write;
    const written = statements.upsertDossier.run({
      code: String(dossier.code),
      conversationId,
      unitId: dossier.unitId === null || dossier.unitId === undefined ? null : String(dossier.unitId),
      status: dossier.status,
      dossier: JSON.stringify(dossier),
      createdAt: dossier.createdAt,
      updatedAt: dossier.updatedAt,
    });
    if (written.changes === 0) throw dossierCodeTaken(dossier.code);
    const code = String(dossier.code);
    statements.deleteSearchKeys.run(code);
    for (const key of dossierSearchKeys(dossier)) statements.insertSearchKey.run(key, code);
  }
  return { ok: true, version: updated.version };
}

function toConversation(row: ConversationRow): ConversationRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    channel: row.channel as ConversationRecord["channel"],
    locale: row.locale as ConversationRecord["locale"],
    unitId: row.unit_id,
    state: restoreState(JSON.parse(row.state)),
    status: row.status as ConversationRecord["status"],
    procedureId: row.procedure_id,
    lastSeq: row.last_seq,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toMessageParams(message: MessageRecord): MessageParams {
  return {
    conversationId: String(message.conversationId),
    seq: message.seq,
    id: String(message.id),
    author: message.author,
    text: message.text,
    choices: message.choices === undefined ? null : JSON.stringify(message.choices),
    input: message.input === undefined ? null : JSON.stringify(message.input),
    // `null` (the bar hidden) and absent (unchanged) differ, so null is stored as the JSON "null".
    progress: message.progress === undefined ? null : JSON.stringify(message.progress),
    clientMessageId: message.clientMessageId ?? null,
    choice: message.choice ?? null,
    attachmentId: message.attachmentId ?? null,
    at: message.at,
  };
}

function toMessage(row: MessageRow): MessageRecord {
  const message: MessageRecord = {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    author: row.author as MessageRecord["author"],
    text: row.text,
    at: row.at,
  };
  if (row.choices !== null) message.choices = JSON.parse(row.choices) as MessageRecord["choices"];
  if (row.input !== null) message.input = JSON.parse(row.input) as MessageRecord["input"];
  if (row.progress !== null) message.progress = JSON.parse(row.progress) as MessageRecord["progress"];
  if (row.client_message_id !== null) message.clientMessageId = row.client_message_id;
  if (row.choice !== null) message.choice = row.choice;
  if (row.attachment_id !== null) message.attachmentId = row.attachment_id;
  return message;
}

function toDedupe(row: DedupeRow): DedupeRecord {
  return {
    conversationId: row.conversation_id,
    clientMessageId: row.client_message_id,
    contentHash: row.content_hash,
    messageId: row.message_id,
    seq: row.seq,
    at: row.at,
  };
}

function toUserParams(user: UserRecord): UserParams {
  return {
    id: String(user.id),
    username: normalizeUsername(user.username),
    displayName: String(user.displayName),
    role: String(user.role),
    unitIds: JSON.stringify(user.unitIds.map(String)),
    passwordHash: String(user.passwordHash),
    disabled: user.disabled ? 1 : 0,
    mustChangePassword: user.mustChangePassword ? 1 : 0,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as UserRecord["role"],
    unitIds: JSON.parse(row.unit_ids) as string[],
    passwordHash: row.password_hash,
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The unique constraint, not a read before the write, decides: the CLI may write at the same
 * time. Recognised by its code, not by `instanceof SqliteError`: the addon keeps the error class
 * of the first copy of better-sqlite3 loaded in the process, which need not be this one.
 */
function userWriteError(error: unknown, user: UserRecord): unknown {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code !== "SQLITE_CONSTRAINT_UNIQUE" && code !== "SQLITE_CONSTRAINT_PRIMARYKEY") return error;
  if (String(message).includes("users.username")) return usernameTaken(normalizeUsername(user.username));
  if (String(message).includes("users.id")) return userExists(String(user.id));
  return error;
}

function toAudit(row: AuditRow): AuditRecord {
  const entry: AuditRecord = { id: row.id, at: row.at, actorId: row.actor_id, action: row.action };
  if (row.conversation_id !== null) entry.conversationId = row.conversation_id;
  if (row.dossier_code !== null) entry.dossierCode = row.dossier_code;
  if (row.detail !== null) entry.detail = JSON.parse(row.detail) as AuditRecord["detail"];
  return entry;
}

/** A rename is durable only once the directory entry is on disk too. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await openFile(directory, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function removeTempFiles(directory: string): Promise<void> {
  const names = await readdir(directory);
  await Promise.all(
    names
      .filter((name) => name.startsWith(".") && name.endsWith(TEMP_SUFFIX))
      .map((name) => rm(path.join(directory, name), { force: true })),
  );
}
