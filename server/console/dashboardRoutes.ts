import { randomUUID } from "node:crypto";
import { type Request, type Response, Router } from "express";
import { refusalOf } from "../codedTexts";
import { dashboardFigures, NO_UNIT_NAME } from "../dashboard/dashboardFigures";
import { type DashboardQuery, parseDashboardQuery } from "../dashboard/dashboardQuery";
import { addDays, type CityDay } from "../deadlines/cityDay";
import type { WorkingCalendar } from "../deadlines/workingCalendar";
import type { Dossier } from "../dossier/dossier";
import type { Catalogue } from "../engine/catalogue";
import { localIsoDate } from "../engine/clock";
import { attachmentHeader, csvTable } from "../exports/csvTable";
import { DOSSIERS_CSV_HEADER, dossierCsvRow } from "../exports/dossiersCsv";
import { FIGURES_CSV_HEADER, figuresCsvRows } from "../exports/figuresCsv";
import { writeCsvPages } from "../exports/csvPages";
import { errorSender, sendWorded } from "../http/httpErrors";
import type { Logger } from "../logger";
import type { DossierCursor, Store, UserRecord } from "../store/store";
import { type ConsoleLocals, requireConsoleSession } from "./authRoutes";
import type { DashboardFigures } from "./dashboardProtocol";
import { DASHBOARD_TEXTS } from "./dashboardTexts";

export interface DashboardRoutesOptions {
  store: Store;
  /** The units' names and the procedures' names. */
  catalogue: Catalogue;
  /** For "due soon": due today or on the next working day, as the daily report counts it. */
  calendar: WorkingCalendar;
  logger: Logger;
  now: () => Date;
}

// Counting needs the rows (the store lists due dossiers); a city with more open dossiers past due than
// this has a problem the dashboard's other figures already show.
const DUE_READ = 100_000;
/** Rows read per store query of a dossier export: ~250 KB of JSON, a few milliseconds of SQLite. */
const EXPORT_PAGE = 500;

const sendDashboardError = errorSender(DASHBOARD_TEXTS);

/**
 * The dashboard's REST side: the figures of a range of days for the units a user may see (a clerk:
 * theirs), shaped for charts, and two CSV exports — the figures per day and unit, and the dossiers
 * received, streamed page by page with CCCD and phone masked unless an admin asks for the full export,
 * which is written to the audit log (who, the range, the units; never the data) before a byte is sent.
 */
