/**
 * The ward offices of `npm run bench:handoff` (forked by `bench/handoff.ts`, driven over IPC):
 * the clerks at their consoles — signed in over HTTP, one `/clerk` socket each, as the console
 * does — and the citizens who ask them for help. Both ends of every measured latency are in
 * this one process, read on one clock.
 *
 * One handoff, as at a ward office's console:
 *  1. the citizen (one question into a procedure) sends "gặp cán bộ";
 *     measured: emit → first `queue:update` on a clerk socket of the unit listing the
 *     conversation as waiting (and → the last of the unit's clerks to see it);
 *  2. one clerk of the unit, after looking at the queue for `takeAfterMs`, opens the
 *     conversation (`conversation:watch`) and takes it (`conversation:take`);
 *  3. the clerk writes to the citizen (`conversation:message`); measured: emit → the citizen's
 *     `message:new` with author clerk;
 *  4. after `holdMs` the clerk hands back to the bot where the flow stood
 *     (`conversation:release`, at "current") and the console watches it again to refresh, as
 *     the console does after an action. The citizen is free to ask again later.
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import type { ChatMessage, SendAck, SendMessage } from "../../server/channels/web/protocol";
import type {
  ClerkClientToServerEvents,
  ClerkServerToClientEvents,
  ConsoleAck,
  QueueItem,
} from "../../server/console/clerkProtocol";
import { type ChatSocket, launchAtRate, openCitizenSocket } from "../chat/citizenConnections";
import { citizenScripts, type ScriptStep } from "../chat/citizenScripts";
import type { ConnectReport } from "../chat/ipc";
import { addCounts, Samples } from "../chat/stats";
import { consoleLogin } from "./consoleLogin";
import type { ClerkAccount, FromWardOffice, HandoffReport, ToWardOffice } from "./ipc";

type ClerkSocket = Socket<ClerkServerToClientEvents, ClerkClientToServerEvents>;

/** The console waits this long for an action's ack; the benchmark gives every step the same. */
const STEP_TIMEOUT_MS = 10_000;
/** After the window closes, handoffs under way get this long to finish before the report. */
const DRAIN_MS = 15_000;
const RETRY_MS = 1_000;
const ASK_TEXT = "gặp cán bộ";
/** How many answers each citizen gives before asking: the procedure's choice and its first question. */
const ANSWERS_BEFORE_ASKING = 2;

const send = (message: FromWardOffice) => process.send!(message);

/** An answer sent as it is: a clicked choice or typed text (no upload). */
type TypedStep = Exclude<ScriptStep, { upload: true }>;

class StepFailed extends Error {}

/** The step's promise, or a `StepFailed` naming it after `STEP_TIMEOUT_MS`. */
function step<T>(promise: Promise<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new StepFailed(`${what} timeout`)), STEP_TIMEOUT_MS);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof StepFailed ? error : new StepFailed(`${what} ${(error as Error).message}`));
      },
    );
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Clerks

class Clerk {
  socket: ClerkSocket | null = null;
  /** Conversations this clerk is handling now. */
  holding = 0;

  constructor(readonly account: ClerkAccount) {}

  /** Opens the console socket with the session cookie; resolves with the first queue. */
  connect(url: string, cookie: string): Promise<void> {
    const socket: ClerkSocket = io(`${url}/clerk`, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      extraHeaders: { Cookie: cookie },
      localAddress: this.account.sourceAddress,
    } as Parameters<typeof io>[1]);
    this.socket = socket;
    socket.on("queue:update", (items) => onQueue(this, items));
    socket.on("disconnect", (reason) => {
      if (phase !== "closing") fail(`clerk disconnect ${reason}`);
    });
    return new Promise<void>((resolve, reject) => {
      socket.once("queue:update", () => resolve());
      socket.once("connect_error", (error) =>
        reject(
          new Error(
            `/clerk connect_error ${(error as Error & { data?: { code?: string } }).data?.code ?? error.message}`,
          ),
        ),
      );
    });
  }

  /** A console action, acknowledged; a refusal fails the step with its code. */
  async act<E extends "conversation:watch" | "conversation:take" | "conversation:message" | "conversation:release">(
    event: E,
    payload: Parameters<ClerkClientToServerEvents[E]>[0],
  ): Promise<void> {
    const socket = this.socket as unknown as {
      emitWithAck(event: string, payload: unknown): Promise<ConsoleAck<unknown>>;
    };
    const ack = await step(socket.emitWithAck(event, payload), event);
    if (!ack.ok) throw new StepFailed(`${event} ${ack.error.code}`);
  }
}

