/**
 * `npm run bench:report`: the daily report and the dashboard's query on a large store. Seeds a fresh SQLite
 * store (`npm run seed`'s generator, seeded) with D days (default 90) of P dossiers a day across the seven
 * units (default 2,000, about 3,200 conversations a day), then times, each R times (default 5):
 *  1. the daily report of the last day (figures, ranking, text, chart) — the 16:00 job;
 *  2. the report of a day in the middle of the range (`npm run report -- --date …`);
 *  3. the dashboard's figures over the whole range (unitDayFigures for every unit, 90 days by default);
 *  4. the due-soon/overdue list of the whole city.
 * The report and the dashboard count past days once and keep them (3a is that first count), today live.
 * Options: --days --per-day --rounds --keep DIR (keep the seeded folder).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { HONG_NGU_CITY, HONG_NGU_UNITS_2022 } from "../flows/units";
import { addDays } from "../server/deadlines/cityDay";
import { defaultLegalDeadlines } from "../server/deadlines/legalDeadlines";
import { buildDailyReport } from "../server/reports/dailyReport";
import { reportChartPng } from "../server/reports/reportChart";
import { reportText } from "../server/reports/reportText";
import { localIsoDate } from "../server/engine/clock";
import { seedStore } from "../server/seed/seedStore";
import { SqliteStore } from "../server/store/sqlite/sqliteStore";
import { numberOption } from "./chat/numberOption";

const { values } = parseArgs({
  options: {
    days: { type: "string", default: "90" },
    "per-day": { type: "string", default: "2000" },
    rounds: { type: "string", default: "5" },
    keep: { type: "string" },
  },
});
const DAYS = numberOption("bench:report", "days", values.days);
const PER_DAY = numberOption("bench:report", "per-day", values["per-day"]);
const ROUNDS = numberOption("bench:report", "rounds", values.rounds);
// Today as the server sees it: past days' figures are kept once counted, today's are counted live.
const TODAY = localIsoDate(new Date());
const THRESHOLDS = { maxOverdue: 0, maxMedianWaitMinutes: 10, minOnlineShare: 0.9, minRating: 4 };

async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
  const times: number[] = [];
  let result!: T;
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = process.hrtime.bigint();
    result = await run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(
    `${what}: median ${median.toFixed(1)} ms, best ${sorted[0]!.toFixed(1)}, worst ${sorted.at(-1)!.toFixed(1)} ` +
      `(${ROUNDS} rounds)`,
  );
  return result;
}

async function main(): Promise<void> {
  const dataDir = values.keep ?? mkdtempSync(path.join(os.tmpdir(), "khai-ho-bench-report-"));
  const store = new SqliteStore({ dataDir });
  await store.open();
  const deadlines = defaultLegalDeadlines();
  console.log(`node ${process.version}, ${os.cpus().length} cores; SQLite in ${dataDir}`);
  const seeding = Date.now();
  const seeded = await seedStore(store, {
    days: DAYS,
    dossiersPerDay: PER_DAY,
    seed: 7,
    today: TODAY,
    units: HONG_NGU_UNITS_2022,
    city: HONG_NGU_CITY,
    deadlines,
    now: new Date(),
  });
  const count = (n: number) => n.toLocaleString("en");
  const seconds = ((Date.now() - seeding) / 1000).toFixed(0);
  console.log(
    `seeded ${count(seeded.conversations)} conversations, ${count(seeded.dossiers)} dossiers, ` +
      `${count(seeded.events)} events over ${DAYS} days in ${seconds} s`,
  );
  const report = async (day: string) => {
    const figures = await buildDailyReport(store, HONG_NGU_UNITS_2022, day, deadlines.calendar, THRESHOLDS);
    const parts = reportText(figures, HONG_NGU_CITY, { late: false, cut: "16:00" });
    const png = reportChartPng(figures, THRESHOLDS.minOnlineShare);
    return { figures, parts, png };
  };
  const last = await timed(`1. the daily report of ${TODAY} (figures, text, chart)`, () => report(TODAY));
  const { submitted } = last.figures.city;
  console.log(`   ${submitted} dossiers that day, ${last.parts.length} Zalo messages, chart ${last.png.length} bytes`);
  const middle = addDays(TODAY, -Math.floor(DAYS / 2));
  await timed(`2. the report of ${middle}`, () => report(middle));
  const range = { from: addDays(TODAY, -(DAYS - 1)), to: TODAY };
  const cold = process.hrtime.bigint();
  await store.unitDayFigures(range, null);
  console.log(
    `3a. dashboard figures ${range.from}..${range.to}, first call (every past day counted and kept): ` +
      `${(Number(process.hrtime.bigint() - cold) / 1e6).toFixed(1)} ms`,
  );
  const rows = await timed(`3b. the same, past days kept (today counted live), every unit`, () =>
    store.unitDayFigures(range, null),
  );
  await timed(`3c. the same for one unit`, () => store.unitDayFigures(range, ["an-loc"]));
  console.log(`   ${rows.length} unit-days`);
  const due = await timed("4. open dossiers due by tomorrow, whole city", () =>
    store.dossiersDueBy({ unitIds: null, dueBy: addDays(TODAY, 1), limit: 100_000 }),
  );
  console.log(`   ${due.length} dossiers`);
  const memory = process.memoryUsage();
  console.log(`heap used ${(memory.heapUsed / 2 ** 20).toFixed(1)} MiB, rss ${(memory.rss / 2 ** 20).toFixed(1)} MiB`);
  await store.close();
  if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
}

void main();
