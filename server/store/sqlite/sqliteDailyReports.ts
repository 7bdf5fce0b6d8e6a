import type Database from "better-sqlite3";
import type { DailyReportRecord, DailyReportStore } from "../dailyReportStore";
import { listLimit } from "../storeChecks";
import { WhileOpen } from "../whileOpen";

interface ReportRow {
  day: string;
  created_at: string;
  late: number;
  parts: string;
  chart_png: string | null;
  figures: string;
  group_id: string | null;
  sent_messages: number;
  last_error: string | null;
  sent_at: string | null;
}

function toRecord(row: ReportRow): DailyReportRecord {
  return {
    day: row.day,
    createdAt: row.created_at,
    late: row.late === 1,
    parts: JSON.parse(row.parts) as string[],
    chartPng: row.chart_png,
    figures: JSON.parse(row.figures) as unknown,
    groupId: row.group_id,
    sentMessages: row.sent_messages,
    lastError: row.last_error,
    sentAt: row.sent_at,
  };
}

function prepare(db: Database.Database) {
  return {
    insert: db.prepare(`
      INSERT INTO daily_reports (day, created_at, late, parts, chart_png, figures, group_id, sent_messages, last_error,
                                 sent_at)
      VALUES (@day, @createdAt, @late, @parts, @chartPng, @figures, @groupId, @sentMessages, @lastError, @sentAt)
      ON CONFLICT (day) DO NOTHING`),
    get: db.prepare<[string], ReportRow>("SELECT * FROM daily_reports WHERE day = ?"),
    list: db.prepare<[number], ReportRow>("SELECT * FROM daily_reports ORDER BY day DESC LIMIT ?"),
    toPost: db.prepare<[], { day: string; parts: string; chart_png: string | null; sent_messages: number }>(
      "SELECT day, parts, chart_png, sent_messages FROM daily_reports WHERE group_id IS NOT NULL ORDER BY day",
    ),
    claim: db.prepare<[string, string, string, string, string]>(`
      UPDATE daily_reports SET lease_holder = ?, lease_until = ?
       WHERE day = ? AND (lease_holder IS NULL OR lease_until < ? OR lease_holder = ?)`),
    record: db.prepare<[number, string | null, string | null, string, string]>(`
      UPDATE daily_reports SET sent_messages = ?, last_error = ?, sent_at = COALESCE(?, sent_at)
       WHERE day = ? AND lease_holder = ?`),
    release: db.prepare<[string, string]>(
      "UPDATE daily_reports SET lease_holder = NULL, lease_until = NULL WHERE day = ? AND lease_holder = ?",
    ),
  };
}

/** Made daily reports in SQLite: the day is the primary key, so a second node's insert of the same day does nothing. */
export class SqliteDailyReports implements DailyReportStore {
  private readonly opened = new WhileOpen<ReturnType<typeof prepare>>();

  attach(db: Database.Database): void {
    this.opened.set(prepare(db));
  }

  detach(): void {
    this.opened.clear();
  }

  async insertDailyReport(report: DailyReportRecord): Promise<boolean> {
    const written = this.opened.get().insert.run({
      day: String(report.day),
      createdAt: String(report.createdAt),
      late: report.late ? 1 : 0,
      parts: JSON.stringify(report.parts),
      chartPng: report.chartPng,
      figures: JSON.stringify(report.figures),
      groupId: report.groupId,
      sentMessages: Number(report.sentMessages),
      lastError: report.lastError,
      sentAt: report.sentAt,
    });
    return written.changes === 1;
  }

  async getDailyReport(day: string): Promise<DailyReportRecord | null> {
    const row = this.opened.get().get.get(String(day));
    return row ? toRecord(row) : null;
  }

  async listDailyReports(limit: number): Promise<DailyReportRecord[]> {
    return this.opened.get().list.all(listLimit(limit)).map(toRecord);
  }

  async dailyReportsToPost(): Promise<string[]> {
    return this.opened
      .get()
      .toPost.all()
      .filter((row) => row.sent_messages < (JSON.parse(row.parts) as string[]).length + (row.chart_png ? 1 : 0))
      .map((row) => row.day);
  }

  async claimDailyReportPosting(day: string, holder: string, now: string, until: string): Promise<boolean> {
    return this.opened.get().claim.run(holder, until, String(day), now, holder).changes === 1;
  }

  async recordDailyReportPosting(
    day: string,
    holder: string,
    progress: { sentMessages: number; lastError: string | null; sentAt: string | null },
  ): Promise<void> {
    this.opened
      .get()
      .record.run(Number(progress.sentMessages), progress.lastError, progress.sentAt, String(day), holder);
  }

  async releaseDailyReportPosting(day: string, holder: string): Promise<void> {
    this.opened.get().release.run(String(day), holder);
  }
}
