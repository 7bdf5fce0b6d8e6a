/**
 * A benchmark's client-side process (a load generator, the handoff benchmark's ward office),
 * forked with tsx and driven over IPC: each request names the message type that answers it.
 * The process may send `{ type: "progress", connected }` along the way and
 * `{ type: "fatal", message }` when it fails, which stops the benchmark.
 */
import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import { type ChildProcesses, withTimeout } from "./childProcesses";

const ROOT = path.resolve(__dirname, "../..");

type Reply = { type: string } | { type: "progress"; connected: number } | { type: "fatal"; message: string };

export class WorkerProcess<To extends { type: string }, From extends { type: string }> {
  readonly child: ChildProcess;
  private readonly waiting: { type: string; resolve: (m: From) => void }[] = [];
  onProgress: (connected: number) => void = () => undefined;

  /** `label` names the process in error messages ("load generator 0"). */
  constructor(
    children: ChildProcesses,
    readonly label: string,
    script: string,
  ) {
    this.child = children.track(
      fork(script, [], {
        cwd: ROOT,
        execArgv: ["--import", "tsx"],
        serialization: "advanced",
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      }),
    );
    this.child.on("message", (message: Reply) => {
      if (message.type === "progress") return this.onProgress((message as { connected: number }).connected);
      if (message.type === "fatal")
        return void children.abort(1, `${label} failed: ${(message as { message: string }).message}`);
      const at = this.waiting.findIndex((w) => w.type === message.type);
      if (at >= 0) this.waiting.splice(at, 1)[0]!.resolve(message as From);
    });
    this.child.once("exit", (code) => {
      if (!children.stopping) void children.abort(1, `${label} exited (${code}) during the run`);
    });
  }

  request<T extends From>(message: To, answer: T["type"], timeoutMs: number): Promise<T> {
    const reply = new Promise<T>((resolve) =>
      this.waiting.push({ type: answer, resolve: resolve as (m: From) => void }),
    );
    this.child.send(message);
    return withTimeout(reply, timeoutMs, `${this.label} (${message.type})`);
  }
}
