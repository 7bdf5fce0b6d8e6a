/**
 * `npm run test:crash`: the real server in a child process, killed with SIGKILL at random
 * moments while simulated citizens and two clerks work, restarted each time on the same
 * DATA_DIR; at the end, everything acknowledged must be stored exactly once, seqs and receipt
 * numbers must run without a gap, every conversation must take its next turn, and the SQLite
 * file must pass `PRAGMA integrity_check`. Exits 1 on any failure, printing the seed to replay.
 *
 *   npm run test:crash                                   # 20 kills, 200 citizens (CI)
 *   npm run test:crash -- --kills 100 --citizens 500     # the long run
 *   npm run test:crash -- --seed 12345                   # replay a run's random choices
 *
 * A plain script rather than a Jest test: it runs for minutes, prints as it goes, and is chosen
 * on purpose (`npm test` stays fast); Jest would buffer its output and add its own timeouts.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type ChildServer, kill9, startChildServer } from "../support/childServer";
import { CrashCitizen, crashWalks } from "./crashCitizen";
import { checkAcknowledged, checkStoreFile, type ReplayedConversation, replayAndContinue } from "./crashChecks";
import { CrashClerk } from "./crashClerk";
import { CrashLedger } from "./crashLedger";
import { SeededRandom, sleep } from "./seededRandom";

const ROOT = path.resolve(__dirname, "../..");
const UNIT = "an-thanh";
const RAISED_LIMIT = "100000000";

const { values: flags } = parseArgs({
  options: {
    kills: { type: "string", default: "20" },
    citizens: { type: "string", default: "200" },
    seed: { type: "string" },
    "uptime-min": { type: "string", default: "1000" },
    "uptime-max": { type: "string", default: "4000" },
    "think-min": { type: "string", default: "300" },
    "think-max": { type: "string", default: "1500" },
    keep: { type: "boolean", default: false },
  },
});

function count(name: keyof typeof flags): number {
  const value = Number(flags[name]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
  return value;
}

/** Accounts made as an administrator makes them: with the CLI, against the DATA_DIR, before the first start. */
function addClerk(dataDir: string, username: string, password: string): void {
  execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "server/cli/user.ts",
      "add",
      "--username",
      username,
      "--role",
      "clerk",
      "--unit",
      UNIT,
      "--name",
      `Cán bộ ${username}`,
      "--password",
      password,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
}

