import type { Collection, Db } from "mongodb";
import type { AuditRecord, AuditStore, NoteRecord } from "../auditStore";
import { assertIsoInstant, listLimit } from "../storeChecks";
import { WhileOpen } from "../whileOpen";

type AuditDoc = Omit<AuditRecord, "id"> & { _id: string };
type NoteDoc = Omit<NoteRecord, "id"> & { _id: string };

interface Opened {
  audit: Collection<AuditDoc>;
  notes: Collection<NoteDoc>;
}

/** The audit log and clerks' notes in MongoDB. */
export class MongoAudit implements AuditStore {
  private readonly opened = new WhileOpen<Opened>();

  attach(db: Db): void {
    this.opened.set({ audit: db.collection<AuditDoc>("audit"), notes: db.collection<NoteDoc>("notes") });
  }

  detach(): void {
    this.opened.clear();
  }

  async createIndexes(): Promise<void> {
    const { audit, notes } = this.opened.get();
    await Promise.all([
      // `_id` last: listAudit sorts by (at, _id), and the index then hands documents over in that order.
      audit.createIndex({ actorId: 1, at: -1, _id: -1 }, { name: "actor_at" }),
      audit.createIndex({ conversationId: 1, at: -1, _id: -1 }, { name: "conversation_at" }),
      audit.createIndex({ dossierCode: 1, at: -1, _id: -1 }, { name: "dossier_at" }),
      audit.createIndex({ at: -1, _id: -1 }, { name: "at" }),
      notes.createIndex({ conversationId: 1, at: -1, _id: -1 }, { name: "conversation_at" }),
    ]);
  }

  async appendAudit(entry: AuditRecord): Promise<void> {
    assertIsoInstant(entry.at, `audit entry ${String(entry.id)} at`);
    const doc: AuditDoc = {
      _id: String(entry.id),
      at: entry.at,
      actorId: String(entry.actorId),
      action: String(entry.action),
    };
    if (entry.conversationId !== undefined) doc.conversationId = String(entry.conversationId);
    if (entry.dossierCode !== undefined) doc.dossierCode = String(entry.dossierCode);
    if (entry.detail !== undefined) doc.detail = entry.detail;
    await this.opened.get().audit.insertOne(doc);
  }

  async listAudit(
    filter: { actorId?: string; conversationId?: string; dossierCode?: string },
    limit: number,
  ): Promise<AuditRecord[]> {
    const max = listLimit(limit);
    // limit(0) means "no limit" to MongoDB.
    if (max === 0) return [];
    const query: { actorId?: string; conversationId?: string; dossierCode?: string } = {};
    if (filter.actorId !== undefined) query.actorId = String(filter.actorId);
    if (filter.conversationId !== undefined) query.conversationId = String(filter.conversationId);
    if (filter.dossierCode !== undefined) query.dossierCode = String(filter.dossierCode);
    const docs = await this.opened.get().audit.find(query).sort({ at: -1, _id: -1 }).limit(max).toArray();
    return docs.map(toAudit);
  }

  async appendNote(note: NoteRecord): Promise<void> {
    assertIsoInstant(note.at, `note ${String(note.id)} at`);
    await this.opened.get().notes.insertOne({
      _id: String(note.id),
      conversationId: String(note.conversationId),
      authorId: String(note.authorId),
      authorName: String(note.authorName),
      text: String(note.text),
      at: note.at,
    });
  }

  async listNotes(conversationId: string, limit: number): Promise<NoteRecord[]> {
    const max = listLimit(limit);
    // limit(0) means "no limit" to MongoDB.
    if (max === 0) return [];
    const docs = await this.opened
      .get()
      .notes.find({ conversationId: String(conversationId) })
      .sort({ at: -1, _id: -1 })
      .limit(max)
      .toArray();
    return docs.reverse().map(({ _id, ...rest }) => ({ id: _id, ...rest }));
  }
}

function toAudit(doc: AuditDoc): AuditRecord {
  const entry: AuditRecord = { id: doc._id, at: doc.at, actorId: doc.actorId, action: doc.action };
  if (doc.conversationId !== undefined) entry.conversationId = doc.conversationId;
  if (doc.dossierCode !== undefined) entry.dossierCode = doc.dossierCode;
  if (doc.detail !== undefined) entry.detail = doc.detail;
  return entry;
}
