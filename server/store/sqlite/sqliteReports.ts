import type Database from "better-sqlite3";
import { addDays, cityDayStart } from "../../deadlines/cityDay";
import { localIsoDate } from "../../engine/clock";
import { SqliteDayFigures } from "./sqliteDayFigures";
import { unitClause } from "./sqlUnitClause";
import { ANSWERED_STATUSES } from "../../dossier/dossierLifecycle";
import type { DossierStatus } from "../../dossier/dossier";
import { UnitDayTable } from "../reportFigures";
import type { DayRange, DossierDue, ReportStore, UnitDayFigures } from "../reportStore";
import { listLimit, unitFilter } from "../storeChecks";
import { WhileOpen } from "../whileOpen";

// The city's day of a stored instant: Viet Nam is UTC+7 all year.
const CITY_DAY = (column: string) => `substr(datetime(${column}, '+7 hours'), 1, 10)`;

/** The store's instants bounding a range of city days: [start of `from`, start of the day after `to`). */
function instants(range: DayRange): [string, string] {
  return [cityDayStart(range.from), cityDayStart(addDays(range.to, 1))];
}

/**
 * The report's and the dashboard's figures in SQLite: grouped by city day and unit in SQL over the
 * indexed time columns (`conversations.created_at`, `dossiers.created_at`, `service_events.at`), so 90
 * days of a province are a few scans of their index ranges, not a read of every record.
 */
export class SqliteReports implements ReportStore {
  private readonly opened = new WhileOpen<Database.Database>();

  attach(db: Database.Database): void {
    this.opened.set(db);
  }

  detach(): void {
    this.opened.clear();
  }

  async unitDayFigures(range: DayRange, unitIds: readonly string[] | null): Promise<UnitDayFigures[]> {
    const db = this.opened.get();
    const today = localIsoDate(new Date());
    const table = new UnitDayTable();
    // Days before today are kept once counted (`SqliteDayFigures`); today, and what follows, is counted live.
    if (range.from < today) {
      const closed = { from: range.from, to: range.to < today ? range.to : addDays(today, -1) };
      const kept = new SqliteDayFigures(db).read(closed, (missing) => {
        const counted = new UnitDayTable();
        scanUnitDays(db, missing, null, counted);
        return counted.list();
      });
      const units = unitFilter(unitIds);
      for (const figures of kept) if (units === null || units.includes(figures.unitId ?? "")) table.add(figures);
    }
    if (range.to >= today)
      scanUnitDays(db, { from: range.from < today ? today : range.from, to: range.to }, unitIds, table);
    return table.list();
  }

  async dossiersDueBy(filter: {
    unitIds: readonly string[] | null;
    dueBy: string;
    limit: number;
  }): Promise<DossierDue[]> {
    const units = unitClause("unit_id", filter.unitIds);
    const rows = this.opened
      .get()
      .prepare<
        unknown[],
        {
          code: string;
          procedure_id: string;
          unit_id: string | null;
          status: string;
          due_day: string;
          created_at: string;
        }
      >(
        // The WHERE repeats the partial index's condition word for word so that SQLite uses it.
        `SELECT code, json_extract(dossier, '$.procedureId') AS procedure_id, unit_id, status, due_day, created_at
           FROM dossiers
          WHERE due_day IS NOT NULL AND status NOT IN (${ANSWERED_STATUSES.map((s) => `'${s}'`).join(", ")})
            AND due_day <= ?${units.sql}
          ORDER BY due_day, created_at LIMIT ?`,
      )
      .all(String(filter.dueBy), ...units.params, listLimit(filter.limit));
    return rows.map((row) => ({
      code: row.code,
      procedureId: row.procedure_id,
      unitId: row.unit_id,
      status: row.status as DossierStatus,
      dueDay: row.due_day,
      createdAt: row.created_at,
    }));
  }