let clerks: Clerk[] = [];
const clerksOf = new Map<string, Clerk[]>();

async function login(message: Extract<ToWardOffice, { type: "login" }>): Promise<void> {
  const started = performance.now();
  const loginMs = new Samples();
  const consoleMs = new Samples();
  let passwordChanges = 0;
  clerks = message.accounts.map((account) => new Clerk(account));
  clerksOf.clear();
  for (const clerk of clerks)
    clerksOf.set(clerk.account.unitId, [...(clerksOf.get(clerk.account.unitId) ?? []), clerk]);
  // A few at a time: each login is one scrypt hash on the server's thread pool.
  let next = 0;
  const worker = async () => {
    while (next < clerks.length) {
      const clerk = clerks[next++]!;
      const t0 = performance.now();
      const { cookie, passwordChanged } = await consoleLogin(message.url, clerk.account, message.newPassword);
      const t1 = performance.now();
      loginMs.push(t1 - t0);
      if (passwordChanged) passwordChanges++;
      await step(clerk.connect(message.url, cookie), `console of ${clerk.account.username}`);
      consoleMs.push(performance.now() - t1);
      if (loginMs.length % 50 === 0) send({ type: "progress", connected: loginMs.length });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, message.concurrency) }, worker));
  send({
    type: "loggedIn",
    loginMs: loginMs.take(),
    consoleMs: consoleMs.take(),
    passwordChanges,
    elapsedMs: performance.now() - started,
  });
}

// ---------------------------------------------------------------------------------------------
// Citizens who ask for a clerk

class Citizen {
  socket: ChatSocket | null = null;
  conversationId = "";
  ready = false;
  busy = false;
  /** A citizen whose handoff failed is left alone: its conversation is in an unknown state. */
  retired = false;
  private messages = 0;
  /** The clerk's message the citizen is waiting for, and what to call when it arrives. */
  private expected: { text: string; arrived: (at: number) => void } | null = null;

  constructor(
    readonly index: number,
    readonly unit: string,
    private readonly answers: readonly TypedStep[],
  ) {}

  connect(url: string, connected: (connectMs: number, greetMs: number) => void): void {
    const startedAt = performance.now();
    const socket = openCitizenSocket(url, { index: this.index, sourceAddresses: 1, unit: this.unit });
    this.socket = socket;
    const retry = (what: string) => {
      fail(what);
      socket.removeAllListeners();
      socket.disconnect();
      if (phase === "connecting") setTimeout(() => this.connect(url, connected), RETRY_MS);
    };
    socket.on("connect_error", (error) =>
      retry(`connect_error ${(error as Error & { data?: { code?: string } }).data?.code ?? error.message}`),
    );
    socket.on("disconnect", (reason) => {
      if (phase === "closing") return;
      this.retired = true;
      fail(`citizen disconnect ${reason}`);
    });
    socket.on("message:new", (message) => this.onMessage(message));
    socket.once("session:ready", (session) => {
      const readyAt = performance.now();
      this.conversationId = session.conversationId;
      void (async () => {
        // As the widget does when the citizen opens it, then the first answers of a procedure.
        await step(socket.emitWithAck("conversation:open", { locale: "vi" }), "open");
        const greetMs = performance.now() - readyAt;
        for (const answer of this.answers) await this.say(answer);
        this.ready = true;
        connected(readyAt - startedAt, greetMs);
      })().catch((error: unknown) => retry((error as Error).message));
    });
  }

