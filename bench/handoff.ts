/**
 * `npm run bench:handoff`: the clerk handoff under load, as at the city's ward offices. Every
 * part is its own process (child_process):
 *  - the Khai Hộ server (`node --import tsx server/main.ts`, port 0 on 127.0.0.1, a fresh SQLite
 *    DATA_DIR, rate limits raised — every citizen comes from 127.0.0.1 —, WORKING_HOURS open at
 *    every hour of every day and no HOLIDAYS, so that a clerk can always be asked for), with
 *    `bench/chat/serverProbe.ts` preloaded for memory, event-loop and GC figures;
 *  - the ward office (`bench/handoff/wardOffice.ts`): the clerks — accounts written into the
 *    DATA_DIR before the server starts, spread over the 7 units, each signing in through
 *    `POST /api/auth/login` from its unit's address and opening a `/clerk` socket with the
 *    session cookie — and the citizens who will ask for them;
 *  - the load generator(s) (`bench/chat/loadGenerator.ts`): the other citizens, each on a unit's
 *    page, idle or chatting with the bot at a slow human pace (`--background`).
 * Measured, over `--duration` after `--warmup` (seconds): a citizen asks for a clerk
 * ("gặp cán bộ") every `--handoff-interval` seconds, the units in turn; the time from that
 * message to the first `queue:update` on a clerk's screen of the unit that shows it waiting;
 * one clerk of the unit takes it, writes to the citizen — the time from the clerk's emit to the
 * citizen's `message:new` — and hands back to the bot. See `bench/handoff/wardOffice.ts`.
 * Options: --citizens --clerks --askers (of the citizens, those in the ward office who ask)
 * --duration --warmup --handoff-interval --take-after --hold (seconds) --ramp (connections/s)
 * --background idle|chat --background-interval (seconds) --generators (processes)
 * --login-concurrency --must-change-password (accounts as `npm run user add` makes them without
 * --password: changed at the first login, through the console's API) --cpu-prof DIR (the
 * server's CPU profile) --quiet-wait S (the machine is shared: before the measurement wait up to
 * S seconds for other processes to go quiet).
 * Only 127.0.0.1 is contacted; every phase has a time limit; children are always stopped and
 * the DATA_DIR removed. Exits non-zero when the setup fails, zero once measured.
 */
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { HONG_NGU_UNITS_2022 } from "../flows/units";
import { ChildProcesses, SetupError } from "./chat/childProcesses";
import type { ConnectReport } from "./chat/ipc";
import { connectClients, describeGenerators, runClients, type RunResult, startGenerators } from "./chat/loadGenerators";
import { cpuSecondsOf, describeServer, measured, waitForQuiet } from "./chat/machineLoad";
import { numberOption } from "./chat/numberOption";
import { memoryOf, newDataDir, RAISED_LIMIT, serverRevision, startKhaiHo } from "./chat/serverProcess";
import { concat, count, describeCounts, latencyLine, mib, ms, pct, summarize, type Summary } from "./chat/stats";
import { WorkerProcess } from "./chat/workerProcess";
import { createClerkAccounts } from "./handoff/clerkAccounts";
import type { FromWardOffice, HandoffReport, LoginReport, ToWardOffice } from "./handoff/ipc";

const WARD_OFFICE = path.join(__dirname, "handoff", "wardOffice.ts");
const TARGET_P99_MS = 100;
/** Open at every hour of every day, and no day off: the benchmark may run at any time. */
const ALWAYS_OPEN = { WORKING_HOURS: "mon-sun 00:00-24:00", HOLIDAYS: "," };

// ---------------------------------------------------------------------------------------------
// Options

const { values: args } = parseArgs({
  options: {
    citizens: { type: "string", default: "5000" },
    clerks: { type: "string", default: "200" },
    askers: { type: "string", default: "700" },
    duration: { type: "string", default: "60" },
    warmup: { type: "string", default: "5" },
    "handoff-interval": { type: "string", default: "0.25" },
    "take-after": { type: "string", default: "1" },
    hold: { type: "string", default: "0" },
    ramp: { type: "string", default: "500" },
    background: { type: "string", default: "chat" },
    "background-interval": { type: "string", default: "30" },
    generators: { type: "string", default: "1" },
    "login-concurrency": { type: "string", default: "4" },
    "must-change-password": { type: "boolean", default: false },
    "cpu-prof": { type: "string" },
    "quiet-wait": { type: "string", default: "120" },
  },
  strict: true,
});

