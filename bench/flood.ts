/**
 * `npm run bench:flood`: the chat's limits under three floods, one after another, while 20
 * ordinary citizens walk procedures at a person's pace. Every part is its own process:
 *  - the Khai Hộ server (`node --import tsx server/main.ts`, port 0, a fresh SQLite DATA_DIR, the
 *    default limits of server/config.ts), with `bench/chat/serverProbe.ts` preloaded for its memory;
 *  - each flood (this file again, `--worker`), so that the flood's own work does not slow the
 *    ordinary citizens' clients, which run in this process, each from its own address 127.0.0.20….
 * Phases: a quiet baseline (the 20 citizens alone), then
 *  1. sender: one client from 127.0.0.11 sending as fast as it can (at most 1,000 unanswered),
 *     opening a new conversation each time it is cut off;
 *  2. connections: 500 sockets opened at once from 127.0.0.12 and held;
 *  3. storm: 1,000 widget-like clients over 10 addresses (127.0.0.100–109) connect over 5 s and
 *     each has a message acknowledged; then all are dropped at once and reconnect as the widget does
 *     (Socket.IO's backoff, and the widget's jittered retry after a refused handshake), resuming with
 *     lastSeq 0. The citizens' latency is told apart for the connecting and for the storm itself.
 * For each: what the limits did, the citizens' reply latency against the baseline, and the server's
 * RSS and heap before (after a full GC), at peak (sampled every 500 ms, no GC) and 30 s after.
 * Options: --citizens N --baseline S --flood S --after S --senders-in-flight N --connections N
 * --storm N --storm-addresses K. Only 127.0.0.x is contacted; every phase has a time limit;
 * children are always stopped.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { io, type Socket } from "socket.io-client";
import type { ChatMessage, SendAck } from "../server/channels/web/protocol";
import { ChildProcesses } from "./chat/childProcesses";
import { type ChatSocket } from "./chat/citizenConnections";
import { citizenScripts, type CitizenScript } from "./chat/citizenScripts";
import { numberOption } from "./chat/numberOption";
import { askProbe, memoryOf, type Memory, newDataDir, serverRevision, startKhaiHo } from "./chat/serverProcess";
import { concat, count, latencyLine, mib, ms, Samples, summarize, type Summary } from "./chat/stats";

const NAME = "bench:flood";
/** The ordinary citizens' reply target, as in bench:chat (human pace, p99). */
const P99_TARGET_MS = 100;
/**
 * A citizen's pause before each answer: under the conversation's own budget (30 typed messages a
 * minute), as people are; faster, the citizens themselves would be refused.
 */
const THINK_MS = 2_500;
const REPLY_TIMEOUT_MS = 10_000;
/**
 * Each ordinary citizen has an address of their own (127.0.0.20…): at one answer a second, twenty
 * behind one address would send 1,200 messages a minute, past RATE_LIMIT_IP_PER_MINUTE (600) by
 * themselves; people answering every 5 s or more, as bench:chat's human pace, stay under it.
 */
const citizenAddress = (i: number) => `127.0.0.${20 + i}`;
const SENDER_ADDRESS = "127.0.0.11";
const CONNECTIONS_ADDRESS = "127.0.0.12";
const stormAddress = (i: number, addresses: number) => `127.0.0.${100 + (i % addresses)}`;
/** As the widget does after a handshake refused for a while (widget/src/chatConnection.ts). */
const PASSING_REFUSALS = new Set(["CHAT_RATE_LIMITED", "CHAT_TOO_MANY_CONNECTIONS", "CHAT_UNAVAILABLE"]);

const { values: args } = parseArgs({
  options: {
    worker: { type: "string" },
    citizens: { type: "string", default: "20" },
    baseline: { type: "string", default: "30" },
    flood: { type: "string", default: "30" },
    after: { type: "string", default: "30" },
    "senders-in-flight": { type: "string", default: "1000" },
    connections: { type: "string", default: "500" },
    storm: { type: "string", default: "1000" },
    "storm-addresses": { type: "string", default: "10" },
  },
  strict: true,
});
const positive = (name: string, value: string | undefined, min = 1) => numberOption(NAME, name, value, min);

// ---------------------------------------------------------------------------------------------
// Floods (worker processes)

type FloodSpec =
  | { kind: "sender"; url: string; durationMs: number; inFlight: number }
  | { kind: "connections"; url: string; durationMs: number; count: number }
  | { kind: "storm"; url: string; durationMs: number; count: number; addresses: number };

type Counts = Record<string, number>;
const add = (counts: Counts, key: string, n = 1) => (counts[key] = (counts[key] ?? 0) + n);

