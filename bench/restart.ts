/**
 * `npm run bench:restart`: how fast the server comes back after a SIGKILL.
 *  1. start time: `npm start`'s command (`node --enable-source-maps server/start.cjs`, the
 *     bundle made at install) spawned N times (default 10) on one
 *     DATA_DIR, from spawn to its "running" line (listening) and to `/ready` answering 200;
 *     beside it, `node --import tsx` on an empty file (tsx's own share) and plain `node`.
 *  2. resume: C citizens (default 500) walk a few turns, the server is killed with SIGKILL and
 *     restarted, and all of them reconnect at once with their token and a lastSeq a few
 *     messages back (what a widget that missed the last replies sends); a share of them also
 *     send a new message as soon as their replay is in. Resume latency is connect → the
 *     `conversation:state` that follows the replay (everything missed has arrived).
 * Options: --starts N --citizens C --turns T (before the kill) --missed M (messages replayed)
 * --senders F (share sending at once) --cpu-prof DIR (the restarted server's CPU profile).
 * Only 127.0.0.1 is contacted; the server is always stopped.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { io } from "socket.io-client";
import type { SendAck } from "../server/channels/web/protocol";
import { type CitizenInput, crashWalks } from "../test/crash/crashCitizen";
import { exitOf, kill9 } from "../test/support/childServer";
import type { ChatClient } from "../test/support/testServer";
import { numberOption } from "./chat/numberOption";
import { RAISED_LIMIT, serverRevision } from "./chat/serverProcess";
import { ms, percentile } from "./chat/stats";

const { values: args } = parseArgs({
  options: {
    starts: { type: "string", default: "10" },
    citizens: { type: "string", default: "500" },
    turns: { type: "string", default: "6" },
    missed: { type: "string", default: "4" },
    senders: { type: "string", default: "0.3" },
    "cpu-prof": { type: "string" },
  },
  strict: true,
});
const option = (name: keyof typeof args, min = 0) => numberOption("bench:restart", name, args[name] as string, min);
const ROOT = path.resolve(__dirname, "..");
const sorted = (values: number[]) => Float64Array.from(values).sort();

interface Started {
  child: ChildProcess;
  url: string;
  listeningMs: number;
  readyMs: number;
}

/** Spawns the server and times it: to the line with its address, and to `/ready` answering 200. */
async function startServer(dataDir: string, cpuProf: string | null = null): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [...(cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${cpuProf}`] : []), "--enable-source-maps", "server/start.cjs"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        RATE_LIMIT_CONVERSATION_PER_MINUTE: RAISED_LIMIT,
        RATE_LIMIT_IP_PER_MINUTE: RAISED_LIMIT,
        CHAT_CONNECTIONS_PER_ADDRESS: RAISED_LIMIT,
        CHAT_EVENTS_PER_SECOND: RAISED_LIMIT,
        CHAT_EVENTS_BURST: RAISED_LIMIT,
        WORKING_HOURS: "mon-sun 00:00-24:00",
        HOLIDAYS: "",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const { url, listeningMs } = await new Promise<{ url: string; listeningMs: number }>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const port = /localhost:(\d+)/.exec(out)?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}`, listeningMs: performance.now() - t0 });
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
  for (;;) {
    const res = await fetch(`${url}/ready`).catch(() => null);
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 2));
  }
  return { child, url, listeningMs, readyMs: performance.now() - t0 };
}

/** Spawn to exit of a process that does nothing: what loading node (and tsx) alone costs. */
function emptyRun(args: string[], file: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...args, file], { cwd: ROOT, stdio: "ignore" });
  return new Promise((resolve) => child.once("exit", () => resolve(performance.now() - t0)));
}

function line(label: string, values: number[]): string {
  const s = sorted(values);
  return `${label}: median ${ms(percentile(s, 50))}, max ${ms(s[s.length - 1]!)} (${values.length} runs)`;
}

async function measureStarts(dataDir: string, starts: number): Promise<void> {
  const listening: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < starts; i++) {
    const started = await startServer(dataDir);
    listening.push(started.listeningMs);
    ready.push(started.readyMs);
    await kill9(started.child);
  }
  const empty = path.join(mkdtempSync(path.join(tmpdir(), "khai-ho-empty-")), "empty.ts");
  writeFileSync(empty, "export {};\n");
  writeFileSync(empty.replace(/\.ts$/, ".mjs"), "export {};\n");
  const tsxOnly: number[] = [];
  const nodeOnly: number[] = [];
  for (let i = 0; i < starts; i++) {
    tsxOnly.push(await emptyRun(["--import", "tsx"], empty));
    nodeOnly.push(await emptyRun([], empty.replace(/\.ts$/, ".mjs")));
  }
  rmSync(path.dirname(empty), { recursive: true, force: true });
  process.stdout.write(`${line("start, spawn → listening", listening)}\n${line("start, spawn → /ready 200", ready)}\n`);
  process.stdout.write(
    `${line("node --import tsx, empty file, spawn → exit", tsxOnly)}\n` +
      `${line("plain node, empty file, spawn → exit", nodeOnly)}\n`,
  );
}

