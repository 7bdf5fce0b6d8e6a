import type { UserRecord } from "../store/store";

/** Whether a console user may see a unit's conversations: clerks their own units, the others all. */
export function mayAccess(user: UserRecord, unitId: string | null): boolean {
  return user.role !== "clerk" || (unitId !== null && user.unitIds.includes(unitId));
}
