/**
 * CPU accounting from /proc: a process's CPU time, the whole machine's, and what other
 * processes (not the benchmark's) used — the machine is shared — plus a server's figures over
 * a measured window.
 */
import { readdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import type { ChildProcesses } from "./childProcesses";
import type { ProbeWindow } from "./ipc";
import { askProbe, type ServerProcess } from "./serverProcess";
import { ms, pct } from "./stats";

const CLOCK_TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux x64

/** CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** CPU seconds the whole machine has been busy (every process), from /proc/stat. */
function machineBusySeconds(): number {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync("/proc/stat", "utf8")
    .split("\n")[0]!
    .trim()
    .split(/\s+/)
    .map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / CLOCK_TICKS_PER_SECOND;
}

/**
 * `pids` and every process descending from them (nginx's workers under its master, esbuild's service
 * under a tsx process), from the parent ids in /proc/<pid>/stat.
 */
export function withDescendants(pids: readonly number[]): number[] {
  const childrenOf = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  const all = [...pids];
  for (let i = 0; i < all.length; i++) all.push(...(childrenOf.get(all[i]!) ?? []));
  return all;
}

/** CPU seconds used so far by processes that may have exited meanwhile (those count nothing). */
export function cpuSecondsOfAll(pids: readonly number[]): number {
  let seconds = 0;
  for (const pid of pids) {
    try {
      seconds += cpuSecondsOf(pid);
    } catch {
      // exited
    }
  }
  return seconds;
}

/** CPU seconds used by this benchmark: its own process, every child and their descendants. */
function benchmarkCpuSeconds(children: ChildProcesses): number {
  const own = process.cpuUsage();
  return cpuSecondsOfAll(withDescendants(children.pids())) + (own.user + own.system) / 1e6;
}

export interface MachineSample {
  at: number;
  machine: number;
  own: number;
}

/** Samples the machine and the benchmark's CPU; `othersPercentSince(start)` is what other processes used in between. */
export function machineSample(children: ChildProcesses): MachineSample {
  return { at: performance.now(), machine: machineBusySeconds(), own: benchmarkCpuSeconds(children) };
}

export function othersPercentSince(children: ChildProcesses, start: MachineSample): number {
  const end = machineSample(children);
  const seconds = (end.at - start.at) / 1000;
  const others = end.machine - start.machine - (end.own - start.own);
  return Math.max(0, (100 * others) / (seconds * cpus().length));
}

/**
 * The machine is shared: before a measurement, wait (bounded) until other processes leave it
 * mostly idle, and say how busy they were.
 */
export async function waitForQuiet(children: ChildProcesses, quietWaitMs: number): Promise<void> {
  const deadline = performance.now() + quietWaitMs;
  for (let waited = false; ; waited = true) {
    const start = machineSample(children);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const othersPercent = othersPercentSince(children, start);
    if (othersPercent < 15) {
      if (waited)
        console.log(`  (waited for other processes to quieten: now ${othersPercent.toFixed(0)}% of the machine)`);
      return;
    }
    if (performance.now() > deadline) {
      console.log(
        `  (other processes still use ${othersPercent.toFixed(0)}% of the machine after ${quietWaitMs / 1000} s ` +
          `of waiting: measuring anyway)`,
      );
      return;
    }
  }
}

export interface ServerWindow {
  cpuPercent: number;
  probe: ProbeWindow | null;
  /** Other processes on the machine (not the benchmark's), % of all cores. */
  othersPercent: number;
}

/**
 * Measures a server's CPU, event loop and GC, and the other processes' load, over the measured
 * window of `during`: from `warmupMs` after its start, for `windowMs`.
 */
export async function measured<T>(
  children: ChildProcesses,
  server: ServerProcess,
  warmupMs: number,
  windowMs: number,
  during: () => Promise<T>,
): Promise<{ result: T; server: ServerWindow }> {
  const pid = server.child.pid!;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const window = (async (): Promise<ServerWindow> => {
    await sleep(warmupMs);
    await askProbe(server, { type: "window", action: "start" });
    const machine = machineSample(children);
    const cpuStart = cpuSecondsOf(pid);
    await sleep(windowMs);
    const cpuPercent = (100 * (cpuSecondsOf(pid) - cpuStart)) / ((performance.now() - machine.at) / 1000);
    const othersPercent = othersPercentSince(children, machine);
    const end = await askProbe(server, { type: "window", action: "end" });
    return { cpuPercent, othersPercent, probe: end.type === "window" ? end.stats : null };
  })();
  const [result, serverWindow] = await Promise.all([during(), window]);
  return { result, server: serverWindow };
}

export function describeServer(w: ServerWindow): string {
  const p = w.probe;
  const others = `; other processes on the machine ${w.othersPercent.toFixed(0)}% of its cores`;
  if (!p) return `CPU ${w.cpuPercent.toFixed(0)}% of a core${others}`;
  const kinds = Object.entries(p.gcByKind)
    .map(([kind, k]) => `${kind} ${k.count}× ${k.ms.toFixed(0)} ms (max ${k.maxMs.toFixed(1)})`)
    .join(", ");
  return (
    `CPU ${w.cpuPercent.toFixed(0)}% of a core, event loop busy ${pct(p.elu)}, loop delay p50 ${ms(p.delayP50)} ` +
    `p99 ${ms(p.delayP99)} max ${ms(p.delayMax)}; ` +
    `GC ${p.gcCount}× ${p.gcMs.toFixed(0)} ms (${kinds || "none"})${others}`
  );
}