interface FloodReport {
  lines: string[];
  counts: Counts;
}

function chatSocket(url: string, localAddress: string, auth: () => object, reconnection = false): Socket {
  return io(`${url}/chat`, {
    transports: ["websocket"],
    forceNew: true,
    reconnection,
    auth: (cb: (a: object) => void) => cb(auth()),
    localAddress,
  } as Parameters<typeof io>[1]);
}

const codeOf = (error: Error & { data?: { code?: string } }) => error.data?.code ?? error.message;

/** One client sending as fast as it can; cut off, it opens a new conversation and goes on. */
async function senderFlood(spec: Extract<FloodSpec, { kind: "sender" }>): Promise<FloodReport> {
  const counts: Counts = {};
  const ends = performance.now() + spec.durationMs;
  while (performance.now() < ends) {
    const socket = chatSocket(spec.url, SENDER_ADDRESS, () => ({ unit: "an-thanh" }));
    add(counts, "connections tried");
    await new Promise<void>((resolve) => {
      let inFlight = 0;
      let sent = 0;
      const blast = () => {
        if (!socket.connected || performance.now() >= ends) return;
        while (inFlight < spec.inFlight) {
          inFlight += 1;
          sent += 1;
          add(counts, "messages sent");
          socket
            .timeout(REPLY_TIMEOUT_MS)
            .emitWithAck("message:send", { clientMessageId: `s${sent}`, text: "xin chào" })
            .then(
              (ack: SendAck) => add(counts, ack.ok ? "accepted" : `refused ${ack.error.code}`),
              () => add(counts, "never answered (connection cut)"),
            )
            .finally(() => (inFlight -= 1));
        }
        setImmediate(blast);
      };
      socket.once("session:ready", blast);
      socket.once("connect_error", (error) => {
        add(counts, `handshake refused ${codeOf(error)}`);
        // A refused script waits a little before trying again, as any client would.
        setTimeout(resolve, 250);
      });
      socket.once("disconnect", (reason) => {
        add(counts, reason === "io server disconnect" ? "cut off by the server" : `disconnect ${reason}`);
        resolve();
      });
      setTimeout(resolve, Math.max(0, ends - performance.now()));
    });
    socket.disconnect();
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  return { counts, lines: [] };
}

/** `count` sockets opened at once from one address, held for the flood's duration. */
async function connectionsFlood(spec: Extract<FloodSpec, { kind: "connections" }>): Promise<FloodReport> {
  const counts: Counts = {};
  const sockets: Socket[] = [];
  const outcomes = await Promise.all(
    Array.from({ length: spec.count }, () => {
      const socket = chatSocket(spec.url, CONNECTIONS_ADDRESS, () => ({ unit: "an-thanh" }));
      sockets.push(socket);
      return new Promise<string>((resolve) => {
        socket.once("session:ready", () => resolve("open"));
        socket.once("connect_error", (error) => resolve(`refused ${codeOf(error)}`));
        setTimeout(() => resolve("no answer in 20 s"), 20_000);
      });
    }),
  );
  outcomes.forEach((outcome) => add(counts, outcome));
  await new Promise((resolve) => setTimeout(resolve, spec.durationMs));
  add(counts, "still open at the end", sockets.filter((s) => s.connected).length);
  sockets.forEach((s) => s.disconnect());
  return { counts, lines: [] };
}

interface StormClient {
  socket: Socket;
  conversationId: string | null;
  token: string | null;
  ackedId: string | null;
  ready: boolean;
  refusals: number;
  replayed: Set<string>;
  backAt: number;
}

/** 1,000 widget-like clients with an acknowledged message each, dropped at once and reconnecting. */
async function stormFlood(spec: Extract<FloodSpec, { kind: "storm" }>): Promise<FloodReport> {
  const counts: Counts = {};
  const clients: StormClient[] = [];
  const connected = Array.from({ length: spec.count }, (_v, i) => {
    const client: StormClient = {
      socket: null as never,
      conversationId: null,
      token: null,
      ackedId: null,
      ready: false,
      refusals: 0,
      replayed: new Set(),
      backAt: 0,
    };
    // Every reconnect asks for the whole transcript: the acknowledged message must be in it.
    client.socket = chatSocket(
      spec.url,
      stormAddress(i, spec.addresses),
      () => ({ unit: "an-thanh", lastSeq: 0, ...(client.token ? { token: client.token } : {}) }),
      true,
    );
    clients.push(client);
    client.socket.on("message:new", (m: ChatMessage) => client.replayed.add(m.id));
    client.socket.on("session:ready", (session: { token: string; conversationId: string }) => {
      if (client.conversationId && client.conversationId !== session.conversationId) add(counts, "new conversation");
      client.conversationId = session.conversationId;
      client.token = session.token;
      client.ready = true;
      client.backAt = performance.now();
    });
    client.socket.on("disconnect", () => (client.ready = false));
    client.socket.on("connect_error", (error) => {
      const code = codeOf(error);
      add(counts, `handshake refused ${code}`);
      if (client.socket.active || !PASSING_REFUSALS.has(code)) return;
      const ceiling = Math.min(30_000, 2_000 * 2 ** client.refusals++);
      setTimeout(() => client.socket.connect(), ceiling / 2 + (Math.random() * ceiling) / 2);
    });
    return new Promise<void>((resolve) => {
      const started = performance.now();
      const wait = () => {
        if (client.ready) {
          client.socket
            .timeout(REPLY_TIMEOUT_MS)
            .emitWithAck("message:send", { clientMessageId: `storm-${i}`, text: "khai sinh" })
            .then((ack: SendAck) => {
              if (ack.ok) client.ackedId = ack.messageId;
              else add(counts, `first message refused ${ack.error.code}`);
            })
            .catch(() => add(counts, "first message unanswered"))
            .finally(resolve);
        } else if (performance.now() - started > 60_000) {
          add(counts, "never connected");
          resolve();
        } else setTimeout(wait, 50);
      };
      // 200 connections a second: the widgets of a city's pages, opened over five seconds.
      setTimeout(wait, (i / 200) * 1000);
    });
  });
  await Promise.all(connected);
  const acked = clients.filter((c) => c.ackedId !== null);
  add(counts, "connected with an acknowledged message", acked.length);
  const before = new Map(clients.map((c) => [c, c.conversationId]));
  // The proxy restarts: every connection drops at once.
  process.send!({ type: "phase", name: "drop" });
  const dropped = performance.now();
  for (const client of clients) {
    client.ready = false;
    client.replayed.clear();
    (client.socket.io as unknown as { engine: { close(): void } }).engine.close();
  }
  const deadline = dropped + Math.max(spec.durationMs, 60_000);
  while (clients.some((c) => !c.ready) && performance.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const back = clients.filter((c) => c.ready);
  const times = concat([Float64Array.from(back.map((c) => c.backAt - dropped))]);
  const lost = acked.filter((c) => c.ready && !c.replayed.has(c.ackedId!)).length;
  add(counts, "back within the limit", back.length);
  add(counts, "acknowledged messages missing from the replay", lost);
  add(counts, "conversation changed", clients.filter((c) => c.ready && before.get(c) !== c.conversationId).length);
  const lines = [`time from the drop to session:ready again ${latencyLine(summarize(times))}`];
  // Held until the flood's time since the drop is over, as citizens would stay, then closed.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, dropped + spec.durationMs - performance.now())));
  clients.forEach((c) => c.socket.disconnect());
  return { counts, lines };
}

async function runWorker(spec: FloodSpec): Promise<void> {
  const report =
    spec.kind === "sender"
      ? await senderFlood(spec)
      : spec.kind === "connections"
        ? await connectionsFlood(spec)
        : await stormFlood(spec);
  process.send!({ type: "report", report });
  setTimeout(() => process.exit(0), 200);
}

// ---------------------------------------------------------------------------------------------
// The ordinary citizens (this process)

class OrdinaryCitizens {
  private samples = new Samples();
  private readonly errors: Counts = {};
  private stopped = false;
  private readonly running: Promise<void>[] = [];
  private readonly scripts: CitizenScript[] = citizenScripts("an-thanh");

  constructor(
    private readonly url: string,
    count: number,
  ) {
    for (let i = 0; i < count; i++) this.running.push(this.walk(i));
  }

  /** The latencies since the last call, and the errors. */
  take(): { reply: Summary; errors: Counts } {
    const reply = summarize(concat([this.samples.take()]));
    const errors = { ...this.errors };
    for (const key of Object.keys(this.errors)) delete this.errors[key];
    return { reply, errors };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.running);
  }

  private async walk(index: number): Promise<void> {
    // Start spread over a second, so that the citizens do not move in step.
    await new Promise((resolve) => setTimeout(resolve, (index * THINK_MS) / 20));
    for (let round = 0; !this.stopped; round++) {
      const script = this.scripts[(index + round) % this.scripts.length]!;
      const socket = chatSocket(this.url, citizenAddress(index), () => ({
        unit: "an-thanh",
        locale: "vi",
      })) as ChatSocket;
      const messages: ChatMessage[] = [];
      socket.on("message:new", (m) => messages.push(m));
      const ready = await new Promise<boolean>((resolve) => {
        socket.once("session:ready", () => resolve(true));
        socket.once("connect_error", (error) => (add(this.errors, `handshake ${codeOf(error)}`), resolve(false)));
        setTimeout(() => resolve(false), REPLY_TIMEOUT_MS);
      });
      if (ready) {
        await socket
          .timeout(REPLY_TIMEOUT_MS)
          .emitWithAck("conversation:open", { locale: "vi" })
          .catch(() => null);
        for (const [i, step] of script.steps.entries()) {
          if (this.stopped || !socket.connected) break;
          await new Promise((resolve) => setTimeout(resolve, THINK_MS));
          const message = "upload" in step ? { choice: "skip" } : step;
          const started = performance.now();
          const ack = await socket
            .timeout(REPLY_TIMEOUT_MS)
            .emitWithAck("message:send", { clientMessageId: `o${index}-${round}-${i}`, ...message })
            .catch(() => null);
          if (!ack || !ack.ok) {
            add(this.errors, ack ? `refused ${ack.error.code}` : "no ack");
            continue;
          }
          const replied = await this.replyAfter(messages, ack.seq);
          if (replied) this.samples.push(performance.now() - started);
          else add(this.errors, "no reply in 10 s");
        }
      }
      socket.disconnect();
      // A refused or silent handshake is tried again after a pause, as a person reloading the page.
      if (!ready) await new Promise((resolve) => setTimeout(resolve, THINK_MS));
    }
  }

  private async replyAfter(messages: ChatMessage[], seq: number): Promise<boolean> {
    const until = performance.now() + REPLY_TIMEOUT_MS;
    while (performance.now() < until) {
      if (messages.some((m) => m.seq > seq && m.author !== "citizen")) return true;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// The run

const children = new ChildProcesses(NAME);

/** The server's RSS and heap every 500 ms, without a GC: the highest of each. */
function samplePeak(server: Parameters<typeof memoryOf>[0]): { stop(): Memory } {
  const peak: Memory = { rss: 0, heapUsed: 0, external: 0 };
  const timer = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${server.child.pid}/status`, "utf8");
      peak.rss = Math.max(peak.rss, Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024);
    } catch {
      // The server is gone: the run fails elsewhere.
    }
    void askProbe(server, { type: "memory", gc: false })
      .then((reply) => {
        if (reply.type === "memory") peak.heapUsed = Math.max(peak.heapUsed, reply.usage.heapUsed);
      })
      .catch(() => undefined);
  }, 500);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

function runFlood(spec: FloodSpec, onPhase: (name: string) => void = () => undefined): Promise<FloodReport> {
  const child = children.track(
    spawn(process.execPath, ["--import", "tsx", __filename, "--worker", JSON.stringify(spec)], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
  );
  return new Promise((resolve, reject) => {
    child.on("message", (message: { type: "phase"; name: string } | { type: "report"; report: FloodReport }) => {
      if (message.type === "phase") onPhase(message.name);
      else resolve(message.report);
    });
    child.once("exit", (code) => reject(new Error(`the ${spec.kind} flood exited (${code}) without a report`)));
  });
}

const describeCounts = (counts: Counts) =>
  Object.entries(counts)
    .map(([key, n]) => `${key}: ${count(n)}`)
    .join("; ") || "none";
const memoryLine = (m: Memory) => `RSS ${mib(m.rss)}, heap ${mib(m.heapUsed)}`;

async function main(): Promise<void> {
  const options = {
    citizens: Math.floor(positive("citizens", args.citizens)),
    baselineMs: positive("baseline", args.baseline) * 1000,
    floodMs: positive("flood", args.flood) * 1000,
    afterMs: positive("after", args.after, 0) * 1000,
    inFlight: Math.floor(positive("senders-in-flight", args["senders-in-flight"])),
    connections: Math.floor(positive("connections", args.connections)),
    storm: Math.floor(positive("storm", args.storm)),
    stormAddresses: Math.min(150, Math.floor(positive("storm-addresses", args["storm-addresses"]))),
  };
  const command = `npm run bench:flood${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  console.log(
    `node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores; ` +
      `${new Date().toISOString()}; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
  );
  console.log(`$ ${command}`);
  console.log(`server code: ${serverRevision()}`);
  const server = await startKhaiHo(children, {
    dataDir: newDataDir(children),
    cpuProfDir: null,
    // The limits as shipped: the floods meet them as a city's server would.
    env: {
      RATE_LIMIT_CONVERSATION_PER_MINUTE: "30",
      RATE_LIMIT_IP_PER_MINUTE: "600",
      CHAT_CONNECTIONS_PER_ADDRESS: "200",
      CHAT_EVENTS_PER_SECOND: "5",
      CHAT_EVENTS_BURST: "40",
      CHAT_REFUSALS_BEFORE_DISCONNECT: "50",
    },
  });
  console.log(
    `Khai Hộ server pid ${server.child.pid} on ${server.url} (SQLite in a fresh temp DATA_DIR, LOG_LEVEL=warn, ` +
      `every limit at its default)`,
  );
  const citizens = new OrdinaryCitizens(server.url, options.citizens);
  console.log(
    `${options.citizens} ordinary citizens, each from an address of their own (127.0.0.20…), walk the procedures, ` +
      `one answer ` +
      `${THINK_MS / 1000} s after each reply, a new conversation after each dossier`,
  );
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  citizens.take();
  await new Promise((resolve) => setTimeout(resolve, options.baselineMs));
  const baseline = citizens.take();
  console.log(`\nquiet baseline (${options.baselineMs / 1000} s): reply ${latencyLine(baseline.reply)}`);
  console.log(`  errors: ${describeCounts(baseline.errors)}`);

  const floods: { title: string; spec: FloodSpec }[] = [
    {
      title:
        `[1] one client from ${SENDER_ADDRESS} sending as fast as it can ` +
        `(${count(options.inFlight)} unanswered at most)`,
      spec: { kind: "sender", url: server.url, durationMs: options.floodMs, inFlight: options.inFlight },
    },
    {
      title: `[2] ${count(options.connections)} connections at once from ${CONNECTIONS_ADDRESS}, held`,
      spec: { kind: "connections", url: server.url, durationMs: options.floodMs, count: options.connections },
    },
    {
      title:
        `[3] a reconnect storm: ${count(options.storm)} clients over ${options.stormAddresses} addresses dropped ` +
        `at once`,
      spec: {
        kind: "storm",
        url: server.url,
        durationMs: options.floodMs,
        count: options.storm,
        addresses: options.stormAddresses,
      },
    },
  ];
  const summary: string[] = [];
  for (const { title, spec } of floods) {
    console.log(`\n${title}`);
    const before = await memoryOf(server);
    citizens.take();
    const peak = samplePeak(server);
    const started = performance.now();
    const report = await runFlood(spec, (phase) => {
      // The storm's clients are connected and each has a message acknowledged: what follows is the storm.
      const connecting = citizens.take();
      console.log(`  citizens' reply while the ${count(options.storm)} connected ${latencyLine(connecting.reply)}`);
      console.log(`  (then the ${phase})`);
    });
    const during = citizens.take();
    const peaked = peak.stop();
    console.log(`  limits: ${describeCounts(report.counts)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    for (const line of report.lines) console.log(`  ${line}`);
    console.log(
      `  citizens' reply during the flood ${latencyLine(during.reply)}; errors: ${describeCounts(during.errors)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, options.afterMs));
    const after = await memoryOf(server);
    const afterwards = citizens.take();
    console.log(`  citizens' reply in the ${options.afterMs / 1000} s after ${latencyLine(afterwards.reply)}`);
    console.log(
      `  server before ${memoryLine(before)} (full GC); peak ${memoryLine(peaked)} (no GC); ` +
        `${options.afterMs / 1000} s after ${memoryLine(after)} (full GC)`,
    );
    const met = during.reply.p99 < P99_TARGET_MS;
    summary.push(
      `${spec.kind.padEnd(11)} | p50 ${ms(during.reply.p50)} (quiet ${ms(baseline.reply.p50)}) | ` +
        `p99 ${ms(during.reply.p99)} (quiet ${ms(baseline.reply.p99)}) ` +
        `${met ? "met" : "MISSED"} < ${P99_TARGET_MS} ms | ` +
        `heap after − before ${mib(after.heapUsed - before.heapUsed)}, RSS ${mib(after.rss - before.rss)}`,
    );
  }
  await citizens.stop();
  console.log(`\nSummary (ordinary citizens' reply latency during each flood; server memory after it)`);
  for (const line of summary) console.log(line);
  console.log(`\ncommand: ${command}`);
  children.stopping = true;
  await children.stop();
}

if (args.worker) {
  runWorker(JSON.parse(args.worker) as FloodSpec).catch((error: unknown) => {
    process.stderr.write(
      `${NAME} worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => children.failed(error));
}
