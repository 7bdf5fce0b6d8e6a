/**
 * The set-ups `npm run bench:chat -- --nodes N` compares, each started just before it is measured
 * and stopped after it: one Khai Hộ node alone (today's server, clients straight to it), and K nodes
 * with Redis behind nginx as test/support/cluster.ts runs them (a real redis-server, the shipped
 * nginx files, the nodes on one SQLite DATA_DIR), each node started with the benchmark's probe.
 */
import type { ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { startNodesBehindNginx } from "../../test/support/cluster";
import { type ChildProcesses, stopProcess } from "./childProcesses";
import type { LoadTarget } from "./loadGenerators";
import { newDataDir, type ServerProcess, startKhaiHo } from "./serverProcess";

export type Role = "node" | "Redis" | "nginx";

export interface SetupProcess {
  role: Role;
  name: string;
  child: ChildProcess;
  /** A Khai Hộ node, whose probe reports its event loop; null for Redis and nginx. */
  server: ServerProcess | null;
}

export interface Setup {
  /** "(a)", "(b)"… */
  key: string;
  /** What it is, in the output and the table: "1 node alone, direct, no Redis". */
  label: string;
  /** Where the load generators connect: the node itself, or nginx. */
  target: LoadTarget;
  processes: SetupProcess[];
  /** Stops its processes (nginx first, Redis last) and removes its store. */
  stop(): Promise<void>;
}

export async function startNodeAlone(children: ChildProcesses, key: string): Promise<Setup> {
  const dataDir = newDataDir(children);
  const server = await startKhaiHo(children, { dataDir, cpuProfDir: null });
  const label = "1 node alone, direct, no Redis";
  return {
    key,
    label,
    target: { name: `${key} ${label}`, url: server.url },
    processes: [{ role: "node", name: "node", child: server.child, server }],
    async stop() {
      await stopProcess(server.child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface BehindNginxOptions {
  nodes: number;
  /** nginx's worker_connections: two per client connected at once. */
  workerConnections: number;
}

/** `nodes` nodes with REDIS_URL and NODE_ID set (the Redis adapter and the shared limits on), behind nginx. */
export async function startNodesBehindProxy(
  children: ChildProcesses,
  key: string,
  options: BehindNginxOptions,
): Promise<Setup> {
  const dataDir = newDataDir(children);
  const nginxDir = path.join(dataDir, "nginx");
  mkdirSync(nginxDir);
  const started = await startNodesBehindNginx<ServerProcess>({
    nodes: options.nodes,
    storeDir: path.join(dataDir, "store"),
    nginxDir,
    workerConnections: options.workerConnections,
    onProcess: (child) => children.track(child),
    startNode: async (settings) => {
      const server = await startKhaiHo(children, { dataDir: settings.DATA_DIR!, cpuProfDir: null, env: settings });
      return { ...server, name: `node ${settings.NODE_ID}` };
    },
  });
  const label = `${options.nodes} node${options.nodes > 1 ? "s" : ""} + Redis, behind nginx`;
  const nodes = started.nodes.map((server): SetupProcess => ({
    role: "node",
    name: server.name,
    child: server.child,
    server,
  }));
  return {
    key,
    label,
    target: { name: `${key} ${label}`, url: started.url },
    processes: [
      ...nodes,
      { role: "Redis", name: "Redis", child: started.redis.child, server: null },
      { role: "nginx", name: "nginx", child: started.nginx, server: null },
    ],
    async stop() {
      await stopProcess(started.nginx);
      await Promise.all(nodes.map((node) => stopProcess(node.child)));
      await stopProcess(started.redis.child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
