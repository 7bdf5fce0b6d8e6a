/**
 * A load-generator process of `npm run bench:chat` and `npm run bench:handoff` (forked by
 * `bench/chat.ts` and `bench/handoff.ts`, driven over IPC):
 * simulated citizens on socket.io-client (websocket transport, one connection each), each
 * walking a procedure with the answers of the tests' flow walker. A finished procedure (or a
 * script that ran out) starts a new conversation: disconnect, connect again without a token.
 *
 * Reply latency of a turn: from emitting `message:send` to the first bot `message:new` whose
 * seq is greater than the ack's seq (the bot's messages may arrive before the ack).
 */
import { performance } from "node:perf_hooks";
import type { ChatMessage, ConversationStateEvent, SendAck, SendMessage } from "../../server/channels/web/protocol";
import { type ChatSocket, launchAtRate, openCitizenSocket } from "./citizenConnections";
import { type CitizenScript, citizenScripts, type ScriptStep } from "./citizenScripts";
import type { FromGenerator, Pace, RunReport, ToGenerator } from "./ipc";
import { Samples } from "./stats";
import { jpegPhoto } from "../../test/support/documentFiles";

/** A saturation client refused by a busy server sends again after this long, not in a tight loop. */
const BUSY_RETRY_MS = 100;
/** A turn (ack and reply) not finished in this time counts as an error; the citizen starts again. */
const TURN_TIMEOUT_MS = 30_000;
/** After the window closes, turns under way get this long to finish before the report. */
const DRAIN_MS = 15_000;
/** A failed connection is tried again after this long. */
const RETRY_MS = 1_000;

// A real photo: the server decodes and re-encodes every image it accepts, so the benchmark pays
// for that. A small one (640×480), so that chat turns rather than image decoding set the pace.
let photo: Promise<Buffer> | null = null;
const documentPhoto = () => (photo ??= jpegPhoto({ width: 640, height: 480 }));

/** The scripts by unit: a page's unit answers the unit question before it is asked. */
const scriptsByUnit = new Map<string, CitizenScript[]>();
function scriptsFor(unit: string | undefined): CitizenScript[] {
  let scripts = scriptsByUnit.get(unit ?? "");
  if (!scripts) scriptsByUnit.set(unit ?? "", (scripts = citizenScripts(unit)));
  return scripts;
}
const send = (message: FromGenerator) => process.send!(message);

type Phase = "idle" | "connecting" | "ready" | "running" | "draining" | "closing";

let url = "";
let sourceAddresses = 1;
let units: readonly string[] = [];
let phase: Phase = "idle";
let pace: Pace = { kind: "saturate" };
let windowStart = 0;
let windowEnd = Number.POSITIVE_INFINITY;

const connectMs = new Samples();
const greetMs = new Samples();
const reconnectMs = new Samples();
const replyMs = new Samples();
const ackMs = new Samples();
let turns = 0;
let received = 0;
let uploads = 0;
let dossiers = 0;
let scriptsEnded = 0;
let errors: Record<string, number> = {};
const fail = (what: string) => {
  errors[what] = (errors[what] ?? 0) + 1;
};

const inWindow = (t: number) => t >= windowStart && t <= windowEnd;

class Citizen {
  socket: ChatSocket | null = null;
  token = "";
  conversations = 0;
  steps: readonly ScriptStep[] = [];
  position = 0;
  submitted = false;
  ready = false;
  connectStartedAt = 0;
  readyAt = 0;
  timer: NodeJS.Timeout | null = null;
  messageCounter = 0;
  // The turn under way.
  inFlight = false;
  sentAt = 0;
  acked = false;
  ackSeq = 0;
  repliedAt = 0;
  /** Bot messages that arrived before the ack: [seq, time, seq, time, …]. */
  early: number[] = [];

  constructor(readonly index: number) {}

  get unit(): string | undefined {
    return units.length > 0 ? units[this.index % units.length] : undefined;
  }

  connect(): void {
    const scripts = scriptsFor(this.unit);
    const script = scripts[(this.index + this.conversations) % scripts.length]!;
    this.steps = script.steps;
    this.position = 0;
    this.submitted = false;
    this.ready = false;
    this.inFlight = false;
    this.connectStartedAt = performance.now();
    const socket: ChatSocket = openCitizenSocket(url, { index: this.index, sourceAddresses, unit: this.unit });
    this.socket = socket;
    socket.on("session:ready", (session) => this.onReady(session.token));
    socket.on("message:new", (message) => this.onMessage(message));
    socket.on("conversation:state", (state) => this.onState(state));
    socket.on("connect_error", (error) => {
      fail(`connect_error ${(error as Error & { data?: { code?: string } }).data?.code ?? error.message}`);
      this.drop();
      if (phase === "connecting" || phase === "ready" || phase === "running")
        this.later(RETRY_MS, () => this.connect());
    });
    socket.on("disconnect", (reason) => {
      if (this.socket !== socket) return;
      fail(`disconnect ${reason}`);
      this.drop();
      if (phase === "ready" || phase === "running") this.later(RETRY_MS, () => this.connect());
    });
  }

