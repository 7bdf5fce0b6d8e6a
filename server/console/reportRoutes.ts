import { Router } from "express";
import { isCityDay } from "../deadlines/cityDay";
import { errorSender } from "../http/httpErrors";
import type { HttpErrorText } from "../http/httpErrorTexts";
import type { Logger } from "../logger";
import type { DailyReportRecord, Store } from "../store/store";
import { type ConsoleLocals, requireConsoleSession } from "./authRoutes";
import type { DailyReportSummary, DailyReportView } from "./consoleRestProtocol";

export interface ReportRoutesOptions {
  store: Store;
  logger: Logger;
  now: () => Date;
}

const REPORT_TEXTS = {
  REPORT_FORBIDDEN: {
    status: 403,
    vi: "Báo cáo ngày dành cho lãnh đạo và quản trị; cán bộ xem số liệu đơn vị mình ở mục Thống kê.",
    en: "The daily report is for supervisors and administrators; clerks see their units' figures in the dashboard.",
  },
  REPORT_NOT_FOUND: {
    status: 404,
    vi: "Không có báo cáo của ngày này.",
    en: "There is no report for this day.",
  },
} as const satisfies Readonly<Record<string, HttpErrorText>>;
const sendReportError = errorSender(REPORT_TEXTS);

/** How many past reports the console lists: a quarter of a year. */
const HISTORY = 92;

function summary(report: DailyReportRecord): DailyReportSummary {
  const total = report.parts.length + (report.chartPng ? 1 : 0);
  return {
    day: report.day,
    createdAt: report.createdAt,
    late: report.late,
    posting: report.groupId === null ? "not_configured" : report.sentMessages >= total ? "posted" : "pending",
    sentMessages: report.sentMessages,
    messages: total,
    lastError: report.lastError,
    sentAt: report.sentAt,
  };
}

/**
 * The daily reports as made and posted, for supervisors and administrators: the history, one report's text
 * as the leaders' group read it with its posting state, and its chart. A report holds every unit's figures,
 * so clerks (who see only their units) are refused.
 */
export function reportRoutes(options: ReportRoutesOptions): Router {
  const router = Router();
  const guard = requireConsoleSession(options);
  const { store } = options;

  router.use("/api/console/reports", guard, (_req, res, next) => {
    const { user } = res.locals as ConsoleLocals;
    if (user.role === "clerk") return sendReportError(res, "REPORT_FORBIDDEN");
    res.set("Cache-Control", "no-store");
    next();
  });

  router.get("/api/console/reports", async (_req, res) => {
    const reports = await store.listDailyReports(HISTORY);
    res.json({ ok: true, reports: reports.map(summary) });
  });

  router.get("/api/console/reports/:day", async (req, res) => {
    const day = String(req.params.day);
    const report = isCityDay(day) ? await store.getDailyReport(day) : null;
    if (!report) return sendReportError(res, "REPORT_NOT_FOUND");
    const view: DailyReportView = { ...summary(report), text: report.parts.join("\n"), hasChart: !!report.chartPng };
    res.json({ ok: true, report: view });
  });

  router.get("/api/console/reports/:day/chart.png", async (req, res) => {
    const day = String(req.params.day);
    const report = isCityDay(day) ? await store.getDailyReport(day) : null;
    if (!report?.chartPng) return sendReportError(res, "REPORT_NOT_FOUND");
    res.type("image/png").send(Buffer.from(report.chartPng, "base64"));
  });

  return router;
}
