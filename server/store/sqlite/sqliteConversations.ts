import type Database from "better-sqlite3";
import { restoreState } from "../../engine/conversationState";
import type {
  ConversationRecord,
  ConversationStore,
  DedupeRecord,
  MessageRecord,
  TurnCommit,
  TurnLoad,
  TurnWrite,
} from "../conversationStore";
import { assertTurnConsistent, conversationNotFound, messageWindow } from "../storeChecks";
import { WhileOpen } from "../whileOpen";
import type { SqliteDossiers } from "./sqliteDossiers";

export interface ConversationRow {
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
  via: string | null;
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

function prepareConversationStatements(db: Database.Database) {
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
                            client_message_id, choice, attachment_id, via, at)
      VALUES (@conversationId, @seq, @id, @author, @text, @choices, @input, @progress,
              @clientMessageId, @choice, @attachmentId, @via, @at)`),
    insertServiceEvent: db.prepare<[string, string, string | null, string, number | null, string | null]>(
      "INSERT INTO service_events (kind, conversation_id, unit_id, at, value, text) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    listMessages: db.prepare<[string, number, number], MessageRow>(
      "SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?",
    ),
    dedupe: db.prepare<[string, string], DedupeRow>(
      "SELECT * FROM dedupe WHERE conversation_id = ? AND client_message_id = ?",
    ),
    insertDedupe: db.prepare<DedupeParams>(`
      INSERT INTO dedupe (conversation_id, client_message_id, content_hash, message_id, seq, at)
      VALUES (@conversationId, @clientMessageId, @contentHash, @messageId, @seq, @at)`),
    counter: db.prepare<[string], { value: number }>("SELECT value FROM counters WHERE name = ?"),
    setCounter: db.prepare<[string, number]>(
      "INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
    ),
  };
}

type ConversationStatements = ReturnType<typeof prepareConversationStatements>;

interface Opened {
  statements: ConversationStatements;
  commitTurn: (write: TurnWrite, now: string) => TurnCommit;
}

/**
 * Conversations, messages, dedupe keys and counters in SQLite, and the one transaction a turn
 * commits in (the dossier's part of it is written by `SqliteDossiers`).
 */
export class SqliteConversations implements ConversationStore {
  private readonly opened = new WhileOpen<Opened>();

  /** @param dossiers Writes a turn's dossier inside the turn's transaction. */
  constructor(private readonly dossiers: SqliteDossiers) {}

  attach(db: Database.Database): void {
    const statements = prepareConversationStatements(db);
    const commitTurn = db.transaction((write: TurnWrite, now: string) => this.commitTurnIn(statements, write, now));
    // IMMEDIATE takes the write lock before the dedupe read: a deferred transaction that reads
    // first and then writes fails with SQLITE_BUSY (without waiting) if another connection
    // wrote in between.
    this.opened.set({ statements, commitTurn: (write, now) => commitTurn.immediate(write, now) });
  }

  detach(): void {
    this.opened.clear();
  }

  async createConversation(record: ConversationRecord): Promise<void> {
    this.insertConversation(record);
  }

  /** `createConversation`, synchronous: the turn writer thread runs it inside its group transaction. */
  insertConversation(record: ConversationRecord): void {
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

  /** Whether a conversation of that id was created: uploads are refused for any other. */
  conversationExists(id: string): boolean {
    return this.statements.conversationExists.get(String(id)) !== undefined;
  }

  async commitTurn(write: TurnWrite): Promise<TurnCommit> {
    return this.commitTurnNow(write);
  }

  /**
   * `commitTurn`, synchronous. Inside a transaction already open (the turn writer thread's group
   * commit) it is a savepoint: a turn that throws rolls back alone.
   */
  commitTurnNow(write: TurnWrite): TurnCommit {
    assertTurnConsistent(write);
    return this.opened.get().commitTurn(write, new Date().toISOString());
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

  // The turn's read: three indexed lookups, synchronous, so nothing can commit between them.
  async loadTurn(conversationId: string, clientMessageId: string | null, recent: number): Promise<TurnLoad | null> {
    const record = await this.getConversation(conversationId);
    if (!record) return null;
    return {
      record,
      dedupe: clientMessageId === null ? null : await this.findDedupe(conversationId, clientMessageId),
      recent: recent > 0 ? await this.listMessages(conversationId, Math.max(0, record.lastSeq - recent), recent) : [],
    };
  }

  async getCounter(name: string): Promise<number> {
    return this.statements.counter.get(String(name))?.value ?? 0;
  }

  private get statements(): ConversationStatements {
    return this.opened.get().statements;
  }

  private commitTurnIn(statements: ConversationStatements, write: TurnWrite, now: string): TurnCommit {
    const conversationId = String(write.conversationId);
    if (write.dedupe) {
      const stored = statements.dedupe.get(conversationId, String(write.dedupe.clientMessageId));
      if (stored) return { ok: false, reason: "duplicate", dedupe: toDedupe(stored) };
    }
    // The transaction holds the write lock: the counter read here is still the counter at commit.
    const claim = write.counterClaim ?? null;
    if (claim && (statements.counter.get(String(claim.name))?.value ?? 0) !== Number(claim.value) - 1)
      return { ok: false, reason: "conflict" };
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
    if (write.dossier) this.dossiers.writeInTurn(conversationId, write.dossier);
    for (const event of write.events ?? []) {
      statements.insertServiceEvent.run(
        String(event.kind),
        conversationId,
        event.unitId === null ? null : String(event.unitId),
        String(event.at),
        typeof event.value === "number" ? event.value : null,
        typeof event.text === "string" ? event.text : null,
      );
    }
    return { ok: true, version: updated.version };
  }
}

export function toConversation(row: ConversationRow): ConversationRecord {
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
    via: message.via ?? null,
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
  if (row.via !== null) message.via = row.via as MessageRecord["via"];
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
