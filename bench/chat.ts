/**
 * `npm run bench:chat`: the web chat under load, against a raw Socket.IO echo server measured
 * in the same run. Every part is its own process (child_process):
 *  - the Khai Hộ server (`node --import tsx server/main.ts`, port 0, a fresh SQLite DATA_DIR,
 *    rate limits raised: every client comes from 127.0.0.1),
 *  - the echo server (`bench/chat/echoServer.ts`: same Socket.IO, same options, no engine),
 *  - the load generator(s) (`bench/chat/loadGenerator.ts`, socket.io-client, websocket).
 * Both servers get `bench/chat/serverProbe.ts` preloaded (`--import`), which reports memory
 * after a full GC, event-loop and GC figures over IPC; the server's code is unchanged.
 * Scenarios, after 5 s of unmeasured warm-up traffic per server:
 *  1. human: N citizens (default 5,000) connect at a bounded rate, then each walks a
 *     procedure at one message every 5 s for 60 s. Connection time, reply latency,
 *     messages/s, errors, server memory per open conversation.
 *  2. saturation (= echo,khaiho): 200 clients each sending the next message as soon as the
 *     reply arrives, 20 s after 3 s of warm-up, against the echo server and against Khai Hộ:
 *     messages/s, p50/p99, and the ratio.
 * Options: --citizens --duration --interval --ramp --saturation-clients --saturation-duration
 * --warmup (seconds), --generators (processes), --source-addresses K (spread the clients over
 * 127.0.0.2… so that per-address state stays small), --scenarios human,echo,khaiho,
 * --cpu-prof DIR (the Khai Hộ server's CPU profile), --quiet-wait S (the machine is shared:
 * before each measurement wait up to S seconds for other processes to go quiet).
 * Only 127.0.0.1 is contacted; every phase has a time limit; children are always stopped.
 * Exits non-zero when the setup fails, zero once measured (targets missed or not).
 */
import { type ChildProcess, execFileSync, fork, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ConnectReport, FromGenerator, FromProbe, Pace, ProbeWindow, RunReport, ToGenerator, ToProbe } from "./chat/ipc";
import { addCounts, concat, count, describeCounts, kib, mib, ms, summarize, type Summary } from "./chat/stats";

const ROOT = path.resolve(__dirname, "..");
const PROBE = path.join(__dirname, "chat", "serverProbe.ts");
const GENERATOR = path.join(__dirname, "chat", "loadGenerator.ts");
const ECHO = path.join(__dirname, "chat", "echoServer.ts");
/** The rate limits the benchmark's server runs with: every client comes from 127.0.0.1. */
const RAISED_LIMIT = "100000000";
const CLOCK_TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux x64

// ---------------------------------------------------------------------------------------------
// Options

const { values: args } = parseArgs({
  options: {
    citizens: { type: "string", default: "5000" },
    duration: { type: "string", default: "60" },
    interval: { type: "string", default: "5" },
    ramp: { type: "string", default: "500" },
    "saturation-clients": { type: "string", default: "200" },
    "saturation-duration": { type: "string", default: "20" },
    warmup: { type: "string", default: "3" },
    generators: { type: "string", default: "1" },
    "source-addresses": { type: "string", default: "1" },
    scenarios: { type: "string", default: "human,saturation" },
    "cpu-prof": { type: "string" },
    "quiet-wait": { type: "string", default: "120" },
  },
  strict: true,
});

function positive(name: string, value: string | undefined, min = 1): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) {
    process.stderr.write(`bench:chat: --${name} must be a number ≥ ${min}, got ${JSON.stringify(value)}\n`);
    process.exit(2);
  }
  return n;
}

const SCENARIOS = new Set(["human", "echo", "khaiho"]);

