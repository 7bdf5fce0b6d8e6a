/**
 * Loaded into the benchmarked server processes with `--import` (the server's code is unchanged):
 * answers the benchmark over the IPC channel with `process.memoryUsage()` (after a full GC,
 * so heap figures are what is live, not what awaits collection) and, per measured window,
 * the event-loop utilisation and delay and the GC pauses. Does nothing without an IPC channel.
 * When the benchmark goes away (the channel closes), the process stops itself.
 */
import {
  monitorEventLoopDelay,
  performance,
  PerformanceObserver,
  type EventLoopUtilization,
  type PerformanceEntry,
} from "node:perf_hooks";
import type { FromProbe, ProbeWindow, ToProbe } from "./ipc";

const GC_KINDS: Record<number, string> = { 1: "minor", 2: "major", 4: "incremental", 8: "weakcb" };

if (process.send) {
  const send = (message: FromProbe) => process.send!(message);
  const delay = monitorEventLoopDelay({ resolution: 2 });
  let elu: EventLoopUtilization | null = null;
  let gc: ProbeWindow["gcByKind"] = {};
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = GC_KINDS[(entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0] ?? "other";
      const stats = (gc[kind] ??= { count: 0, ms: 0, maxMs: 0 });
      stats.count++;
      stats.ms += entry.duration;
      stats.maxMs = Math.max(stats.maxMs, entry.duration);
    }
  });

  process.on("message", (message: ToProbe) => {
    if (message.type === "memory") {
      if (message.gc) (globalThis as { gc?: () => void }).gc?.();
      send({ type: "memory", id: message.id, usage: process.memoryUsage() });
    } else if (message.action === "start") {
      delay.reset();
      delay.enable();
      gc = {};
      observer.observe({ entryTypes: ["gc"] });
      elu = performance.eventLoopUtilization();
      send({ type: "window", id: message.id, stats: null });
    } else {
      const used = elu ? performance.eventLoopUtilization(elu).utilization : Number.NaN;
      delay.disable();
      observer.disconnect();
      const kinds = Object.values(gc);
      send({
        type: "window",
        id: message.id,
        stats: {
          elu: used,
          delayP50: delay.percentile(50) / 1e6,
          delayP99: delay.percentile(99) / 1e6,
          delayMax: delay.max / 1e6,
          gcCount: kinds.reduce((n, k) => n + k.count, 0),
          gcMs: kinds.reduce((n, k) => n + k.ms, 0),
          gcMaxMs: kinds.reduce((n, k) => Math.max(n, k.maxMs), 0),
          gcByKind: gc,
        },
      });
    }
  });
  // The benchmark is gone (finished, interrupted, crashed): never outlive it.
  process.on("disconnect", () => process.kill(process.pid, "SIGTERM"));
  process.channel?.unref();
}
