/**
 * CPU of every process of a set-up (each node, Redis, nginx with its workers) over a measured
 * window, the nodes' event loops from their probes, and what other processes on the machine used.
 */
import type { ChildProcesses } from "./childProcesses";
import type { ProbeWindow } from "./ipc";
import { cpuSecondsOfAll, machineSample, othersPercentSince, withDescendants } from "./machineLoad";
import type { Setup, SetupProcess } from "./nodeSetups";
import { askProbe } from "./serverProcess";
import { ms, pct } from "./stats";

export interface ProcessLoad {
  process: SetupProcess;
  /** CPU seconds over the window, the process and its descendants (nginx's workers). */
  cpuSeconds: number;
  probe: ProbeWindow | null;
}

export interface SetupLoad {
  seconds: number;
  processes: ProcessLoad[];
  /** Other processes on the machine (not the benchmark's), % of all cores. */
  othersPercent: number;
}

/** Runs `during` and measures the set-up over its window: from `warmupMs` after its start, for `windowMs`. */
export async function measuredSetup<T>(
  children: ChildProcesses,
  setup: Setup,
  warmupMs: number,
  windowMs: number,
  during: () => Promise<T>,
): Promise<{ result: T; load: SetupLoad }> {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const nodes = setup.processes.filter((p) => p.server);
  const window = (async (): Promise<SetupLoad> => {
    await sleep(warmupMs);
    await Promise.all(nodes.map((p) => askProbe(p.server!, { type: "window", action: "start" })));
    const trees = setup.processes.map((p) => withDescendants([p.child.pid!]));
    const machine = machineSample(children);
    const cpuStart = trees.map(cpuSecondsOfAll);
    await sleep(windowMs);
    const cpuEnd = trees.map(cpuSecondsOfAll);
    const seconds = (performance.now() - machine.at) / 1000;
    const othersPercent = othersPercentSince(children, machine);
    const probes = new Map<SetupProcess, ProbeWindow | null>();
    for (const p of nodes) {
      const end = await askProbe(p.server!, { type: "window", action: "end" });
      probes.set(p, end.type === "window" ? end.stats : null);
    }
    return {
      seconds,
      othersPercent,
      processes: setup.processes.map((p, i) => ({
        process: p,
        cpuSeconds: cpuEnd[i]! - cpuStart[i]!,
        probe: probes.get(p) ?? null,
      })),
    };
  })();
  const [result, load] = await Promise.all([during(), window]);
  return { result, load };
}

/** CPU seconds of the set-up's processes of one role over the window. */
export function cpuSecondsOfRole(load: SetupLoad, role: SetupProcess["role"]): number {
  return load.processes.filter((p) => p.process.role === role).reduce((sum, p) => sum + p.cpuSeconds, 0);
}

export function describeSetupLoad(load: SetupLoad): string {
  const processes = load.processes.map(({ process, cpuSeconds, probe }) => {
    const cpu = `${process.name} CPU ${((100 * cpuSeconds) / load.seconds).toFixed(0)}% of a core`;
    return probe ? `${cpu} (event loop busy ${pct(probe.elu)}, delay p99 ${ms(probe.delayP99)})` : cpu;
  });
  return `${processes.join("; ")}; other processes on the machine ${load.othersPercent.toFixed(0)}% of its cores`;
}
