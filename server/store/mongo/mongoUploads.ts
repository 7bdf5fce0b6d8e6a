import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { GridFSBucket, MongoRuntimeError, type Db, type Document } from "mongodb";
import type { DossierStore, UploadRecord } from "../dossierStore";
import {
  assertIsoInstant,
  assertUploadId,
  assertUploadMatches,
  conversationNotFound,
  uploadExists,
} from "../storeChecks";
import { WhileOpen } from "../whileOpen";
import { isDuplicateKey } from "./isDuplicateKey";
import type { MongoConversations } from "./mongoConversations";
import { MAJORITY } from "./mongoTimeouts";

export const UPLOADS_BUCKET = "uploads";

interface Opened {
  db: Db;
  uploads: GridFSBucket;
}

/** Uploads in MongoDB: the GridFS bucket `uploads`, the upload id as file name, the record as metadata. */
export class MongoUploads implements Pick<
  DossierStore,
  "saveUpload" | "getUpload" | "deleteUpload" | "uploadUsage" | "deleteUnattachedUploads"
> {
  private readonly opened = new WhileOpen<Opened>();

  /** @param conversations Tells whether a conversation exists and whether its messages attach an upload. */
  constructor(private readonly conversations: MongoConversations) {}

  attach(db: Db): void {
    this.opened.set({ db, uploads: new GridFSBucket(db, { bucketName: UPLOADS_BUCKET, writeConcern: MAJORITY }) });
  }

  detach(): void {
    this.opened.clear();
  }

  async createIndexes(): Promise<void> {
    const { db } = this.opened.get();
    const files = db.collection(`${UPLOADS_BUCKET}.files`);
    await Promise.all([
      files.createIndex({ filename: 1 }, { unique: true, name: "upload_id_unique" }),
      db
        .collection(`${UPLOADS_BUCKET}.chunks`)
        .createIndex({ files_id: 1, n: 1 }, { unique: true, name: "files_id_1_n_1" }),
      // Quota per conversation, and the sweep of old unattached uploads.
      files.createIndex({ "metadata.conversationId": 1 }, { name: "upload_conversation" }),
      files.createIndex({ "metadata.createdAt": 1 }, { name: "upload_createdAt" }),
    ]);
  }

  async saveUpload(record: UploadRecord, bytes: Buffer): Promise<void> {
    assertUploadMatches(record, bytes);
    const opened = this.opened.get();
    const conversationId = String(record.conversationId);
    if (!(await this.conversations.conversationExists(conversationId))) throw conversationNotFound(conversationId);
    if ((await opened.uploads.find({ filename: record.id }).limit(1).toArray()).length > 0)
      throw uploadExists(record.id);
    const stream = opened.uploads.openUploadStream(record.id, {
      metadata: { conversationId, mimeType: record.mimeType, size: record.size, createdAt: record.createdAt },
    });
    try {
      await pipeline(Readable.from([bytes]), stream);
    } catch (error) {
      // The unique index on the file name refused the file document (a concurrent save of the
      // same id): its chunks were written under a file id nothing points to.
      // Best effort: left behind, those chunks are unreachable rather than wrong.
      await opened.db
        .collection(`${UPLOADS_BUCKET}.chunks`)
        .deleteMany({ files_id: stream.id })
        .catch(() => undefined);
      if (isDuplicateKey(error)) throw uploadExists(record.id);
      throw error;
    }
  }

  async getUpload(id: string): Promise<{ record: UploadRecord; bytes: Buffer } | null> {
    assertUploadId(id);
    const { uploads } = this.opened.get();
    const [file] = await uploads.find({ filename: id }).limit(1).toArray();
    if (!file) return null;
    const metadata: Document = file.metadata ?? {};
    const chunks: Buffer[] = [];
    for await (const chunk of uploads.openDownloadStream(file._id)) chunks.push(chunk as Buffer);
    return {
      record: {
        id: file.filename,
        conversationId: String(metadata.conversationId),
        mimeType: String(metadata.mimeType) as UploadRecord["mimeType"],
        size: Number(metadata.size),
        createdAt: String(metadata.createdAt),
      },
      bytes: Buffer.concat(chunks),
    };
  }

  async deleteUpload(id: string): Promise<void> {
    assertUploadId(id);
    const { uploads } = this.opened.get();
    for (const file of await uploads.find({ filename: id }, { projection: { _id: 1 } }).toArray()) {
      try {
        await uploads.delete(file._id);
      } catch (error) {
        // Deleted meanwhile by another node.
        if (!(error instanceof MongoRuntimeError && /File not found/i.test(error.message))) throw error;
      }
    }
  }

  async uploadUsage(conversationId: string): Promise<{ files: number; bytes: number }> {
    const { db } = this.opened.get();
    const [usage] = await db
      .collection(`${UPLOADS_BUCKET}.files`)
      .aggregate<{ files: number; bytes: number }>([
        { $match: { "metadata.conversationId": String(conversationId) } },
        { $group: { _id: null, files: { $sum: 1 }, bytes: { $sum: "$length" } } },
      ])
      .toArray();
    return { files: usage?.files ?? 0, bytes: usage?.bytes ?? 0 };
  }

  async deleteUnattachedUploads(olderThan: string): Promise<number> {
    assertIsoInstant(olderThan, "olderThan");
    const { uploads } = this.opened.get();
    const old = await uploads
      .find({ "metadata.createdAt": { $lt: olderThan } }, { projection: { filename: 1, metadata: 1 } })
      .toArray();
    let deleted = 0;
    for (const file of old) {
      const conversationId = String(file.metadata?.conversationId);
      if (await this.conversations.isAttached(conversationId, file.filename)) continue;
      try {
        await uploads.delete(file._id);
        deleted += 1;
      } catch (error) {
        // Deleted meanwhile by another node's sweep.
        if (!(error instanceof MongoRuntimeError && /File not found/i.test(error.message))) throw error;
      }
    }
    return deleted;
  }
}
