import { io, type Socket } from "socket.io-client";
import type {
  ClerkClientToServerEvents,
  ClerkServerToClientEvents,
  ConversationView,
  QueueItem,
} from "../../server/console/clerkProtocol";
import type { DossierStatus } from "../../server/dossier/dossier";
import type { CrashLedger, TrackedDossier } from "./crashLedger";
import { type SeededRandom, sleep } from "./seededRandom";

/** The moves the clerks make, in the lifecycle's order (server/dossier/dossierLifecycle.ts). */
const STATUS_CHAIN: readonly DossierStatus[] = ["submitted", "received", "processing", "done", "returned"];
const ACK_TIMEOUT_MS = 3000;

type Held = {
  conversationId: string;
  stage: "message" | "patch" | "wait" | "message2" | "release";
  field: string | null;
  messageId: string;
  waitUntil: number;
};

/** The status a dossier moves to next, or null once returned. */
export function nextStatus(dossier: TrackedDossier): DossierStatus | null {
  const at = STATUS_CHAIN.indexOf(dossier.acked.at(-1) ?? "submitted");
  return STATUS_CHAIN[at + 1] ?? null;
}

/**
 * A clerk of the crash harness, signed in once (the session lives in the store and outlasts a
 * restart): takes conversations from the queue, writes to the citizen, fills a name field,
 * hands back, and moves dossiers on over REST. Every action not answered is made again after
 * the restart: messages with the same clientMessageId, a status move until it is seen done.
 */
export class CrashClerk {
  private socket: Socket<ClerkServerToClientEvents, ClerkClientToServerEvents> | null = null;
  private url: string | null = null;
  private queue: QueueItem[] = [];
  private held: Held | null = null;
  private moving: { dossier: TrackedDossier; to: DossierStatus } | null = null;
  private stopped = false;
  private closed = false;
  private messages = 0;
  takes = 0;

  constructor(
    readonly username: string,
    private readonly password: string,
    private readonly random: SeededRandom,
    private readonly ledger: CrashLedger,
    private session: { cookie: string; csrfToken: string } | null = null,
  ) {}