interface BenchCitizen {
  token: string;
  lastSeq: number;
  next: CitizenInput | null;
}

/** Connects and walks `turns` messages of a procedure, one after the other; resolves with what a resume needs. */
async function walk(url: string, script: readonly CitizenInput[], turns: number, index: number): Promise<BenchCitizen> {
  const socket: ChatClient = io(`${url}/chat`, {
    auth: { unit: "an-thanh", locale: "vi" },
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    timeout: 30_000,
  });
  let token = "";
  let lastSeq = 0;
  let state = false;
  socket.on("session:ready", (s) => (token = s.token));
  socket.on("message:new", (m) => (lastSeq = Math.max(lastSeq, m.seq)));
  socket.on("conversation:state", () => (state = true));
  while (!state) await new Promise((r) => setTimeout(r, 10));
  await socket.timeout(30_000).emitWithAck("conversation:open", { locale: "vi" });
  for (let i = 0; i < turns && i < script.length; i++) {
    const ack: SendAck = await socket
      .timeout(30_000)
      .emitWithAck("message:send", { clientMessageId: `b-${index}-${i}`, ...script[i]! });
    if (!ack.ok) throw new Error(`walk refused: ${ack.error.code}`);
    while (lastSeq <= ack.seq) await new Promise((r) => setTimeout(r, 10));
  }
  socket.disconnect();
  return { token, lastSeq, next: script[turns] ?? null };
}

async function measureResume(
  dataDir: string,
  citizens: number,
  turns: number,
  missed: number,
  senders: number,
  cpuProf: string | null,
): Promise<void> {
  let server = await startServer(dataDir);
  const walks = crashWalks("an-thanh");
  const walked: BenchCitizen[] = [];
  for (let i = 0; i < citizens; i += 50)
    walked.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, citizens - i) }, (_, k) =>
          walk(server.url, walks[(i + k) % walks.length]!, turns, i + k),
        ),
      )),
    );
  await kill9(server.child);
  server = await startServer(dataDir, cpuProf);
  process.stdout.write(
    `resume: ${citizens} citizens walked ${turns} turns, killed (SIGKILL), restarted; all reconnect at once, each ` +
      `${missed} messages back, ${Math.round(senders * 100)}% send a new message once replayed\n`,
  );

  const resumeMs: number[] = [];
  const sendMs: number[] = [];
  const replayed: number[] = [];
  let failures = 0;
  const t0 = performance.now();
  await Promise.all(
    walked.map(
      (c, i) =>
        new Promise<void>((resolve) => {
          const started = performance.now();
          const socket: ChatClient = io(`${server.url}/chat`, {
            auth: { token: c.token, lastSeq: Math.max(0, c.lastSeq - missed) },
            transports: ["websocket"],
            reconnection: false,
            forceNew: true,
            timeout: 30_000,
          });
          let got = 0;
          socket.on("message:new", () => (got += 1));
          socket.once("conversation:state", async () => {
            resumeMs.push(performance.now() - started);
            replayed.push(got);
            if (c.next && i < walked.length * senders) {
              const sent = performance.now();
              const ack: SendAck | null = await socket
                .timeout(30_000)
                .emitWithAck("message:send", { clientMessageId: `b-new-${i}`, ...c.next })
                .catch(() => null);
              if (ack?.ok) sendMs.push(performance.now() - sent);
              else failures += 1;
            }
            socket.disconnect();
            resolve();
          });
          socket.once("connect_error", () => {
            failures += 1;
            resolve();
          });
        }),
    ),
  );
  const burst = performance.now() - t0;
  if (cpuProf) {
    // A CPU profile is written when the process exits on its own, not under SIGKILL.
    const exited = exitOf(server.child);
    server.child.kill("SIGTERM");
    await exited;
  } else {
    await kill9(server.child);
  }
  const s = sorted(resumeMs);
  const n = sorted(sendMs);
  process.stdout.write(
    `resume latency (connect → replay done): p50 ${ms(percentile(s, 50))}, p99 ${ms(percentile(s, 99))}, max ` +
      `${ms(s[s.length - 1]!)} over ${resumeMs.length} citizens; ${replayed.reduce((a, b) => a + b, 0)} messages ` +
      `replayed\n` +
      (`new messages during the burst (emit → ack): p50 ${ms(percentile(n, 50))}, p99 ${ms(percentile(n, 99))}, ` +
        `max ${ms(n[n.length - 1] ?? Number.NaN)} over ${sendMs.length}; failures ${failures}; whole burst ` +
        `${ms(burst)}\n`),
  );
}

async function main(): Promise<void> {
  process.stdout.write(
    `node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores; ${serverRevision()}\n`,
  );
  const dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-bench-"));
  try {
    await measureStarts(dataDir, option("starts", 1));
    await measureResume(
      dataDir,
      option("citizens", 1),
      option("turns", 1),
      option("missed"),
      Number(args.senders),
      args["cpu-prof"] ?? null,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:restart failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
