import type Database from "better-sqlite3";
import type { Dossier } from "../../dossier/dossier";
import type { UploadRecord } from "../dossierStore";
import type { DraftsDeleted, RetentionStore } from "../retentionStore";
import { assertIsoInstant } from "../storeChecks";
import { WhileOpen } from "../whileOpen";
import type { SqliteUploads } from "./sqliteUploads";

// Every table that names a conversation, children first. The audit log and service_events keep their
// rows (no personal data, and the report needs them).
const CHILD_TABLES = ["dedupe", "messages", "notes", "zalo_contacts"] as const;

function prepareRetentionStatements(db: Database.Database) {
  return {
    db,
    abandoned: db.prepare<[string, number], { id: string }>(`
      SELECT id FROM conversations
       WHERE updated_at < ?
         AND NOT EXISTS (SELECT 1 FROM dossiers WHERE dossiers.conversation_id = conversations.id)
       ORDER BY updated_at
       LIMIT ?`),
    exists: db.prepare<[string], { id: string }>("SELECT id FROM conversations WHERE id = ?"),
    children: CHILD_TABLES.map((table) => db.prepare<[string]>(`DELETE FROM ${table} WHERE conversation_id = ?`)),
    uploads: db.prepare<[string], { id: string }>("DELETE FROM uploads WHERE conversation_id = ? RETURNING id"),
    dossierSearch: db.prepare<[string]>(
      "DELETE FROM dossier_search WHERE code IN (SELECT code FROM dossiers WHERE conversation_id = ?)",
    ),
    dossiers: db.prepare<[string], { code: string }>("DELETE FROM dossiers WHERE conversation_id = ? RETURNING code"),
    conversation: db.prepare<[string]>("DELETE FROM conversations WHERE id = ?"),
    dossiersOf: db.prepare<[string], { dossier: string }>(
      "SELECT dossier FROM dossiers WHERE conversation_id = ? ORDER BY created_at, code",
    ),
    uploadsOf: db.prepare<
      [string],
      { id: string; conversation_id: string; mime_type: string; size: number; created_at: string }
    >("SELECT * FROM uploads WHERE conversation_id = ? ORDER BY created_at, id"),
  };
}

type Statements = ReturnType<typeof prepareRetentionStatements>;

/** Deleting a conversation and what it holds in SQLite: the rows in one transaction, then the upload files. */
export class SqliteRetention implements RetentionStore {
  private readonly opened = new WhileOpen<Statements>();

  /** @param uploads Removes the bytes of the deleted uploads. */
  constructor(private readonly uploads: SqliteUploads) {}

  attach(db: Database.Database): void {
    this.opened.set(prepareRetentionStatements(db));
  }

  detach(): void {
    this.opened.clear();
  }

  async deleteAbandonedDrafts(olderThan: string, limit: number): Promise<DraftsDeleted> {
    assertIsoInstant(olderThan, "olderThan");
    const statements = this.opened.get();
    const uploadIds: string[] = [];
    const conversations = statements.db.transaction(() => {
      const ids = statements.abandoned.all(olderThan, Math.max(1, Math.floor(limit))).map((row) => row.id);
      for (const id of ids) uploadIds.push(...deleteConversationRows(statements, id).uploadIds);
      return ids.length;
    })();
    // A crash before the files go leaves files no row names; the unattached-upload sweep removes those.
    await this.uploads.removeUploadFiles(uploadIds);
    return { conversations, uploads: uploadIds.length };
  }

  async dossiersOfConversation(conversationId: string): Promise<Dossier[]> {
    return this.opened
      .get()
      .dossiersOf.all(String(conversationId))
      .map((row) => JSON.parse(row.dossier) as Dossier);
  }

  async uploadsOfConversation(conversationId: string): Promise<UploadRecord[]> {
    return this.opened
      .get()
      .uploadsOf.all(String(conversationId))
      .map((row) => ({
        id: row.id,
        conversationId: row.conversation_id,
        mimeType: row.mime_type as UploadRecord["mimeType"],
        size: row.size,
        createdAt: row.created_at,
      }));
  }

  async eraseConversation(conversationId: string): Promise<{ dossiers: number; uploads: number } | null> {
    const statements = this.opened.get();
    const id = String(conversationId);
    const erased = statements.db.transaction(() => {
      if (!statements.exists.get(id)) return null;
      statements.dossierSearch.run(id);
      const dossiers = statements.dossiers.all(id).length;
      return { dossiers, uploadIds: deleteConversationRows(statements, id).uploadIds };
    })();
    if (!erased) return null;
    await this.uploads.removeUploadFiles(erased.uploadIds);
    return { dossiers: erased.dossiers, uploads: erased.uploadIds.length };
  }
}

/** Deletes a conversation's row and its children's (not its dossiers), inside the caller's transaction. */
function deleteConversationRows(statements: Statements, id: string): { uploadIds: string[] } {
  for (const child of statements.children) child.run(id);
  const uploadIds = statements.uploads.all(id).map((row) => row.id);
  statements.conversation.run(id);
  return { uploadIds };
}