export function dashboardRoutes(options: DashboardRoutesOptions): Router {
  const router = Router();
  const guard = requireConsoleSession(options);
  const { store, catalogue } = options;
  const unitNames = new Map(catalogue.units.map((unit) => [unit.id, unit.nameVi]));

  /** The query checked for this user, or the refusal sent. */
  function queryOf(req: Request, res: Response, today: CityDay): DashboardQuery | null {
    const { user } = res.locals as ConsoleLocals;
    const parsed = parseDashboardQuery(req.query as Record<string, unknown>, {
      today,
      user,
      unitIds: catalogue.units.map((unit) => unit.id),
    });
    if (parsed.ok) return parsed.query;
    const entry = DASHBOARD_TEXTS[parsed.refusal.key];
    const { code, text } = refusalOf(DASHBOARD_TEXTS, parsed.refusal);
    sendWorded(res, entry.status, code, text);
    return null;
  }

  function choicesFor(user: UserRecord) {
    return catalogue.units
      .filter((unit) => user.role !== "clerk" || user.unitIds.includes(unit.id))
      .map((unit) => ({ id: unit.id, name: unit.nameVi }));
  }

  async function figuresFor(user: UserRecord, query: DashboardQuery, today: CityDay): Promise<DashboardFigures> {
    const dueSoonBy = options.calendar.addWorkingDays(addDays(today, 1), 0);
    const [rows, due] = await Promise.all([
      store.unitDayFigures(query.range, query.unitIds),
      store.dossiersDueBy({ unitIds: query.unitIds, dueBy: dueSoonBy, limit: DUE_READ }),
    ]);
    const units = (query.unitIds ?? catalogue.units.map((unit) => unit.id)).map((id) => ({
      id,
      name: unitNames.get(id) ?? id,
    }));
    // In the city's order, whatever order the filter named them in.
    const order = new Map(catalogue.units.map((unit, i) => [unit.id, i]));
    units.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return dashboardFigures({
      range: query.range,
      today,
      dueSoonBy,
      units,
      everyUnit: query.unitIds === null,
      rows,
      due,
      choices: choicesFor(user),
      mayExportFull: user.role === "admin",
    });
  }

  function auditEntry(user: UserRecord, action: string, query: DashboardQuery, extra: Record<string, boolean> = {}) {
    return {
      id: randomUUID(),
      at: options.now().toISOString(),
      actorId: user.id,
      action,
      detail: { from: query.range.from, to: query.range.to, units: query.unitIds?.join(",") ?? "*", ...extra },
    };
  }

  /** `ho-so_2026-03-01_2026-03-30_an-thanh.csv`: the range and a single unit in the name, as saved. */
  function fileName(stem: string, query: DashboardQuery): string {
    const unit = query.unitIds?.length === 1 ? `_${query.unitIds[0]}` : "";
    return `${stem}_${query.range.from}_${query.range.to}${unit}.csv`;
  }

  function csvHeaders(res: Response, name: string): void {
    res.set({
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentHeader(name),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
  }

  router.get("/api/console/dashboard", guard, async (req, res) => {
    const { user } = res.locals as ConsoleLocals;
    const today = localIsoDate(options.now());
    const query = queryOf(req, res, today);
    if (!query) return;
    const figures = await figuresFor(user, query, today);
    res.set("Cache-Control", "no-store").json({ ok: true, figures });
  });

  router.get("/api/console/dashboard/figures.csv", guard, async (req, res) => {
    const { user } = res.locals as ConsoleLocals;
    const today = localIsoDate(options.now());
    const query = queryOf(req, res, today);
    if (!query) return;
    const figures = await figuresFor(user, query, today);
    // Counts only, no personal data: logged like any other read, not awaited.
    void store
      .appendAudit(auditEntry(user, "export.figures", query))
      .catch((error: unknown) => options.logger.error({ event: "audit.failed", err: error }, "audit write failed"));
    csvHeaders(res, fileName("so-lieu", query));
    res.send(csvTable(FIGURES_CSV_HEADER, figuresCsvRows(figures)));
  });

  router.get("/api/console/dashboard/dossiers.csv", guard, async (req, res) => {
    const { user } = res.locals as ConsoleLocals;
    const today = localIsoDate(options.now());
    const query = queryOf(req, res, today);
    if (!query) return;
    const full = req.query.full === "1" || req.query.full === "true";
    if (full && user.role !== "admin") {
      sendDashboardError(res, "DASHBOARD_EXPORT_FORBIDDEN");
      return;
    }
    // The full export's record is written before any data leaves: no record, no file.
    try {
      await store.appendAudit(auditEntry(user, "export.dossiers", query, { full }));
    } catch (error) {
      options.logger.error({ event: "audit.failed", err: error }, "audit write failed");
      if (full) {
        sendDashboardError(res, "DASHBOARD_AUDIT_FAILED");
        return;
      }
    }
    const context = {
      today,
      full,
      procedureName: (id: string) => catalogue.flows.get(id)?.flow.name.vi ?? id,
      unitName: (id: string | null) => (id === null ? NO_UNIT_NAME : (unitNames.get(id) ?? id)),
    };
    async function* pages() {
      let after: DossierCursor | null = null;
      for (;;) {
        const page: Dossier[] = await store.dossiersReceived({
          range: query!.range,
          unitIds: query!.unitIds,
          after,
          limit: EXPORT_PAGE,
        });
        if (page.length > 0) yield page.map((dossier) => dossierCsvRow(dossier, context));
        if (page.length < EXPORT_PAGE) return;
        const last = page[page.length - 1]!;
        after = { createdAt: last.createdAt, code: last.code };
      }
    }
    csvHeaders(res, fileName(full ? "ho-so-day-du" : "ho-so", query));
    try {
      const written = await writeCsvPages(res, DOSSIERS_CSV_HEADER, pages());
      options.logger.info(
        { event: "export.dossiers", userId: user.id, rows: written.rows, full, complete: written.complete },
        "dossier export",
      );
    } catch (error) {
      // The header is sent: a cut connection tells the browser the file is incomplete, a 200 would not.
      options.logger.error({ event: "export.failed", err: error }, "dossier export failed");
      res.destroy(error instanceof Error ? error : new Error("export failed"));
    }
  });

  return router;
}
