/** When clerks work: weekly opening hours, and days off. */
export interface WorkingHours {
  /** Day of week (0 Sunday … 6 Saturday) → opening periods in minutes after midnight. */
  days: ReadonlyMap<number, readonly { from: number; to: number }[]>;
  /** Days off: `MM-DD` every year, or `YYYY-MM-DD` once. */
  holidays: ReadonlySet<string>;
  /** The same, for telling citizens. */
  text: { vi: string; en: string };
}

const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const DAY_NAMES_VI = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"];
const DAY_NAMES_EN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * Reads opening hours written as `mon-fri 07:00-11:30 13:30-17:00; sat 07:30-11:30` and days
 * off as `01-01,04-30,05-01,09-02,2026-02-17`. Throws with the part it cannot read.
 *
 * @example parseWorkingHours("mon-fri 07:00-11:30 13:30-17:00", "09-02")
 */
export function parseWorkingHours(spec: string, holidays: string): WorkingHours {
  const days = new Map<number, { from: number; to: number }[]>();
  const vi: string[] = [];
  const en: string[] = [];
  for (const part of spec
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [dayRange, ...periods] = part.split(/\s+/);
    const [first, last] = dayRange!.toLowerCase().split("-");
    const start = DAY_NAMES.indexOf(first!);
    const end = last === undefined ? start : DAY_NAMES.indexOf(last);
    if (start < 0 || end < 0) throw new Error(`"${dayRange}" is not a day or a range of days like mon-fri`);
    if (periods.length === 0) throw new Error(`"${part}" has no hours like 07:00-11:30`);
    const parsed = periods.map((period) => {
      const match = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(period);
      const from = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
      const to = match ? Number(match[3]) * 60 + Number(match[4]) : NaN;
      if (!match || !(from < to) || to > 24 * 60) throw new Error(`"${period}" is not a period like 07:00-11:30`);
      return { from, to };
    });
    const span = (names: string[]) => (start === end ? names[start]! : `${names[start]}–${names[end]}`);
    const times = periods.map((p) => p.replace("-", "–")).join(", ");
    vi.push(`${span(DAY_NAMES_VI)} ${times}`);
    en.push(`${span(DAY_NAMES_EN)} ${times}`);
    for (let day = start; ; day = (day + 1) % 7) {
      days.set(day, [...(days.get(day) ?? []), ...parsed]);
      if (day === end) break;
    }
  }
  const off = new Set(
    holidays
      .split(",")
      .map((d) => d.trim())
      .filter(Boolean),
  );
  for (const day of off)
    if (!/^(\d{4}-)?\d{2}-\d{2}$/.test(day)) throw new Error(`"${day}" is not a day off like 09-02 or 2026-02-17`);
  return { days, holidays: off, text: { vi: vi.join("; "), en: en.join("; ") } };
}

/** Whether the instant falls in opening hours, in Asia/Ho_Chi_Minh (UTC+7 all year). */
export function isWorkingTime(hours: WorkingHours, now: Date): boolean {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const iso = local.toISOString();
  if (hours.holidays.has(iso.slice(0, 10)) || hours.holidays.has(iso.slice(5, 10))) return false;
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  return (hours.days.get(local.getUTCDay()) ?? []).some((p) => minutes >= p.from && minutes < p.to);
}
