import { LunarDate } from "lunar-date-vn";

/** A date of the Vietnamese lunar calendar (âm lịch); `leap` for a day of the leap month (tháng nhuận). */
export interface LunarDay {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

export type LunarConversion =
  | { ok: true; day: number; month: number; year: number }
  | { ok: false; reason: "NO_SUCH_DAY" | "NO_LEAP_MONTH" | "OUT_OF_RANGE" };

// The library's tables cover these years; the forms' dates are well inside them.
const FIRST_YEAR = 1200;
const LAST_YEAR = 2199;

function julianDay(day: LunarDay): number | null {
  const lunar = new LunarDate({
    day: day.day,
    month: day.month,
    year: day.year,
    leap_month: day.leap,
    hour: 0,
    yearIndex: 0,
  });
  try {
    lunar.init();
  } catch {
    return null;
  }
  return lunar.get().julian ?? null;
}

/**
 * The solar (Gregorian) date of a lunar date, by Hồ Ngọc Đức's algorithm for Vietnam's time
 * zone (UTC+7) as `lunar-date-vn` implements it: Tết Ất Sửu fell on 21/01/1985 in Vietnam, a
 * month before China's. A day 30 of a 29-day month is `NO_SUCH_DAY`; a leap month the year does
 * not have is `NO_LEAP_MONTH` (the library would silently take the regular month).
 *
 * @example lunarToSolar({ day: 15, month: 8, year: 1960, leap: false }) // { ok: true, day: 5, month: 10, year: 1960 }
 */
export function lunarToSolar(day: LunarDay): LunarConversion {
  if (day.year < FIRST_YEAR || day.year > LAST_YEAR) return { ok: false, reason: "OUT_OF_RANGE" };
  if (day.month < 1 || day.month > 12 || day.day < 1 || day.day > 30) return { ok: false, reason: "NO_SUCH_DAY" };
  // The library answers a leap month the year lacks with the regular month: the same first day, then.
  if (day.leap && julianDay({ ...day, day: 1 }) === julianDay({ ...day, day: 1, leap: false }))
    return { ok: false, reason: "NO_LEAP_MONTH" };
  if (julianDay(day) === null) return { ok: false, reason: "NO_SUCH_DAY" };
  const lunar = new LunarDate({ ...day, leap_month: day.leap, hour: 0, yearIndex: 0 });
  lunar.init();
  const solar = lunar.toSolarDate()!.get();
  return { ok: true, day: solar.day, month: solar.month, year: solar.year };
}
