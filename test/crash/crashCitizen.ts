import { io } from "socket.io-client";
import type { ChatMessage, ConversationStateEvent, SendAck, SendMessage } from "../../server/channels/web/protocol";
import type { ChatClient } from "../support/testServer";
import { walkFlow } from "../support/flowWalker";
import type { CrashLedger } from "./crashLedger";
import { type SeededRandom, sleep } from "./seededRandom";

export type CitizenInput = { text: string } | { choice: string };

/** Walks that need no upload (the harness checks messages, not files); the death registration without its notice. */
export function crashWalks(unitId: string): CitizenInput[][] {
  const now = { now: new Date() };
  const walks = [
    walkFlow("dang-ky-khai-tu", { unitId, clock: now, answers: { hasDeathNotice: "không" } }),
    ...[
      "cap-giay-xac-nhan-tinh-trang-hon-nhan",
      "chung-thuc-ban-sao-tu-ban-chinh",
      "dang-ky-thuong-tru",
      "cap-phieu-ly-lich-tu-phap",
      "dang-ky-ho-kinh-doanh",
    ].map((id) => walkFlow(id, { unitId, clock: now })),
  ];
  return walks.map((walk) =>
    walk.inputs.map((input): CitizenInput => {
      if (input.kind === "text") return { text: input.text };
      if (input.kind === "choice") return { choice: input.value };
      throw new Error(`the crash harness cannot send a ${input.kind} input`);
    }),
  );
}

const ASK_FOR_CLERK = "gặp cán bộ";
const RESUME_BOT = "cmd:resume-bot";
const ACK_TIMEOUT_MS = 3000;
const REPLY_WAIT_MS = 2000;

/**
 * One conversation of a simulated citizen, as the widget keeps it: token, messages by seq, what is not acknowledged
 * yet.
 */
export class CrashConversation {
  token: string | null = null;
  conversationId: string | null = null;
  readonly messages = new Map<number, ChatMessage>();
  /** Every message up to here has arrived: what a resume asks after. */
  lastSeq = 0;
  state: ConversationStateEvent | null = null;
  /** Sent, not acknowledged: resent with the same id after a reconnect. */
  pending: { clientMessageId: string; input: CitizenInput } | null = null;
  /** The seq of the citizen's last acknowledged message: its reply comes after the ack. */
  ackedSeq = 0;
  next = 0;
  askedForClerk = false;
  thankedClerk = false;
  readonly confirmedSeqs = new Set<number>();
  sent = 0;

  constructor(
    readonly script: readonly CitizenInput[],
    /** The step index before which the citizen asks for a clerk, or -1. */
    readonly askClerkAt: number,
  ) {}

  get finished(): boolean {
    return this.state?.status === "completed" || this.state?.status === "closed" || this.next >= this.script.length;
  }
}

/**
 * A citizen of the crash harness: walks procedures over `/chat`, one message at a time, and
 * behaves as the widget does when the server dies: reconnects with its token and lastSeq, waits
 * for the replay, and resends what was not acknowledged with the same clientMessageId.
 */
export class CrashCitizen {
  readonly conversations: CrashConversation[] = [];
  private socket: ChatClient | null = null;
  private url: string | null = null;
  /** The replay is over once the state arrives after it. */
  private resumed = false;
  private stopped = false;
  private closed = false;
  private stateAtDisconnect: { status: string; stepId: string | null; unanswered: boolean } | null = null;
  private messageIds = 0;

  constructor(
    readonly index: number,
    private readonly unitId: string,
    private readonly walks: readonly CitizenInput[][],
    private readonly random: SeededRandom,
    private readonly ledger: CrashLedger,
    private readonly thinkMs: [number, number],
  ) {
    this.newConversation();
  }

  get current(): CrashConversation {
    return this.conversations[this.conversations.length - 1]!;
  }

  private newConversation(): void {
    const askClerk = this.random.next() < 0.2;
    const script = this.random.pick(this.walks);
    this.conversations.push(
      new CrashConversation(script, askClerk ? this.random.between(3, Math.max(3, script.length - 3)) : -1),
    );
  }