  async unansweredQuestions(
    range: DayRange,
    unitIds: readonly string[] | null,
    limit: number,
  ): Promise<{ unitId: string | null; text: string }[]> {
    const [from, to] = instants(range);
    const units = unitClause("unit_id", unitIds);
    return this.opened
      .get()
      .prepare<unknown[], { unit_id: string | null; text: string }>(
        `SELECT unit_id, text FROM service_events
          WHERE at >= ? AND at < ? AND kind = 'question.unanswered'${units.sql} ORDER BY at DESC, id DESC LIMIT ?`,
      )
      .all(from, to, ...units.params, listLimit(limit))
      .map((row) => ({ unitId: row.unit_id, text: row.text }));
  }

  async openCallbacks(unitIds: readonly string[] | null): Promise<{ unitId: string | null; count: number }[]> {
    const units = unitClause("unit_id", unitIds);
    return this.opened
      .get()
      .prepare<unknown[], { unit_id: string | null; n: number }>(
        `SELECT unit_id, count(*) AS n FROM conversations
          WHERE status = 'waiting_clerk' AND json_extract(state, '$.callback') IS NOT NULL${units.sql}
          GROUP BY unit_id ORDER BY unit_id`,
      )
      .all(...units.params)
      .map((row) => ({ unitId: row.unit_id, count: row.n }));
  }
}

/** Counts the figures of a range of city days, for some units, into `table`, from the indexed time columns. */
function scanUnitDays(
  db: Database.Database,
  range: DayRange,
  unitIds: readonly string[] | null,
  table: UnitDayTable,
): void {
  const [from, to] = instants(range);
  const conversations = unitClause("unit_id", unitIds);
  const conversationRows = db
    .prepare<unknown[], { day: string; unit_id: string | null; n: number }>(
      `SELECT ${CITY_DAY("created_at")} AS day, unit_id, count(*) AS n FROM conversations
          WHERE created_at >= ? AND created_at < ?${conversations.sql} GROUP BY day, unit_id`,
    )
    .all(from, to, ...conversations.params);
  for (const row of conversationRows) table.get(row.day, row.unit_id).conversationsStarted += row.n;

  const dossiers = unitClause("d.unit_id", unitIds);
  const dossierRows = db
    .prepare<unknown[], { day: string; unit_id: string | null; method: string | null; n: number; clerk: number }>(
      `SELECT ${CITY_DAY("d.created_at")} AS day, d.unit_id, d.submit_method AS method, count(*) AS n,
                sum(EXISTS (SELECT 1 FROM service_events e
                             WHERE e.conversation_id = d.conversation_id AND e.kind = 'handoff.taken'
                               AND e.at <= d.created_at)) AS clerk
           FROM dossiers d
          WHERE d.created_at >= ? AND d.created_at < ?${dossiers.sql}
          GROUP BY day, d.unit_id, d.submit_method`,
    )
    .all(from, to, ...dossiers.params);
  for (const row of dossierRows) table.addDossiers(row.day, row.unit_id, row.method, row.n, row.clerk);

  const events = unitClause("unit_id", unitIds);
  const eventRows = db
    .prepare<unknown[], { day: string; unit_id: string | null; kind: string; n: number; total: number | null }>(
      `SELECT ${CITY_DAY("at")} AS day, unit_id, kind, count(*) AS n, sum(value) AS total FROM service_events
          WHERE at >= ? AND at < ?${events.sql} GROUP BY day, unit_id, kind`,
    )
    .all(from, to, ...events.params);
  for (const row of eventRows) table.addEvents(row.day, row.unit_id, row.kind, row.n, row.total ?? 0);
  const waitRows = db
    .prepare<unknown[], { day: string; unit_id: string | null; value: number }>(
      `SELECT ${CITY_DAY("at")} AS day, unit_id, value FROM service_events
          WHERE at >= ? AND at < ? AND kind = 'handoff.taken'${events.sql}`,
    )
    .all(from, to, ...events.params);
  for (const row of waitRows) table.get(row.day, row.unit_id).handoffWaitsMs.push(row.value);
}
