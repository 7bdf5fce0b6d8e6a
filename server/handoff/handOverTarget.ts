import type { Refusal } from "../codedTexts";
import type { Colleague } from "./colleaguesOf";
import type { HANDOFF_REFUSAL_TEXTS } from "./handoffTexts";

export type HandOverTarget =
  { ok: true; colleague: Colleague } | { ok: false; refusal: Refusal<typeof HANDOFF_REFUSAL_TEXTS> };

/**
 * Whom a clerk may pass a conversation on to by name: another clerk of its unit, signed in now
 * (they hold it at once, so nobody may receive it while away).
 */
export function handOverTarget(colleagues: readonly Colleague[], clerkId: string, byUserId: string): HandOverTarget {
  const colleague = colleagues.find((c) => c.id === clerkId && c.id !== byUserId);
  if (!colleague) return { ok: false, refusal: { key: "CONSOLE_REFUSED.notAColleague" } };
  if (!colleague.online)
    return { ok: false, refusal: { key: "CONSOLE_REFUSED.colleagueAway", params: { name: colleague.name } } };
  return { ok: true, colleague };
}