  /** Sends a message; resolves once the server has stored it (the ack). */
  async say(content: Omit<SendMessage, "clientMessageId">): Promise<void> {
    const ack: SendAck = await step(
      this.socket!.emitWithAck("message:send", {
        clientMessageId: `w${process.pid}-${this.index}-${++this.messages}`,
        ...content,
      }),
      "message:send",
    );
    if (!ack.ok) throw new StepFailed(`message:send ${ack.error.code}`);
  }

  /** Resolves with the time the clerk's message with this text arrives. */
  expectClerk(text: string): Promise<number> {
    return new Promise((arrived) => (this.expected = { text, arrived }));
  }

  private onMessage(message: ChatMessage): void {
    if (this.expected && message.author === "clerk" && message.text === this.expected.text) {
      this.expected.arrived(performance.now());
      this.expected = null;
    }
  }
}

let citizens: Citizen[] = [];
const citizensOf = new Map<string, Citizen[]>();
const nextCitizen = new Map<string, number>();

function connectCitizens(message: Extract<ToWardOffice, { type: "connect" }>): void {
  phase = "connecting";
  errors = {};
  const units = message.units ?? [];
  if (units.length === 0) throw new Error("the ward office needs the units of its citizens");
  const scripts = new Map(units.map((unit) => [unit, citizenScripts(unit)]));
  citizens = Array.from({ length: message.count }, (_, i) => {
    const index = message.firstIndex + i * message.stride;
    const unit = units[index % units.length]!;
    const unitScripts = scripts.get(unit)!;
    const script = unitScripts[Math.floor(index / units.length) % unitScripts.length]!;
    const answers = script.steps.slice(0, ANSWERS_BEFORE_ASKING).filter((s): s is TypedStep => !("upload" in s));
    return new Citizen(index, unit, answers);
  });
  citizensOf.clear();
  for (const citizen of citizens) citizensOf.set(citizen.unit, [...(citizensOf.get(citizen.unit) ?? []), citizen]);
  const connectMs = new Samples();
  const greetMs = new Samples();
  const started = performance.now();
  const connected = (c: number, g: number) => {
    connectMs.push(c);
    greetMs.push(g);
    if (connectMs.length % 250 === 0) send({ type: "progress", connected: connectMs.length });
    if (connectMs.length === citizens.length) {
      phase = "ready";
      const report: ConnectReport = {
        type: "connected",
        connectMs: connectMs.take(),
        greetMs: greetMs.take(),
        failures: { ...errors },
        elapsedMs: performance.now() - started,
      };
      send(report);
    }
  };
  launchAtRate(citizens.length, message.ratePerSecond, (i) => citizens[i]!.connect(message.url, connected));
}

// ---------------------------------------------------------------------------------------------
// Handoffs

type Phase = "idle" | "connecting" | "ready" | "running" | "closing";
let phase: Phase = "idle";
let windowStart = 0;
let windowEnd = Number.POSITIVE_INFINITY;
const inWindow = (t: number) => t >= windowStart && t <= windowEnd;

let errors: Record<string, number> = {};
function fail(what: string): void {
  addCounts(errors, { [what]: 1 });
}

/** What a run measures (see `HandoffReport`), in the window only. */
class WindowFigures {
  readonly queueMs = new Samples();
  readonly queueAllMs = new Samples();
  readonly deliverMs = new Samples();
  readonly askAckMs = new Samples();
  readonly takeMs = new Samples();
  readonly messageAckMs = new Samples();
  readonly releaseMs = new Samples();
  started = 0;
  completed = 0;
  queueUpdates = 0;
  longestQueue = 0;
}
let measuredWindow = new WindowFigures();
let underWay = 0;
let handoffIds = 0;

