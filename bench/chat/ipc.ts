/** Messages between the benchmarks (`bench/chat.ts`, `bench/handoff.ts`) and their child processes, over IPC. */

/** How the simulated citizens pace their messages. */
export type Pace =
  /** One message every `intervalMs` (a citizen reading, thinking, typing), start jittered. */
  | { kind: "human"; intervalMs: number }
  /** The next message as soon as the previous one is answered (closed loop). */
  | { kind: "saturate" };

export type ToGenerator =
  | {
      type: "connect";
      /** Server origin, e.g. http://127.0.0.1:41234 (the namespace `/chat` is added). */
      url: string;
      /** Global indices of this generator's citizens (they pick the procedure). */
      firstIndex: number;
      count: number;
      stride: number;
      /** New connections per second, this generator's share. */
      ratePerSecond: number;
      /** Source addresses 127.0.0.2… to spread clients over (1 = everyone on 127.0.0.1). */
      sourceAddresses: number;
      /** The units (handshake `unit`) citizen i's page belongs to: units[i % length]; absent → none. */
      units?: readonly string[];
    }
  | { type: "run"; pace: Pace; warmupMs: number; durationMs: number }
  | { type: "close" };

export interface ConnectReport {
  type: "connected";
  /** Handshake start → `session:ready`, ms, one per connection. */
  connectMs: Float64Array;
  /** `session:ready` → `conversation:open` acknowledged (the greeting stored and sent), ms. */
  greetMs: Float64Array;
  failures: Record<string, number>;
  elapsedMs: number;
}

export interface RunReport {
  type: "ran";
  /** `message:send` emitted → first bot `message:new` with a greater seq than the ack's, ms. */
  replyMs: Float64Array;
  /** `message:send` emitted → ack, ms. */
  ackMs: Float64Array;
  /** New conversations opened during the run (a procedure finished): handshake → `session:ready`, ms. */
  reconnectMs: Float64Array;
  /** Turns answered in the measured window. */
  turns: number;
  /** `message:new` events received in the window (every author). */
  received: number;
  windowMs: number;
  uploads: number;
  /** Procedures walked to a dossier (the server sent `dossierCode`). */
  dossiers: number;
  /** Scripts that ran out without a dossier (expected against the echo server only). */
  scriptsEnded: number;
  errors: Record<string, number>;
  /** This generator's event-loop utilisation (0–1) and CPU time over the window. */
  elu: number;
  cpuMs: number;
}

export type FromGenerator =
  | { type: "progress"; connected: number }
  | ConnectReport
  | RunReport
  | { type: "closed" }
  | { type: "fatal"; message: string };

/** Asked of a server process by the probe preload (`bench/chat/serverProbe.ts`). */
export type ToProbe =
  { type: "memory"; id: number; gc: boolean } | { type: "window"; id: number; action: "start" | "end" };

export interface ProbeWindow {
  /** Event-loop utilisation (0–1), event-loop delay percentiles (ms), GC pauses. */
  elu: number;
  delayP50: number;
  delayP99: number;
  delayMax: number;
  gcCount: number;
  gcMs: number;
  gcMaxMs: number;
  /** GC time by kind: minor (scavenge), major (mark-compact), incremental, weakcb. */
  gcByKind: Record<string, { count: number; ms: number; maxMs: number }>;
}

export type FromProbe =
  { type: "memory"; id: number; usage: NodeJS.MemoryUsage } | { type: "window"; id: number; stats: ProbeWindow | null };
