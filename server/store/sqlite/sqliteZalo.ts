import type Database from "better-sqlite3";
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

interface InboxRow {
  event_key: string;
  body: string;
  received_at: string;
  processed_at: string | null;
}

interface ContactRow {
  oa_id: string;
  user_id: string;
  conversation_id: string;
  display_name: string | null;
  delivered_seq: number;
  unreachable_code: number | null;
  unreachable_since: string | null;
  retry_at: string | null;
  created_at: string;
  updated_at: string;
}

interface TokensRow {
  access_token: string;
  refresh_token: string;
  expires_at: string;
  seeded_from: string;
  version: number;
}

const TOKEN_REFRESH_LEASE = "zalo-token-refresh";

function prepareZaloStatements(db: Database.Database) {
  return {
    db,
    addEvent: db.prepare<[string, string, string]>(
      "INSERT INTO zalo_inbox (event_key, body, received_at) VALUES (?, ?, ?) ON CONFLICT (event_key) DO NOTHING",
    ),
    pendingEvents: db.prepare<[number], InboxRow>(
      "SELECT * FROM zalo_inbox WHERE processed_at IS NULL ORDER BY received_at, event_key LIMIT ?",
    ),
    event: db.prepare<[string], InboxRow>("SELECT * FROM zalo_inbox WHERE event_key = ?"),
    markProcessed: db.prepare<[string, string]>(
      "UPDATE zalo_inbox SET processed_at = ? WHERE event_key = ? AND processed_at IS NULL",
    ),
    deleteProcessed: db.prepare<[string]>("DELETE FROM zalo_inbox WHERE processed_at IS NOT NULL AND received_at < ?"),
    contact: db.prepare<[string, string], ContactRow>("SELECT * FROM zalo_contacts WHERE oa_id = ? AND user_id = ?"),
    contactOf: db.prepare<[string], ContactRow>("SELECT * FROM zalo_contacts WHERE conversation_id = ?"),
    insertContact: db.prepare<ContactRow>(`
      INSERT INTO zalo_contacts (oa_id, user_id, conversation_id, display_name, delivered_seq, unreachable_code,
                                 unreachable_since, retry_at, created_at, updated_at)
      VALUES (@oa_id, @user_id, @conversation_id, @display_name, @delivered_seq, @unreachable_code,
              @unreachable_since, @retry_at, @created_at, @updated_at)
      ON CONFLICT (oa_id, user_id) DO NOTHING`),
    backlog: db.prepare<[string, number], ContactRow & { last_seq: number }>(`
      SELECT z.*, c.last_seq FROM zalo_contacts z JOIN conversations c ON c.id = z.conversation_id
      WHERE z.delivered_seq < c.last_seq AND z.unreachable_code IS NULL AND (z.retry_at IS NULL OR z.retry_at <= ?)
      ORDER BY z.updated_at, z.conversation_id LIMIT ?`),
    countBacklog: db.prepare<[], { waiting: number; unreachable: number }>(`
      SELECT COUNT(*) AS waiting, COALESCE(SUM(z.unreachable_code IS NOT NULL), 0) AS unreachable
      FROM zalo_contacts z JOIN conversations c ON c.id = z.conversation_id WHERE z.delivered_seq < c.last_seq`),
    tokens: db.prepare<[], TokensRow>("SELECT * FROM zalo_tokens WHERE id = 1"),
    insertTokens: db.prepare<[string, string, string, string]>(`
      INSERT INTO zalo_tokens (id, access_token, refresh_token, expires_at, seeded_from, version)
      VALUES (1, ?, ?, ?, ?, 1) ON CONFLICT (id) DO NOTHING`),
    updateTokens: db.prepare<[string, string, string, string, number]>(`
      UPDATE zalo_tokens SET access_token = ?, refresh_token = ?, expires_at = ?, seeded_from = ?, version = version + 1
      WHERE id = 1 AND version = ?`),
    claimLease: db.prepare<[string, string, string, string, string]>(`
      INSERT INTO leases (name, holder, until) VALUES (?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
      WHERE leases.until <= ? OR leases.holder = ?`),
    releaseLease: db.prepare<[string, string]>("DELETE FROM leases WHERE name = ? AND holder = ?"),
  };
}

