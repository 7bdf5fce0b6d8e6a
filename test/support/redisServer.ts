import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { exitOf } from "./childServer";

export const REDIS_SERVER = "/usr/bin/redis-server";

export interface RedisServer {
  child: ChildProcess;
  port: number;
  url: string;
  /** Stops it (SIGTERM, nothing saved), resolved once it has exited. */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1, as the system hands one out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A real Redis on a loopback port, kept in memory only (no snapshot, no append-only file), for
 * the tests and benchmarks that run several nodes. Resolves once it accepts connections.
 */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  const chosen = port ?? (await freePort());
  const child = spawn(
    REDIS_SERVER,
    ["--port", String(chosen), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("Ready to accept connections")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
  });
  child.removeAllListeners("exit");
  return {
    child,
    port: chosen,
    url: `redis://127.0.0.1:${chosen}`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = exitOf(child);
      child.kill("SIGTERM");
      await exited;
    },
  };
}
