import type Database from "better-sqlite3";
import type { AccountChange, AccountStore, SessionRecord, UserRecord } from "../accountStore";
import {
  assertIsoInstant,
  listLimit,
  normalizeUsername,
  sessionExpired,
  userExists,
  usernameTaken,
} from "../storeChecks";
import { WhileOpen } from "../whileOpen";

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

function prepareAccountStatements(db: Database.Database) {
  return {
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
    insertAccountChange: db.prepare<[string, string]>("INSERT INTO account_changes (user_id, at) VALUES (?, ?)"),
    accountChangesAfter: db.prepare<[number, number], { seq: number; user_id: string; at: string }>(
      "SELECT seq, user_id, at FROM account_changes WHERE seq > ? ORDER BY seq LIMIT ?",
    ),
  };
}

type AccountStatements = ReturnType<typeof prepareAccountStatements>;

/** Console users, their sessions and the account change log in SQLite. */
export class SqliteAccounts implements AccountStore {
  private readonly opened = new WhileOpen<AccountStatements>();

  attach(db: Database.Database): void {
    this.opened.set(prepareAccountStatements(db));
  }

  detach(): void {
    this.opened.clear();
  }

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

  async getUserByUsername(username: string): Promise<UserRecord | null> {
    const row = this.statements.userByUsername.get(normalizeUsername(username));
    return row ? toUser(row) : null;
  }

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
   * SQLite has no TTL index, so each login also sweeps the sessions already expired: logins are
   * rare, and a stale row keeps a CSRF token around for nothing.
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

  async appendAccountChange(userId: string, at: string): Promise<number> {
    assertIsoInstant(at, `account change of ${String(userId)} at`);
    return Number(this.statements.insertAccountChange.run(String(userId), at).lastInsertRowid);
  }

  async listAccountChanges(afterSeq: number, limit: number): Promise<AccountChange[]> {
    const max = listLimit(limit);
    if (max === 0) return [];
    return this.statements.accountChangesAfter
      .all(Number(afterSeq) || 0, max)
      .map((row) => ({ seq: row.seq, userId: row.user_id, at: row.at }));
  }

  private get statements(): AccountStatements {
    return this.opened.get();
  }
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
