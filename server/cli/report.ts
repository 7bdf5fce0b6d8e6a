import { parseArgs } from "node:util";
import { HONG_NGU_CITY } from "../../flows/units";
import { createZaloOpenApi, zaloGroupPoster } from "../channels/zalo/zaloChannel";
import { ConfigError, loadConfig } from "../config";
import { isCityDay } from "../deadlines/cityDay";
import { WorkingCalendar } from "../deadlines/workingCalendar";
import { localIsoDate } from "../engine/clock";
import { createLogger } from "../logger";
import { buildDailyReport } from "../reports/dailyReport";
import { DailyReportJob } from "../reports/dailyReportJob";
import { reportText } from "../reports/reportText";
import { reportThresholds } from "../reports/reportThresholds";
import { clockTime } from "../reports/reportSchedule";
import { openStore } from "../store/openStore";

const USAGE = `Usage: npm run report -- [--date YYYY-MM-DD] [--unit UNIT_ID] [--send]
Prints the daily report of a day (default: today, Viet Nam time) from the stored data, as the leaders'
Zalo group reads it. --unit keeps one unit's part. --send also posts it to ZALO_REPORT_GROUP_ID (the day's
stored report, made now if the day has none; a report already posted is not posted again).
Reads DATA_DIR / MONGODB_URI and the REPORT_* settings like the server.`;

/** `npm run report`: print (and post) the daily report of any day. */
async function main(): Promise<void> {
  let options: { date?: string; unit?: string; send?: boolean };
  try {
    options = parseArgs({
      options: { date: { type: "string" }, unit: { type: "string" }, send: { type: "boolean" } },
    }).values;
  } catch (error) {
    process.stderr.write(`report: ${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const day = options.date ?? localIsoDate(new Date());
  if (!isCityDay(day)) {
    process.stderr.write(`report: --date ${JSON.stringify(day)} is not a day like 2026-12-04\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const units = options.unit ? config.units.filter((u) => u.id === options.unit) : config.units;
  if (units.length === 0) {
    process.stderr.write(`report: no unit "${options.unit}"; known: ${config.units.map((u) => u.id).join(", ")}\n`);
    process.exitCode = 2;
    return;
  }
  const city = { ...HONG_NGU_CITY, unitPrefixedCodes: config.UNIT_PREFIXED_CODES };
  const calendar = WorkingCalendar.fromFile(config.HOLIDAYS_FILE, config.HOLIDAYS);
  const thresholds = reportThresholds(config);
  const store = await openStore(config);
  try {
    const today = localIsoDate(new Date());
    const options_ = { late: false, cut: day === today ? clockTime(new Date()) : "24:00" };
    if (options.send) {
      if (!config.ZALO_APP_ID || !config.ZALO_REPORT_GROUP_ID) {
        process.stderr.write("report: --send needs the Zalo channel (ZALO_APP_ID …) and ZALO_REPORT_GROUP_ID\n");
        process.exitCode = 2;
        return;
      }
      const logger = createLogger(config.LOG_LEVEL);
      const now = () => new Date();
      const job = new DailyReportJob({
        store,
        units: config.units,
        city,
        calendar,
        thresholds,
        groupId: config.ZALO_REPORT_GROUP_ID,
        groups: zaloGroupPoster(createZaloOpenApi({ config, store, logger, now })),
        logger,
        now,
      });
      const { report } = await job.make(day, options_);
      await job.postPending();
      const posted = await store.getDailyReport(day);
      process.stdout.write(`${report.parts.join("\n")}\n\n`);
      const total = report.parts.length + (report.chartPng ? 1 : 0);
      process.stdout.write(
        `Posted ${posted?.sentMessages ?? 0} of ${total} messages to the group` +
          (posted?.lastError ? ` (last error: ${posted.lastError})` : "") +
          "\n",
      );
      if ((posted?.sentMessages ?? 0) < total) process.exitCode = 1;
      return;
    }
    const report = await buildDailyReport(store, config.units, day, calendar, thresholds);
    if (options.unit) {
      report.units = report.units.filter((u) => u.unitId === options.unit);
      report.flagged = report.flagged.filter((u) => u.unitId === options.unit);
      if (report.best?.unitId !== options.unit) report.best = null;
    }
    process.stdout.write(`${reportText(report, city, options_).join("\n")}\n`);
  } finally {
    await store.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`report: ${error instanceof ConfigError ? error.message : (error.stack ?? error.message)}\n`);
  process.exitCode = 1;
});