type ZaloStatements = ReturnType<typeof prepareZaloStatements>;

/** The writes of the Zalo aggregate: run on the turn writer thread when there is one. */
export const SQLITE_ZALO_WRITES = [
  "addZaloEvent",
  "markZaloEventProcessed",
  "deleteProcessedZaloEvents",
  "createZaloContact",
  "updateZaloContact",
  "saveZaloTokens",
  "claimZaloTokenRefresh",
  "releaseZaloTokenRefresh",
  "claimZaloLease",
  "releaseZaloLease",
] as const;
export type SqliteZaloWrite = (typeof SQLITE_ZALO_WRITES)[number];

/**
 * The Zalo channel's inbox, contacts, tokens and lease in SQLite, synchronous: `SqliteStore`
 * gives the reads on its connection and the writes on the turn writer thread's, inside its
 * group commits (a write on the socket thread's connection would wait for that thread's lock).
 */
export class SqliteZalo {
  private readonly opened = new WhileOpen<ZaloStatements>();
  // The patch statements, one per set of columns a patch changes.
  private readonly patches = new Map<string, Database.Statement>();

  attach(db: Database.Database): void {
    this.opened.set(prepareZaloStatements(db));
  }

  detach(): void {
    this.opened.clear();
    this.patches.clear();
  }

  addZaloEvent(event: { eventKey: string; body: string; receivedAt: string }): boolean {
    assertIsoInstant(event.receivedAt, `zalo event ${event.eventKey} receivedAt`);
    return this.opened.get().addEvent.run(String(event.eventKey), String(event.body), event.receivedAt).changes === 1;
  }

  listPendingZaloEvents(limit: number): ZaloInboxRecord[] {
    return this.opened.get().pendingEvents.all(listLimit(limit)).map(toEvent);
  }

  getZaloEvent(eventKey: string): ZaloInboxRecord | null {
    const row = this.opened.get().event.get(String(eventKey));
    return row ? toEvent(row) : null;
  }

  markZaloEventProcessed(eventKey: string, at: string): void {
    assertIsoInstant(at, `zalo event ${eventKey} processedAt`);
    this.opened.get().markProcessed.run(at, String(eventKey));
  }

  deleteProcessedZaloEvents(before: string): number {
    assertIsoInstant(before, "zalo events before");
    return this.opened.get().deleteProcessed.run(before).changes;
  }

  getZaloContact(oaId: string, userId: string): ZaloContactRecord | null {
    const row = this.opened.get().contact.get(String(oaId), String(userId));
    return row ? toContact(row) : null;
  }

  getZaloContactByConversation(conversationId: string): ZaloContactRecord | null {
    const row = this.opened.get().contactOf.get(String(conversationId));
    return row ? toContact(row) : null;
  }

  createZaloContact(contact: ZaloContactRecord): ZaloContactRecord {
    assertIsoInstant(contact.createdAt, "zalo contact createdAt");
    const statements = this.opened.get();
    statements.insertContact.run(toRow(contact));
    return toContact(statements.contact.get(String(contact.oaId), String(contact.userId))!);
  }

  updateZaloContact(oaId: string, userId: string, patch: ZaloContactPatch): boolean {
    assertIsoInstant(patch.updatedAt, "zalo contact updatedAt");
    const sets = ["updated_at = @updatedAt"];
    const params: Record<string, unknown> = { oaId: String(oaId), userId: String(userId), updatedAt: patch.updatedAt };
    if (patch.displayName !== undefined) {
      sets.push("display_name = @displayName");
      params.displayName = patch.displayName;
    }
    if (patch.deliveredSeq !== undefined) {
      sets.push("delivered_seq = MAX(delivered_seq, @deliveredSeq)");
      params.deliveredSeq = Math.trunc(Number(patch.deliveredSeq));
    }
    if (patch.unreachable !== undefined) {
      sets.push("unreachable_code = @unreachableCode, unreachable_since = @unreachableSince");
      params.unreachableCode = patch.unreachable?.code ?? null;
      params.unreachableSince = patch.unreachable?.since ?? null;
    }
    if (patch.retryAt !== undefined) {
      sets.push("retry_at = @retryAt");
      params.retryAt = patch.retryAt;
    }
    const sql = `UPDATE zalo_contacts SET ${sets.join(", ")} WHERE oa_id = @oaId AND user_id = @userId`;
    let statement = this.patches.get(sql);
    if (!statement) {
      statement = this.opened.get().db.prepare(sql);
      this.patches.set(sql, statement);
    }
    return statement.run(params).changes === 1;
  }