  private onReady(token: string): void {
    const now = performance.now();
    this.token = token;
    if (phase === "connecting") connectMs.push(now - this.connectStartedAt);
    else if (inWindow(this.connectStartedAt)) reconnectMs.push(now - this.connectStartedAt);
    this.readyAt = now;
    // As the widget does when the citizen opens it: the server greets with the menu.
    const socket = this.socket!;
    const opened = () => {
      if (this.socket !== socket) return;
      if (phase === "connecting") greetMs.push(performance.now() - this.readyAt);
      this.ready = true;
      connectedNow++;
      if (phase === "connecting") noteConnected();
      // A citizen who finished a procedure starts the next one at the same pace.
      else if (phase === "running") this.schedule(pace.kind === "human" ? pace.intervalMs : 0);
    };
    socket
      .timeout(TURN_TIMEOUT_MS)
      .emitWithAck("conversation:open", { locale: "vi" })
      .then(opened, () => {
        if (this.socket !== socket) return;
        fail("open timeout");
        this.restart();
      });
  }

  /** Starts the walk: the first message after a random part of the interval (human pace). */
  start(): void {
    if (!this.ready) return;
    this.schedule(pace.kind === "human" ? Math.random() * pace.intervalMs : 0);
  }

  private schedule(delayMs: number): void {
    if (delayMs <= 0) setImmediate(() => this.sendNext());
    else this.later(delayMs, () => this.sendNext());
  }

  private later(delayMs: number, task: () => void): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      task();
    }, delayMs);
  }

  private sendNext(): void {
    if (phase !== "running" || !this.ready || this.inFlight || !this.socket) return;
    const step = this.steps[this.position]!;
    if ("upload" in step) {
      void this.uploadThenSend();
      return;
    }
    this.emit("choice" in step ? { choice: step.choice } : { text: step.text });
  }

  /** An upload step: the photo goes over HTTP first (as the widget does), then its id in the chat. */
  private async uploadThenSend(): Promise<void> {
    const socket = this.socket;
    this.inFlight = true;
    try {
      const form = new FormData();
      form.append("file", new Blob([await documentPhoto()], { type: "image/jpeg" }), "giay-chung-sinh.jpg");
      const response = await fetch(`${url}/api/uploads`, {
        method: "POST",
        headers: { Authorization: `Bearer ${this.token}` },
        body: form,
      });
      const body = (await response.json()) as { ok: boolean; attachmentId?: string };
      if (this.socket !== socket) return;
      this.inFlight = false;
      if (!body.ok || !body.attachmentId) {
        fail(`upload ${response.status}`);
        this.restart();
        return;
      }
      uploads++;
      if (phase === "running") this.emit({ attachmentId: body.attachmentId });
      else if (phase === "draining") noteSettled();
    } catch (error) {
      if (this.socket !== socket) return;
      this.inFlight = false;
      fail(`upload ${(error as Error).message}`);
      this.restart();
    }
  }

  private emit(content: Omit<SendMessage, "clientMessageId">): void {
    const socket = this.socket!;
    const payload: SendMessage = {
      clientMessageId: `${process.pid}-${this.index}-${this.conversations}-${++this.messageCounter}`,
      ...content,
    };
    this.inFlight = true;
    this.acked = false;
    this.repliedAt = 0;
    this.early.length = 0;
    this.sentAt = performance.now();
    this.later(TURN_TIMEOUT_MS, () => {
      fail(this.acked ? "reply timeout" : "ack timeout");
      this.restart();
    });
    socket.emit("message:send", payload, (ack: SendAck) => this.onAck(socket, ack));
  }

  private onAck(socket: ChatSocket, ack: SendAck): void {
    if (this.socket !== socket || !this.inFlight) return;
    const now = performance.now();
    if (!ack.ok) {
      fail(`ack ${ack.error.code}`);
      if (ack.error.code === "CHAT_UNAVAILABLE") this.sendAgainLater();
      else this.restart();
      return;
    }
    this.acked = true;
    this.ackSeq = ack.seq;
    if (inWindow(this.sentAt)) ackMs.push(now - this.sentAt);
    for (let i = 0; i < this.early.length; i += 2) {
      if (this.early[i]! > ack.seq) {
        this.repliedAt = this.early[i + 1]!;
        break;
      }
    }
    if (this.repliedAt) this.finishTurn();
  }

  private onMessage(message: ChatMessage): void {
    const now = performance.now();
    if (inWindow(now)) received++;
    if (message.author !== "bot" || !this.inFlight || this.repliedAt) return;
    if (!this.acked) {
      this.early.push(message.seq, now);
      return;
    }
    if (message.seq > this.ackSeq) {
      this.repliedAt = now;
      this.finishTurn();
    }
  }

  private onState(state: ConversationStateEvent): void {
    if (state.dossierCode) this.submitted = true;
  }

  private finishTurn(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.inFlight = false;
    if (inWindow(this.sentAt)) {
      replyMs.push(this.repliedAt - this.sentAt);
      if (this.repliedAt <= windowEnd) turns++;
    }
    this.position++;
    if (phase === "draining") {
      noteSettled();
      return;
    }
    if (phase !== "running") return;
    if (this.submitted || this.position >= this.steps.length) {
      if (this.submitted) dossiers++;
      else scriptsEnded++;
      this.restart();
      return;
    }
    // Human pace: the next message 5 s after the previous one was sent (sooner never).
    this.schedule(pace.kind === "human" ? this.sentAt + pace.intervalMs - performance.now() : 0);
  }

  /** A new conversation: disconnect, connect again without a token, next procedure. */
  /**
   * Refused unsaved by a busy server: as a citizen with the widget, the same answer again after
   * the pace's interval, in the same conversation (starting a new one would add to the load).
   */
  private sendAgainLater(): void {
    this.inFlight = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (phase === "draining") {
      noteSettled();
      return;
    }
    this.schedule(pace.kind === "human" ? pace.intervalMs : BUSY_RETRY_MS);
  }

  restart(): void {
    this.drop();
    this.conversations++;
    if (phase === "draining") {
      noteSettled();
      return;
    }
    if (phase === "running" || phase === "ready") this.connect();
  }

  /** Forgets the socket (closing it if still open). */
  drop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const socket = this.socket;
    if (this.ready) connectedNow--;
    this.ready = false;
    this.inFlight = false;
    this.socket = null;
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
  }
}

