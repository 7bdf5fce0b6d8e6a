import type { Config } from "../config";
import type { ReportThresholds } from "./dailyReport";

/** The report's thresholds from the settings (the online share is given in percent there). */
export function reportThresholds(config: Readonly<Config>): ReportThresholds {
  return {
    maxOverdue: config.REPORT_MAX_OVERDUE,
    maxMedianWaitMinutes: config.REPORT_MAX_MEDIAN_WAIT_MINUTES,
    minOnlineShare: config.REPORT_MIN_ONLINE_PERCENT / 100,
    minRating: config.REPORT_MIN_RATING,
  };
}
