/**
 * Usage:
 *   npm run bench:chat                               one node against the echo server (about 15 minutes)
 *   npm run bench:chat -- --quick                    the same, a first look in under two minutes
 *   npm run bench:chat -- --scenarios khaiho         saturation of Khai Hộ only
 *   npm run bench:chat -- --nodes 2                  one node alone, one with Redis behind nginx, two
 *                                                    with Redis behind nginx (about 7 minutes)
 *   npm run bench:chat -- --nodes 2 --quick          the same in under three minutes
 *   npm run bench:chat -- --nodes 3 --citizens 3000  three nodes, 3,000 citizens at human pace
 *
 * `npm run bench:chat`: the web chat under load, against a raw Socket.IO echo server measured
 * in the same run. Every part is its own process (child_process):
 *  - the Khai Hộ server (`node --import tsx server/main.ts`, port 0, a fresh SQLite DATA_DIR,
 *    rate limits raised: every client comes from 127.0.0.1),
 *  - the echo server (`bench/chat/echoServer.ts`: same Socket.IO, same options, no engine),
 *  - the load generator(s) (`bench/chat/loadGenerator.ts`, socket.io-client, websocket).
 * Both servers get `bench/chat/serverProbe.ts` preloaded (`--import`), which reports memory
 * after a full GC, event-loop and GC figures over IPC; the server's code is unchanged.
 * Scenarios, after 5 s of unmeasured warm-up traffic per server:
 *  1. human: N citizens (default 5,000, then 10,000) connect at a bounded rate, then each walks a
 *     procedure at one message every 5 s for 60 s, against Khai Hộ and then against the echo
 *     server at the same load. Connection time, reply latency, messages/s, errors, server
 *     memory per open conversation.
 *  2. saturation (= echo,khaiho): 200 clients each sending the next message as soon as the
 *     reply arrives, 20 s after 3 s of warm-up, against the echo server and against Khai Hộ:
 *     messages/s, p50/p99, and the ratio.
 *  3. engine: the engine alone, transitions per second on one core (as `npm run bench:engine`).
 * The summary prints every target with Khai Hộ's figure, the echo's and the ratio.
 * Options: --citizens N[,N…] --duration --interval --ramp --saturation-clients --saturation-duration
 * --warmup (seconds), --generators (processes), --source-addresses K (spread the clients over
 * 127.0.0.2… so that per-address state stays small), --scenarios human,echo,khaiho,engine,
 * --cpu-prof DIR (the Khai Hộ server's CPU profile), --quiet-wait S (the machine is shared:
 * before each measurement wait up to S seconds for other processes to go quiet), --quick (a
 * first look in under two minutes: 1,000 citizens for 20 s, saturation 10 s, quiet wait 10 s;
 * options given with it still win).
 * --nodes N (N ≥ 2; default 1, the run above): the same load, in the same run, against three set-ups
 * one after another, each started fresh and stopped after — (a) one node alone, direct, no Redis;
 * (b) one node with REDIS_URL set (Socket.IO's Redis adapter and the limits counted in Redis) behind
 * nginx; (c) N nodes with Redis behind nginx, on one SQLite DATA_DIR (test/support/cluster.ts: a
 * real redis-server, the shipped deploy/nginx files, TRUST_PROXY=true, rate limits raised on every
 * node). Each: 5 s warm-up, human pace at one citizen count (default 2,000; --citizens N), then
 * saturation; the CPU of every node, of Redis and of nginx. The table gives messages/s, p50, p99,
 * the ratios to (a), and the CPU each answered message costs, hence Redis's cost per message
 * ((b) − (a)). Echo and engine are not run. With --quick: 1,000 citizens for 15 s, saturation 8 s.
 * Only 127.0.0.1 is contacted; every phase has a time limit; children are always stopped.
 * Exits non-zero when the setup fails, zero once measured (targets missed or not).
 */
import { cpus } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ChildProcesses } from "./chat/childProcesses";
import { benchTransitions } from "./engine/engineTransitions";
import {
  closeClients,
  connectClients,
  type ConnectResult,
  describeGenerators,
  type Generator,
  runClients,
  type RunResult,
  startGenerators,
} from "./chat/loadGenerators";
import { describeServer, measured, type ServerWindow, waitForQuiet } from "./chat/machineLoad";
import { numberOption } from "./chat/numberOption";
import { compareNodes } from "./chat/severalNodes";
import {
  memoryOf,
  type Memory,
  newDataDir,
  RAISED_LIMIT,
  serverRevision,
  type ServerProcess,
  startEcho,
  startKhaiHo,
} from "./chat/serverProcess";
import { count, describeCounts, kib, latencyLine, mib, ms, pct } from "./chat/stats";
import { printTable } from "./chat/textTable";

