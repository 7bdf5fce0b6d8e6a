import { readFileSync } from "node:fs";
import { z } from "zod";
import { addDays, type CityDay } from "./cityDay";

const dayEntry = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), name: z.string() });
const calendarFile = z.object({
  about: z.string().optional(),
  holidays: z.array(dayEntry),
  workingSaturdays: z.array(dayEntry).default([]),
});

/**
 * The offices' working days: Monday to Friday, less the public holidays and the days moved for
 * them, plus the Saturdays worked in exchange. Legal processing times count these days.
 */
export class WorkingCalendar {
  /** Days off: `YYYY-MM-DD` once, or `MM-DD` every year. */
  readonly daysOff: ReadonlySet<string>;
  private readonly workingSaturdays: ReadonlySet<CityDay>;

  constructor(daysOff: Iterable<string>, workingSaturdays: Iterable<CityDay> = []) {
    this.daysOff = new Set(daysOff);
    this.workingSaturdays = new Set(workingSaturdays);
  }

  /**
   * The calendar of a holidays file (`flows/publicHolidays.json` by default; a city replaces it
   * with the year's official notice), plus `extraDaysOff` (the `HOLIDAYS` setting: `MM-DD` or `YYYY-MM-DD`,
   * comma-separated).
   *
   * @throws Error naming the file and what is wrong in it.
   */
  static fromFile(path: string, extraDaysOff = ""): WorkingCalendar {
    let parsed: z.infer<typeof calendarFile>;
    try {
      parsed = calendarFile.parse(JSON.parse(readFileSync(path, "utf8")));
    } catch (error) {
      const why =
        error instanceof z.ZodError
          ? error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")
          : (error as Error).message;
      throw new Error(`not a readable holidays file (${why})`, { cause: error });
    }
    const extra = extraDaysOff
      .split(",")
      .map((d) => d.trim())
      .filter(Boolean);
    return new WorkingCalendar(
      [...parsed.holidays.map((h) => h.date), ...extra],
      parsed.workingSaturdays.map((s) => s.date),
    );
  }

  isWorkingDay(day: CityDay): boolean {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday === 6 && this.workingSaturdays.has(day)) return true;
    return weekday !== 0 && weekday !== 6 && !this.daysOff.has(day) && !this.daysOff.has(day.slice(5));
  }

  /** The day itself when the offices work then, else the next day they do. */
  workingDayFrom(day: CityDay): CityDay {
    let current = day;
    // A year has no run of more than a fortnight off; the bound guards against a broken file.
    for (let i = 0; i < 60 && !this.isWorkingDay(current); i += 1) current = addDays(current, 1);
    return current;
  }

  /** The `n`-th working day after `day` (n = 0: `day` itself, or the next working day). */
  addWorkingDays(day: CityDay, n: number): CityDay {
    let current = this.workingDayFrom(day);
    for (let left = n; left > 0; left -= 1) current = this.workingDayFrom(addDays(current, 1));
    return current;
  }
}
