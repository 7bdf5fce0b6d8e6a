/**
 * The child processes of a benchmark (servers, load generators) and its temporary folders:
 * tracked, and always stopped and removed — at the end, on an error, on Ctrl-C.
 */
import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";

/** The setup failed (a server did not start, clients could not connect): exit non-zero with this message. */
export class SetupError extends Error {}

export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new SetupError(`${what}: no answer in ${Math.round(timeoutMs / 1000)} s`)),
      timeoutMs,
    );
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

/** SIGTERM, SIGKILL if it has not exited 5 s later; resolved once it has exited. */
export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export class ChildProcesses {
  private readonly children = new Set<ChildProcess>();
  private readonly folders = new Set<string>();
  /** Set once the benchmark is finishing: a child exiting from then on is expected. */
  stopping = false;

  /** `name` starts the benchmark's error lines ("bench:chat: …"). */
  constructor(private readonly name: string) {
    process.on("SIGINT", () => void this.abort(130, "interrupted; child processes stopped"));
    process.on("SIGTERM", () => void this.abort(143, "terminated; child processes stopped"));
    process.on("exit", () => {
      for (const child of this.children) child.kill("SIGKILL");
      for (const folder of this.folders) rmSync(folder, { recursive: true, force: true });
    });
  }

  track<T extends ChildProcess>(child: T): T {
    this.children.add(child);
    child.once("exit", () => this.children.delete(child));
    return child;
  }

  /** A folder removed when the benchmark stops, however it stops. */
  removeOnStop(folder: string): void {
    this.folders.add(folder);
  }

  /** The process ids of the children still running. */
  pids(): number[] {
    return [...this.children].map((child) => child.pid!).filter((pid) => pid !== undefined);
  }

  /** SIGTERM to every child (SIGKILL after 5 s), then the folders removed. */
  async stop(): Promise<void> {
    await Promise.all([...this.children].map(stopProcess));
    for (const folder of this.folders) rmSync(folder, { recursive: true, force: true });
    this.folders.clear();
  }

  async abort(code: number, message: string): Promise<never> {
    if (!this.stopping) {
      this.stopping = true;
      process.stderr.write(`${this.name}: ${message}\n`);
      await this.stop();
    }
    process.exit(code);
  }

  /** The end of a benchmark's `main` that threw: a setup error is told as it is, anything else with its stack. */
  failed(error: unknown): Promise<never> {
    return this.abort(
      1,
      error instanceof SetupError
        ? error.message
        : `failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
}
