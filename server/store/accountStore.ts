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

/** An account was disabled or its password set: every server node cuts off its open consoles. */
export interface AccountChange {
  /** Increasing, from 1. */
  seq: number;
  userId: string;
  at: string;
}

/** Console accounts: users, their sessions, and the log of account changes every node follows. */
export interface AccountStore {
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

  // Account changes: the command line is another process, and the store is all it shares with
  // the servers; each node polls this log to act within a second.
  /** Records that an account changed (disabled, password set); returns the change's `seq`. */
  appendAccountChange(userId: string, at: string): Promise<number>;
  /** Changes with `seq > afterSeq`, oldest first, at most `limit`. */
  listAccountChanges(afterSeq: number, limit: number): Promise<AccountChange[]>;
}
