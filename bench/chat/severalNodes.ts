/**
 * `npm run bench:chat -- --nodes N`: the same load against three set-ups, one after another, in the
 * same run on the same machine — (a) one node alone, direct, no Redis (today's server); (b) one node
 * with Redis (the Socket.IO Redis adapter and the shared limits on) behind nginx; (c) N nodes with
 * Redis behind nginx. For each: the human-pace scenario (reply p50/p99) and the saturation scenario
 * (messages/s), the CPU of every process; then a table with the ratios to (a) and the CPU each
 * answered message costs, from which the cost of Redis per message is (b) − (a).
 */
import type { ChildProcesses } from "./childProcesses";
import {
  closeClients,
  connectClients,
  type ConnectOptions,
  type ConnectResult,
  describeGenerators,
  type Generator,
  runClients,
  type RunResult,
} from "./loadGenerators";
import { waitForQuiet } from "./machineLoad";
import { type Setup, startNodeAlone, startNodesBehindProxy } from "./nodeSetups";
import { cpuSecondsOfRole, describeSetupLoad, measuredSetup, type SetupLoad } from "./setupLoad";
import { count, describeCounts, latencyLine, ms } from "./stats";
import { printTable } from "./textTable";

export interface SeveralNodesOptions {
  nodes: number;
  citizens: number;
  durationMs: number;
  intervalMs: number;
  /** New connections a second for `n` clients. */
  rampFor: (n: number) => number;
  saturationClients: number;
  saturationMs: number;
  warmupMs: number;
  sourceAddresses: number;
  quietWaitMs: number;
  human: boolean;
  saturation: boolean;
}

interface Measured {
  run: RunResult;
  load: SetupLoad;
}

interface SetupFigures {
  setup: Pick<Setup, "key" | "label">;
  human: (Measured & { connect: ConnectResult }) | null;
  saturation: Measured | null;
}

const WARM_UP_CLIENTS = 200;
const WARM_UP_MS = 5_000;

export async function compareNodes(
  children: ChildProcesses,
  generators: Generator[],
  options: SeveralNodesOptions,
): Promise<void> {
  const connectOptions = (n: number) => ({ ramp: options.rampFor(n), sourceAddresses: options.sourceAddresses });
  // Two nginx connections per client (the client's and the node's), clients of the previous phase still closing.
  const workerConnections = 2 * (Math.max(options.citizens, options.saturationClients, WARM_UP_CLIENTS) + 200) + 1024;
  const starts: { key: string; start: () => Promise<Setup> }[] = [
    { key: "(a)", start: () => startNodeAlone(children, "(a)") },
    { key: "(b)", start: () => startNodesBehindProxy(children, "(b)", { nodes: 1, workerConnections }) },
    { key: "(c)", start: () => startNodesBehindProxy(children, "(c)", { nodes: options.nodes, workerConnections }) },
  ];
  const figures: SetupFigures[] = [];
  for (const { start } of starts) {
    const setup = await start();
    console.log(
      `\n=== ${setup.key} ${setup.label}: ${setup.target.url}; ` +
        setup.processes.map((p) => `${p.name} pid ${p.child.pid}`).join(", "),
    );
    await warmUp(generators, setup, connectOptions(WARM_UP_CLIENTS));
    const human = options.human ? await humanPace(children, generators, setup, options, connectOptions) : null;
    const saturation = options.saturation
      ? await saturate(children, generators, setup, options, connectOptions(options.saturationClients))
      : null;
    await setup.stop();
    figures.push({ setup, human, saturation });
  }
  printSummary(figures, options);
}

async function warmUp(generators: Generator[], setup: Setup, connect: ConnectOptions) {
  await connectClients(generators, setup.target, WARM_UP_CLIENTS, "warm-up", connect);
  const run = await runClients(generators, { kind: "saturate" }, 0, WARM_UP_MS);
  await closeClients(generators);
  console.log(
    `warm-up: ${WARM_UP_CLIENTS} clients, ${WARM_UP_MS / 1000} s of saturation, ${count(run.turns)} turns ` +
      "(not measured)",
  );
}

async function humanPace(
  children: ChildProcesses,
  generators: Generator[],
  setup: Setup,
  options: SeveralNodesOptions,
  connectOptions: (n: number) => ConnectOptions,
): Promise<Measured & { connect: ConnectResult }> {
  const n = options.citizens;
  console.log(
    `[1] human pace: ${count(n)} citizens, one message every ${options.intervalMs / 1000} s for ` +
      `${options.durationMs / 1000} s`,
  );
  const connect = await connectClients(generators, setup.target, n, "human pace", connectOptions(n));
  console.log(
    `  ${count(n)} connected in ${connect.seconds.toFixed(1)} s; connection time ${latencyLine(connect.connect)}; ` +
      `failures: ${describeCounts(connect.failures)}`,
  );
  await waitForQuiet(children, options.quietWaitMs);
  const { result: run, load } = await measuredSetup(children, setup, 0, options.durationMs, () =>
    runClients(generators, { kind: "human", intervalMs: options.intervalMs }, 0, options.durationMs),
  );
  printRun(run, load);
  await closeClients(generators);
  return { run, load, connect };
}

