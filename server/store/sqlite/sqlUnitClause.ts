import { unitFilter } from "../storeChecks";
import { sqlPlaceholders } from "./sqlPlaceholders";

/** `AND <column> IN (…)` for some units, nothing for every unit; with the values to bind. */
export function unitClause(column: string, unitIds: readonly string[] | null): { sql: string; params: string[] } {
  const units = unitFilter(unitIds);
  if (units === null) return { sql: "", params: [] };
  return { sql: ` AND ${column} IN (${sqlPlaceholders(units.length)})`, params: units };
}
