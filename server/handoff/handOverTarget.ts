import type { Colleague } from "./colleaguesOf";

export type HandOverTarget = { ok: true; colleague: Colleague } | { ok: false; code: "CONSOLE_REFUSED"; message: string };

/**
 * Whom a clerk may pass a conversation on to by name: another clerk of its unit, signed in now
 * (they hold it at once, so nobody may receive it while away).
 */
export function handOverTarget(colleagues: readonly Colleague[], clerkId: string, byUserId: string): HandOverTarget {
  const colleague = colleagues.find((c) => c.id === clerkId && c.id !== byUserId);
  if (!colleague) return { ok: false, code: "CONSOLE_REFUSED", message: "Chọn một cán bộ khác của đơn vị. / Choose another clerk of the unit." };
  if (!colleague.online) {
    return { ok: false, code: "CONSOLE_REFUSED", message: `Cán bộ ${colleague.name} không mở bàn làm việc; chọn người khác. / ${colleague.name} is not signed in.` };
  }
  return { ok: true, colleague };
}