let citizens: Citizen[] = [];
let connectedNow = 0;
let connectStarted = 0;
let onAllConnected: (() => void) | null = null;
function noteConnected(): void {
  if (connectedNow % 250 === 0) send({ type: "progress", connected: connectedNow });
  if (connectedNow >= citizens.length) onAllConnected?.();
}
let onSettled: (() => void) | null = null;
function noteSettled(): void {
  if (!citizens.some((c) => c.inFlight)) onSettled?.();
}

function connectAll(message: Extract<ToGenerator, { type: "connect" }>): void {
  url = message.url;
  sourceAddresses = message.sourceAddresses;
  units = message.units ?? [];
  phase = "connecting";
  errors = {};
  citizens = Array.from({ length: message.count }, (_, i) => new Citizen(message.firstIndex + i * message.stride));
  connectedNow = 0;
  connectStarted = performance.now();
  // The flow walker runs before the first connection, not during the ramp.
  for (const unit of units.length > 0 ? units : [undefined]) scriptsFor(unit);
  launchAtRate(citizens.length, message.ratePerSecond, (i) => citizens[i]!.connect());
  onAllConnected = () => {
    onAllConnected = null;
    phase = "ready";
    send({
      type: "connected",
      connectMs: connectMs.take(),
      greetMs: greetMs.take(),
      failures: { ...errors },
      elapsedMs: performance.now() - connectStarted,
    });
  };
  if (citizens.length === 0) onAllConnected();
}

function run(message: Extract<ToGenerator, { type: "run" }>): void {
  pace = message.pace;
  errors = {};
  turns = received = uploads = dossiers = scriptsEnded = 0;
  replyMs.take();
  ackMs.take();
  reconnectMs.take();
  const startedAt = performance.now();
  windowStart = startedAt + message.warmupMs;
  windowEnd = windowStart + message.durationMs;
  phase = "running";
  const cpu = process.cpuUsage();
  let elu = performance.eventLoopUtilization();
  let cpuAtWindow = cpu;
  setTimeout(() => {
    elu = performance.eventLoopUtilization();
    cpuAtWindow = process.cpuUsage();
  }, message.warmupMs);
  for (const citizen of citizens) citizen.start();
  setTimeout(() => {
    const used = performance.eventLoopUtilization(elu).utilization;
    const cpuUsed = process.cpuUsage(cpuAtWindow);
    phase = "draining";
    const report = () => {
      if (!onSettled) return;
      onSettled = null;
      clearTimeout(deadline);
      phase = "ready";
      const result: RunReport = {
        type: "ran",
        replyMs: replyMs.take(),
        ackMs: ackMs.take(),
        reconnectMs: reconnectMs.take(),
        turns,
        received,
        windowMs: message.durationMs,
        uploads,
        dossiers,
        scriptsEnded,
        errors: {
          ...errors,
          ...(citizens.some((c) => c.inFlight)
            ? { "unfinished at the end": citizens.filter((c) => c.inFlight).length }
            : {}),
        },
        elu: used,
        cpuMs: (cpuUsed.user + cpuUsed.system) / 1000,
      };
      send(result);
    };
    onSettled = report;
    const deadline = setTimeout(report, DRAIN_MS);
    noteSettled();
  }, message.warmupMs + message.durationMs);
}

function closeAll(): void {
  phase = "closing";
  for (const citizen of citizens) citizen.drop();
  citizens = [];
  // Give the close frames a moment to leave before saying so.
  setTimeout(() => send({ type: "closed" }), 500);
}

process.on("message", (message: ToGenerator) => {
  try {
    if (message.type === "connect") connectAll(message);
    else if (message.type === "run") run(message);
    else closeAll();
  } catch (error) {
    send({ type: "fatal", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
// The benchmark is gone: stop.
process.on("disconnect", () => process.exit(0));
