import type { AnyBulkWriteOperation, ClientSession, Collection, Db, Filter } from "mongodb";
import type { Dossier } from "../../dossier/dossier";
import { dossierSearch, dossierSearchKeys } from "../dossierSearch";
import type { DossierStore } from "../dossierStore";
import { dossierCodeTaken, listLimit, unitFilter } from "../storeChecks";
import { WhileOpen } from "../whileOpen";
import { isDuplicateKey } from "./isDuplicateKey";
import { cityDayOf } from "../../deadlines/cityDay";
import { isOpenDossier } from "../../dossier/dossierLifecycle";

interface DossierDoc {
  /** The receipt code: `_id` is the unique index on it. */
  _id: string;
  conversationId: string;
  status: Dossier["status"];
  dossier: Dossier;
  createdAt: string;
  updatedAt: string;
  /**
   * Copied out of `dossier` when it is written, for the console's list and search (see
   * `dossierSearchKeys`). Missing only on documents of earlier releases until `open()` fills them in.
   */
  unitId?: string | null;
  searchKeys?: string[];
  submitMethod?: string;
  dueDay?: string | null;
  open?: boolean;
}

const BACKFILL_BATCH = 500;

/** Dossiers in MongoDB, each document carrying its unit and search keys for the console's list and search. */
export class MongoDossiers implements Pick<DossierStore, "getDossier" | "getDossierOwner" | "listDossiers"> {
  private readonly opened = new WhileOpen<Collection<DossierDoc>>();

  attach(db: Db): void {
    this.opened.set(db.collection<DossierDoc>("dossiers"));
  }

  detach(): void {
    this.opened.clear();
  }

  async createIndexes(): Promise<void> {
    const dossiers = this.opened.get();
    await Promise.all([
      dossiers.createIndex({ conversationId: 1 }, { name: "conversation" }),
      // `_id` last, as for the audit: the lists sort by (time, _id).
      dossiers.createIndex({ unitId: 1, createdAt: -1, _id: -1 }, { name: "unit_createdAt" }),
      dossiers.createIndex({ createdAt: -1, _id: -1 }, { name: "createdAt" }),
      dossiers.createIndex({ searchKeys: 1 }, { name: "searchKeys" }),
    ]);
  }

  /**
   * Writes a turn's dossier with its unit and search keys; called inside the turn's transaction.
   *
   * @throws StoreError `STORE_DOSSIER_CODE_TAKEN` when another conversation owns the code.
   */
  async writeInTurn(session: ClientSession, conversationId: string, dossier: Dossier): Promise<void> {
    const code = String(dossier.code);
    try {
      // A later turn may change its own dossier; the conversation in the filter keeps one
      // conversation from overwriting another's dossier through a reused code (the upsert then
      // collides on `_id`).
      await this.opened.get().updateOne(
        { _id: code, conversationId },
        {
          $set: {
            status: dossier.status,
            dossier,
            updatedAt: dossier.updatedAt,
            unitId: dossierUnit(dossier),
            searchKeys: dossierSearchKeys(dossier),
            // For the figures: how it was submitted, and whether (and until when) the legal clock runs.
            submitMethod: String(dossier.submission.submitMethod),
            dueDay: dossier.dueDate ? cityDayOf(String(dossier.dueDate)) : null,
            open: isOpenDossier(dossier.status),
          },
          $setOnInsert: { createdAt: dossier.createdAt },
        },
        { upsert: true, session },
      );
    } catch (error) {
      if (isDuplicateKey(error)) throw dossierCodeTaken(code);
      throw error;
    }
  }

  async getDossier(code: string): Promise<Dossier | null> {
    return (await this.getDossierOwner(code))?.dossier ?? null;
  }

  async getDossierOwner(code: string): Promise<{ dossier: Dossier; conversationId: string } | null> {
    const doc = await this.opened.get().findOne({ _id: String(code) });
    return doc ? { dossier: doc.dossier, conversationId: doc.conversationId } : null;
  }

  async listDossiers(filter: {
    unitIds: readonly string[] | null;
    query?: string;
    limit: number;
  }): Promise<{ dossier: Dossier; conversationId: string }[]> {
    const max = listLimit(filter.limit);
    const units = unitFilter(filter.unitIds);
    // limit(0) means "no limit" to MongoDB.
    if (max === 0 || units?.length === 0) return [];
    const search = dossierSearch(filter.query);
    const query: Filter<DossierDoc> = {};
    if (units !== null) query.unitId = { $in: units };
    if (search) {
      const matches: Filter<DossierDoc>[] = [{ searchKeys: search.code }];
      if (search.phone) matches.push({ searchKeys: search.phone });
      if (search.names.length > 0) matches.push({ searchKeys: { $all: search.names } });
      query.$or = matches;
    }
    const docs = await this.opened
      .get()
      .find(query, { projection: { dossier: 1, conversationId: 1 } })
      .sort({ createdAt: -1, _id: -1 })
      .limit(max)
      .toArray();
    return docs.map((doc) => ({ dossier: doc.dossier, conversationId: doc.conversationId }));
  }

  /**
   * Gives dossiers written by earlier releases the unit and search keys that commitTurn now
   * writes. Idempotent, so several nodes opening at once only repeat each other; the filter on
   * `updatedAt` leaves alone a dossier rewritten since it was read.
   */
  async backfillSearch(): Promise<void> {
    const dossiers = this.opened.get();
    const cursor = dossiers.find({ searchKeys: { $exists: false } }, { projection: { dossier: 1, updatedAt: 1 } });
    let batch: AnyBulkWriteOperation<DossierDoc>[] = [];
    for await (const doc of cursor) {
      batch.push({
        updateOne: {
          filter: { _id: doc._id, updatedAt: doc.updatedAt, searchKeys: { $exists: false } },
          update: { $set: { unitId: dossierUnit(doc.dossier), searchKeys: dossierSearchKeys(doc.dossier) } },
        },
      });
      if (batch.length >= BACKFILL_BATCH) {
        await dossiers.bulkWrite(batch, { ordered: false });
        batch = [];
      }
    }
    if (batch.length > 0) await dossiers.bulkWrite(batch, { ordered: false });
  }
}

function dossierUnit(dossier: Dossier): string | null {
  return dossier.unitId === null || dossier.unitId === undefined ? null : String(dossier.unitId);
}
