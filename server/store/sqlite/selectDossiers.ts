import type Database from "better-sqlite3";
import type { Dossier } from "../../dossier/dossier";
import { unitClause } from "./sqlUnitClause";

/**
 * Dossiers matching `conditions` (SQL over the `dossiers` columns, with `params` to bind) of some units (null:
 * every unit), oldest first by (created_at, code), at most `limit`: the shape of every list read in order.
 */
export function selectDossiers(
  db: Database.Database,
  where: { conditions: readonly string[]; params: readonly (string | number)[] },
  unitIds: readonly string[] | null,
  limit: number,
): Dossier[] {
  const units = unitClause("unit_id", unitIds);
  return db
    .prepare<(string | number)[], { dossier: string }>(
      `SELECT dossier FROM dossiers WHERE ${where.conditions.join(" AND ")}${units.sql} ORDER BY created_at, code ` +
        "LIMIT ?",
    )
    .all(...where.params, ...units.params, limit)
    .map((row) => JSON.parse(row.dossier) as Dossier);
}
