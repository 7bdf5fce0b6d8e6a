import type { ClerkPresence } from "./clerkPresence";
import { isWorkingTime, type WorkingHours } from "./workingHours";

/** Whether a citizen asking for a clerk now reaches one, and if not why (with the hours to tell them). */
export type ClerkAvailability =
  { available: true } | { available: false; why: "closed" | "nobody"; hours: { vi: string; en: string } };

/**
 * The rule a request for a clerk is answered by: outside opening hours nobody answers; inside
 * them, a unit with no clerk signed in cannot either, and the citizen is offered a call back.
 */
export function clerkAvailability(
  hours: WorkingHours,
  presence: () => ClerkPresence | null,
): (unitId: string | null, at: Date) => ClerkAvailability {
  return (unitId, at) => {
    if (!isWorkingTime(hours, at)) return { available: false, why: "closed", hours: hours.text };
    if ((presence()?.clerksSignedIn(unitId) ?? 0) === 0) return { available: false, why: "nobody", hours: hours.text };
    return { available: true };
  };
}
