import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type ChildServer, exitOf, kill9, startChildServer } from "./childServer";
import { freePort, type RedisServer, startRedisServer } from "./redisServer";

const ROOT = path.resolve(__dirname, "../..");
const NGINX_DIR = path.join(ROOT, "deploy/nginx");
export const NGINX = "/usr/sbin/nginx";

/** One Khai Hộ node of the cluster: its name (NODE_ID), port and process. */
export interface ClusterNode {
  id: string;
  port: number;
  url: string;
  server: ChildServer | null;
}

export interface Cluster {
  redis: RedisServer;
  nodes: ClusterNode[];
  /** The proxy in front, as citizens and clerks reach Khai Hộ. */
  url: string;
  dataDir: string;
  /** SIGKILL of one node. */
  kill(index: number): Promise<void>;
  /** SIGTERM of one node (a rolling restart's stop), resolved once it has exited, with its exit code. */
  stopGracefully(index: number): Promise<number | null>;
  /** Starts a stopped node again, on its own port. */
  restart(index: number): Promise<void>;
  /** Stops Redis (the nodes lose each other), then starts it again on the same port. */
  stopRedis(): Promise<void>;
  startRedis(): Promise<void>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  nodes: number;
  /** Settings of every node, over the cluster's own. */
  env?: Record<string, string>;
  /** Run on the store's DATA_DIR before any node starts (accounts made with the CLI, as an administrator would). */
  beforeNodes?: (storeDir: string) => Promise<void>;
}

/**
 * The shipped nginx files (deploy/nginx) with the example nodes' addresses replaced by these nodes'
 * ports on 127.0.0.1, in order: 10.0.0.11:3000 is the first node, 10.0.0.12:3000 the second… The
 * nodes the test does not run go, as an administrator with fewer nodes would remove them: their
 * lines in the shared upstream and the map, and their own upstream.
 */
function nodesConf(ports: readonly number[]): string {
  let text = readFileSync(path.join(NGINX_DIR, "khai-ho-nodes.conf"), "utf8");
  for (let n = ports.length + 1; n <= 9; n++) {
    text = text.replace(new RegExp(`upstream khaiho_n${n} \\{[^}]*\\}\\n?`), "");
    text = text.replace(new RegExp(`^\\s*~\\^n${n}-.*\\n`, "m"), "");
  }
  ports.forEach((port, i) => {
    text = text.replaceAll(`10.0.0.${11 + i}:3000`, `127.0.0.1:${port}`);
  });
  return text
    .split("\n")
    .filter((line) => !/10\.0\.0\.\d+:3000/.test(line))
    .join("\n");
}

/**
 * A whole nginx.conf around the shipped files: the test's listening port, files in `dir`. Each proxied
 * connection holds two of the worker's connections (the client's and the node's).
 */
function nginxConf(dir: string, listenPort: number, workerConnections = 4096): string {
  return [
    // As root nginx's workers would run as nobody, which may not read the test's folder.
    ...(process.getuid?.() === 0 ? ["user root;"] : []),
    "worker_processes 1;",
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    `events { worker_connections ${workerConnections}; }`,
    "http {",
    `  access_log off;`,
    `  client_body_temp_path ${dir}/body;`,
    `  proxy_temp_path ${dir}/proxy;`,
    `  fastcgi_temp_path ${dir}/fastcgi;`,
    `  uwsgi_temp_path ${dir}/uwsgi;`,
    `  scgi_temp_path ${dir}/scgi;`,
    `  include ${dir}/khai-ho-nodes.conf;`,
    "  server {",
    `    listen 127.0.0.1:${listenPort};`,
    `    location / { include ${NGINX_DIR}/khai-ho-proxy.conf; }`,
    "  }",
    "}",
  ].join("\n");
}

export interface NginxOptions {
  /** nginx's worker_connections: two per proxied client. Default 4,096. */
  workerConnections?: number;
  /** Told of the nginx process as soon as it is spawned, so that the caller can stop it whatever happens. */
  onSpawn?: (child: ChildProcess) => void;
}

/**
 * nginx with the shipped configuration in front of the nodes listening on `ports` of 127.0.0.1, its files
 * in `dir`; resolves once it answers /health on its own free port.
 */
