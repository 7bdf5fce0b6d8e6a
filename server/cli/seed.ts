import { parseArgs } from "node:util";
import { HONG_NGU_CITY } from "../../flows/units";
import { ConfigError, loadConfig } from "../config";
import { isCityDay } from "../deadlines/cityDay";
import { LegalDeadlines } from "../deadlines/legalDeadlines";
import { WorkingCalendar } from "../deadlines/workingCalendar";
import { localIsoDate } from "../engine/clock";
import { seedStore } from "../seed/seedStore";
import { openStore } from "../store/openStore";

const USAGE = `Usage: npm run seed -- [--days 30] [--per-day 40] [--seed 1] [--today YYYY-MM-DD]
Fills the store (DATA_DIR / MONGODB_URI, like the server) with a realistic city's conversations and
dossiers for the last --days days up to --today (default: today): for a demo, the dashboard and the report.
The same --seed makes the same data. Adds to what is there: use an empty DATA_DIR for a demo.`;

const positive = (name: string, text: string) => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number ≥ 1, not "${text}"`);
  return value;
};

/** `npm run seed`: realistic data for a demo and for the benchmarks. */
async function main(): Promise<void> {
  let args;
  try {
    const { values } = parseArgs({
      options: {
        days: { type: "string", default: "30" },
        "per-day": { type: "string", default: "40" },
        seed: { type: "string", default: "1" },
        today: { type: "string" },
      },
    });
    const today = values.today ?? localIsoDate(new Date());
    if (!isCityDay(today)) throw new Error(`--today must be a day like 2026-12-04, not "${today}"`);
    args = {
      days: positive("days", values.days),
      perDay: positive("per-day", values["per-day"]),
      seed: positive("seed", values.seed),
      today,
    };
  } catch (error) {
    process.stderr.write(`seed: ${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const started = Date.now();
    const result = await seedStore(store, {
      days: args.days,
      dossiersPerDay: args.perDay,
      seed: args.seed,
      today: args.today,
      units: config.units,
      city: { ...HONG_NGU_CITY, unitPrefixedCodes: config.UNIT_PREFIXED_CODES },
      deadlines: new LegalDeadlines(
        WorkingCalendar.fromFile(config.HOLIDAYS_FILE, config.HOLIDAYS),
        config.DEADLINE_CUTOFF_HOUR,
      ),
      now: new Date(),
    });
    process.stdout.write(
      `seeded ${result.conversations} conversations, ${result.dossiers} dossiers, ${result.events} events ` +
        `over ${args.days} days up to ${args.today} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } finally {
    await store.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`seed: ${error instanceof ConfigError ? error.message : (error.stack ?? error.message)}\n`);
  process.exitCode = 1;
});
