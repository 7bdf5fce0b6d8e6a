import type { CityDay } from "../deadlines/cityDay";

/** A day's report as it was made, and how far posting it to the leaders' Zalo group has gone. */
export interface DailyReportRecord {
  day: CityDay;
  createdAt: string;
  /** Made after its time (the server was down at 16:00), and said so in its text. */
  late: boolean;
  /** The text, in pieces of at most Zalo's 2,000 characters. */
  parts: string[];
  /** The chart (PNG, base64), posted after the text; null when it could not be drawn. */
  chartPng: string | null;
  /** The figures the text was written from (the `DailyReport`), for the console. */
  figures: unknown;
  /** The Zalo group it goes to; null when no group is configured (kept, shown, not posted). */
  groupId: string | null;
  /** How many messages of the report have been posted: the parts, then the chart. */
  sentMessages: number;
  /** The last refusal or failure of Zalo's, with its code, while posting. */
  lastError: string | null;
  /** When the last message was posted. */
  sentAt: string | null;
}

/** Made reports, one per day, and the lease that keeps one node posting a report at a time. */
export interface DailyReportStore {
  /** Stores the day's report unless that day has one already (another node made it): whether it was stored. */
  insertDailyReport(report: DailyReportRecord): Promise<boolean>;
  getDailyReport(day: CityDay): Promise<DailyReportRecord | null>;
  /** The latest reports, newest day first, at most `limit`. */
  listDailyReports(limit: number): Promise<DailyReportRecord[]>;
  /** Days whose report has a group and messages not yet posted, oldest first. */
  dailyReportsToPost(): Promise<CityDay[]>;
  /** Takes the right to post the day's report until `until`, unless another holder has it: whether taken. */
  claimDailyReportPosting(day: CityDay, holder: string, now: string, until: string): Promise<boolean>;
  /**
   * Records the progress of posting (the holder's): messages posted so far, the last error, when. Posting a
   * message then recording it is the only window in which a crash would post it twice.
   */
  recordDailyReportPosting(
    day: CityDay,
    holder: string,
    progress: { sentMessages: number; lastError: string | null; sentAt: string | null },
  ): Promise<void>;
  releaseDailyReportPosting(day: CityDay, holder: string): Promise<void>;
}
