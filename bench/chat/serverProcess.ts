/**
 * A benchmarked server in its own process: the Khai Hộ server (`node --import tsx
 * server/main.ts`) or the echo baseline, with `serverProbe.ts` preloaded so that the benchmark
 * can ask it for memory, event-loop and GC figures over IPC.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type ChildProcesses, SetupError, withTimeout } from "./childProcesses";
import type { FromProbe, ToProbe } from "./ipc";

const ROOT = path.resolve(__dirname, "../..");
const PROBE = path.join(__dirname, "serverProbe.ts");
const ECHO = path.join(__dirname, "echoServer.ts");
/** The rate limits the benchmarks' server runs with: every client comes from 127.0.0.1. */
export const RAISED_LIMIT = "100000000";

export interface ServerProcess {
  name: string;
  child: ChildProcess;
  port: number;
  url: string;
}

/** Starts a server process and waits for the line that gives its port. */
function startServer(
  children: ChildProcesses,
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<ServerProcess> {
  const child = children.track(
    spawn(process.execPath, args, {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      serialization: "advanced",
    }),
  );
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
  });
  return withTimeout(
    new Promise<ServerProcess>((resolve, reject) => {
      let stdout = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = ready.exec(stdout);
        if (match) resolve({ name, child, port: Number(match[1]), url: `http://127.0.0.1:${match[1]}` });
      });
      child.once("exit", (code, signal) =>
        reject(new SetupError(`${name} exited (${code ?? signal}) before it was ready:\n${stderr.trim()}`)),
      );
    }),
    90_000,
    `${name} start`,
  );
}

/** A fresh, empty DATA_DIR under the system's temp folder, removed when the benchmark stops. */
export function newDataDir(children: ChildProcesses): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-bench-"));
  children.removeOnStop(dataDir);
  return dataDir;
}

export interface KhaiHoOptions {
  dataDir: string;
  /** Where to write the server's CPU profile (`--cpu-prof`), or null. */
  cpuProfDir: string | null;
  /** Settings on top of the benchmark's own (port 0, 127.0.0.1, SQLite, raised rate limits). */
  env?: Readonly<Record<string, string>>;
}

export function startKhaiHo(children: ChildProcesses, options: KhaiHoOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: options.dataDir,
    LOG_LEVEL: "warn",
    RATE_LIMIT_CONVERSATION_PER_MINUTE: RAISED_LIMIT,
    RATE_LIMIT_IP_PER_MINUTE: RAISED_LIMIT,
    CHAT_CONNECTIONS_PER_ADDRESS: RAISED_LIMIT,
    CHAT_EVENTS_PER_SECOND: RAISED_LIMIT,
    CHAT_EVENTS_BURST: RAISED_LIMIT,
  };
  // One node on its own unless the caller says otherwise (--nodes sets REDIS_URL and NODE_ID per node).
  for (const key of [
    "MONGODB_URI",
    "PUBLIC_URL",
    "ALLOWED_ORIGINS",
    "TRUST_PROXY",
    "CONNECTION_RECOVERY_MS",
    "REDIS_URL",
    "NODE_ID",
  ])
    delete env[key];
  Object.assign(env, options.env);
  const profile = options.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  return startServer(
    children,
    "Khai Hộ server",
    [...profile, "--expose-gc", "--import", "tsx", "--import", PROBE, "server/main.ts"],
    env,
    /open http:\/\/localhost:(\d+)\//,
  );
}

export function startEcho(children: ChildProcesses): Promise<ServerProcess> {
  return startServer(
    children,
    "echo server",
    ["--expose-gc", "--import", "tsx", "--import", PROBE, ECHO],
    { ...process.env, PORT: "0" },
    /listening on http:\/\/127\.0\.0\.1:(\d+)/,
  );
}

let probeIds = 0;
type ProbeRequest = { type: "memory"; gc: boolean } | { type: "window"; action: "start" | "end" };
export function askProbe(server: ServerProcess, message: ProbeRequest): Promise<FromProbe> {
  const id = ++probeIds;
  return withTimeout(
    new Promise<FromProbe>((resolve) => {
      const listen = (reply: FromProbe) => {
        if (reply.id !== id) return;
        server.child.off("message", listen);
        resolve(reply);
      };
      server.child.on("message", listen);
      server.child.send({ ...message, id } as ToProbe);
    }),
    30_000,
    `${server.name} probe`,
  );
}

export interface Memory {
  /** VmRSS of /proc/<pid>/status. */
  rss: number;
  /** process.memoryUsage() in the server, after a full GC. */
  heapUsed: number;
  external: number;
}

export async function memoryOf(server: ServerProcess): Promise<Memory> {
  // Two full GCs a moment apart, so that what the first freed is returned before RSS is read.
  await askProbe(server, { type: "memory", gc: true });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const reply = await askProbe(server, { type: "memory", gc: true });
  const status = readFileSync(`/proc/${server.child.pid}/status`, "utf8");
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) * 1024;
  const usage = reply.type === "memory" ? reply.usage : null;
  return {
    rss,
    heapUsed: usage?.heapUsed ?? Number.NaN,
    external: (usage?.external ?? Number.NaN) + (usage?.arrayBuffers ?? 0),
  };
}

/** Which server code is measured: the commit, and whether server/, flows/ or widget/ differ from it. */
export function serverRevision(): string {
  try {
    const git = (...a: string[]) =>
      execFileSync("git", a, { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] })
        .toString()
        .trim();
    const commit = git("rev-parse", "--short", "HEAD");
    const changed = git("status", "--porcelain", "--", "server", "flows", "widget").split("\n").filter(Boolean).length;
    return changed
      ? `commit ${commit} with ${changed} uncommitted changes in server/, flows/, widget/`
      : `commit ${commit}, server/, flows/, widget/ as committed`;
  } catch {
    return "not a git checkout";
  }
}