  /** Connects (or reconnects) to the server at `url`; null while it is down. */
  connect(url: string | null): void {
    this.url = url;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.resumed = false;
    if (!url || this.closed) return;
    const conversation = this.current;
    const socket: ChatClient = io(`${url}/chat`, {
      auth: conversation.token
        ? { token: conversation.token, lastSeq: conversation.lastSeq }
        : { unit: this.unitId, locale: "vi" },
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      timeout: 10_000,
    });
    this.socket = socket;
    socket.on("session:ready", (s) => {
      if (conversation.conversationId && conversation.conversationId !== s.conversationId) {
        this.ledger.fail(
          `citizen ${this.index}: resuming conversation ${conversation.conversationId} opened another one ` +
            `(${s.conversationId})`,
        );
      }
      conversation.token = s.token;
      conversation.conversationId = s.conversationId;
    });
    socket.on("message:new", (m) => this.received(conversation, m));
    socket.on("conversation:state", (s) => {
      conversation.state = s;
      if (s.dossierCode && conversation.conversationId)
        this.ledger.dossierSeen(s.dossierCode, conversation.conversationId);
      if (!this.resumed) this.afterReplay(conversation, s);
      this.resumed = true;
    });
    socket.on("connect", () => {
      if (conversation.lastSeq === 0 && conversation.sent === 0) socket.emit("conversation:open", { locale: "vi" });
    });
    const retry = () => {
      if (this.socket !== socket || this.closed || this.url !== url) return;
      // Still the same server: try again in a moment (a kill may have come during the handshake).
      setTimeout(
        () => this.socket === socket && this.url === url && this.connect(url),
        300 + this.random.between(0, 300),
      );
    };
    socket.on("connect_error", retry);
    socket.on("disconnect", () => {
      const s = conversation.state;
      // A message in flight, or acknowledged (stored) with its reply not yet delivered, may have
      // moved the conversation on: the ack comes before the delivery.
      const unanswered = conversation.pending !== null || conversation.lastSeq <= conversation.ackedSeq;
      this.stateAtDisconnect = s ? { status: s.status, stepId: s.stepId, unanswered } : null;
      retry();
    });
  }

  /**
   * A resumed conversation stands where it stood when the server died, unless a message of its own was in flight or
   * unanswered.
   */
  private afterReplay(conversation: CrashConversation, s: ConversationStateEvent): void {
    const before = this.stateAtDisconnect;
    this.stateAtDisconnect = null;
    if (!before || before.unanswered || (before.status !== "bot" && before.status !== "completed")) return;
    if (before.status !== s.status || before.stepId !== s.stepId) {
      this.ledger.fail(
        `citizen ${this.index}: conversation ${conversation.conversationId} resumed at ${s.status}/${s.stepId}, ` +
          `it stood at ${before.status}/${before.stepId}`,
      );
    }
  }

  private received(conversation: CrashConversation, m: ChatMessage): void {
    const known = conversation.messages.get(m.seq);
    if (known && known.id !== m.id)
      this.ledger.fail(`conversation ${m.conversationId}: two messages with seq ${m.seq}`);
    conversation.messages.set(m.seq, m);
    while (conversation.messages.has(conversation.lastSeq + 1)) conversation.lastSeq += 1;
  }

  private get ready(): boolean {
    return this.socket !== null && this.socket.connected && this.resumed;
  }