// ---------------------------------------------------------------------------------------------
// Options

const { values: args } = parseArgs({
  options: {
    citizens: { type: "string", default: "5000,10000" },
    duration: { type: "string", default: "60" },
    interval: { type: "string", default: "5" },
    // Connections a second; by default enough for every run to connect in 8 s (at least 500/s).
    ramp: { type: "string" },
    "saturation-clients": { type: "string", default: "200" },
    "saturation-duration": { type: "string", default: "20" },
    warmup: { type: "string", default: "3" },
    generators: { type: "string", default: "1" },
    "source-addresses": { type: "string", default: "1" },
    scenarios: { type: "string", default: "human,saturation,engine" },
    "cpu-prof": { type: "string" },
    "quiet-wait": { type: "string", default: "120" },
    quick: { type: "boolean", default: false },
    nodes: { type: "string", default: "1" },
  },
  strict: true,
});

// --quick and --nodes change the defaults only: what is given on the command line keeps its value.
const given = new Set(process.argv.slice(2).map((arg) => arg.replace(/^--/, "").split("=")[0]));
const severalNodes = Number(args.nodes) >= 2;
const defaults: Partial<Record<keyof typeof args, string>> = {
  // Three set-ups one after another: a count the one node of (a) answers well within its core.
  ...(severalNodes ? { citizens: "2000" } : {}),
  ...(args.quick ? { citizens: "1000", duration: "20", "saturation-duration": "10", "quiet-wait": "10" } : {}),
  ...(args.quick && severalNodes ? { duration: "15", "saturation-duration": "8", "quiet-wait": "5" } : {}),
};
for (const [name, value] of Object.entries(defaults) as [keyof typeof args, string][])
  if (!given.has(name)) (args as Record<string, unknown>)[name] = value;

const positive = (name: string, value: string | undefined, min = 1) => numberOption("bench:chat", name, value, min);

const SCENARIOS = new Set(["human", "echo", "khaiho", "engine"]);

const options = {
  citizens: String(args.citizens)
    .split(",")
    .map((n) => Math.floor(positive("citizens", n))),
  durationMs: positive("duration", args.duration) * 1000,
  intervalMs: positive("interval", args.interval, 0.1) * 1000,
  ramp: args.ramp === undefined ? null : positive("ramp", args.ramp),
  saturationClients: Math.floor(positive("saturation-clients", args["saturation-clients"])),
  saturationMs: positive("saturation-duration", args["saturation-duration"]) * 1000,
  warmupMs: positive("warmup", args.warmup, 0) * 1000,
  generators: Math.floor(positive("generators", args.generators)),
  sourceAddresses: Math.min(250, Math.floor(positive("source-addresses", args["source-addresses"]))),
  // "saturation" is both halves: "echo" (the baseline) and "khaiho".
  scenarios: new Set(
    String(args.scenarios)
      .split(",")
      .flatMap((s) => (s === "saturation" ? ["echo", "khaiho"] : [s])),
  ),
  cpuProfDir: args["cpu-prof"] ? path.resolve(args["cpu-prof"]) : null,
  quietWaitMs: positive("quiet-wait", args["quiet-wait"], 0) * 1000,
  nodes: Math.floor(positive("nodes", args.nodes)),
};
for (const scenario of options.scenarios) {
  if (!SCENARIOS.has(scenario)) {
    process.stderr.write(
      `bench:chat: unknown scenario ${JSON.stringify(scenario)} (human, saturation, echo, khaiho)\n`,
    );
    process.exit(2);
  }
}

if (options.nodes >= 2 && options.citizens.length > 1) {
  process.stderr.write("bench:chat: with --nodes, --citizens takes one count (each set-up is measured at it)\n");
  process.exit(2);
}

const children = new ChildProcesses("bench:chat");
const rampFor = (n: number) => options.ramp ?? Math.max(500, Math.ceil(n / 8));
const connectOptions = (n: number) => ({ ramp: rampFor(n), sourceAddresses: options.sourceAddresses });

// ---------------------------------------------------------------------------------------------
// Scenarios

interface HumanResult {
  connect: ConnectResult;
  run: RunResult;
  server: ServerWindow;
  before: Memory;
  connected: Memory;
  after: Memory;
}