  listZaloBacklog(now: string, limit: number): { contact: ZaloContactRecord; lastSeq: number }[] {
    assertIsoInstant(now, "zalo backlog now");
    return this.opened
      .get()
      .backlog.all(now, listLimit(limit))
      .map((row) => ({ contact: toContact(row), lastSeq: row.last_seq }));
  }

  countZaloBacklog(): { waiting: number; unreachable: number } {
    const row = this.opened.get().countBacklog.get()!;
    return { waiting: row.waiting, unreachable: row.unreachable };
  }

  getZaloTokens(): ZaloTokensRecord | null {
    const row = this.opened.get().tokens.get();
    return row
      ? {
          accessToken: row.access_token,
          refreshToken: row.refresh_token,
          expiresAt: row.expires_at,
          seededFrom: row.seeded_from,
          version: row.version,
        }
      : null;
  }

  saveZaloTokens(tokens: Omit<ZaloTokensRecord, "version">, expectedVersion: number | null): boolean {
    assertIsoInstant(tokens.expiresAt, "zalo tokens expiresAt");
    const statements = this.opened.get();
    const values = [tokens.accessToken, tokens.refreshToken, tokens.expiresAt, tokens.seededFrom].map(String) as [
      string,
      string,
      string,
      string,
    ];
    return expectedVersion === null
      ? statements.insertTokens.run(...values).changes === 1
      : statements.updateTokens.run(...values, expectedVersion).changes === 1;
  }

  claimZaloTokenRefresh(holder: string, now: string, until: string): boolean {
    assertIsoInstant(now, "lease now");
    assertIsoInstant(until, "lease until");
    const id = String(holder);
    return this.opened.get().claimLease.run(TOKEN_REFRESH_LEASE, id, until, now, id).changes === 1;
  }

  releaseZaloTokenRefresh(holder: string): void {
    this.opened.get().releaseLease.run(TOKEN_REFRESH_LEASE, String(holder));
  }

  claimZaloLease(kind: ZaloLeaseKind, key: string, holder: string, now: string, until: string): boolean {
    assertIsoInstant(now, "lease now");
    assertIsoInstant(until, "lease until");
    const id = String(holder);
    return this.opened.get().claimLease.run(zaloLeaseName(kind, key), id, until, now, id).changes === 1;
  }

  releaseZaloLease(kind: ZaloLeaseKind, key: string, holder: string): void {
    this.opened.get().releaseLease.run(zaloLeaseName(kind, key), String(holder));
  }
}

function toEvent(row: InboxRow): ZaloInboxRecord {
  return { eventKey: row.event_key, body: row.body, receivedAt: row.received_at, processedAt: row.processed_at };
}

function toContact(row: ContactRow): ZaloContactRecord {
  return {
    oaId: row.oa_id,
    userId: row.user_id,
    conversationId: row.conversation_id,
    displayName: row.display_name,
    deliveredSeq: row.delivered_seq,
    unreachable:
      row.unreachable_code === null ? null : { code: row.unreachable_code, since: row.unreachable_since ?? "" },
    retryAt: row.retry_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(contact: ZaloContactRecord): ContactRow {
  return {
    oa_id: String(contact.oaId),
    user_id: String(contact.userId),
    conversation_id: String(contact.conversationId),
    display_name: contact.displayName,
    delivered_seq: Math.trunc(Number(contact.deliveredSeq)),
    unreachable_code: contact.unreachable?.code ?? null,
    unreachable_since: contact.unreachable?.since ?? null,
    retry_at: contact.retryAt,
    created_at: contact.createdAt,
    updated_at: contact.updatedAt,
  };
}
