import type Database from "better-sqlite3";
import { addDays, cityDayStart } from "../../deadlines/cityDay";
import type { Dossier } from "../../dossier/dossier";
import type { DossiersReceivedFilter } from "../dossierExportStore";
import { listLimit, unitFilter } from "../storeChecks";
import { selectDossiers } from "./selectDossiers";

/**
 * One page of an export in SQLite, on the `dossiers_by_time (created_at, code)` index (or
 * `dossiers_by_unit` for one unit): a range scan from the cursor, never an OFFSET.
 */
export function sqliteDossiersReceived(db: Database.Database, filter: DossiersReceivedFilter): Dossier[] {
  const max = listLimit(filter.limit);
  const units = unitFilter(filter.unitIds);
  if (max === 0 || units?.length === 0) return [];
  const conditions = ["created_at >= ?", "created_at < ?"];
  const params: (string | number)[] = [cityDayStart(filter.range.from), cityDayStart(addDays(filter.range.to, 1))];
  if (filter.after) {
    conditions.push("(created_at > ? OR (created_at = ? AND code > ?))");
    params.push(String(filter.after.createdAt), String(filter.after.createdAt), String(filter.after.code));
  }
  return selectDossiers(db, { conditions, params }, units, max);
}
