import type { Db, Filter } from "mongodb";
import type { Dossier } from "../../dossier/dossier";
import type { PostalListFilter } from "../dossierStore";
import { POSTAL_LAST_STEP, postalListWindow } from "../postalListWindow";
import { listLimit, unitFilter } from "../storeChecks";

interface PostalDoc {
  _id: string;
  dossier: Dossier;
  createdAt: string;
  unitId?: string | null;
}

const SUBMITS_BY_POST = { "dossier.submission.submitMethod": "postal" };
const RETURNS_BY_POST = { "dossier.submission.returnMethod": "postal" };

/**
 * Not at the last step of its route: a dossier returned by post until it is delivered, one only collected by post
 * until it is picked up. `$ne` also matches a dossier no clerk has moved yet (no `postal` at all).
 */
const UNFINISHED: Filter<PostalDoc> = {
  $or: [
    { ...RETURNS_BY_POST, "dossier.postal.status": { $ne: POSTAL_LAST_STEP.withDelivery } },
    {
      "dossier.submission.returnMethod": { $ne: "postal" },
      "dossier.postal.status": { $ne: POSTAL_LAST_STEP.pickupOnly },
    },
  ],
};

/**
 * {@link DossierStore.postalDossiers} in MongoDB: the same conditions as SQLite's on the fields of the stored dossier,
 * walked on the `unit_createdAt` (or `createdAt`) index; `_id` is the code, so it sorts as SQLite's (created_at, code).
 */
export async function mongoPostalList(db: Db, filter: PostalListFilter): Promise<Dossier[]> {
  const { from, to } = postalListWindow(filter.day);
  const max = listLimit(filter.limit);
  const units = unitFilter(filter.unitIds);
  // limit(0) means "no limit" to MongoDB.
  if (max === 0 || units?.length === 0) return [];
  const query: Filter<PostalDoc> = {
    createdAt: { $lt: to },
    $and: [{ $or: [SUBMITS_BY_POST, RETURNS_BY_POST] }, { $or: [{ createdAt: { $gte: from } }, UNFINISHED] }],
  };
  if (units !== null) query.unitId = { $in: units };
  const docs = await db
    .collection<PostalDoc>("dossiers")
    .find(query, { projection: { dossier: 1 } })
    .sort({ createdAt: 1, _id: 1 })
    .limit(max)
    .toArray();
  return docs.map((doc) => doc.dossier);
}