async function humanPace(generators: Generator[], server: ServerProcess, n: number): Promise<HumanResult> {
  console.log(
    `\n[1] human pace: ${count(n)} citizens against the ${server.name}, one message every ` +
      `${options.intervalMs / 1000} s for ${options.durationMs / 1000} s`,
  );
  await waitForQuiet(children, options.quietWaitMs);
  const before = await memoryOf(server);
  console.log(
    `  server before connecting: RSS ${mib(before.rss)}, heap used ${mib(before.heapUsed)} (after a full GC)`,
  );
  const connect = await connectClients(generators, server, n, "human pace", connectOptions(n));
  console.log(
    `  ${count(n)} connected in ${connect.seconds.toFixed(1)} s (ramp ${count(rampFor(n))}/s); connection time ` +
      `(handshake → session:ready) ${latencyLine(connect.connect)}`,
  );
  console.log(
    `  greeting (conversation:open → ack) ${latencyLine(connect.greet)}; connection failures: ` +
      `${describeCounts(connect.failures)}`,
  );
  const connected = await memoryOf(server);
  console.log(
    `  server with ${count(n)} open conversations: RSS ${mib(connected.rss)}, heap used ${mib(connected.heapUsed)}; ` +
      (`per conversation RSS ${kib((connected.rss - before.rss) / n)}, heap ` +
        `${kib((connected.heapUsed - before.heapUsed) / n)}`),
  );
  const { result: run, server: window } = await measured(children, server, 0, options.durationMs, () =>
    runClients(generators, { kind: "human", intervalMs: options.intervalMs }, 0, options.durationMs),
  );
  console.log(`  reply latency ${latencyLine(run.reply)}`);
  console.log(`  ack latency ${latencyLine(run.ack)}`);
  console.log(
    `  ${count(run.turnsPerSecond)} messages/s answered (${count(run.turns)} in ${options.durationMs / 1000} s), ` +
      `${count(run.receivedPerSecond)} message:new/s received; ` +
      (`${run.uploads} uploads, ${run.dossiers} dossiers submitted, ${run.scriptsEnded} scripts ended without a ` +
        `dossier; errors: ${describeCounts(run.errors)}`),
  );
  if (run.reconnect.count > 0)
    console.log(`  new conversations during the run (handshake → session:ready) ${latencyLine(run.reconnect)}`);
  console.log(`  server: ${describeServer(window)}`);
  console.log(`  load generators: ${describeGenerators(run)}`);
  const after = await memoryOf(server);
  console.log(
    `  server after the run, ${count(n)} conversations open mid-procedure: RSS ${mib(after.rss)}, heap used ` +
      `${mib(after.heapUsed)}; ` +
      `per conversation RSS ${kib((after.rss - before.rss) / n)}, heap ${kib((after.heapUsed - before.heapUsed) / n)}`,
  );
  await closeClients(generators);
  return { connect, run, server: window, before, connected, after };
}

/** A few seconds of traffic, not measured: the servers' and the generators' code is compiled (JIT) first. */
async function warmUp(generators: Generator[], server: ServerProcess): Promise<void> {
  const clients = Math.min(200, options.saturationClients);
  await connectClients(generators, server, clients, "warm-up", connectOptions(clients));
  const run = await runClients(generators, { kind: "saturate" }, 0, 5_000);
  await closeClients(generators);
  console.log(
    `warm-up of the ${server.name}: ${clients} clients, 5 s of saturation, ${count(run.turns)} turns (not measured)`,
  );
}

interface SaturationResult {
  run: RunResult;
  server: ServerWindow;
}

async function saturation(generators: Generator[], server: ServerProcess): Promise<SaturationResult> {
  const clients = options.saturationClients;
  console.log(
    `\n[2] saturation against the ${server.name}: ${clients} clients, next message as soon as the reply arrives, ` +
      `${options.saturationMs / 1000} s after ${options.warmupMs / 1000} s of warm-up`,
  );
  await connectClients(generators, server, clients, "saturation", connectOptions(clients));
  await waitForQuiet(children, options.quietWaitMs);
  const { result: run, server: window } = await measured(children, server, options.warmupMs, options.saturationMs, () =>
    runClients(generators, { kind: "saturate" }, options.warmupMs, options.saturationMs),
  );
  console.log(`  ${count(run.turnsPerSecond)} messages/s; reply latency ${latencyLine(run.reply)}`);
  console.log(
    `  ${run.uploads} uploads, ${run.dossiers} dossiers, ${run.scriptsEnded} scripts ended without a dossier; ` +
      `errors: ${describeCounts(run.errors)}`,
  );
  console.log(`  server: ${describeServer(window)}`);
  console.log(`  load generators: ${describeGenerators(run)}`);
  await closeClients(generators);
  return { run, server: window };
}