  /** Signs in over HTTP (once: the session is stored). */
  async signIn(url: string): Promise<void> {
    const res = await fetch(`${url}/api/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: this.username, password: this.password }),
    });
    const body = (await res.json()) as { ok?: boolean; csrfToken?: string; user?: { mustChangePassword?: boolean } };
    const cookie = /khaiho_session=[^;]*/.exec(res.headers.get("set-cookie") ?? "")?.[0];
    if (!res.ok || !cookie || !body.csrfToken || body.user?.mustChangePassword)
      throw new Error(`clerk ${this.username} could not sign in (HTTP ${res.status})`);
    this.session = { cookie, csrfToken: body.csrfToken };
  }

  connect(url: string | null): void {
    this.url = url;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    if (!url || this.closed || !this.session) return;
    const socket: Socket<ClerkServerToClientEvents, ClerkClientToServerEvents> = io(`${url}/clerk`, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      extraHeaders: { Cookie: this.session.cookie },
    });
    this.socket = socket;
    socket.on("queue:update", (q) => (this.queue = q));
    const retry = () =>
      setTimeout(() => this.socket === socket && this.url === url && !this.closed && this.connect(url), 300);
    socket.on("connect_error", retry);
    socket.on("disconnect", retry);
  }

  private emit(
    event: keyof ClerkClientToServerEvents,
    payload: unknown,
  ): Promise<{ ok: boolean; error?: { code: string }; seq?: number; view?: ConversationView } | null> {
    const socket = this.socket;
    if (!socket?.connected) return Promise.resolve(null);
    return (socket.timeout(ACK_TIMEOUT_MS) as unknown as { emitWithAck(e: string, p: unknown): Promise<never> })
      .emitWithAck(event, payload)
      .catch(() => null);
  }

  async run(): Promise<void> {
    while (!this.stopped) {
      await sleep(this.random.between(150, 400));
      if (!this.socket?.connected) continue;
      if (this.moving || this.random.next() < 0.5) await this.moveADossier();
      await this.handleConversation();
    }
  }

  /**
   * Moves one dossier a step along; a move whose answer was lost is made again, and a refusal because it is already
   * made counts as its answer.
   */
  private async moveADossier(): Promise<void> {
    if (!this.moving) {
      const free = [...this.ledger.dossiers.values()].filter((d) => d.claimedBy === null && nextStatus(d) !== null);
      if (free.length === 0) return;
      const dossier = this.random.pick(free);
      dossier.claimedBy = this.username;
      this.moving = { dossier, to: nextStatus(dossier)! };
    }
    const { dossier, to } = this.moving;
    const url = this.url;
    if (!url || !this.session) return;
    const headers = {
      "Content-Type": "application/json",
      Cookie: this.session.cookie,
      "X-CSRF-Token": this.session.csrfToken,
    };
    const res = await fetch(`${url}/api/console/dossiers/${encodeURIComponent(dossier.code)}/status`, {
      method: "POST",
      headers,
      body: JSON.stringify({ status: to }),
      signal: AbortSignal.timeout(ACK_TIMEOUT_MS),
    }).catch(() => null);
    if (!res) return;
    if (res.status === 409) {
      const now = await fetch(`${url}/api/console/dossiers/${encodeURIComponent(dossier.code)}`, {
        headers,
        signal: AbortSignal.timeout(ACK_TIMEOUT_MS),
      }).catch(() => null);
      if (!now?.ok) return;
      const { dossier: current } = (await now.json()) as { dossier: { status: DossierStatus } };
      if (current.status !== to)
        this.ledger.fail(`dossier ${dossier.code}: moving to ${to} refused while it is ${current.status}`);
    } else if (res.status === 503 || res.status === 429 || res.status === 502 || res.status === 504) {
      // 502/504: a proxy in front lost the node (or found none up); the move may have been made, and the retry's
      // 409 tells which.
      return;
    } else if (res.status !== 200) {
      this.ledger.fail(`dossier ${dossier.code}: moving to ${to} answered HTTP ${res.status}`);
      this.release();
      return;
    }
    dossier.acked.push(to);
    this.release();
  }

  private release(): void {
    if (this.moving) this.moving.dossier.claimedBy = null;
    this.moving = null;
  }

  /** Takes a waiting conversation, or carries the held one a stage further. */
  private async handleConversation(): Promise<void> {
    if (!this.held) {
      const waiting = this.queue.filter((q) => q.status === "waiting_clerk" && q.clerk === null);
      if (waiting.length === 0) return;
      const { conversationId } = this.random.pick(waiting);
      const taken = await this.emit("conversation:take", { conversationId });
      if (!taken?.ok) return;
      this.takes += 1;
      // A name the citizen typed: the clerk corrects it, which routes nothing.
      const field = taken.view?.draft.find((f) => f.editable && f.display === "Nguyễn Văn An")?.key ?? null;
      this.held = {
        conversationId,
        stage: "message",
        field,
        messageId: `clerk-${this.username}-${++this.messages}`,
        waitUntil: 0,
      };
      return;
    }
    const held = this.held;
    const { conversationId } = held;
    switch (held.stage) {
      case "message":
      case "message2": {
        const text = `Cán bộ ${this.username} trả lời, tin ${held.messageId}`;
        const ack = await this.emit("conversation:message", { conversationId, clientMessageId: held.messageId, text });
        if (!ack) return;
        if (!ack.ok) return this.drop(`message ${held.messageId} refused with ${ack.error?.code}`);
        this.ledger.ack({ conversationId, clientMessageId: held.messageId, seq: ack.seq!, author: "clerk", text });
        held.messageId = `clerk-${this.username}-${++this.messages}`;
        held.stage = held.stage === "message" ? (held.field ? "patch" : "message2") : "release";
        return;
      }
      case "patch": {
        const ack = await this.emit("dossier:patch", { conversationId, field: held.field, text: "Trần Văn Bình" });
        if (!ack) return;
        if (!ack.ok) return this.drop(`patch refused with ${ack.error?.code}`);
        held.stage = "wait";
        held.waitUntil = Date.now() + 1000;
        return;
      }
      case "wait":
        if (Date.now() >= held.waitUntil) held.stage = "message2";
        return;
      case "release": {
        const ack = await this.emit("conversation:release", { conversationId, at: "current" });
        if (!ack) return;
        if (!ack.ok) return this.drop(`release refused with ${ack.error?.code}`);
        this.held = null;
        return;
      }
    }
  }

  private drop(why: string): void {
    this.ledger.fail(`clerk ${this.username}, conversation ${this.held?.conversationId}: ${why}`);
    this.held = null;
  }

  /** Hands back what it holds (the end of the run), on a live server. */
  async finish(deadline: number): Promise<void> {
    while (this.held && Date.now() < deadline) {
      if (this.held.stage !== "release" && this.held.stage !== "message" && this.held.stage !== "message2")
        this.held.stage = "message2";
      await this.handleConversation();
      if (this.held) await sleep(100);
    }
    while (this.moving && Date.now() < deadline) {
      await this.moveADossier();
      if (this.moving) await sleep(100);
    }
  }

  stop(): void {
    this.stopped = true;
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
