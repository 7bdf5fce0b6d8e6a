import type { Db, Filter } from "mongodb";
import { addDays, cityDayStart } from "../../deadlines/cityDay";
import type { Dossier } from "../../dossier/dossier";
import type { DossiersReceivedFilter } from "../dossierExportStore";
import { listLimit, unitFilter } from "../storeChecks";

interface ExportDoc {
  _id: string;
  dossier: Dossier;
  createdAt: string;
  unitId?: string | null;
}

/**
 * One page of an export in MongoDB, on the `createdAt` (or `unit_createdAt`) index walked forwards from
 * the cursor: `_id` is the code, so (createdAt, _id) orders as SQLite's (created_at, code) does.
 */
export async function mongoDossiersReceived(db: Db, filter: DossiersReceivedFilter): Promise<Dossier[]> {
  const max = listLimit(filter.limit);
  const units = unitFilter(filter.unitIds);
  // limit(0) means "no limit" to MongoDB.
  if (max === 0 || units?.length === 0) return [];
  const from = cityDayStart(filter.range.from);
  const to = cityDayStart(addDays(filter.range.to, 1));
  const query: Filter<ExportDoc> = { createdAt: { $gte: from, $lt: to } };
  if (units !== null) query.unitId = { $in: units };
  if (filter.after) {
    const at = String(filter.after.createdAt);
    query.$or = [{ createdAt: { $gt: at } }, { createdAt: at, _id: { $gt: String(filter.after.code) } }];
  }
  const docs = await db
    .collection<ExportDoc>("dossiers")
    .find(query, { projection: { dossier: 1 } })
    .sort({ createdAt: 1, _id: 1 })
    .limit(max)
    .toArray();
  return docs.map((doc) => doc.dossier);
}