const options = {
  citizens: Math.floor(positive("citizens", args.citizens)),
  durationMs: positive("duration", args.duration) * 1000,
  intervalMs: positive("interval", args.interval, 0.1) * 1000,
  ramp: positive("ramp", args.ramp),
  saturationClients: Math.floor(positive("saturation-clients", args["saturation-clients"])),
  saturationMs: positive("saturation-duration", args["saturation-duration"]) * 1000,
  warmupMs: positive("warmup", args.warmup, 0) * 1000,
  generators: Math.floor(positive("generators", args.generators)),
  sourceAddresses: Math.min(250, Math.floor(positive("source-addresses", args["source-addresses"]))),
  // "saturation" is both halves: "echo" (the baseline) and "khaiho".
  scenarios: new Set(String(args.scenarios).split(",").flatMap((s) => (s === "saturation" ? ["echo", "khaiho"] : [s]))),
  cpuProfDir: args["cpu-prof"] ? path.resolve(args["cpu-prof"]) : null,
  quietWaitMs: positive("quiet-wait", args["quiet-wait"], 0) * 1000,
};
for (const scenario of options.scenarios) {
  if (!SCENARIOS.has(scenario)) {
    process.stderr.write(`bench:chat: unknown scenario ${JSON.stringify(scenario)} (human, saturation, echo, khaiho)\n`);
    process.exit(2);
  }
}

// ---------------------------------------------------------------------------------------------
// Child processes: tracked, and always stopped

const children = new Set<ChildProcess>();
let dataDir: string | null = null;

function track<T extends ChildProcess>(child: T): T {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

async function stopChildren(): Promise<void> {
  const waiting = [...children].map(
    (child) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const kill = setTimeout(() => child.kill("SIGKILL"), 5_000);
        child.once("exit", () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  );
  await Promise.all(waiting);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = null;
}

class SetupError extends Error {}

let stopping = false;
async function abort(code: number, message: string): Promise<never> {
  if (!stopping) {
    stopping = true;
    process.stderr.write(`bench:chat: ${message}\n`);
    await stopChildren();
  }
  process.exit(code);
}
process.on("SIGINT", () => void abort(130, "interrupted; child processes stopped"));
process.on("SIGTERM", () => void abort(143, "terminated; child processes stopped"));
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new SetupError(`${what}: no answer in ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Servers

interface ServerProcess {
  name: string;
  child: ChildProcess;
  port: number;
  url: string;
}

/** Starts a server process and waits for the line that gives its port. */
function startServer(name: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<ServerProcess> {
  const child = track(spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe", "ipc"], serialization: "advanced" }));
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
  });
  return withTimeout(
    new Promise<ServerProcess>((resolve, reject) => {
      let stdout = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = ready.exec(stdout);
        if (match) resolve({ name, child, port: Number(match[1]), url: `http://127.0.0.1:${match[1]}` });
      });
      child.once("exit", (code, signal) => reject(new SetupError(`${name} exited (${code ?? signal}) before it was ready:\n${stderr.trim()}`)));
    }),
    90_000,
    `${name} start`,
  );
}

function startKhaiHo(): Promise<ServerProcess> {
  dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-bench-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    RATE_LIMIT_CONVERSATION_PER_MINUTE: RAISED_LIMIT,
    RATE_LIMIT_IP_PER_MINUTE: RAISED_LIMIT,
  };
  for (const key of ["MONGODB_URI", "PUBLIC_URL", "ALLOWED_ORIGINS", "TRUST_PROXY", "CONNECTION_RECOVERY_MS"]) delete env[key];
  const profile = options.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  return startServer("Khai Hộ server", [...profile, "--expose-gc", "--import", "tsx", "--import", PROBE, "server/main.ts"], env, /open http:\/\/localhost:(\d+)\//);
}

function startEcho(): Promise<ServerProcess> {
  return startServer("echo server", ["--expose-gc", "--import", "tsx", "--import", PROBE, ECHO], { ...process.env, PORT: "0" }, /listening on http:\/\/127\.0\.0\.1:(\d+)/);
}

let probeIds = 0;
type ProbeRequest = { type: "memory"; gc: boolean } | { type: "window"; action: "start" | "end" };
function askProbe(server: ServerProcess, message: ProbeRequest): Promise<FromProbe> {
  const id = ++probeIds;
  return withTimeout(
    new Promise<FromProbe>((resolve) => {
      const listen = (reply: FromProbe) => {
        if (reply.id !== id) return;
        server.child.off("message", listen);
        resolve(reply);
      };
      server.child.on("message", listen);
      server.child.send({ ...message, id } as ToProbe);
    }),
    30_000,
    `${server.name} probe`,
  );
}