  /** What the citizen sends next, or null to wait: a resend first, then whatever the conversation asks. */
  private nextInput(conversation: CrashConversation): CitizenInput | null {
    const state = conversation.state;
    if (!state) return null;
    const last = conversation.messages.get(conversation.lastSeq);
    const lastChoices = last && last.author !== "citizen" ? (last.choices ?? []).map((c) => c.value) : [];
    const scripted = conversation.script[conversation.next];
    const scriptedResume = scripted !== undefined && "choice" in scripted && scripted.choice === RESUME_BOT;
    if (state.status === "waiting_clerk") {
      // A handoff the flow requires is walked past as the flow walker does; with nobody to answer, the citizen carries
      // on.
      if (scriptedResume) return conversation.script[conversation.next++]!;
      return lastChoices.includes("no-clerk:callback") ? { choice: RESUME_BOT } : null;
    }
    if (state.status === "with_clerk") {
      // A field the clerk filled waits for the citizen's yes.
      if (lastChoices.includes("yes") && !conversation.confirmedSeqs.has(last!.seq)) {
        conversation.confirmedSeqs.add(last!.seq);
        return { choice: "yes" };
      }
      if (!conversation.thankedClerk) {
        conversation.thankedClerk = true;
        return { text: "Em cảm ơn cán bộ" };
      }
      return null;
    }
    if (state.status !== "bot") return null;
    if (conversation.next === conversation.askClerkAt && !conversation.askedForClerk) {
      conversation.askedForClerk = true;
      return { text: ASK_FOR_CLERK };
    }
    if (scriptedResume) conversation.next += 1;
    if (conversation.next >= conversation.script.length) return null;
    return conversation.script[conversation.next++]!;
  }

  /** Walks until stopped: one message, its ack, its reply, a pause. */
  async run(): Promise<void> {
    while (!this.stopped) {
      if (!this.ready) {
        await sleep(50);
        continue;
      }
      const conversation = this.current;
      if (!conversation.pending && conversation.finished) {
        this.newConversation();
        this.connect(this.url);
        continue;
      }
      if (!conversation.pending) {
        const input = this.nextInput(conversation);
        if (input)
          conversation.pending = {
            clientMessageId: `ct-${this.index}-${this.conversations.length}-${++this.messageIds}`,
            input,
          };
      }
      if (!conversation.pending) {
        await sleep(200);
        continue;
      }
      await sleep(this.random.between(...this.thinkMs));
      await this.sendPending(conversation);
    }
  }

  /** Sends the pending message until acknowledged or refused for good; resolves with its seq or null. */
  async sendPending(conversation: CrashConversation): Promise<number | null> {
    const pending = conversation.pending;
    const socket = this.socket;
    if (!pending || !socket || !this.ready) return null;
    const payload = { clientMessageId: pending.clientMessageId, ...pending.input } as SendMessage;
    const ack: SendAck | null = await socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck("message:send", payload)
      .catch(() => null);
    if (!ack) return null;
    if (!ack.ok) {
      if (ack.error.code === "CHAT_UNAVAILABLE" || ack.error.code === "CHAT_RATE_LIMITED") {
        await sleep(500);
        return null;
      }
      this.ledger.fail(`citizen ${this.index}: message ${pending.clientMessageId} refused with ${ack.error.code}`);
      conversation.pending = null;
      return null;
    }
    conversation.pending = null;
    conversation.ackedSeq = ack.seq;
    conversation.sent += 1;
    this.ledger.ack({
      conversationId: conversation.conversationId!,
      clientMessageId: pending.clientMessageId,
      seq: ack.seq,
      author: "citizen",
      text: null,
    });
    const started = Date.now();
    while (
      conversation.lastSeq <= ack.seq &&
      Date.now() - started < REPLY_WAIT_MS &&
      this.socket === socket &&
      socket.connected
    )
      await sleep(20);
    return ack.seq;
  }

  /** Stops walking; the pending message, if any, stays to be flushed. */
  stop(): void {
    this.stopped = true;
  }

  /** After `stop()`: resends the pending message until it is acknowledged (the server is up at `url`). */
  async flush(url: string, deadline: number): Promise<boolean> {
    const conversation = this.current;
    if (!this.socket?.connected || this.url !== url) this.connect(url);
    while (conversation.pending && Date.now() < deadline) {
      if (!this.ready) await sleep(50);
      else await this.sendPending(conversation);
    }
    return conversation.pending === null;
  }

  close(): void {
    this.stopped = true;
    this.closed = true;
    this.url = null;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
  }
}
