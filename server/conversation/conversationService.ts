import { createHash, randomUUID } from "node:crypto";
import type { ChatMessage, ConversationStateEvent, ErrorCode, SendMessage } from "../channels/web/protocol";
import type { Dossier, DossierStatus } from "../dossier/dossier";
import { canMoveDossier } from "../dossier/dossierLifecycle";
import type { DossierService } from "../dossier/dossierService";
import { STATUS_TEXTS } from "../dossier/statusTexts";
import type { Catalogue } from "../engine/catalogue";
import { conversationProgress } from "../engine/conversationProgress";
import { initialState } from "../engine/conversationState";
import type { Effect, EngineInput, Reply } from "../engine/engineIO";
import type { Locale } from "../engine/localized";
import type { Logger } from "../logger";
import type { ConversationRecord, DedupeRecord, MessageRecord, Store } from "../store/store";
import { hashConversationToken, newConversationToken } from "./conversationToken";
import { KeyedMutex } from "./keyedMutex";
import { takeTurn } from "./takeTurn";

/** Where a committed turn's messages and state go: every connection of the conversation. */
export interface Delivery {
  /** New messages, in seq order; `exceptSocketId` already shows the first one (the citizen's own). */
  messages(conversationId: string, messages: ChatMessage[], exceptSocketId?: string): void;
  state(event: ConversationStateEvent): void;
  typing(conversationId: string): void;
}

/**
 * Where a turn's input came from: the socket that sent the citizen's message (it shows the
 * message already) and who is asking — an IP, a channel's user id, a clerk — for the status
 * lookup limits, which count per requester.
 */
export interface TurnOrigin {
  socketId?: string;
  requester?: string;
}

export type SendOutcome = { ok: true; messageId: string; seq: number } | { ok: false; code: ErrorCode };

/** What a clerk's action came to: the conversation as saved, or why it was refused. */
export type ClerkOutcome =
  | { ok: true; record: ConversationRecord; seq?: number }
  | { ok: false; code: string; message: string };

/** Told of every committed turn: the clerk console follows conversations and queues with it. */
export type CommitListener = (saved: ConversationRecord, messages: ChatMessage[]) => void;

type TurnResult = "conflict" | { ok: true; saved: ConversationRecord } | { ok: false; dedupe: DedupeRecord } | { refused: { code: string; message: { vi: string; en: string } } };

export interface ConversationServiceDeps {
  store: Store;
  catalogue: Catalogue;
  dossiers: DossierService;
  now: () => Date;
  logger: Logger;
  delivery: Delivery;
  /** Effects that need nothing back, run once the turn is saved (the clerk queue listens here). */
  onEffects?: (conversation: ConversationRecord, effects: Effect[]) => void;
  /** Turns run or queued at once past which a citizen's message is refused with CHAT_UNAVAILABLE. */
  maxTurnsInFlight?: number;
  /** Whether a clerk of the unit can answer now (opening hours, someone signed in). */
  clerkAvailability?: (unitId: string | null, now: Date) => { available: true } | { available: false; why: "closed" | "nobody"; hours: { vi: string; en: string } };
}

// A turn that loses the version race, or its receipt number to another turn, reloads and runs
// again (with a fresh number); more than a few losses in a row means the store is failing, not busy.
const MAX_ATTEMPTS = 4;
const MINUTES_PER_CONVERSATION_AHEAD = 3;

function toChatMessage(record: MessageRecord): ChatMessage {
  return {
    id: record.id,
    seq: record.seq,
    conversationId: record.conversationId,
    author: record.author,
    text: record.text,
    ...(record.choices ? { choices: record.choices } : {}),
    ...(record.input ? { input: record.input } : {}),
    ...(record.progress !== undefined ? { progress: record.progress } : {}),
    at: record.at,
  };
}

function contentHash(payload: SendMessage): string {
  return createHash("sha256")
    .update(JSON.stringify([payload.text ?? null, payload.choice ?? null, payload.attachmentId ?? null]))
    .digest("hex");
}