interface Memory {
  /** VmRSS of /proc/<pid>/status. */
  rss: number;
  /** process.memoryUsage() in the server, after a full GC. */
  heapUsed: number;
  external: number;
}

async function memoryOf(server: ServerProcess): Promise<Memory> {
  // Two full GCs a moment apart, so that what the first freed is returned before RSS is read.
  await askProbe(server, { type: "memory", gc: true });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const reply = await askProbe(server, { type: "memory", gc: true });
  const status = readFileSync(`/proc/${server.child.pid}/status`, "utf8");
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) * 1024;
  const usage = reply.type === "memory" ? reply.usage : null;
  return { rss, heapUsed: usage?.heapUsed ?? Number.NaN, external: (usage?.external ?? Number.NaN) + (usage?.arrayBuffers ?? 0) };
}

/** CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat. */
function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** CPU seconds the whole machine has been busy (every process), from /proc/stat. */
function machineBusySeconds(): number {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / CLOCK_TICKS_PER_SECOND;
}

/** CPU seconds used by this benchmark: its own process and every child. */
function benchmarkCpuSeconds(): number {
  let seconds = 0;
  for (const child of children) {
    try {
      seconds += cpuSecondsOf(child.pid!);
    } catch {
      // exited
    }
  }
  const own = process.cpuUsage();
  return seconds + (own.user + own.system) / 1e6;
}

/** Samples the machine and the benchmark's CPU; `othersPercent(since)` is what other processes used in between. */
function machineSample(): { at: number; machine: number; own: number } {
  return { at: performance.now(), machine: machineBusySeconds(), own: benchmarkCpuSeconds() };
}

function othersPercentSince(start: ReturnType<typeof machineSample>): number {
  const end = machineSample();
  const seconds = (end.at - start.at) / 1000;
  const others = end.machine - start.machine - (end.own - start.own);
  return Math.max(0, (100 * others) / (seconds * cpus().length));
}

/**
 * The machine is shared: before a measurement, wait (bounded) until other processes leave it
 * mostly idle, and say how busy they were.
 */
async function waitForQuiet(): Promise<void> {
  const deadline = performance.now() + options.quietWaitMs;
  for (let waited = false; ; waited = true) {
    const start = machineSample();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const othersPercent = othersPercentSince(start);
    if (othersPercent < 15) {
      if (waited) console.log(`  (waited for other processes to quieten: now ${othersPercent.toFixed(0)}% of the machine)`);
      return;
    }
    if (performance.now() > deadline) {
      console.log(`  (other processes still use ${othersPercent.toFixed(0)}% of the machine after ${options.quietWaitMs / 1000} s of waiting: measuring anyway)`);
      return;
    }
  }
}

interface ServerWindow {
  cpuPercent: number;
  probe: ProbeWindow | null;
  /** Other processes on the machine (not the benchmark's), % of all cores. */
  othersPercent: number;
}

/**
 * Measures a server's CPU, event loop and GC, and the other processes' load, over the measured
 * window of `during`: from `warmupMs` after its start, for `windowMs`.
 */
async function measured<T>(server: ServerProcess, warmupMs: number, windowMs: number, during: () => Promise<T>): Promise<{ result: T; server: ServerWindow }> {
  const pid = server.child.pid!;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const window = (async (): Promise<ServerWindow> => {
    await sleep(warmupMs);
    await askProbe(server, { type: "window", action: "start" });
    const machine = machineSample();
    const cpuStart = cpuSecondsOf(pid);
    await sleep(windowMs);
    const cpuPercent = (100 * (cpuSecondsOf(pid) - cpuStart)) / ((performance.now() - machine.at) / 1000);
    const othersPercent = othersPercentSince(machine);
    const end = await askProbe(server, { type: "window", action: "end" });
    return { cpuPercent, othersPercent, probe: end.type === "window" ? end.stats : null };
  })();
  const [result, serverWindow] = await Promise.all([during(), window]);
  return { result, server: serverWindow };
}