/** A conversation asked for a clerk and not yet seen waiting by every clerk of its unit. */
interface Awaited {
  sentAt: number;
  /** The window the handoff is measured in (started in it), or null. */
  window: WindowFigures | null;
  clerksOfUnit: number;
  seenBy: Set<Clerk>;
  /** The clerk who will take it, and what to call when that clerk's queue shows it. */
  taker: Clerk;
  takerSaw: () => void;
}
const awaited = new Map<string, Awaited>();

function onQueue(clerk: Clerk, items: QueueItem[]): void {
  const now = performance.now();
  if (phase === "running" && inWindow(now)) {
    measuredWindow.queueUpdates++;
    measuredWindow.longestQueue = Math.max(measuredWindow.longestQueue, items.length);
  }
  for (const item of items) {
    if (item.status !== "waiting_clerk") continue;
    const waiting = awaited.get(item.conversationId);
    if (!waiting || waiting.seenBy.has(clerk)) continue;
    waiting.seenBy.add(clerk);
    if (waiting.seenBy.size === 1) waiting.window?.queueMs.push(now - waiting.sentAt);
    if (clerk === waiting.taker) waiting.takerSaw();
    if (waiting.seenBy.size === waiting.clerksOfUnit) {
      waiting.window?.queueAllMs.push(now - waiting.sentAt);
      awaited.delete(item.conversationId);
    }
  }
}

async function handoff(citizen: Citizen, clerk: Clerk, options: Extract<ToWardOffice, { type: "run" }>): Promise<void> {
  const conversationId = citizen.conversationId;
  const id = ++handoffIds;
  const w = inWindow(performance.now()) ? measuredWindow : null;
  if (w) w.started++;
  citizen.busy = true;
  clerk.holding++;
  underWay++;
  try {
    let takerSaw: () => void = () => undefined;
    const seen = new Promise<void>((resolve) => (takerSaw = resolve));
    const sentAt = performance.now();
    awaited.set(conversationId, {
      sentAt,
      window: w,
      clerksOfUnit: clerksOf.get(citizen.unit)!.length,
      seenBy: new Set(),
      taker: clerk,
      takerSaw,
    });
    const asked = citizen.say({ text: ASK_TEXT }).then(() => {
      w?.askAckMs.push(performance.now() - sentAt);
    });
    await Promise.all([asked, step(seen, "queue:update")]);

    await sleep(options.takeAfterMs);
    await clerk.act("conversation:watch", { conversationId });
    let t = performance.now();
    await clerk.act("conversation:take", { conversationId });
    w?.takeMs.push(performance.now() - t);

    const text = `Chào anh/chị, em là cán bộ một cửa, em hỗ trợ mình ngay ạ. (${id})`;
    const arrived = step(citizen.expectClerk(text), "clerk message to the citizen");
    t = performance.now();
    const acked = clerk
      .act("conversation:message", { conversationId, clientMessageId: `clerk-${process.pid}-${id}`, text })
      .then(() => {
        w?.messageAckMs.push(performance.now() - t);
      });
    const [arrivedAt] = await Promise.all([arrived, acked]);
    w?.deliverMs.push(arrivedAt - t);

    await sleep(options.holdMs);
    t = performance.now();
    await clerk.act("conversation:release", { conversationId, at: "current" });
    w?.releaseMs.push(performance.now() - t);
    await clerk.act("conversation:watch", { conversationId });
    if (w) w.completed++;
    citizen.busy = false;
  } catch (error) {
    fail(error instanceof StepFailed ? error.message : `handoff ${(error as Error).message}`);
    citizen.retired = true;
  } finally {
    awaited.delete(conversationId);
    clerk.holding--;
    underWay--;
  }
}

/** The unit's next citizen in turn who is connected and not already with a clerk. */
function idleCitizen(unit: string): Citizen | null {
  const pool = citizensOf.get(unit) ?? [];
  const from = nextCitizen.get(unit) ?? 0;
  for (let i = 0; i < pool.length; i++) {
    const citizen = pool[(from + i) % pool.length]!;
    if (citizen.ready && !citizen.busy && !citizen.retired) {
      nextCitizen.set(unit, (from + i + 1) % pool.length);
      return citizen;
    }
  }
  return null;
}

