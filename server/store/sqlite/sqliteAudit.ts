import type Database from "better-sqlite3";
import type { AuditRecord, AuditStore, NoteRecord } from "../auditStore";
import { assertIsoInstant, listLimit } from "../storeChecks";
import { WhileOpen } from "../whileOpen";

interface AuditRow {
  id: string;
  at: string;
  actor_id: string;
  action: string;
  conversation_id: string | null;
  dossier_code: string | null;
  detail: string | null;
}

interface NoteRow {
  id: string;
  conversation_id: string;
  author_id: string;
  author_name: string;
  text: string;
  at: string;
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

function prepareAuditStatements(db: Database.Database) {
  return {
    db,
    insertAudit: db.prepare<AuditParams>(`
      INSERT INTO audit (id, at, actor_id, action, conversation_id, dossier_code, detail)
      VALUES (@id, @at, @actorId, @action, @conversationId, @dossierCode, @detail)`),
    insertNote: db.prepare<[string, string, string, string, string, string]>(
      "INSERT INTO notes (id, conversation_id, author_id, author_name, text, at) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    // The latest `limit`, handed back oldest first.
    notesOf: db.prepare<[string, number], NoteRow>(
      "SELECT * FROM (SELECT * FROM notes WHERE conversation_id = ? ORDER BY at DESC, id DESC LIMIT ?) ORDER BY at, id",
    ),
  };
}

type AuditStatements = ReturnType<typeof prepareAuditStatements>;

/** The audit log and clerks' notes in SQLite. */
export class SqliteAudit implements AuditStore {
  private readonly opened = new WhileOpen<AuditStatements>();

  attach(db: Database.Database): void {
    this.opened.set(prepareAuditStatements(db));
  }

  detach(): void {
    this.opened.clear();
  }

  async appendAudit(entry: AuditRecord): Promise<void> {
    assertIsoInstant(entry.at, `audit entry ${String(entry.id)} at`);
    this.opened.get().insertAudit.run({
      id: String(entry.id),
      at: entry.at,
      actorId: String(entry.actorId),
      action: String(entry.action),
      conversationId: entry.conversationId === undefined ? null : String(entry.conversationId),
      dossierCode: entry.dossierCode === undefined ? null : String(entry.dossierCode),
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    });
  }

  async listAudit(
    filter: { actorId?: string; conversationId?: string; dossierCode?: string },
    limit: number,
  ): Promise<AuditRecord[]> {
    const max = listLimit(limit);
    if (max === 0) return [];
    const { db } = this.opened.get();
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

  async appendNote(note: NoteRecord): Promise<void> {
    assertIsoInstant(note.at, `note ${String(note.id)} at`);
    this.opened
      .get()
      .insertNote.run(
        String(note.id),
        String(note.conversationId),
        String(note.authorId),
        String(note.authorName),
        String(note.text),
        note.at,
      );
  }

  async listNotes(conversationId: string, limit: number): Promise<NoteRecord[]> {
    const max = listLimit(limit);
    if (max === 0) return [];
    return this.opened
      .get()
      .notesOf.all(String(conversationId), max)
      .map((row) => ({
        id: row.id,
        conversationId: row.conversation_id,
        authorId: row.author_id,
        authorName: row.author_name,
        text: row.text,
        at: row.at,
      }));
  }
}

function toAudit(row: AuditRow): AuditRecord {
  const entry: AuditRecord = { id: row.id, at: row.at, actorId: row.actor_id, action: row.action };
  if (row.conversation_id !== null) entry.conversationId = row.conversation_id;
  if (row.dossier_code !== null) entry.dossierCode = row.dossier_code;
  if (row.detail !== null) entry.detail = JSON.parse(row.detail) as AuditRecord["detail"];
  return entry;
}
