import type Database from "better-sqlite3";
import type { DraftsDeleted, RetentionStore } from "../retentionStore";
import { assertIsoInstant } from "../storeChecks";
import { WhileOpen } from "../whileOpen";
import type { SqliteUploads } from "./sqliteUploads";

// Children first: every table that names a conversation, then the conversation. The audit log
// and service_events keep their rows (no personal data, and the report needs them).
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
    children: CHILD_TABLES.map((table) => db.prepare<[string]>(`DELETE FROM ${table} WHERE conversation_id = ?`)),
    uploads: db.prepare<[string], { id: string }>("DELETE FROM uploads WHERE conversation_id = ? RETURNING id"),
    conversation: db.prepare<[string]>("DELETE FROM conversations WHERE id = ?"),
  };
}

/** Deleting abandoned drafts in SQLite: the rows in one transaction, then the upload files. */
export class SqliteRetention implements RetentionStore {
  private readonly opened = new WhileOpen<ReturnType<typeof prepareRetentionStatements>>();

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
      for (const id of ids) {
        for (const child of statements.children) child.run(id);
        uploadIds.push(...statements.uploads.all(id).map((row) => row.id));
        statements.conversation.run(id);
      }
      return ids.length;
    })();
    // A crash before the files go leaves files no row names; the unattached-upload sweep removes those.
    await this.uploads.removeUploadFiles(uploadIds);
    return { conversations, uploads: uploadIds.length };
  }
}