export async function startNginx(
  dir: string,
  ports: readonly number[],
  options: NginxOptions = {},
): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  writeFileSync(path.join(dir, "khai-ho-nodes.conf"), nodesConf(ports));
  writeFileSync(path.join(dir, "nginx.conf"), nginxConf(dir, port, options.workerConnections));
  const child = spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  options.onSpawn?.(child);
  let errors = "";
  child.stderr!.on("data", (d: Buffer) => (errors += d.toString()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${errors}`);
    const answered = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (answered === 200) return { child, port };
    if (Date.now() > deadline) throw new Error(`nginx did not answer: ${errors}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The settings of node `id` of a cluster: its own port, the shared store and Redis, the proxy's
 * X-Forwarded-For trusted, no daily report (a test or benchmark asks for none).
 */
export function clusterNodeSettings(
  id: string,
  port: number,
  storeDir: string,
  redisUrl: string,
): Record<string, string> {
  return {
    PORT: String(port),
    DATA_DIR: storeDir,
    REDIS_URL: redisUrl,
    NODE_ID: id,
    TRUST_PROXY: "true",
    REPORT_CRON: "off",
  };
}

/**
 * Several Khai Hộ processes (`npm start`) on one SQLite file (WAL lets several processes of one
 * host share it; in production the nodes share MongoDB), a real Redis between them and the shipped
 * nginx configuration in front. Nodes start one after the other, so that only the first creates
 * the store and the first administrator.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "khaiho-cluster-"));
  const nginxDir = path.join(dataDir, "nginx");
  mkdirSync(nginxDir);
  const redis = await startRedisServer();
  const nodes: ClusterNode[] = [];
  try {
    return await startAround(redis, nodes, dataDir, nginxDir, options);
  } catch (error) {
    await Promise.all(nodes.map((node) => (node.server ? kill9(node.server.child) : undefined)));
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function startAround(
  redis: RedisServer,
  nodes: ClusterNode[],
  dataDir: string,
  nginxDir: string,
  options: ClusterOptions,
): Promise<Cluster> {
  await options.beforeNodes?.(path.join(dataDir, "store"));
  const env = (id: string, port: number) => ({
    ...clusterNodeSettings(id, port, path.join(dataDir, "store"), redis.url),
    ...options.env,
  });
  for (let i = 0; i < options.nodes; i++) {
    const id = `n${i + 1}`;
    const port = await freePort();
    const server = await startChildServer(env(id, port));
    nodes.push({ id, port, url: server.url, server });
  }
  const nginx = await startNginx(
    nginxDir,
    nodes.map((n) => n.port),
  );
  const cluster: Cluster = {
    redis,
    nodes,
    url: `http://127.0.0.1:${nginx.port}`,
    dataDir,
    async kill(index) {
      const node = nodes[index]!;
      if (node.server) await kill9(node.server.child);
      node.server = null;
    },
    async stopGracefully(index) {
      const node = nodes[index]!;
      if (!node.server) return null;
      const exited = exitOf(node.server.child);
      node.server.child.kill("SIGTERM");
      node.server = null;
      return exited;
    },
    async stopRedis() {
      await cluster.redis.stop();
    },
    async startRedis() {
      cluster.redis = await startRedisServer(cluster.redis.port);
    },
    async restart(index) {
      const node = nodes[index]!;
      node.server = await startChildServer(env(node.id, node.port));
    },
    async stop() {
      const exited = exitOf(nginx.child);
      nginx.child.kill("SIGQUIT");
      await exited;
      await Promise.all(nodes.map((_, i) => cluster.kill(i)));
      await cluster.redis.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return cluster;
}

/** Nodes started by the caller (`startNode`) between a real Redis and nginx, as `startCluster` runs them. */
export interface NodesBehindNginx<N> {
  redis: RedisServer;
  nodes: N[];
  nginx: ChildProcess;
  /** The proxy in front. */
  url: string;
}

export interface NodesBehindNginxOptions<N> {
  nodes: number;
  /** The nodes' shared store (their DATA_DIR); nginx's files go in `nginxDir`, which must exist. */
  storeDir: string;
  nginxDir: string;
  /** Starts one node with these settings (`clusterNodeSettings`, its port included); resolves once it listens. */
  startNode: (settings: Record<string, string>) => Promise<N>;
  workerConnections?: number;
  /** Told of Redis and nginx as they start: stopping every process, also on failure, is the caller's. */
  onProcess?: (child: ChildProcess) => void;
}

/**
 * The parts of `startCluster` for a caller that starts its own node processes (a benchmark starts
 * them with its probe): a real Redis, `nodes` nodes one after the other (the first creates the
 * store), the shipped nginx configuration in front.
 */
export async function startNodesBehindNginx<N>(options: NodesBehindNginxOptions<N>): Promise<NodesBehindNginx<N>> {
  const redis = await startRedisServer();
  options.onProcess?.(redis.child);
  const nodes: N[] = [];
  const ports: number[] = [];
  for (let i = 0; i < options.nodes; i++) {
    const port = await freePort();
    ports.push(port);
    nodes.push(await options.startNode(clusterNodeSettings(`n${i + 1}`, port, options.storeDir, redis.url)));
  }
  const nginx = await startNginx(options.nginxDir, ports, {
    workerConnections: options.workerConnections,
    onSpawn: options.onProcess,
  });
  return { redis, nodes, nginx: nginx.child, url: `http://127.0.0.1:${nginx.port}` };
}