// ---------------------------------------------------------------------------------------------
// The summary

interface TargetRow {
  figure: string;
  target: string;
  ours: string;
  echo: string;
  ratio: string;
  met: boolean;
}

const times = (ratio: number) => `${ratio.toFixed(2)}×`;

/** Server memory per open conversation (RSS, and the heap beside it), against the 20 KiB target. */
function memoryRow(figure: string, n: number, ours: Memory, echo: Memory, k: HumanResult, e: HumanResult): TargetRow {
  const rss = (ours.rss - k.before.rss) / n;
  const echoRss = (echo.rss - e.before.rss) / n;
  return {
    figure: `${figure} (RSS; heap)`,
    target: "≤ 20 KiB",
    ours: `${kib(rss)}; ${kib((ours.heapUsed - k.before.heapUsed) / n)}`,
    echo: `${kib(echoRss)}; ${kib((echo.heapUsed - e.before.heapUsed) / n)}`,
    ratio: times(rss / echoRss),
    met: rss <= 20 * 1024,
  };
}

function printTargets(rows: TargetRow[]): void {
  const header: TargetRow = {
    figure: "figure",
    target: "target",
    ours: "Khai Hộ",
    echo: "echo",
    ratio: "ratio",
    met: true,
  };
  const cells = (r: TargetRow, verdict: string) => [r.figure, r.target, r.ours, r.echo, r.ratio, verdict];
  printTable([cells(header, "result"), ...rows.map((r) => cells(r, r.met ? "met" : "MISSED"))]);
}

/** --nodes N (N ≥ 2): one node alone, one node with Redis behind nginx, N nodes with Redis behind nginx. */
async function mainSeveralNodes(command: string): Promise<void> {
  console.log(
    `Every node: SQLite (one fresh temp DATA_DIR per set-up, shared by its nodes), LOG_LEVEL=warn, rate limits ` +
      `raised (RATE_LIMIT_CONVERSATION_PER_MINUTE=RATE_LIMIT_IP_PER_MINUTE=${count(Number(RAISED_LIMIT))}); ` +
      "behind nginx: REDIS_URL (a fresh redis-server per set-up), NODE_ID, TRUST_PROXY=true, the shipped " +
      "deploy/nginx files",
  );
  const generators = startGenerators(children, options.generators);
  console.log(
    `${options.generators} load-generator process${options.generators > 1 ? "es" : ""} (socket.io-client, ` +
      `websocket transport, one connection per client); ${cpus().length} cores for everything`,
  );
  await compareNodes(children, generators, {
    nodes: options.nodes,
    citizens: options.citizens[0]!,
    durationMs: options.durationMs,
    intervalMs: options.intervalMs,
    rampFor,
    saturationClients: options.saturationClients,
    saturationMs: options.saturationMs,
    warmupMs: options.warmupMs,
    sourceAddresses: options.sourceAddresses,
    quietWaitMs: options.quietWaitMs,
    human: options.scenarios.has("human"),
    saturation: options.scenarios.has("khaiho"),
  });
  console.log(`\ncommand: ${command} (${Math.round(process.uptime())} s)`);
  children.stopping = true;
  await children.stop();
}

