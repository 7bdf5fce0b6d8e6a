/** The instant a turn happens at, given to the engine so that it never reads the time itself. */
export interface Clock {
  now: Date;
}

// Viet Nam keeps UTC+7 all year (no daylight saving since 1975), so the local calendar date
// is a fixed shift away and needs no time-zone database inside the pure engine.
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * The date in Asia/Ho_Chi_Minh, `yyyy-mm-dd`. @example localIsoDate(new Date("2026-11-27T20:00:00Z")) // "2026-11-28"
 */
export function localIsoDate(now: Date): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The hour (0–23) in Asia/Ho_Chi_Minh. @example localHour(new Date("2026-11-27T08:30:00Z")) // 15 */
export function localHour(now: Date): number {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).getUTCHours();
}

/** The date in Asia/Ho_Chi_Minh as written on forms, `dd/mm/yyyy`. */
export function localFormDate(now: Date): string {
  const [year, month, day] = localIsoDate(now).split("-");
  return `${day}/${month}/${year}`;
}
