import { randomBytes } from "node:crypto";
import { link, open as openFile, readFile, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import type Database from "better-sqlite3";
import type { DossierStore, UploadRecord } from "../dossierStore";
import {
  assertIsoInstant,
  assertUploadId,
  assertUploadMatches,
  conversationNotFound,
  uploadExists,
} from "../storeChecks";
import { WhileOpen } from "../whileOpen";
import type { SqliteConversations } from "./sqliteConversations";

const TEMP_SUFFIX = ".tmp";

interface UploadRow {
  id: string;
  conversation_id: string;
  mime_type: string;
  size: number;
  created_at: string;
}

function prepareUploadStatements(db: Database.Database) {
  return {
    insertUpload: db.prepare<[string, string, string, number, string]>(
      "INSERT INTO uploads (id, conversation_id, mime_type, size, created_at) VALUES (?, ?, ?, ?, ?)",
    ),
    upload: db.prepare<[string], UploadRow>("SELECT * FROM uploads WHERE id = ?"),
    deleteUpload: db.prepare<[string]>("DELETE FROM uploads WHERE id = ?"),
    uploadUsage: db.prepare<[string], { files: number; bytes: number }>(
      "SELECT COUNT(*) AS files, COALESCE(SUM(size), 0) AS bytes FROM uploads WHERE conversation_id = ?",
    ),
    deleteUnattachedUploads: db.prepare<[string], { id: string }>(`
      DELETE FROM uploads
       WHERE created_at < ?
         AND NOT EXISTS (SELECT 1 FROM messages
                          WHERE messages.conversation_id = uploads.conversation_id
                            AND messages.attachment_id = uploads.id)
      RETURNING id`),
    uploadIds: db.prepare<[], { id: string }>("SELECT id FROM uploads"),
  };
}

type UploadStatements = ReturnType<typeof prepareUploadStatements>;

/** Uploads in SQLite: the metadata in `uploads`, the bytes as files under `uploadsDir`. */
export class SqliteUploads implements Pick<
  DossierStore,
  "saveUpload" | "getUpload" | "deleteUpload" | "uploadUsage" | "deleteUnattachedUploads"
> {
  private readonly opened = new WhileOpen<UploadStatements>();

  /**
   * @param uploadsDir The folder of the bytes, one file per upload id.
   * @param conversations Tells whether the conversation an upload names exists.
   */
  constructor(
    private readonly uploadsDir: string,
    private readonly conversations: SqliteConversations,
  ) {}

  attach(db: Database.Database): void {
    this.opened.set(prepareUploadStatements(db));
  }

  detach(): void {
    this.opened.clear();
  }

  async saveUpload(record: UploadRecord, bytes: Buffer): Promise<void> {
    assertUploadMatches(record, bytes);
    const statements = this.opened.get();
    if (!this.conversations.conversationExists(String(record.conversationId))) {
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
      statements.insertUpload.run(
        record.id,
        String(record.conversationId),
        record.mimeType,
        record.size,
        record.createdAt,
      );
    } catch (error) {
      await rm(finalPath, { force: true });
      throw error;
    }
  }

  async getUpload(id: string): Promise<{ record: UploadRecord; bytes: Buffer } | null> {
    assertUploadId(id);
    const row = this.opened.get().upload.get(id);
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

  /** The row first: an upload without its row is unreachable, and the file goes right after. */
  async deleteUpload(id: string): Promise<void> {
    assertUploadId(id);
    this.opened.get().deleteUpload.run(id);
    await this.removeUploadFiles([id]);
  }

  async uploadUsage(conversationId: string): Promise<{ files: number; bytes: number }> {
    const row = this.opened.get().uploadUsage.get(String(conversationId));
    return { files: row?.files ?? 0, bytes: row?.bytes ?? 0 };
  }

  async deleteUnattachedUploads(olderThan: string): Promise<number> {
    assertIsoInstant(olderThan, "olderThan");
    const deleted = this.opened.get().deleteUnattachedUploads.all(olderThan);
    await this.removeUploadFiles(deleted.map(({ id }) => id));
    await this.removeStrayUploadFiles(new Date(olderThan));
    return deleted.length;
  }

  /** Removes the bytes of uploads whose rows were deleted. */
  async removeUploadFiles(ids: readonly string[]): Promise<void> {
    await Promise.all(ids.map((id) => rm(this.uploadPath(id), { force: true })));
  }

  /** Removes the half-written uploads a crash left behind; run at open. */
  async removeTempFiles(): Promise<void> {
    const names = await readdir(this.uploadsDir);
    await Promise.all(
      names
        .filter((name) => name.startsWith(".") && name.endsWith(TEMP_SUFFIX))
        .map((name) => rm(path.join(this.uploadsDir, name), { force: true })),
    );
  }

  /**
   * Removes temporary files and files without a row, last written before `before`: only a crash
   * leaves them, and a save under way (this process, another node's CLI) is never that old.
   */
  private async removeStrayUploadFiles(before: Date): Promise<void> {
    const recorded = new Set(
      this.opened
        .get()
        .uploadIds.all()
        .map(({ id }) => id),
    );
    const names = (await readdir(this.uploadsDir)).filter((name) => !recorded.has(name));
    await Promise.all(
      names.map(async (name) => {
        const file = path.join(this.uploadsDir, name);
        const written = await stat(file).catch(() => null);
        if (written?.isFile() && written.mtimeMs < before.getTime()) await rm(file, { force: true });
      }),
    );
  }

  private uploadPath(id: string): string {
    assertUploadId(id);
    return path.join(this.uploadsDir, id);
  }
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