// ---------------------------------------------------------------------------------------------
// Load generators

class Generator {
  readonly child: ChildProcess;
  private readonly waiting: { type: string; resolve: (m: FromGenerator) => void }[] = [];
  onProgress: (connected: number) => void = () => undefined;

  constructor(readonly index: number) {
    this.child = track(fork(GENERATOR, [], { cwd: ROOT, execArgv: ["--import", "tsx"], serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] }));
    this.child.on("message", (message: FromGenerator) => {
      if (message.type === "progress") return this.onProgress(message.connected);
      if (message.type === "fatal") return void abort(1, `load generator ${index} failed: ${message.message}`);
      const at = this.waiting.findIndex((w) => w.type === message.type);
      if (at >= 0) this.waiting.splice(at, 1)[0]!.resolve(message);
    });
    this.child.once("exit", (code) => {
      if (!stopping) void abort(1, `load generator ${index} exited (${code}) during the run`);
    });
  }

  request<T extends FromGenerator>(message: ToGenerator, answer: T["type"], timeoutMs: number): Promise<T> {
    const reply = new Promise<T>((resolve) => this.waiting.push({ type: answer, resolve: resolve as (m: FromGenerator) => void }));
    this.child.send(message);
    return withTimeout(reply, timeoutMs, `load generator ${this.index} (${message.type})`);
  }
}

interface ConnectResult {
  connect: Summary;
  greet: Summary;
  failures: Record<string, number>;
  seconds: number;
}

async function connectClients(generators: Generator[], server: ServerProcess, clients: number, label: string): Promise<ConnectResult> {
  const shares = generators.map((_, g) => Math.floor(clients / generators.length) + (g < clients % generators.length ? 1 : 0));
  const connected = new Array<number>(generators.length).fill(0);
  let printed = 0;
  for (const generator of generators) {
    generator.onProgress = (n) => {
      connected[generator.index] = n;
      const total = connected.reduce((a, b) => a + b, 0);
      if (clients >= 2000 && total - printed >= 1000) {
        printed = total;
        process.stdout.write(`  … ${count(total)} connected\n`);
      }
    };
  }
  const timeoutMs = (clients / options.ramp) * 1000 + 120_000;
  const reports = await Promise.all(
    generators.map((generator, g) =>
      generator.request<ConnectReport>(
        { type: "connect", url: server.url, firstIndex: g, count: shares[g]!, stride: generators.length, ratePerSecond: options.ramp / generators.length, sourceAddresses: options.sourceAddresses },
        "connected",
        timeoutMs,
      ),
    ),
  ).catch((error: unknown) => {
    throw new SetupError(`${label}: ${clients} clients could not all connect to the ${server.name} (${(error as Error).message})`);
  });
  return {
    connect: summarize(concat(reports.map((r) => r.connectMs))),
    greet: summarize(concat(reports.map((r) => r.greetMs))),
    failures: reports.reduce((all, r) => addCounts(all, r.failures), {} as Record<string, number>),
    seconds: Math.max(...reports.map((r) => r.elapsedMs)) / 1000,
  };
}

interface RunResult {
  reply: Summary;
  ack: Summary;
  reconnect: Summary;
  turnsPerSecond: number;
  receivedPerSecond: number;
  turns: number;
  uploads: number;
  dossiers: number;
  scriptsEnded: number;
  errors: Record<string, number>;
  generatorElu: number[];
  generatorCpuPercent: number[];
}

async function runClients(generators: Generator[], pace: Pace, warmupMs: number, durationMs: number): Promise<RunResult> {
  const reports = await Promise.all(
    generators.map((g) => g.request<RunReport>({ type: "run", pace, warmupMs, durationMs }, "ran", warmupMs + durationMs + 60_000)),
  );
  const seconds = durationMs / 1000;
  const turns = reports.reduce((n, r) => n + r.turns, 0);
  return {
    reply: summarize(concat(reports.map((r) => r.replyMs))),
    ack: summarize(concat(reports.map((r) => r.ackMs))),
    reconnect: summarize(concat(reports.map((r) => r.reconnectMs))),
    turnsPerSecond: turns / seconds,
    receivedPerSecond: reports.reduce((n, r) => n + r.received, 0) / seconds,
    turns,
    uploads: reports.reduce((n, r) => n + r.uploads, 0),
    dossiers: reports.reduce((n, r) => n + r.dossiers, 0),
    scriptsEnded: reports.reduce((n, r) => n + r.scriptsEnded, 0),
    errors: reports.reduce((all, r) => addCounts(all, r.errors), {} as Record<string, number>),
    generatorElu: reports.map((r) => r.elu),
    generatorCpuPercent: reports.map((r) => (100 * r.cpuMs) / durationMs),
  };
}