async function saturate(
  children: ChildProcesses,
  generators: Generator[],
  setup: Setup,
  options: SeveralNodesOptions,
  connect: ConnectOptions,
): Promise<Measured> {
  console.log(
    `[2] saturation: ${options.saturationClients} clients, next message as soon as the reply arrives, ` +
      `${options.saturationMs / 1000} s after ${options.warmupMs / 1000} s of warm-up`,
  );
  await connectClients(generators, setup.target, options.saturationClients, "saturation", connect);
  await waitForQuiet(children, options.quietWaitMs);
  const { result: run, load } = await measuredSetup(children, setup, options.warmupMs, options.saturationMs, () =>
    runClients(generators, { kind: "saturate" }, options.warmupMs, options.saturationMs),
  );
  printRun(run, load);
  await closeClients(generators);
  return { run, load };
}

function printRun(run: RunResult, load: SetupLoad): void {
  console.log(`  ${count(run.turnsPerSecond)} messages/s answered; reply latency ${latencyLine(run.reply)}`);
  console.log(`  ${run.uploads} uploads, ${run.dossiers} dossiers submitted; errors: ${describeCounts(run.errors)}`);
  console.log(`  ${describeSetupLoad(load)}`);
  console.log(`  load generators: ${describeGenerators(run)}`);
}

// ---------------------------------------------------------------------------------------------
// The summary

/** µs of CPU of the set-up's processes of `role` per answered message, over the measured window. */
function cpuPerMessage(m: Measured, role: "node" | "Redis" | "nginx"): number {
  return (1e6 * cpuSecondsOfRole(m.load, role)) / m.load.seconds / m.run.turnsPerSecond;
}

const times = (ratio: number) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : "—");
const micro = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} µs` : "—");
const signedMicro = (value: number) => `${value >= 0 ? "+" : "−"}${Math.abs(value).toFixed(0)} µs`;

function printSummary(figures: SetupFigures[], options: SeveralNodesOptions): void {
  const [a, b, c] = figures as [SetupFigures, SetupFigures, SetupFigures];
  const human = `human pace, ${count(options.citizens)} citizens`;
  console.log(
    `\nSeveral nodes (same load, same machine, same run; ${options.saturationClients} saturating clients, ` +
      `${human} at one message every ${options.intervalMs / 1000} s)`,
  );
  const header = [
    "set-up",
    "saturation: messages/s",
    "p50",
    "p99",
    "messages/s vs (a)",
    `${human}: messages/s`,
    "p50",
    "p99",
    "p99 vs (a)",
  ];
  printTable([
    header,
    ...figures.map(({ setup, human: h, saturation: s }) => [
      `${setup.key} ${setup.label}`,
      s ? count(s.run.turnsPerSecond) : "—",
      s ? ms(s.run.reply.p50) : "—",
      s ? ms(s.run.reply.p99) : "—",
      s && a.saturation ? times(s.run.turnsPerSecond / a.saturation.run.turnsPerSecond) : "—",
      h ? count(h.run.turnsPerSecond) : "—",
      h ? ms(h.run.reply.p50) : "—",
      h ? ms(h.run.reply.p99) : "—",
      h && a.human ? times(h.run.reply.p99 / a.human.run.reply.p99) : "—",
    ]),
  ]);

  console.log("\nCPU per answered message (CPU seconds of the processes over the window / messages answered in it)");
  const rows: string[][] = [["set-up", "scenario", "nodes", "Redis", "nginx", "in all", "errors"]];
  for (const { setup, human: h, saturation: s } of figures) {
    for (const [scenario, m] of [
      ["saturation", s],
      [human, h],
    ] as const) {
      if (!m) continue;
      const parts = [cpuPerMessage(m, "node"), cpuPerMessage(m, "Redis"), cpuPerMessage(m, "nginx")];
      rows.push([
        `${setup.key} ${setup.label}`,
        scenario,
        ...parts.map(micro),
        micro(parts.reduce((x, y) => x + y, 0)),
        describeCounts({ ...("connect" in m ? m.connect.failures : {}), ...m.run.errors }),
      ]);
    }
  }
  printTable(rows);

  for (const [scenario, pick] of [
    ["saturation", (f: SetupFigures) => f.saturation],
    [human, (f: SetupFigures) => f.human],
  ] as const) {
    const alone = pick(a);
    const withRedis = pick(b);
    const several = pick(c);
    if (!alone || !withRedis || !several) continue;
    const nodes = cpuPerMessage(withRedis, "node") - cpuPerMessage(alone, "node");
    const redis = cpuPerMessage(withRedis, "Redis");
    console.log(
      `${scenario}, ${count(withRedis.run.turnsPerSecond)} messages/s: Redis per answered message ((b) − (a)) ` +
        `${signedMicro(nodes + redis)} of CPU (node ${signedMicro(nodes)}, redis-server ${micro(redis)}); ` +
        `nginx ${micro(cpuPerMessage(withRedis, "nginx"))}; ${options.nodes} nodes against (a): messages/s ` +
        `${times(several.run.turnsPerSecond / alone.run.turnsPerSecond)}, p99 ` +
        `${times(several.run.reply.p99 / alone.run.reply.p99)}`,
    );
  }
}
