import type Database from "better-sqlite3";
import { addDays, daysOf } from "../../deadlines/cityDay";
import type { DayRange, UnitDayFigures } from "../reportStore";

const CITY_DAY = (column: string) => `substr(datetime(${column}, '+7 hours'), 1, 10)`;

interface Seen {
  conversations: number;
  dossiers: number;
  events: number;
}

/** Runs of consecutive days: one count each. */
function runsOf(days: readonly string[]): DayRange[] {
  const runs: DayRange[] = [];
  for (const day of days) {
    const last = runs.at(-1);
    if (last && addDays(last.to, 1) === day) last.to = day;
    else runs.push({ from: day, to: day });
  }
  return runs;
}

/**
 * Past days' figures, counted once and kept (`day_figures`): counting 90 days of a province means scanning
 * hundreds of thousands of rows, reading them back is a few hundred. Before reading, the rows written since
 * the last look (by rowid, past `day_figures_seen`) name the kept days they belong to, which are counted
 * again; so is a day never counted. The counting reads outside any transaction, and only the short write
 * of its result takes the write lock, so turns are never held up by it.
 */
export class SqliteDayFigures {
  constructor(private readonly db: Database.Database) {}

  read(range: DayRange, count: (missing: DayRange) => UnitDayFigures[]): UnitDayFigures[] {
    const db = this.db;
    const seen = db
      .prepare<[], Seen>("SELECT conversations, dossiers, events FROM day_figures_seen WHERE id = 1")
      .get() ?? {
      conversations: 0,
      dossiers: 0,
      events: 0,
    };
    const now = db
      .prepare<[], Seen>(
        `SELECT (SELECT coalesce(max(rowid), 0) FROM conversations) AS conversations,
                (SELECT coalesce(max(rowid), 0) FROM dossiers) AS dossiers,
                (SELECT coalesce(max(id), 0) FROM service_events) AS events`,
      )
      .get()!;
    // With no day kept yet there is nothing to forget: the first look need not read every row written so far.
    const anyKept = db.prepare<[], { one: number }>("SELECT 1 AS one FROM day_figures_days LIMIT 1").get();
    const touched = !anyKept
      ? []
      : db
          .prepare<[number, number, number], { day: string }>(
            `SELECT ${CITY_DAY("created_at")} AS day FROM conversations WHERE rowid > ?
          UNION SELECT ${CITY_DAY("created_at")} FROM dossiers WHERE rowid > ?
          UNION SELECT ${CITY_DAY("at")} FROM service_events WHERE id > ?`,
          )
          .all(seen.conversations, seen.dossiers, seen.events)
          .map((row) => row.day);
    const stale = new Set(touched);
    const kept = new Set(
      db
        .prepare<[string, string], { day: string }>("SELECT day FROM day_figures_days WHERE day BETWEEN ? AND ?")
        .all(range.from, range.to)
        .map((row) => row.day)
        .filter((day) => !stale.has(day)),
    );
    const missing = daysOf(range).filter((day) => !kept.has(day));
    const counted = runsOf(missing).flatMap((run) => count(run));

    db.transaction(() => {
      const forgetFigures = db.prepare<[string]>("DELETE FROM day_figures WHERE day = ?");
      const forgetDay = db.prepare<[string]>("DELETE FROM day_figures_days WHERE day = ?");
      for (const day of [...stale, ...missing]) {
        forgetFigures.run(day);
        forgetDay.run(day);
      }
      const keepFigures = db.prepare<[string, string, string]>(
        "INSERT OR REPLACE INTO day_figures (day, unit_key, figures) VALUES (?, ?, ?)",
      );
      for (const figures of counted) keepFigures.run(figures.day, figures.unitId ?? "", JSON.stringify(figures));
      const keepDay = db.prepare<[string]>("INSERT OR IGNORE INTO day_figures_days (day) VALUES (?)");
      for (const day of missing) keepDay.run(day);
      db.prepare<[number, number, number]>(
        `INSERT INTO day_figures_seen (id, conversations, dossiers, events) VALUES (1, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET conversations = excluded.conversations, dossiers = excluded.dossiers,
                                          events = excluded.events`,
      ).run(now.conversations, now.dossiers, now.events);
    }).immediate();

    return db
      .prepare<[string, string], { figures: string }>("SELECT figures FROM day_figures WHERE day BETWEEN ? AND ?")
      .all(range.from, range.to)
      .map((row) => JSON.parse(row.figures) as UnitDayFigures);
  }
}