async function closeClients(generators: Generator[]): Promise<void> {
  await Promise.all(generators.map((g) => g.request({ type: "close" }, "closed", 60_000)));
  // Let the servers see the disconnects before the next scenario.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}

// ---------------------------------------------------------------------------------------------
// Output

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const latencyLine = (s: Summary) => `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, max ${ms(s.max)} (${count(s.count)} samples)`;

function describeServer(w: ServerWindow): string {
  const p = w.probe;
  const others = `; other processes on the machine ${w.othersPercent.toFixed(0)}% of its cores`;
  if (!p) return `CPU ${w.cpuPercent.toFixed(0)}% of a core${others}`;
  const kinds = Object.entries(p.gcByKind)
    .map(([kind, k]) => `${kind} ${k.count}× ${k.ms.toFixed(0)} ms (max ${k.maxMs.toFixed(1)})`)
    .join(", ");
  return (
    `CPU ${w.cpuPercent.toFixed(0)}% of a core, event loop busy ${pct(p.elu)}, loop delay p50 ${ms(p.delayP50)} p99 ${ms(p.delayP99)} max ${ms(p.delayMax)}; ` +
    `GC ${p.gcCount}× ${p.gcMs.toFixed(0)} ms (${kinds || "none"})${others}`
  );
}

function describeGenerators(r: RunResult): string {
  return r.generatorElu.map((elu, i) => `#${i + 1} event loop busy ${pct(elu)}, CPU ${r.generatorCpuPercent[i]!.toFixed(0)}%`).join("; ");
}

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

async function humanPace(generators: Generator[], server: ServerProcess): Promise<HumanResult> {
  const n = options.citizens;
  console.log(`\n[1] human pace: ${count(n)} citizens against the ${server.name}, one message every ${options.intervalMs / 1000} s for ${options.durationMs / 1000} s`);
  await waitForQuiet();
  const before = await memoryOf(server);
  console.log(`  server before connecting: RSS ${mib(before.rss)}, heap used ${mib(before.heapUsed)} (after a full GC)`);
  const connect = await connectClients(generators, server, n, "human pace");
  console.log(
    `  ${count(n)} connected in ${connect.seconds.toFixed(1)} s (ramp ${count(options.ramp)}/s); connection time (handshake → session:ready) ${latencyLine(connect.connect)}`,
  );
  console.log(`  greeting (conversation:open → ack) ${latencyLine(connect.greet)}; connection failures: ${describeCounts(connect.failures)}`);
  const connected = await memoryOf(server);
  console.log(
    `  server with ${count(n)} open conversations: RSS ${mib(connected.rss)}, heap used ${mib(connected.heapUsed)}; ` +
      `per conversation RSS ${kib((connected.rss - before.rss) / n)}, heap ${kib((connected.heapUsed - before.heapUsed) / n)}`,
  );
  const { result: run, server: window } = await measured(server, 0, options.durationMs, () =>
    runClients(generators, { kind: "human", intervalMs: options.intervalMs }, 0, options.durationMs),
  );
  console.log(`  reply latency ${latencyLine(run.reply)}`);
  console.log(`  ack latency ${latencyLine(run.ack)}`);
  console.log(
    `  ${count(run.turnsPerSecond)} messages/s answered (${count(run.turns)} in ${options.durationMs / 1000} s), ${count(run.receivedPerSecond)} message:new/s received; ` +
      `${run.uploads} uploads, ${run.dossiers} dossiers submitted, ${run.scriptsEnded} scripts ended without a dossier; errors: ${describeCounts(run.errors)}`,
  );
  if (run.reconnect.count > 0) console.log(`  new conversations during the run (handshake → session:ready) ${latencyLine(run.reconnect)}`);
  console.log(`  server: ${describeServer(window)}`);
  console.log(`  load generators: ${describeGenerators(run)}`);
  const after = await memoryOf(server);
  console.log(
    `  server after the run, ${count(n)} conversations open mid-procedure: RSS ${mib(after.rss)}, heap used ${mib(after.heapUsed)}; ` +
      `per conversation RSS ${kib((after.rss - before.rss) / n)}, heap ${kib((after.heapUsed - before.heapUsed) / n)}`,
  );
  await closeClients(generators);
  return { connect, run, server: window, before, connected, after };
}

/** A few seconds of traffic, not measured: the servers' and the generators' code is compiled (JIT) first. */
async function warmUp(generators: Generator[], server: ServerProcess): Promise<void> {
  const clients = Math.min(200, options.saturationClients);
  await connectClients(generators, server, clients, "warm-up");
  const run = await runClients(generators, { kind: "saturate" }, 0, 5_000);
  await closeClients(generators);
  console.log(`warm-up of the ${server.name}: ${clients} clients, 5 s of saturation, ${count(run.turns)} turns (not measured)`);
}

interface SaturationResult {
  run: RunResult;
  server: ServerWindow;
}

async function saturation(generators: Generator[], server: ServerProcess): Promise<SaturationResult> {
  const clients = options.saturationClients;
  console.log(`\n[2] saturation against the ${server.name}: ${clients} clients, next message as soon as the reply arrives, ${options.saturationMs / 1000} s after ${options.warmupMs / 1000} s of warm-up`);
  await connectClients(generators, server, clients, "saturation");
  await waitForQuiet();
  const { result: run, server: window } = await measured(server, options.warmupMs, options.saturationMs, () =>
    runClients(generators, { kind: "saturate" }, options.warmupMs, options.saturationMs),
  );
  console.log(`  ${count(run.turnsPerSecond)} messages/s; reply latency ${latencyLine(run.reply)}`);
  console.log(`  ${run.uploads} uploads, ${run.dossiers} dossiers, ${run.scriptsEnded} scripts ended without a dossier; errors: ${describeCounts(run.errors)}`);
  console.log(`  server: ${describeServer(window)}`);
  console.log(`  load generators: ${describeGenerators(run)}`);
  await closeClients(generators);
  return { run, server: window };
}

/** Which server code is measured: the commit, and whether server/, flows/ or widget/ differ from it. */
function serverRevision(): string {
  try {
    const git = (...a: string[]) => execFileSync("git", a, { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    const commit = git("rev-parse", "--short", "HEAD");
    const changed = git("status", "--porcelain", "--", "server", "flows", "widget").split("\n").filter(Boolean).length;
    return changed ? `commit ${commit} with ${changed} uncommitted changes in server/, flows/, widget/` : `commit ${commit}, server/, flows/, widget/ as committed`;
  } catch {
    return "not a git checkout";
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const command = `npm run bench:chat${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  console.log(`node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores; ${new Date().toISOString()}`);
  console.log(`$ ${command}`);
  console.log(`server code: ${serverRevision()}`);
  const [khaiHo, echo] = await Promise.all([startKhaiHo(), startEcho()]);
  console.log(
    `Khai Hộ server pid ${khaiHo.child.pid} on ${khaiHo.url} (SQLite in a fresh temp DATA_DIR, LOG_LEVEL=warn, Socket.IO recovery at its default 30 s); ` +
      `echo server pid ${echo.child.pid} on ${echo.url}`,
  );
  console.log(
    `Rate limits raised for the benchmark: RATE_LIMIT_CONVERSATION_PER_MINUTE=RATE_LIMIT_IP_PER_MINUTE=${count(Number(RAISED_LIMIT))}, ` +
      (options.sourceAddresses > 1
        ? `clients spread over ${options.sourceAddresses} source addresses 127.0.0.2–127.0.0.${1 + options.sourceAddresses}.`
        : "since every client shares the address 127.0.0.1."),
  );
  const generators = Array.from({ length: options.generators }, (_, i) => new Generator(i));
  console.log(`${options.generators} load-generator process${options.generators > 1 ? "es" : ""} (socket.io-client, websocket transport, one connection per client)`);

  await warmUp(generators, khaiHo);
  if (options.scenarios.has("echo")) await warmUp(generators, echo);

  const human = options.scenarios.has("human") ? await humanPace(generators, khaiHo) : null;
  const echoSat = options.scenarios.has("echo") ? await saturation(generators, echo) : null;
  const khaiHoSat = options.scenarios.has("khaiho") ? await saturation(generators, khaiHo) : null;

  console.log("\nSummary");
  const rows: [string, string, string][] = [];
  if (human) {
    const n = options.citizens;
    rows.push(
      [`concurrent conversations at human pace (1 msg / ${options.intervalMs / 1000} s)`, "5,000", `${count(n)} connected; errors: ${describeCounts(human.run.errors)}`],
      ["connection time p50 / p95 / p99", "—", `${ms(human.connect.connect.p50)} / ${ms(human.connect.connect.p95)} / ${ms(human.connect.connect.p99)}`],
      ["reply latency p50 / p95 / p99", "p99 < 100 ms", `${ms(human.run.reply.p50)} / ${ms(human.run.reply.p95)} / ${ms(human.run.reply.p99)} → ${human.run.reply.p99 < 100 ? "met" : "MISSED"}`],
      ["messages/s at human pace", `${count(n / (options.intervalMs / 1000))} offered`, count(human.run.turnsPerSecond)],
      [
        "server CPU, event loop busy at human pace",
        "—",
        `${human.server.cpuPercent.toFixed(0)}%, ${human.server.probe ? pct(human.server.probe.elu) : "n/a"}; other processes ${human.server.othersPercent.toFixed(0)}% of the machine`,
      ],
      [
        "server memory per open conversation (RSS / heap)",
        "—",
        `${kib((human.connected.rss - human.before.rss) / n)} / ${kib((human.connected.heapUsed - human.before.heapUsed) / n)} connected; ` +
          `${kib((human.after.rss - human.before.rss) / n)} / ${kib((human.after.heapUsed - human.before.heapUsed) / n)} after the run`,
      ],
    );
  }
  const saturationRow = (name: string, r: SaturationResult) =>
    [
      `saturation, ${name} (${options.saturationClients} clients)`,
      "—",
      `${count(r.run.turnsPerSecond)}/s, p50 ${ms(r.run.reply.p50)}, p99 ${ms(r.run.reply.p99)}; server CPU ${r.server.cpuPercent.toFixed(0)}%, others ${r.server.othersPercent.toFixed(0)}%`,
    ] as [string, string, string];
  if (echoSat) rows.push(saturationRow("echo baseline", echoSat));
  if (khaiHoSat) rows.push(saturationRow("Khai Hộ", khaiHoSat));
  if (echoSat && khaiHoSat) {
    const ratio = khaiHoSat.run.turnsPerSecond / echoSat.run.turnsPerSecond;
    rows.push(["Khai Hộ / echo throughput", "≥ 50%", `${(100 * ratio).toFixed(1)}% → ${ratio >= 0.5 ? "met" : "MISSED"}`]);
  }
  const width = [Math.max(...rows.map((r) => r[0].length)), Math.max(6, ...rows.map((r) => r[1].length))];
  console.log(`${"figure".padEnd(width[0]!)} | ${"target".padEnd(width[1]!)} | measured`);
  console.log(`${"-".repeat(width[0]!)}-|-${"-".repeat(width[1]!)}-|-${"-".repeat(40)}`);
  for (const [figure, target, measuredValue] of rows) console.log(`${figure.padEnd(width[0]!)} | ${target.padEnd(width[1]!)} | ${measuredValue}`);
  console.log(`\ncommand: ${command}`);
  stopping = true;
  await stopChildren();
}

main().catch(async (error: unknown) => {
  await abort(1, error instanceof SetupError ? error.message : `failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});