const positive = (name: string, value: string | undefined, min = 1) => numberOption("bench:handoff", name, value, min);

const units = HONG_NGU_UNITS_2022;
const citizens = Math.floor(positive("citizens", args.citizens, units.length));
const options = {
  citizens,
  clerks: Math.floor(positive("clerks", args.clerks, units.length)),
  askers: Math.min(citizens, Math.floor(positive("askers", args.askers, units.length))),
  durationMs: positive("duration", args.duration) * 1000,
  warmupMs: positive("warmup", args.warmup, 0) * 1000,
  intervalMs: positive("handoff-interval", args["handoff-interval"], 0.01) * 1000,
  takeAfterMs: positive("take-after", args["take-after"], 0) * 1000,
  holdMs: positive("hold", args.hold, 0) * 1000,
  ramp: positive("ramp", args.ramp),
  background: args.background as "idle" | "chat",
  backgroundIntervalMs: positive("background-interval", args["background-interval"], 0.1) * 1000,
  generators: Math.floor(positive("generators", args.generators)),
  loginConcurrency: Math.floor(positive("login-concurrency", args["login-concurrency"])),
  mustChangePassword: args["must-change-password"] ?? false,
  cpuProfDir: args["cpu-prof"] ? path.resolve(args["cpu-prof"]) : null,
  quietWaitMs: positive("quiet-wait", args["quiet-wait"], 0) * 1000,
};
if (options.background !== "idle" && options.background !== "chat") {
  process.stderr.write(`bench:handoff: --background is idle or chat, got ${JSON.stringify(args.background)}\n`);
  process.exit(2);
}

const children = new ChildProcesses("bench:handoff");

// ---------------------------------------------------------------------------------------------

