import { randomUUID } from "node:crypto";
import type { City, Unit } from "../../flows/units";
import type { GroupPoster } from "../channels/messagingChannel";
import type { CityDay } from "../deadlines/cityDay";
import type { WorkingCalendar } from "../deadlines/workingCalendar";
import type { Logger } from "../logger";
import type { DailyReportRecord, DailyReportStore } from "../store/dailyReportStore";
import type { ReportStore } from "../store/reportStore";
import { buildDailyReport, type ReportThresholds } from "./dailyReport";
import { reportChartPng } from "./reportChart";
import { reportText } from "./reportText";

export interface DailyReportJobParts {
  store: ReportStore & DailyReportStore;
  units: readonly Unit[];
  city: City;
  calendar: WorkingCalendar;
  thresholds: ReportThresholds;
  /** The leaders' Zalo group; null: reports are made and kept, not posted. */
  groupId: string | null;
  /** Where the group is (the Zalo channel), when it is on. */
  groups: GroupPoster | null;
  logger: Logger;
  now: () => Date;
}

/** How long one node may post a report before another may take over (a node that died mid-post). */
const POSTING_LEASE_MS = 2 * 60 * 1000;

/**
 * Makes a day's report once and posts it to the leaders' group: the report is stored first (the day is
 * the store's key, so with several nodes exactly one makes it), then its messages are posted in order under
 * a lease, each recorded as posted before the next, and retried later while Zalo refuses for a passing
 * reason. A report is never posted twice from the start, and a message at most twice only if a node dies
 * between Zalo's answer and the record of it.
 */
export class DailyReportJob {
  private readonly holder = `report-${randomUUID()}`;
  private posting: Promise<void> | null = null;

  constructor(private readonly parts: DailyReportJobParts) {}

  /**
   * The day's report as stored: made now if the day has none. `cut` is the time the figures are said to
   * stop at ("16:00"); `late` marks a report made after its time.
   */
  async make(
    day: CityDay,
    options: { late: boolean; cut: string },
  ): Promise<{ report: DailyReportRecord; made: boolean }> {
    const { store, units, city, calendar, thresholds, groupId, logger, now } = this.parts;
    const existing = await store.getDailyReport(day);
    if (existing) return { report: existing, made: false };
    const figures = await buildDailyReport(store, units, day, calendar, thresholds);
    let chartPng: string | null = null;
    try {
      chartPng = reportChartPng(figures, thresholds.minOnlineShare).toString("base64");
    } catch (error) {
      // The text is the report; a chart that cannot be drawn (no font, a broken renderer) must not stop it.
      logger.warn({ event: "report.chart_failed", day, err: (error as Error).message }, "report chart not drawn");
    }
    const record: DailyReportRecord = {
      day,
      createdAt: now().toISOString(),
      late: options.late,
      parts: reportText(figures, city, options),
      chartPng,
      figures,
      groupId,
      sentMessages: 0,
      lastError: null,
      sentAt: null,
    };
    const made = await store.insertDailyReport(record);
    logger.info({ event: made ? "report.made" : "report.made_elsewhere", day, late: options.late }, "daily report");
    return { report: made ? record : ((await store.getDailyReport(day)) ?? record), made };
  }

  /** Posts what is left of every stored report with a group, oldest first; one run at a time on this node. */
  postPending(): Promise<void> {
    this.posting ??= this.postAll().finally(() => {
      this.posting = null;
    });
    return this.posting;
  }

  private async postAll(): Promise<void> {
    if (!this.parts.groups) return;
    for (const day of await this.parts.store.dailyReportsToPost()) await this.post(day);
  }

  private async post(day: CityDay): Promise<void> {
    const { store, groups, logger, now } = this.parts;
    const at = now();
    const leased = await store.claimDailyReportPosting(
      day,
      this.holder,
      at.toISOString(),
      new Date(at.getTime() + POSTING_LEASE_MS).toISOString(),
    );
    if (!leased || !groups) return;
    try {
      const report = await store.getDailyReport(day);
      if (!report?.groupId) return;
      const total = report.parts.length + (report.chartPng ? 1 : 0);
      // A message skipped for good stays reported; a passing refusal is cleared by the next success.
      let skipped: string | null = null;
      for (let index = report.sentMessages; index < total; index += 1) {
        const sent =
          index < report.parts.length
            ? await groups.postText(report.groupId, report.parts[index]!)
            : await groups.postImage(
                report.groupId,
                Buffer.from(report.chartPng!, "base64"),
                "Tỷ lệ nộp trực tuyến và hồ sơ quá hạn theo đơn vị",
              );
        if (!sent.ok) {
          const lastError = `Zalo ${sent.code}: ${sent.message}`;
          logger.warn({ event: "report.post_failed", day, code: sent.code, retry: sent.retry }, "report not posted");
          // A message Zalo will never take is skipped, so that the rest of the report still arrives.
          const posted = sent.retry ? index : index + 1;
          await store.recordDailyReportPosting(day, this.holder, { sentMessages: posted, lastError, sentAt: null });
          if (sent.retry) return;
          skipped = lastError;
          continue;
        }
        await store.recordDailyReportPosting(day, this.holder, {
          sentMessages: index + 1,
          lastError: skipped,
          sentAt: now().toISOString(),
        });
      }
      logger.info({ event: "report.posted", day }, "daily report posted");
    } finally {
      await store.releaseDailyReportPosting(day, this.holder);
    }
  }
}
