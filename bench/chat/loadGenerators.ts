/**
 * The benchmark's side of the load-generator processes (`loadGenerator.ts`): connect N simulated
 * citizens spread over the processes, run them at a pace, close them; results merged.
 */
import path from "node:path";
import { type ChildProcesses, SetupError } from "./childProcesses";
import type { ConnectReport, FromGenerator, Pace, RunReport, ToGenerator } from "./ipc";
import type { ServerProcess } from "./serverProcess";
import { addCounts, concat, count, pct, summarize, type Summary } from "./stats";
import { WorkerProcess } from "./workerProcess";

const GENERATOR = path.join(__dirname, "loadGenerator.ts");

export type Generator = WorkerProcess<ToGenerator, FromGenerator>;

export function startGenerators(children: ChildProcesses, n: number): Generator[] {
  return Array.from(
    { length: n },
    (_, i) => new WorkerProcess<ToGenerator, FromGenerator>(children, `load generator ${i}`, GENERATOR),
  );
}

export interface ConnectResult {
  connect: Summary;
  greet: Summary;
  failures: Record<string, number>;
  seconds: number;
}

export interface ConnectOptions {
  /** New connections per second, all generators together. */
  ramp: number;
  sourceAddresses: number;
  /** Units the citizens' pages belong to (handshake `unit`), assigned in turn; none → no unit. */
  units?: readonly string[];
  /** Global index of the first citizen (indices pick the procedure and the unit). */
  firstIndex?: number;
}

/** Where the clients connect: a server process, or the proxy in front of several. */
export type LoadTarget = Pick<ServerProcess, "name" | "url">;

export async function connectClients(
  generators: Generator[],
  server: LoadTarget,
  clients: number,
  label: string,
  options: ConnectOptions,
): Promise<ConnectResult> {
  const shares = generators.map(
    (_, g) => Math.floor(clients / generators.length) + (g < clients % generators.length ? 1 : 0),
  );
  const connected = new Array<number>(generators.length).fill(0);
  let printed = 0;
  generators.forEach((generator, g) => {
    generator.onProgress = (n) => {
      connected[g] = n;
      const total = connected.reduce((a, b) => a + b, 0);
      if (clients >= 2000 && total - printed >= 1000) {
        printed = total;
        process.stdout.write(`  … ${count(total)} connected\n`);
      }
    };
  });
  const timeoutMs = (clients / options.ramp) * 1000 + 120_000;
  const reports = await Promise.all(
    generators.map((generator, g) =>
      generator.request<ConnectReport>(
        {
          type: "connect",
          url: server.url,
          firstIndex: (options.firstIndex ?? 0) + g,
          count: shares[g]!,
          stride: generators.length,
          ratePerSecond: options.ramp / generators.length,
          sourceAddresses: options.sourceAddresses,
          ...(options.units ? { units: options.units } : {}),
        },
        "connected",
        timeoutMs,
      ),
    ),
  ).catch((error: unknown) => {
    throw new SetupError(
      `${label}: ${clients} clients could not all connect to the ${server.name} (${(error as Error).message})`,
    );
  });
  return {
    connect: summarize(concat(reports.map((r) => r.connectMs))),
    greet: summarize(concat(reports.map((r) => r.greetMs))),
    failures: reports.reduce((all, r) => addCounts(all, r.failures), {} as Record<string, number>),
    seconds: Math.max(...reports.map((r) => r.elapsedMs)) / 1000,
  };
}

export interface RunResult {
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

export async function runClients(
  generators: Generator[],
  pace: Pace,
  warmupMs: number,
  durationMs: number,
): Promise<RunResult> {
  const reports = await Promise.all(
    generators.map((g) =>
      g.request<RunReport>({ type: "run", pace, warmupMs, durationMs }, "ran", warmupMs + durationMs + 60_000),
    ),
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

export async function closeClients(generators: Generator[]): Promise<void> {
  await Promise.all(generators.map((g) => g.request({ type: "close" }, "closed", 60_000)));
  // Let the servers see the disconnects before the next scenario.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}

export function describeGenerators(r: RunResult): string {
  return r.generatorElu
    .map((elu, i) => `#${i + 1} event loop busy ${pct(elu)}, CPU ${r.generatorCpuPercent[i]!.toFixed(0)}%`)
    .join("; ");
}