const verdict = (s: Summary) =>
  `target p99 < ${TARGET_P99_MS} ms: ${s.count > 0 && s.p99 < TARGET_P99_MS ? "met" : "MISSED"}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU % of one core each process used from now for `windowMs` (after `warmupMs`). */
async function cpuPercentOver(pids: number[], warmupMs: number, windowMs: number): Promise<number[]> {
  await sleep(warmupMs);
  const start = pids.map(cpuSecondsOf);
  const t0 = performance.now();
  await sleep(windowMs);
  const seconds = (performance.now() - t0) / 1000;
  return pids.map((pid, i) => (100 * (cpuSecondsOf(pid) - start[i]!)) / seconds);
}

async function main(): Promise<void> {
  const command = `npm run bench:handoff${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  const [load1, load5, load15] = loadavg();
  console.log(
    `node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores; ${new Date().toISOString()}`,
  );
  console.log(`$ ${command}`);
  console.log(`server code: ${serverRevision()}`);
  console.log(
    `machine load average before start: ${load1!.toFixed(2)}, ${load5!.toFixed(2)}, ${load15!.toFixed(2)} (1, 5, ` +
      `15 min)`,
  );

  const dataDir = newDataDir(children);
  let t = performance.now();
  const accounts = await createClerkAccounts(dataDir, units, options.clerks, options.mustChangePassword);
  console.log(
    `${count(accounts.length)} clerk accounts written to a fresh SQLite DATA_DIR in ` +
      `${((performance.now() - t) / 1000).toFixed(1)} s, ` +
      `${units.map((u) => `${accounts.filter((a) => a.unitId === u.id).length} ${u.id}`).join(", ")}` +
      (options.mustChangePassword ? "; each must change its password at the first login" : ""),
  );

  const server = await startKhaiHo(children, { dataDir, cpuProfDir: options.cpuProfDir, env: ALWAYS_OPEN });
  console.log(
    `Khai Hộ server pid ${server.child.pid} on ${server.url} (LOG_LEVEL=warn, ` +
      `WORKING_HOURS="${ALWAYS_OPEN.WORKING_HOURS}", HOLIDAYS none, ` +
      (`RATE_LIMIT_CONVERSATION_PER_MINUTE=RATE_LIMIT_IP_PER_MINUTE=${count(Number(RAISED_LIMIT))} since every ` +
        `citizen comes from 127.0.0.1; `) +
      `Socket.IO recovery at its default 30 s)`,
  );
  const office = new WorkerProcess<ToWardOffice, FromWardOffice>(children, "ward office", WARD_OFFICE);
  const background = options.citizens - options.askers;
  const generators = background > 0 ? startGenerators(children, options.generators) : [];

  // Clerks sign in.
  const login = await office.request<LoginReport>(
    {
      type: "login",
      url: server.url,
      accounts,
      concurrency: options.loginConcurrency,
      newPassword: "mật khẩu mới của cán bộ một cửa",
    },
    "loggedIn",
    120_000 + accounts.length * 3_000,
  );
  console.log(
    `${count(accounts.length)} clerks signed in (POST /api/auth/login` +
      (login.passwordChanges ? ` and ${login.passwordChanges} password changes` : "") +
      `, ${options.loginConcurrency} at a time) ` +
      (`and opened /clerk in ${(login.elapsedMs / 1000).toFixed(1)} s; login ` +
        `${latencyLine(summarize(concat([login.loginMs])))}; `) +
      `/clerk handshake → first queue:update ${latencyLine(summarize(concat([login.consoleMs])))}`,
  );

  // Citizens connect: the ward office's first — a third of the rate, as each one costs the
  // server three turns (greeting, two answers) — then the others.
  const unitIds = units.map((u) => u.id);
  const askerRamp = options.ramp / 3;
  const askersConnected = await office
    .request<ConnectReport>(
      {
        type: "connect",
        url: server.url,
        firstIndex: 0,
        count: options.askers,
        stride: 1,
        ratePerSecond: askerRamp,
        sourceAddresses: 1,
        units: unitIds,
      },
      "connected",
      (options.askers / askerRamp) * 1000 + 120_000,
    )
    .catch((error: unknown) => {
      throw new SetupError(
        `${options.askers} citizens of the ward office could not all connect (${(error as Error).message})`,
      );
    });
  console.log(
    `${count(options.askers)} citizens who will ask for a clerk connected in ` +
      `${(askersConnected.elapsedMs / 1000).toFixed(1)} s (each greeted, then one answer into a procedure); ` +
      (`connection ${latencyLine(summarize(concat([askersConnected.connectMs])))}; failures: ` +
        `${describeCounts(askersConnected.failures)}`),
  );
  if (background > 0) {
    const connected = await connectClients(generators, server, background, "background citizens", {
      ramp: options.ramp,
      sourceAddresses: 1,
      units: unitIds,
      firstIndex: options.askers,
    });
    console.log(
      `${count(background)} other citizens connected in ${connected.seconds.toFixed(1)} s by ${generators.length} ` +
        `load generator${generators.length > 1 ? "s" : ""}; ` +
        `connection ${latencyLine(connected.connect)}; failures: ${describeCounts(connected.failures)}`,
    );
  }
  const memory = await memoryOf(server);
  console.log(
    `server with ${count(options.clerks)} clerks and ${count(options.citizens)} citizens connected: RSS ` +
      `${mib(memory.rss)}, heap used ${mib(memory.heapUsed)} (after a full GC)`,
  );

  // The measurement.
  const backgroundText =
    background === 0
      ? "no other citizens"
      : options.background === "idle"
        ? `the other ${count(background)} citizens idle (connected, greeted)`
        : `the other ${count(background)} citizens walking procedures with the bot at one message every ` +
          `${options.backgroundIntervalMs / 1000} s`;
  console.log(
    `\nhandoffs: one every ${options.intervalMs / 1000} s, units in turn, for ${options.durationMs / 1000} s ` +
      `after ${options.warmupMs / 1000} s of warm-up; ` +
      (`the clerk takes it ${options.takeAfterMs / 1000} s after it shows in the queue, writes, and hands back to ` +
        `the bot ${options.holdMs / 1000} s after the citizen has the message; `) +
      `background: ${backgroundText}`,
  );
  await waitForQuiet(children, options.quietWaitMs);
  // V8's profile timestamps are CLOCK_MONOTONIC microseconds, as process.hrtime: the window can be cut out of the
  // profile.
  const windowStartUs = Number(process.hrtime.bigint() / 1000n) + options.warmupMs * 1000;
  if (options.cpuProfDir) {
    console.log(
      `  (CPU profile to ${options.cpuProfDir}; measured window ≈ ` +
        `${windowStartUs}–${windowStartUs + options.durationMs * 1000} µs of the monotonic clock, the profile's own ` +
        `time base)`,
    );
  }
  const clientPids = [office.child.pid!, ...generators.map((g) => g.child.pid!)];
  const {
    result: [handoffs, chat, clientCpu],
    server: window,
  } = await measured(children, server, options.warmupMs, options.durationMs, () =>
    Promise.all([
      office.request<HandoffReport>(
        {
          type: "run",
          intervalMs: options.intervalMs,
          warmupMs: options.warmupMs,
          durationMs: options.durationMs,
          takeAfterMs: options.takeAfterMs,
          holdMs: options.holdMs,
        },
        "handedOff",
        options.warmupMs + options.durationMs + 90_000,
      ),
      background > 0 && options.background === "chat"
        ? runClients(
            generators,
            { kind: "human", intervalMs: options.backgroundIntervalMs },
            options.warmupMs,
            options.durationMs,
          )
        : Promise.resolve(null as RunResult | null),
      cpuPercentOver(clientPids, options.warmupMs, options.durationMs),
    ]),
  );
  const after = await memoryOf(server);

  const queue = summarize(concat([handoffs.queueMs]));
  const queueAll = summarize(concat([handoffs.queueAllMs]));
  const deliver = summarize(concat([handoffs.deliverMs]));
  console.log(`  handoff request → queue:update on a clerk's screen: ${latencyLine(queue)}`);
  console.log(`    … on the screen of every clerk of the unit: ${latencyLine(queueAll)}`);
  console.log(`  clerk's message → citizen's screen: ${latencyLine(deliver)}`);
  console.log(`  acks: citizen's request ${latencyLine(summarize(concat([handoffs.askAckMs])))}`);
  console.log(`        take ${latencyLine(summarize(concat([handoffs.takeMs])))}`);
  console.log(`        clerk's message ${latencyLine(summarize(concat([handoffs.messageAckMs])))}`);
  console.log(`        release ${latencyLine(summarize(concat([handoffs.releaseMs])))}`);
  console.log(
    `  ${count(handoffs.started)} handoffs started in the window, ${count(handoffs.completed)} walked to the ` +
      `release; errors and timeouts: ${describeCounts(handoffs.errors)}; ` +
      `${count(handoffs.queueUpdates)} queue:update received by the clerks, longest queue ${handoffs.longestQueue}`,
  );
  if (chat) {
    console.log(
      `  background chat: ${count(chat.turnsPerSecond)} messages/s answered, reply latency ` +
        `${latencyLine(chat.reply)}; errors: ${describeCounts(chat.errors)}; ${describeGenerators(chat)}`,
    );
  }
  console.log(`  server: ${describeServer(window)}`);
  console.log(
    `  ward office process: CPU ${clientCpu[0]!.toFixed(0)}% of a core, event loop busy ${pct(handoffs.elu)}, ` +
      `loop delay p99 ${ms(handoffs.delayP99)} max ${ms(handoffs.delayMax)}` +
      (generators.length
        ? `; load generators: ${clientCpu
            .slice(1)
            .map((c, i) => `#${i + 1} CPU ${c.toFixed(0)}%`)
            .join(", ")}`
        : ""),
  );
  console.log(`  server after the run: RSS ${mib(after.rss)}, heap used ${mib(after.heapUsed)} (after a full GC)`);

  console.log("\nSummary");
  console.log(`${count(options.clerks)} clerks and ${count(options.citizens)} citizens connected; ${backgroundText}`);
  console.log(
    `handoff request → clerk's queue:update  p50 ${ms(queue.p50)}  p95 ${ms(queue.p95)}  p99 ${ms(queue.p99)}  ` +
      `max ${ms(queue.max)}  (${count(queue.count)})  ${verdict(queue)}`,
  );
  console.log(
    `clerk's message → citizen                p50 ${ms(deliver.p50)}  p95 ${ms(deliver.p95)}  p99 ` +
      `${ms(deliver.p99)}  max ${ms(deliver.max)}  (${count(deliver.count)})  ${verdict(deliver)}`,
  );
  console.log(
    `errors/timeouts: ${describeCounts(handoffs.errors)}; server CPU ${window.cpuPercent.toFixed(0)}%, event loop ` +
      `busy ${window.probe ? pct(window.probe.elu) : "n/a"}, ` +
      (`loop delay p99 ${window.probe ? ms(window.probe.delayP99) : "n/a"}; server RSS ${mib(after.rss)}; other ` +
        `processes ${window.othersPercent.toFixed(0)}% of the machine`),
  );
  console.log(`\ncommand: ${command}`);
  children.stopping = true;
  await office.request({ type: "close" }, "closed", 30_000).catch(() => undefined);
  await children.stop();
  if (handoffs.completed === 0) {
    process.stderr.write("bench:handoff: no handoff was walked to the end: nothing was measured\n");
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => children.failed(error));