async function main(): Promise<number> {
  const kills = count("kills");
  const citizenCount = count("citizens");
  const seed = flags.seed !== undefined ? Number(flags.seed) : randomBytes(4).readUInt32BE(0);
  const random = new SeededRandom(seed);
  const started = Date.now();
  process.stdout.write(
    `crash harness: seed ${seed} (replay with --seed ${seed}), ${kills} kills, ${citizenCount} citizens, 2 clerks\n`,
  );

  const dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-crash-"));
  const ledger = new CrashLedger();
  const env = {
    DATA_DIR: dataDir,
    RATE_LIMIT_CONVERSATION_PER_MINUTE: RAISED_LIMIT,
    RATE_LIMIT_IP_PER_MINUTE: RAISED_LIMIT,
    CHAT_CONNECTIONS_PER_ADDRESS: RAISED_LIMIT,
    CHAT_EVENTS_PER_SECOND: RAISED_LIMIT,
    CHAT_EVENTS_BURST: RAISED_LIMIT,
  };
  const clerks = ["lan", "mai"].map((username) => {
    const password = randomBytes(24).toString("base64url");
    addClerk(dataDir, username, password);
    return new CrashClerk(username, password, new SeededRandom(random.between(0, 2 ** 31)), ledger);
  });
  const walks = crashWalks(UNIT);
  const citizens = Array.from(
    { length: citizenCount },
    (_, i) =>
      new CrashCitizen(i, UNIT, walks, new SeededRandom(random.between(0, 2 ** 31)), ledger, [
        count("think-min"),
        count("think-max"),
      ]),
  );
  const everyone = [...clerks, ...citizens];
  let server: ChildServer | null = null;
  const restartMs: number[] = [];
  try {
    const start = async () => {
      const t = Date.now();
      server = await startChildServer(env);
      restartMs.push(Date.now() - t);
      for (const client of everyone) client.connect(server.url);
    };
    await start();
    for (const clerk of clerks) await clerk.signIn(server!.url);
    for (const clerk of clerks) clerk.connect(server!.url);
    const running = everyone.map((client) => client.run());

    for (let k = 1; k <= kills; k++) {
      await sleep(random.between(count("uptime-min"), count("uptime-max")));
      await kill9(server!.child);
      ledger.kills += 1;
      for (const client of everyone) client.connect(null);
      await start();
      process.stdout.write(
        `kill ${k}/${kills}: ${ledger.acked.length} acks so far, ${ledger.dossiers.size} dossiers, back in ` +
          `${restartMs.at(-1)} ms\n`,
      );
    }

    // The end: no new messages; what is in flight is resent until acknowledged, clerks hand back.
    await sleep(1000);
    for (const client of everyone) client.stop();
    await Promise.all(running);
    const deadline = Date.now() + 60_000;
    await Promise.all(clerks.map((clerk) => clerk.finish(deadline)));
    const flushed = await Promise.all(citizens.map((citizen) => citizen.flush(server!.url, deadline)));
    if (flushed.some((ok) => !ok))
      ledger.fail(`${flushed.filter((ok) => !ok).length} citizens could not get their last message acknowledged`);
    for (const client of everyone) client.close();

    const tokens = citizens
      .flatMap((c) => c.conversations.map((conversation) => conversation.token))
      .filter((t): t is string => t !== null);
    const replayed = new Map<string, ReplayedConversation>();
    for (let i = 0; i < tokens.length; i += 50) {
      const batch = await Promise.all(
        tokens.slice(i, i + 50).map((token) => replayAndContinue(server!.url, token, ledger)),
      );
      for (const r of batch) if (r) replayed.set(r.conversationId, r);
    }
    const acks = checkAcknowledged(replayed, ledger);
    await kill9(server!.child);
    server = null;
    const store = checkStoreFile(dataDir, ledger);

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const sortedRestart = [...restartMs].sort((a, b) => a - b);
    process.stdout.write(
      [
        `crash harness summary (seed ${seed})`,
        `  kills: ${ledger.kills} (SIGKILL), restarts: median ` +
          `${sortedRestart[Math.floor(sortedRestart.length / 2)]} ms, max ${sortedRestart.at(-1)} ms to listening`,
        `  citizens: ${citizenCount}, conversations: ${replayed.size} replayed of ${store.conversations} stored, ` +
          `clerk takes: ${clerks.reduce((n, c) => n + c.takes, 0)}`,
        `  acks checked: ${acks.messages} messages (${ledger.acked.filter((a) => a.author === "clerk").length} ` +
          `clerks'), ${acks.statusChanges} dossier status changes`,
        `  dossiers: ${store.dossiers}, receipt-number gaps: ` +
          `${store.receiptGaps.length ? store.receiptGaps.join(", ") : "none"}`,
        `  integrity_check: ${store.integrity}`,
        `  duration: ${seconds} s`,
        ledger.failures.length
          ? `  FAILED: ${ledger.failures.length} problems (replay with --seed ${seed})`
          : "  all checks passed",
      ].join("\n") + "\n",
    );
    // Receipt gaps are counted as failures too: a number given out and never used is a hole in the day's register.
    if (store.receiptGaps.length) ledger.failures.push(`receipt-number gaps: ${store.receiptGaps.join(", ")}`);
    return ledger.failures.length ? 1 : 0;
  } finally {
    for (const client of everyone) client.close();
    if (server) await kill9((server as ChildServer).child);
    if (!flags.keep) rmSync(dataDir, { recursive: true, force: true });
    else process.stdout.write(`DATA_DIR kept: ${dataDir}\n`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `crash harness stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  },
);
