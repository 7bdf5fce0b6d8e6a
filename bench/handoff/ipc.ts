/** Messages between `bench/handoff.ts` and its ward-office process (`wardOffice.ts`), over IPC. */
import type { ConnectReport, ToGenerator } from "../chat/ipc";

/** A console account of the benchmark, as an administrator hands it to a clerk. */
export interface ClerkAccount {
  username: string;
  password: string;
  unitId: string;
  /** The address the clerk's browser comes from: a ward office's clerks share one. */
  sourceAddress: string;
}

export type ToWardOffice =
  | {
      type: "login";
      url: string;
      accounts: readonly ClerkAccount[];
      /** Logins under way at once (each costs the server one scrypt hash). */
      concurrency: number;
      /** Set through the console's password change when an account must change its password first. */
      newPassword: string;
    }
  /** The citizens who will ask for a clerk: connected, greeted, one question into a procedure. */
  | Extract<ToGenerator, { type: "connect" }>
  | {
      type: "run";
      /** A handoff is asked every `intervalMs`, open loop, the units in turn. */
      intervalMs: number;
      warmupMs: number;
      durationMs: number;
      /** How long the clerk looks at the queue before taking the conversation. */
      takeAfterMs: number;
      /** How long the clerk keeps it after the citizen has the message, before handing back. */
      holdMs: number;
    }
  | { type: "close" };

export interface LoginReport {
  type: "loggedIn";
  /** `POST /api/auth/login` (and the password change, when one is due), ms, per clerk. */
  loginMs: Float64Array;
  /** `/clerk` handshake → first `queue:update`, ms, per clerk. */
  consoleMs: Float64Array;
  passwordChanges: number;
  elapsedMs: number;
}

export interface HandoffReport {
  type: "handedOff";
  /**
   * `message:send` "gặp cán bộ" emitted → first `queue:update` showing it waiting on a clerk socket of the unit, ms.
   */
  queueMs: Float64Array;
  /** The same, to the last of the unit's clerk sockets. */
  queueAllMs: Float64Array;
  /** `conversation:message` emitted by the clerk → the citizen's `message:new` with author clerk, ms. */
  deliverMs: Float64Array;
  /** Acks: the citizen's request, the take, the clerk's message, the release. */
  askAckMs: Float64Array;
  takeMs: Float64Array;
  messageAckMs: Float64Array;
  releaseMs: Float64Array;
  /** Handoffs started in the window, and of those, walked to the release. */
  started: number;
  completed: number;
  errors: Record<string, number>;
  /** `queue:update` events the clerk sockets received in the window, and the longest queue one carried. */
  queueUpdates: number;
  longestQueue: number;
  /** This process's own load over the window: event-loop utilisation (0–1), CPU, event-loop delay. */
  elu: number;
  cpuMs: number;
  delayP99: number;
  delayMax: number;
}

export type FromWardOffice =
  | { type: "progress"; connected: number }
  | LoginReport
  | ConnectReport
  | HandoffReport
  | { type: "closed" }
  | { type: "fatal"; message: string };
