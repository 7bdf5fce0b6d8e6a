import { Cron } from "croner";
import { localIsoDate } from "../engine/clock";
import type { Logger } from "../logger";
import type { DailyReportJob } from "./dailyReportJob";

export const CITY_TIME_ZONE = "Asia/Ho_Chi_Minh";
/** While a report has messages Zalo has not taken, they are tried again this often. */
const POST_RETRY_PATTERN = "*/30 * * * * *";

export interface ReportSchedule {
  /** Stops the schedule; resolves once a report being made or posted is done. */
  stop(): Promise<void>;
}

/** "16:00" for a cron instant: the time the figures of a scheduled report stop at. */
export function clockTime(at: Date): string {
  return new Intl.DateTimeFormat("vi-VN", { timeZone: CITY_TIME_ZONE, hour: "2-digit", minute: "2-digit" })
    .format(at)
    .replace(/\s/g, "");
}

/**
 * Runs the daily report at `pattern` (cron, Viet Nam time; 16:00 every day by default) with croner, and
 * posts what is left of stored reports every 30 s. Started after its time on a day without a report (the
 * server was down at 16:00), it makes that day's report at once, marked late.
 */
export function startReportSchedule(options: {
  pattern: string;
  job: DailyReportJob;
  logger: Logger;
  now: () => Date;
}): ReportSchedule {
  const { pattern, job, logger, now } = options;
  const running = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    running.add(work);
    void work.finally(() => running.delete(work));
  };
  const run = async (late: boolean, scheduledAt: Date) => {
    try {
      await job.make(localIsoDate(scheduledAt), { late, cut: late ? clockTime(now()) : clockTime(scheduledAt) });
      await job.postPending();
    } catch (error) {
      logger.error({ event: "report.failed", err: (error as Error).message }, "daily report failed");
    }
  };
  const daily = new Cron(pattern, { timezone: CITY_TIME_ZONE, protect: true, unref: true }, (self: Cron) => {
    track(run(false, self.currentRun() ?? now()));
  });
  const retries = new Cron(POST_RETRY_PATTERN, { protect: true, unref: true }, () => {
    track(
      job.postPending().catch((error: Error) => {
        logger.error({ event: "report.post_failed", err: error.message }, "report posting failed");
      }),
    );
  });
  const current = now();
  const [previous] = daily.previousRuns(1, current);
  if (previous && localIsoDate(previous) === localIsoDate(current)) track(run(true, previous));
  return {
    async stop() {
      daily.stop();
      retries.stop();
      await Promise.all(running);
    },
  };
}