/**
 * The turn pipeline of DESIGN.md: load the conversation, drop a duplicate, run the engine,
 * write state, messages, dedupe key and dossier in one atomic write, acknowledge, then deliver
 * and run the remaining effects. Nothing about a conversation stays in memory between turns.
 */
export class ConversationService {
  private readonly mutex = new KeyedMutex();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly listeners: CommitListener[] = [];
  private overloadRefusals = 0;
  private overloadLoggedAt = 0;

  /** Adds a listener of committed turns. */
  onCommitted(listener: CommitListener): void {
    this.listeners.push(listener);
  }

  /** A conversation with its whole transcript, for the console. */
  async load(conversationId: string): Promise<{ record: ConversationRecord; transcript: ChatMessage[] } | null> {
    const record = await this.deps.store.getConversation(conversationId);
    return record ? { record, transcript: await this.messagesAfter(conversationId, 0) } : null;
  }

  /**
   * A clerk's action on a conversation (take, fill a field, hand back, close, transfer), run
   * through the engine and stored like a citizen's turn. Taking a conversation another clerk
   * holds is refused with that clerk's name: of two clerks clicking at once, one wins.
   */
  clerkAction(conversationId: string, clerk: { id: string; name: string }, input: EngineInput): Promise<ClerkOutcome> {
    return this.track(
      this.mutex.run(conversationId, async (): Promise<ClerkOutcome> => {
        for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
          const record = await this.deps.store.getConversation(conversationId);
          if (!record) return { ok: false, code: "CONSOLE_NOT_FOUND", message: "Không tìm thấy cuộc trò chuyện. / No such conversation." };
          const holder = record.state.clerk;
          if (input.kind === "clerkTake" && record.state.status === "with_clerk" && holder && holder.id !== clerk.id) {
            return { ok: false, code: "CONSOLE_TAKEN", message: `Cán bộ ${holder.name} đã nhận cuộc trò chuyện này. / ${holder.name} has taken this conversation.` };
          }
          // Who may pass a conversation on is the engine's rule (`mayPass`), the same for every channel.
          if (input.kind !== "clerkTake" && input.kind !== "clerkTransfer" && input.kind !== "clerkHandOver" && holder && holder.id !== clerk.id) {
            return { ok: false, code: "CONSOLE_TAKEN", message: `Cuộc trò chuyện do cán bộ ${holder.name} phụ trách. / ${holder.name} holds this conversation.` };
          }
          const result = await this.runTurn(record, input, null, undefined, { requester: `clerk:${clerk.id}` });
          if (result === "conflict") continue;
          if ("refused" in result) return { ok: false, code: result.refused.code, message: `${result.refused.message.vi} / ${result.refused.message.en}` };
          if (result.ok) return { ok: true, record: result.saved };
        }
        return { ok: false, code: "CONSOLE_UNAVAILABLE", message: "Hệ thống đang bận, thử lại sau. / The system is busy; try again." };
      }),
    );
  }

  /** A clerk's message to the citizen, stored (once per client id) and delivered like any message. */
  clerkMessage(conversationId: string, clerk: { id: string; name: string }, clientMessageId: string, text: string): Promise<ClerkOutcome> {
    return this.track(
      this.mutex.run(conversationId, async (): Promise<ClerkOutcome> => {
        for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
          const record = await this.deps.store.getConversation(conversationId);
          if (!record) return { ok: false, code: "CONSOLE_NOT_FOUND", message: "Không tìm thấy cuộc trò chuyện. / No such conversation." };
          if (record.state.status !== "with_clerk" || record.state.clerk?.id !== clerk.id) {
            return { ok: false, code: "CONSOLE_REFUSED", message: "Nhận hỗ trợ cuộc trò chuyện trước khi nhắn. / Take the conversation before writing." };
          }
          const dedupeKey = `clerk:${clerk.id}:${clientMessageId}`;
          const seen = await this.deps.store.findDedupe(conversationId, dedupeKey);
          if (seen) return { ok: true, record, seq: seen.seq };
          const appended = await this.appendMessage(record, { author: "clerk", text, clientMessageId: dedupeKey });
          if (appended === "conflict") continue;
          return { ok: true, record: appended.saved, seq: appended.seq };
        }
        return { ok: false, code: "CONSOLE_UNAVAILABLE", message: "Hệ thống đang bận, thử lại sau. / The system is busy; try again." };
      }),
    );
  }

  /**
   * A clerk moves a dossier on (received, processing, done…, or rejected with a reason): the
   * dossier and a message telling the citizen are written together, and status lookup shows
   * the new status at once.
   */
  changeDossierStatus(code: string, status: DossierStatus, reason: string | null): Promise<ClerkOutcome & { dossier?: Dossier }> {
    return this.track(
      (async () => {
        const owned = await this.deps.store.getDossierOwner(code);
        if (!owned) return { ok: false as const, code: "CONSOLE_NOT_FOUND", message: "Không tìm thấy hồ sơ. / No such dossier." };
        return this.mutex.run(owned.conversationId, async () => {
          for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            const fresh = await this.deps.store.getDossierOwner(code);
            const record = await this.deps.store.getConversation(owned.conversationId);
            if (!fresh || !record) return { ok: false as const, code: "CONSOLE_NOT_FOUND", message: "Không tìm thấy hồ sơ. / No such dossier." };
            if (!canMoveDossier(fresh.dossier.status, status)) {
              return { ok: false as const, code: "DOSSIER_STATUS_MOVE_INVALID", message: `Không chuyển được từ "${STATUS_TEXTS[fresh.dossier.status].name.vi}" sang "${STATUS_TEXTS[status].name.vi}". / Cannot move from ${fresh.dossier.status} to ${status}.` };
            }
            const at = this.deps.now().toISOString();
            const dossier: Dossier = { ...fresh.dossier, status, updatedAt: at, ...(status === "rejected" ? { rejectionReason: reason ?? "" } : {}) };
            const locale = record.state.locale;
            const texts = STATUS_TEXTS[status];
            const text = `${locale === "vi" ? "Hồ sơ" : "Application"} ${code}: ${texts.name[locale]}.${reason ? ` ${reason}` : ""} ${texts.next[locale]}`.trim();
            const appended = await this.appendMessage(record, { author: "system", text }, dossier);
            if (appended === "conflict") continue;
            const saved = appended.saved;
            this.deps.logger.info({ event: "dossier.status", code, status, conversationId: record.id }, "dossier status changed");
            return { ok: true as const, record: saved, dossier };
          }
          return { ok: false as const, code: "CONSOLE_UNAVAILABLE", message: "Hệ thống đang bận, thử lại sau. / The system is busy; try again." };
        });
      })(),
    );
  }

  /**
   * Tells a citizen who just joined the queue their place in it and a rough wait. The wait
   * counts a few minutes per conversation ahead: a ward clerk's handoffs are short questions.
   */
  private async tellQueuePosition(saved: ConversationRecord): Promise<ConversationRecord> {
    const queue = await this.deps.store.listConversations({ unitIds: saved.state.unitId ? [saved.state.unitId] : [], statuses: ["waiting_clerk"], limit: 500 });
    const position = Math.max(1, queue.findIndex((c) => c.id === saved.id) + 1);
    const minutes = position * MINUTES_PER_CONVERSATION_AHEAD;
    const text =
      saved.state.locale === "vi"
        ? `Bạn đang ở vị trí thứ ${position} trong hàng chờ, dự kiến khoảng ${minutes} phút. Bạn cứ nhắn tin, cán bộ sẽ đọc được; muốn tự khai tiếp thì bấm "Tiếp tục với trợ lý".`
        : `You are number ${position} in the queue, about ${minutes} minutes. Write here and the clerk will read it; to carry on yourself, press "Continue with the assistant".`;
    const appended = await this.appendMessage(saved, { author: "system", text });
    return appended === "conflict" ? saved : appended.saved;
  }

  /**
   * Writes one message that changes no engine state — a clerk's, or the system telling the
   * citizen something — with a dossier change if any, and delivers it. A clerk's message
   * carries its dedupe key, so a retry is stored once.
   */
  private async appendMessage(
    record: ConversationRecord,
    content: { author: "clerk" | "system"; text: string; clientMessageId?: string },
    dossier: Dossier | null = null,
  ): Promise<"conflict" | { saved: ConversationRecord; seq: number }> {
    const at = this.deps.now().toISOString();
    const message: MessageRecord = { id: randomUUID(), conversationId: record.id, seq: record.lastSeq + 1, ...content, at };
    const key = content.clientMessageId;
    const commit = await this.deps.store.commitTurn({
      conversationId: record.id,
      expectedVersion: record.version,
      state: record.state,
      messages: [message],
      dedupe: key ? { conversationId: record.id, clientMessageId: key, contentHash: createHash("sha256").update(content.text).digest("hex"), messageId: message.id, seq: message.seq, at } : null,
      dossier,
    });
    if (!commit.ok) return commit.reason === "conflict" ? "conflict" : { saved: record, seq: commit.dedupe.seq };
    const saved = { ...record, lastSeq: message.seq, version: commit.version, updatedAt: at };
    this.deliver(saved, [toChatMessage(message)]);
    return { saved, seq: message.seq };
  }

  private deliver(saved: ConversationRecord, messages: ChatMessage[], exceptSocketId?: string): void {
    this.deps.delivery.messages(saved.id, messages, exceptSocketId);
    this.deps.delivery.state(this.stateEvent(saved));
    for (const listener of this.listeners) listener(saved, messages);
  }

  constructor(private readonly deps: ConversationServiceDeps) {}

  /** A new conversation and the bearer token that opens it again. */
  async start(options: { channel: ConversationRecord["channel"]; locale: Locale; unitId: string | null }): Promise<{ record: ConversationRecord; token: string }> {
    const token = newConversationToken();
    const at = this.deps.now().toISOString();
    const unitId = options.unitId && this.deps.catalogue.units.some((u) => u.id === options.unitId) ? options.unitId : null;
    const state = initialState(options.locale, unitId);
    const record: ConversationRecord = {
      id: randomUUID(),
      tokenHash: hashConversationToken(token),
      channel: options.channel,
      locale: options.locale,
      unitId,
      state,
      status: state.status,
      procedureId: null,
      lastSeq: 0,
      version: 0,
      createdAt: at,
      updatedAt: at,
    };
    await this.deps.store.createConversation(record);
    this.deps.logger.info({ event: "conversation.started", conversationId: record.id, channel: record.channel, unitId }, "conversation started");
    return { record, token };
  }

  /** The conversation a bearer token opens, or null. */
  resume(token: string): Promise<ConversationRecord | null> {
    return this.deps.store.findConversationByTokenHash(hashConversationToken(token));
  }

  /** Messages after `lastSeq`, in order, for a reconnecting client. */
  async messagesAfter(conversationId: string, lastSeq: number): Promise<ChatMessage[]> {
    const messages: ChatMessage[] = [];
    for (let after = lastSeq; ; ) {
      const page = await this.deps.store.listMessages(conversationId, after, 500);
      messages.push(...page.map(toChatMessage));
      if (page.length < 500) return messages;
      after = page[page.length - 1]!.seq;
    }
  }

  /** The conversation's status, procedure and progress as the channels show them. */
  async stateOf(conversationId: string): Promise<ConversationStateEvent | null> {
    const record = await this.deps.store.getConversation(conversationId);
    return record ? this.stateEvent(record) : null;
  }

  stateEvent(record: ConversationRecord): ConversationStateEvent {
    const { state } = record;
    return {
      conversationId: record.id,
      status: state.status,
      procedureId: state.flowId,
      stepId: state.stepId,
      progress: conversationProgress(this.deps.catalogue, state),
      ...(state.dossierCode ? { dossierCode: state.dossierCode } : {}),
    };
  }

  /**
   * The citizen opened the chat: a new conversation is greeted; one in progress is left as it
   * is (its transcript was replayed) unless the language changed, when the current question is
   * asked again in the new language.
   */
  open(conversationId: string, locale: Locale | undefined): Promise<void> {
    return this.track(
      this.mutex.run(conversationId, async () => {
        const record = await this.deps.store.getConversation(conversationId);
        if (!record) return;
        if (record.lastSeq > 0 && (locale === undefined || locale === record.state.locale)) return;
        await this.runTurn(record, { kind: "start", ...(locale ? { locale } : {}) }, null);
      }),
    );
  }

  /**
   * One citizen message: acknowledged once its turn is stored, answered to every tab. Past
   * `maxTurnsInFlight` it is refused at once, unsaved: a store that falls behind (a slow
   * database) makes citizens resend rather than wait with thousands of turns held in memory.
   */
  send(conversationId: string, payload: SendMessage, origin: TurnOrigin = {}): Promise<SendOutcome> {
    if (this.inFlight.size >= (this.deps.maxTurnsInFlight ?? Number.POSITIVE_INFINITY)) {
      this.overloadRefusals += 1;
      const now = Date.now();
      // One line a second at most: an overload must not flood the log as well.
      if (now - this.overloadLoggedAt >= 1000) {
        this.deps.logger.warn({ event: "turn.overload", refused: this.overloadRefusals, inFlight: this.inFlight.size }, "turns refused: too many in flight");
        this.overloadLoggedAt = now;
        this.overloadRefusals = 0;
      }
      return Promise.resolve({ ok: false, code: "CHAT_UNAVAILABLE" });
    }
    return this.track(this.mutex.run(conversationId, () => this.sendNow(conversationId, payload, origin)));
  }

  /** Resolves when every turn under way has been stored and delivered (graceful shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise)).catch(() => undefined);
    return promise;
  }

  private async sendNow(conversationId: string, payload: SendMessage, origin: TurnOrigin): Promise<SendOutcome> {
    const hash = contentHash(payload);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const record = await this.deps.store.getConversation(conversationId);
      if (!record) return { ok: false, code: "CHAT_UNAVAILABLE" };
      // The bot is about to answer; a clerk's typing is signalled by the console instead.
      if (attempt === 0 && record.state.status === "bot") this.deps.delivery.typing(conversationId);
      const seen = await this.deps.store.findDedupe(conversationId, payload.clientMessageId);
      if (seen) return seen.contentHash === hash ? { ok: true, messageId: seen.messageId, seq: seen.seq } : { ok: false, code: "CHAT_MESSAGE_ID_REUSED" };
      if (payload.attachmentId) {
        const upload = await this.deps.store.getUpload(payload.attachmentId);
        if (!upload || upload.record.conversationId !== conversationId) return { ok: false, code: "CHAT_ATTACHMENT_UNKNOWN" };
      }
      const citizen: MessageRecord = {
        id: randomUUID(),
        conversationId,
        seq: record.lastSeq + 1,
        author: "citizen",
        text: await this.citizenText(record, payload),
        clientMessageId: payload.clientMessageId,
        ...(payload.choice !== undefined ? { choice: payload.choice } : {}),
        ...(payload.attachmentId !== undefined ? { attachmentId: payload.attachmentId } : {}),
        at: this.deps.now().toISOString(),
      };
      const input: EngineInput =
        payload.attachmentId !== undefined
          ? { kind: "attachment", attachmentId: payload.attachmentId }
          : payload.choice !== undefined
            ? { kind: "choice", value: payload.choice }
            : { kind: "text", text: payload.text ?? "" };
      const result = await this.runTurn(record, input, citizen, hash, origin);
      if (result === "conflict") continue;
      if ("refused" in result) return { ok: false, code: "CHAT_PAYLOAD_INVALID" };
      if (result.ok === false) {
        const stored = result.dedupe;
        return stored.contentHash === hash ? { ok: true, messageId: stored.messageId, seq: stored.seq } : { ok: false, code: "CHAT_MESSAGE_ID_REUSED" };
      }
      return { ok: true, messageId: citizen.id, seq: citizen.seq };
    }
    this.deps.logger.error({ event: "turn.conflicts", conversationId }, "turn lost the version race repeatedly");
    return { ok: false, code: "CHAT_UNAVAILABLE" };
  }

  /** What the transcript shows for the citizen's message: the text, the clicked choice's label, or a file. */
  private async citizenText(record: ConversationRecord, payload: SendMessage): Promise<string> {
    if (payload.text !== undefined) return payload.text;
    if (payload.attachmentId !== undefined) return record.state.locale === "vi" ? "📎 Đã gửi tệp đính kèm" : "📎 File sent";
    const recent = await this.deps.store.listMessages(record.id, Math.max(0, record.lastSeq - 10), 10);
    for (const message of recent.reverse()) {
      const choice = message.choices?.find((c) => c.value === payload.choice);
      if (choice) return choice.label;
    }
    return payload.choice ?? "";
  }

  /**
   * Runs the engine on a loaded conversation and commits the turn. Returns "conflict" when
   * another turn committed first, the duplicate's stored ack, or ok.
   */
  private async runTurn(
    record: ConversationRecord,
    input: EngineInput,
    citizen: MessageRecord | null,
    hash?: string,
    origin: TurnOrigin = {},
  ): Promise<TurnResult> {
    const now = this.deps.now();
    const outcome = await takeTurn(this.deps.catalogue, record.state, input, { now }, { dossiers: this.deps.dossiers, requester: origin.requester ?? "unknown" });
    if (outcome.refused) return { refused: outcome.refused };
    const at = now.toISOString();
    const firstBotSeq = record.lastSeq + (citizen ? 2 : 1);
    const replies = outcome.replies.map((reply: Reply, i): MessageRecord => ({
      id: randomUUID(),
      conversationId: record.id,
      seq: firstBotSeq + i,
      author: "bot",
      text: reply.text,
      ...(reply.choices ? { choices: reply.choices } : {}),
      ...(reply.input ? { input: reply.input } : {}),
      progress: reply.progress,
      at,
    }));
    const messages = citizen ? [citizen, ...replies] : replies;
    if (messages.length === 0 && JSON.stringify(outcome.state) === JSON.stringify(record.state)) return { ok: true, saved: record };
    const commit = await this.deps.store.commitTurn({
      conversationId: record.id,
      expectedVersion: record.version,
      state: outcome.state,
      messages,
      dedupe: citizen && hash ? { conversationId: record.id, clientMessageId: citizen.clientMessageId!, contentHash: hash, messageId: citizen.id, seq: citizen.seq, at } : null,
      dossier: outcome.dossier,
      counterClaim: outcome.claim,
    });
    if (!commit.ok) return commit.reason === "conflict" ? "conflict" : { ok: false, dedupe: commit.dedupe };

    const saved: ConversationRecord = {
      ...record,
      state: outcome.state,
      status: outcome.state.status,
      procedureId: outcome.state.flowId,
      lastSeq: messages.length > 0 ? messages[messages.length - 1]!.seq : record.lastSeq,
      version: commit.version,
      updatedAt: at,
    };
    if (outcome.dossier) {
      this.deps.logger.info({ event: "dossier.submitted", conversationId: record.id, code: outcome.dossier.code, procedureId: outcome.dossier.procedureId }, "dossier submitted");
    }
    this.deliver(saved, messages.map(toChatMessage), citizen ? origin.socketId : undefined);
    const later = outcome.effects.filter((e) => e.type === "requestClerk");
    if (later.length > 0) {
      for (const effect of later) this.deps.logger.info({ event: "clerk.requested", conversationId: record.id, reason: effect.type === "requestClerk" ? effect.reason : undefined, unitId: saved.state.unitId }, "clerk requested");
      this.deps.onEffects?.(saved, later);
      const availability = this.deps.clerkAvailability?.(saved.state.unitId, now);
      if (availability && !availability.available) {
        // Nobody can answer: the citizen is offered a call back or a counter visit in the same turn.
        const followUp = await this.runTurn(saved, { kind: "clerkUnavailable", why: availability.why, hours: availability.hours[saved.state.locale] }, null);
        if (typeof followUp === "object" && "ok" in followUp && followUp.ok) return followUp;
      } else if (saved.state.status === "waiting_clerk") {
        return { ok: true, saved: await this.tellQueuePosition(saved) };
      }
    }
    return { ok: true, saved };
  }
}
