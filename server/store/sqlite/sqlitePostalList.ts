import type Database from "better-sqlite3";
import type { Dossier } from "../../dossier/dossier";
import type { PostalListFilter } from "../dossierStore";
import { POSTAL_LAST_STEP, postalListWindow } from "../postalListWindow";
import { listLimit, unitFilter } from "../storeChecks";
import { selectDossiers } from "./selectDossiers";

// The postal choices live in the dossier's JSON only (no column, no migration for them). The day's part is a range of
// the `dossiers_by_unit` / `dossiers_by_time` index; the earlier days' part reads each older dossier's JSON to see
// whether the post office has finished with it. Measured here: 100,000 older dossiers over 7 units, 60 ms for one
// unit and 165 ms for all; a city of Hồng Ngự's size makes some 12,000 a year.
const RETURNS_BY_POST = "json_extract(dossier, '$.submission.returnMethod') = 'postal'";
const BY_POST = `(json_extract(dossier, '$.submission.submitMethod') = 'postal' OR ${RETURNS_BY_POST})`;
const UNFINISHED =
  `COALESCE(json_extract(dossier, '$.postal.status'), '') <> ` +
  `CASE WHEN ${RETURNS_BY_POST} THEN '${POSTAL_LAST_STEP.withDelivery}' ELSE '${POSTAL_LAST_STEP.pickupOnly}' END`;

/** {@link DossierStore.postalDossiers} in SQLite. */
export function sqlitePostalList(db: Database.Database, filter: PostalListFilter): Dossier[] {
  const { from, to } = postalListWindow(filter.day);
  const max = listLimit(filter.limit);
  const units = unitFilter(filter.unitIds);
  if (max === 0 || units?.length === 0) return [];
  const conditions = ["created_at < ?", BY_POST, `(created_at >= ? OR ${UNFINISHED})`];
  const params: (string | number)[] = [to, from];
  return selectDossiers(db, { conditions, params }, units, max);
}