/** The unit's clerk handling the fewest conversations (the first of them in turn). */
function freestClerk(unit: string, turn: number): Clerk {
  const pool = clerksOf.get(unit)!;
  let best = pool[turn % pool.length]!;
  for (let i = 1; i < pool.length; i++) {
    const clerk = pool[(turn + i) % pool.length]!;
    if (clerk.holding < best.holding) best = clerk;
  }
  return best;
}

function run(message: Extract<ToWardOffice, { type: "run" }>): void {
  measuredWindow = new WindowFigures();
  errors = {};
  const units = [...clerksOf.keys()].filter((unit) => citizensOf.has(unit));
  if (units.length === 0) throw new Error("no unit has both clerks and citizens");
  const startedAt = performance.now();
  windowStart = startedAt + message.warmupMs;
  windowEnd = windowStart + message.durationMs;
  phase = "running";

  const delay = monitorEventLoopDelay({ resolution: 2 });
  let elu = performance.eventLoopUtilization();
  let cpu = process.cpuUsage();
  setTimeout(() => {
    elu = performance.eventLoopUtilization();
    cpu = process.cpuUsage();
    delay.enable();
  }, message.warmupMs);

  let k = 0;
  const tick = () => {
    if (performance.now() >= windowEnd) return finish();
    const unit = units[k % units.length]!;
    const citizen = idleCitizen(unit);
    if (citizen) void handoff(citizen, freestClerk(unit, Math.floor(k / units.length)), message);
    else if (inWindow(performance.now())) fail("no idle citizen in the unit");
    k++;
    setTimeout(tick, Math.max(0, startedAt + k * message.intervalMs - performance.now()));
  };

  const finish = () => {
    const used = performance.eventLoopUtilization(elu).utilization;
    const cpuUsed = process.cpuUsage(cpu);
    delay.disable();
    const deadline = performance.now() + DRAIN_MS;
    const report = () => {
      if (underWay > 0 && performance.now() < deadline) return void setTimeout(report, 50);
      phase = "ready";
      const w = measuredWindow;
      const result: HandoffReport = {
        type: "handedOff",
        queueMs: w.queueMs.take(),
        queueAllMs: w.queueAllMs.take(),
        deliverMs: w.deliverMs.take(),
        askAckMs: w.askAckMs.take(),
        takeMs: w.takeMs.take(),
        messageAckMs: w.messageAckMs.take(),
        releaseMs: w.releaseMs.take(),
        started: w.started,
        completed: w.completed,
        errors: { ...errors, ...(underWay > 0 ? { "unfinished at the end": underWay } : {}) },
        queueUpdates: w.queueUpdates,
        longestQueue: w.longestQueue,
        elu: used,
        cpuMs: (cpuUsed.user + cpuUsed.system) / 1000,
        delayP99: delay.percentile(99) / 1e6,
        delayMax: delay.max / 1e6,
      };
      send(result);
    };
    report();
  };
  tick();
}

function closeAll(): void {
  phase = "closing";
  for (const citizen of citizens) citizen.socket?.disconnect();
  for (const clerk of clerks) clerk.socket?.disconnect();
  citizens = [];
  clerks = [];
  setTimeout(() => send({ type: "closed" }), 500);
}

process.on("message", (message: ToWardOffice) => {
  const fatal = (error: unknown) =>
    send({ type: "fatal", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  try {
    if (message.type === "login") login(message).catch(fatal);
    else if (message.type === "connect") connectCitizens(message);
    else if (message.type === "run") run(message);
    else closeAll();
  } catch (error) {
    fatal(error);
  }
});
// The benchmark is gone: stop.
process.on("disconnect", () => process.exit(0));
