import type { Collection, Db, Document } from "mongodb";
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
import { isDuplicateKey } from "./isDuplicateKey";
import type { CounterDoc } from "./mongoConversations";

/** Named, so a duplicate key error can be told apart from one on `_id` by its message. */
const USERNAME_INDEX = "username_unique";

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

type AccountChangeDoc = Omit<AccountChange, "seq"> & { _id: number };

interface Opened {
  users: Collection<UserDoc>;
  sessions: Collection<SessionDoc>;
  accountChanges: Collection<AccountChangeDoc>;
  counters: Collection<CounterDoc>;
}

/** Console users, their sessions (removed by a TTL index) and the account change log in MongoDB. */
export class MongoAccounts implements AccountStore {
  private readonly opened = new WhileOpen<Opened>();

  attach(db: Db): void {
    this.opened.set({
      users: db.collection<UserDoc>("users"),
      sessions: db.collection<SessionDoc>("sessions"),
      accountChanges: db.collection<AccountChangeDoc>("accountChanges"),
      counters: db.collection<CounterDoc>("counters"),
    });
  }

  detach(): void {
    this.opened.clear();
  }

  async createIndexes(): Promise<void> {
    const { users, sessions } = this.opened.get();
    await Promise.all([
      users.createIndex({ username: 1 }, { unique: true, name: USERNAME_INDEX }),
      sessions.createIndex({ userId: 1 }, { name: "user" }),
      // The TTL monitor runs once a minute, so getSession still checks the time itself.
      sessions.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0, name: "expiresAt_ttl" }),
    ]);
  }

  async createUser(user: UserRecord): Promise<void> {
    try {
      await this.opened.get().users.insertOne(toUserDoc(user));
    } catch (error) {
      throw userWriteError(error, user);
    }
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const doc = await this.opened.get().users.findOne({ _id: String(id) });
    return doc ? toUser(doc) : null;
  }

  async getUserByUsername(username: string): Promise<UserRecord | null> {
    const doc = await this.opened.get().users.findOne({ username: normalizeUsername(username) });
    return doc ? toUser(doc) : null;
  }

  async updateUser(user: UserRecord): Promise<boolean> {
    const { _id, ...fields } = toUserDoc(user);
    try {
      const result = await this.opened.get().users.replaceOne({ _id }, fields);
      return result.matchedCount > 0;
    } catch (error) {
      throw userWriteError(error, user);
    }
  }

  async listUsers(): Promise<UserRecord[]> {
    const docs = await this.opened.get().users.find({}).sort({ username: 1 }).toArray();
    return docs.map(toUser);
  }

  async countUsers(): Promise<number> {
    return this.opened.get().users.countDocuments({});
  }

  async createSession(session: SessionRecord): Promise<void> {
    assertIsoInstant(session.expiresAt, "session expiresAt");
    await this.opened.get().sessions.insertOne({
      _id: String(session.idHash),
      userId: String(session.userId),
      csrfToken: String(session.csrfToken),
      createdAt: session.createdAt,
      expiresAt: new Date(session.expiresAt),
    });
  }

  async getSession(idHash: string): Promise<SessionRecord | null> {
    const doc = await this.opened.get().sessions.findOne({ _id: String(idHash) });
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
    await this.opened.get().sessions.deleteOne({ _id: String(idHash) });
  }

  async deleteSessionsOfUser(userId: string): Promise<void> {
    await this.opened.get().sessions.deleteMany({ userId: String(userId) });
  }

  /**
   * The number comes from a counter before the insert, so two changes made at the same instant
   * may land out of order; a node reading between them would skip the first. Accounts are
   * changed by hand, one command at a time, which makes that window theoretical.
   */
  async appendAccountChange(userId: string, at: string): Promise<number> {
    assertIsoInstant(at, `account change of ${String(userId)} at`);
    const counter = await this.opened
      .get()
      .counters.findOneAndUpdate(
        { _id: "accountChanges" },
        { $inc: { value: 1 } },
        { upsert: true, returnDocument: "after" },
      );
    const seq = counter!.value;
    await this.opened.get().accountChanges.insertOne({ _id: seq, userId: String(userId), at });
    return seq;
  }

  async listAccountChanges(afterSeq: number, limit: number): Promise<AccountChange[]> {
    const max = listLimit(limit);
    if (max === 0) return [];
    const docs = await this.opened
      .get()
      .accountChanges.find({ _id: { $gt: Number(afterSeq) || 0 } })
      .sort({ _id: 1 })
      .limit(max)
      .toArray();
    return docs.map(({ _id, ...rest }) => ({ seq: _id, ...rest }));
  }
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
  const { keyPattern, message } = error;
  const onUsername = (keyPattern as Document | undefined)?.username !== undefined || message.includes(USERNAME_INDEX);
  return onUsername ? usernameTaken(normalizeUsername(user.username)) : userExists(String(user.id));
}
