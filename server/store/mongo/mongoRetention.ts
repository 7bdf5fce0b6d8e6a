import { GridFSBucket, MongoRuntimeError, type Db } from "mongodb";
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
 * Deleting abandoned drafts in MongoDB, without a transaction: the conversation goes last, so a sweep
 * cut short leaves it matching and the next sweep finishes the job.
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
    const { db, uploads } = this.opened.get();
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
    let uploadCount = 0;
    for (const { _id: conversationId } of abandoned) {
      const id = String(conversationId);
      for (const name of CHILD_COLLECTIONS) await db.collection(name).deleteMany({ conversationId: id });
      const files = await uploads.find({ "metadata.conversationId": id }, { projection: { _id: 1 } }).toArray();
      for (const file of files) {
        try {
          await uploads.delete(file._id);
          uploadCount += 1;
        } catch (error) {
          // Deleted meanwhile by another node's sweep.
          if (!(error instanceof MongoRuntimeError && /File not found/i.test(error.message))) throw error;
        }
      }
      await db.collection<{ _id: string }>("conversations").deleteOne({ _id: id });
    }
    return { conversations: abandoned.length, uploads: uploadCount };
  }
}