async function main(): Promise<void> {
  const command = `npm run bench:chat${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  console.log(
    `node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores; ${new Date().toISOString()}`,
  );
  console.log(`$ ${command}`);
  console.log(`server code: ${serverRevision()}`);
  if (options.nodes >= 2) return mainSeveralNodes(command);
  const [khaiHo, echo] = await Promise.all([
    startKhaiHo(children, { dataDir: newDataDir(children), cpuProfDir: options.cpuProfDir }),
    startEcho(children),
  ]);
  console.log(
    `Khai Hộ server pid ${khaiHo.child.pid} on ${khaiHo.url} (SQLite in a fresh temp DATA_DIR, LOG_LEVEL=warn, ` +
      `Socket.IO connection-state recovery off, its default); ` +
      `echo server pid ${echo.child.pid} on ${echo.url}`,
  );
  console.log(
    `Rate limits raised for the benchmark: ` +
      `RATE_LIMIT_CONVERSATION_PER_MINUTE=RATE_LIMIT_IP_PER_MINUTE=${count(Number(RAISED_LIMIT))}, ` +
      (options.sourceAddresses > 1
        ? `clients spread over ${options.sourceAddresses} source addresses ` +
          `127.0.0.2–127.0.0.${1 + options.sourceAddresses}.`
        : "since every client shares the address 127.0.0.1."),
  );
  const generators = startGenerators(children, options.generators);
  console.log(
    `${options.generators} load-generator process${options.generators > 1 ? "es" : ""} (socket.io-client, ` +
      `websocket transport, one connection per client)`,
  );

  await warmUp(generators, khaiHo);
  if (options.scenarios.has("echo")) await warmUp(generators, echo);

  const human: { n: number; khaiHo: HumanResult; echo: HumanResult }[] = [];
  if (options.scenarios.has("human")) {
    for (const n of options.citizens)
      human.push({ n, khaiHo: await humanPace(generators, khaiHo, n), echo: await humanPace(generators, echo, n) });
  }
  const echoSat = options.scenarios.has("echo") ? await saturation(generators, echo) : null;
  const khaiHoSat = options.scenarios.has("khaiho") ? await saturation(generators, khaiHo) : null;
  let engine: number | null = null;
  if (options.scenarios.has("engine")) {
    await waitForQuiet(children, options.quietWaitMs);
    engine = benchTransitions().median;
    console.log(`\n[3] engine alone (birth registration walk, one core): ${count(engine)} transitions/s`);
  }

  console.log("\nTargets (Khai Hộ and the raw Socket.IO echo, same machine, same run)");
  const rows: TargetRow[] = [];
  for (const { n, khaiHo: k, echo: e } of human) {
    const p99 = k.run.reply.p99;
    const echoP99 = e.run.reply.p99;
    rows.push(
      n <= 5000
        ? {
            figure: `reply p99, ${count(n)} citizens at human pace`,
            target: "< 100 ms",
            ours: ms(p99),
            echo: ms(echoP99),
            ratio: times(p99 / echoP99),
            met: p99 < 100,
          }
        : {
            figure: `reply p99, ${count(n)} citizens at human pace`,
            target: "≤ 2× echo",
            ours: ms(p99),
            echo: ms(echoP99),
            ratio: times(p99 / echoP99),
            met: p99 <= 2 * echoP99,
          },
      {
        figure: `${count(n)} citizens connected in`,
        target: "< 10 s",
        ours: `${k.connect.seconds.toFixed(1)} s`,
        echo: `${e.connect.seconds.toFixed(1)} s`,
        ratio: times(k.connect.seconds / e.connect.seconds),
        met: k.connect.seconds < 10,
      },
      memoryRow(`server memory per idle conversation, ${count(n)} connected`, n, k.connected, e.connected, k, e),
      memoryRow(`server memory per idle conversation, ${count(n)} after walking`, n, k.after, e.after, k, e),
      {
        figure: `errors, ${count(n)} citizens`,
        target: "none",
        ours: describeCounts({ ...k.connect.failures, ...k.run.errors }),
        echo: describeCounts({ ...e.connect.failures, ...e.run.errors }),
        ratio: "",
        met: Object.keys(k.connect.failures).length + Object.keys(k.run.errors).length === 0,
      },
    );
  }
  if (echoSat && khaiHoSat) {
    const ratio = khaiHoSat.run.turnsPerSecond / echoSat.run.turnsPerSecond;
    rows.push({
      figure: `saturation, ${options.saturationClients} clients: turns/s`,
      target: "≥ 50% of echo",
      ours: `${count(khaiHoSat.run.turnsPerSecond)}/s (p99 ${ms(khaiHoSat.run.reply.p99)})`,
      echo: `${count(echoSat.run.turnsPerSecond)}/s (p99 ${ms(echoSat.run.reply.p99)})`,
      ratio: `${(100 * ratio).toFixed(1)}%`,
      met: ratio >= 0.5,
    });
  }
  if (engine !== null)
    rows.push({
      figure: "engine alone: transitions/s",
      target: "≥ 100,000",
      ours: count(engine),
      echo: "—",
      ratio: "",
      met: engine >= 100_000,
    });
  printTargets(rows);
  console.log(`\ncommand: ${command}`);
  children.stopping = true;
  await children.stop();
}

main().catch((error: unknown) => children.failed(error));
