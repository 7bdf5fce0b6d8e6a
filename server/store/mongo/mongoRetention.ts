import { GridFSBucket, MongoRuntimeError, type Db, type ObjectId } from "mongodb";
import type { Dossier } from "../../dossier/dossier";
import type { UploadRecord } from "../dossierStore";
import type { DraftsDeleted, RetentionStore } from "../retentionStore";
import { assertIsoInstant } from "../storeChecks";
import { WhileOpen } from "../whileOpen";
import { MAJORITY } from "./mongoTimeouts";
import { UPLOADS_BUCKET } from "./mongoUploads";

// Every collection that names a conversation by `conversationId`; the audit log and service_events keep
// theirs (no personal data, and the report needs them).
const CHILD_COLLECTIONS = ["messages", "dedupe", "notes", "zalo_contacts"] as const;

interface Opened {
  db: Db;
  uploads: GridFSBucket;
}

/**
 * Deleting a conversation and what it holds in MongoDB, without a transaction: the conversation goes
 * last, so a deletion cut short leaves it findable and the next sweep or request finishes the job.
 */
export class MongoRetention implements RetentionStore {
  private readonly opened = new WhileOpen<Opened>();

  attach(db: Db): void {
    this.opened.set({ db, uploads: new GridFSBucket(db, { bucketName: UPLOADS_BUCKET, writeConcern: MAJORITY }) });
  }

  detach(): void {
    this.opened.clear();
  }

  async createIndexes(): Promise<void> {
    await this.opened.get().db.collection("conversations").createIndex({ updatedAt: 1 }, { name: "updatedAt" });
  }

  async deleteAbandonedDrafts(olderThan: string, limit: number): Promise<DraftsDeleted> {
    assertIsoInstant(olderThan, "olderThan");
    const { db } = this.opened.get();
    const abandoned = await db
      .collection<{ _id: string }>("conversations")
      .aggregate<{ _id: string }>([
        { $match: { updatedAt: { $lt: olderThan } } },
        { $sort: { updatedAt: 1 } },
        { $lookup: { from: "dossiers", localField: "_id", foreignField: "conversationId", as: "dossiers" } },
        { $match: { dossiers: { $size: 0 } } },
        { $limit: Math.max(1, Math.floor(limit)) },
        { $project: { _id: 1 } },
      ])
      .toArray();
    let uploads = 0;
    for (const { _id } of abandoned) uploads += await this.deleteConversation(String(_id));
    return { conversations: abandoned.length, uploads };
  }

  async dossiersOfConversation(conversationId: string): Promise<Dossier[]> {
    const docs = await this.opened
      .get()
      .db.collection<{ _id: string; dossier: Dossier; createdAt: string }>("dossiers")
      .find({ conversationId: String(conversationId) })
      .sort({ createdAt: 1, _id: 1 })
      .toArray();
    return docs.map((doc) => doc.dossier);
  }

  async uploadsOfConversation(conversationId: string): Promise<UploadRecord[]> {
    const files = await this.opened
      .get()
      .uploads.find({ "metadata.conversationId": String(conversationId) })
      .sort({ "metadata.createdAt": 1, filename: 1 })
      .toArray();
    return files.map((file) => ({
      id: file.filename,
      conversationId: String(file.metadata?.conversationId),
      mimeType: String(file.metadata?.mimeType) as UploadRecord["mimeType"],
      size: Number(file.metadata?.size),
      createdAt: String(file.metadata?.createdAt),
    }));
  }

  async eraseConversation(conversationId: string): Promise<{ dossiers: number; uploads: number } | null> {
    const { db } = this.opened.get();
    const id = String(conversationId);
    if (!(await db.collection<{ _id: string }>("conversations").findOne({ _id: id }, { projection: { _id: 1 } }))) {
      return null;
    }
    // The dossiers carry their own search keys: deleting them removes those too.
    const { deletedCount } = await db.collection("dossiers").deleteMany({ conversationId: id });
    const uploads = await this.deleteConversation(id);
    return { dossiers: deletedCount, uploads };
  }

  /** Deletes a conversation's children, its uploads and then itself (not its dossiers); returns the uploads deleted. */
  private async deleteConversation(id: string): Promise<number> {
    const { db, uploads } = this.opened.get();
    for (const name of CHILD_COLLECTIONS) await db.collection(name).deleteMany({ conversationId: id });
    const files = await uploads.find({ "metadata.conversationId": id }, { projection: { _id: 1 } }).toArray();
    let deleted = 0;
    for (const file of files) if (await deleteFile(uploads, file._id)) deleted += 1;
    await db.collection<{ _id: string }>("conversations").deleteOne({ _id: id });
    return deleted;
  }
}

async function deleteFile(uploads: GridFSBucket, id: ObjectId): Promise<boolean> {
  try {
    await uploads.delete(id);
    return true;
  } catch (error) {
    // Deleted meanwhile by another node's sweep.
    if (error instanceof MongoRuntimeError && /File not found/i.test(error.message)) return false;
    throw error;
  }
}
