import { randomUUID } from "node:crypto";
import type { DossierStatus, PostalStatus, StatusNote } from "../dossier/dossier";
import { initialState } from "../engine/conversationState";
import type { EngineInput } from "../engine/engineIO";
import { t, type Locale } from "../engine/localized";
import type { MessageVia } from "../engine/messageAuthor";
import type { ConversationRecord } from "../store/store";
import { conversationMessage } from "./conversationMessage";
import { conversationSnapshot } from "./conversationSnapshot";
import { hashConversationToken, newConversationToken } from "./conversationToken";
import type { CitizenMessage, ConversationMessage, ConversationSnapshot } from "./conversationTypes";
import type { Acknowledge, ClerkRef, CommitListener, TurnInput, TurnOrigin, TurnOutcome } from "./turnTypes";
import { KeyedMutex } from "./keyedMutex";
import { runTurnPipeline, type TurnPipelineDeps } from "./turnPipeline";

export interface ConversationServiceDeps extends Omit<TurnPipelineDeps, "listeners" | "claimLocks"> {
  /** Turns run or queued at once past which a citizen's message is refused with TURN_BUSY. */
  maxTurnsInFlight?: number;
}

const acknowledgeNothing: Acknowledge = () => undefined;

/**
 * Conversations for every channel: started, resumed, replayed, and moved on one turn at a
 * time per conversation through {@link runTurnPipeline}, whatever the input — a citizen's
 * message, a clerk's action or message, a dossier status change.
 */
export class ConversationService {
  private readonly mutex = new KeyedMutex();
  private readonly claimLocks = new KeyedMutex();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly listeners: CommitListener[] = [];
  private overloadRefusals = 0;
  private overloadLoggedAt = 0;

  constructor(private readonly deps: ConversationServiceDeps) {}

  /** Adds a listener of committed turns. */
  onCommitted(listener: CommitListener): void {
    this.listeners.push(listener);
  }

  /** A new conversation and the bearer token that opens it again. */
  async start(options: {
    channel: ConversationRecord["channel"];
    locale: Locale;
    unitId: string | null;
  }): Promise<{ record: ConversationRecord; token: string }> {
    const token = newConversationToken();
    const at = this.deps.now().toISOString();
    const unitId =
      options.unitId && this.deps.catalogue.units.some((u) => u.id === options.unitId) ? options.unitId : null;
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
    this.deps.logger.info(
      { event: "conversation.started", conversationId: record.id, channel: record.channel, unitId },
      "conversation started",
    );
    return { record, token };
  }

  /** The conversation a bearer token opens, or null. */
  resume(token: string): Promise<ConversationRecord | null> {
    return this.deps.store.findConversationByTokenHash(hashConversationToken(token));
  }

  /** A conversation with its whole transcript, for the console. */
  async load(
    conversationId: string,
  ): Promise<{ record: ConversationRecord; transcript: ConversationMessage[] } | null> {
    const record = await this.deps.store.getConversation(conversationId);
    return record ? { record, transcript: await this.messagesAfter(conversationId, 0) } : null;
  }

  /** Messages after `lastSeq`, in order, for a reconnecting client. */
  async messagesAfter(conversationId: string, lastSeq: number): Promise<ConversationMessage[]> {
    const messages: ConversationMessage[] = [];
    for (let after = lastSeq; ;) {
      const page = await this.deps.store.listMessages(conversationId, after, 500);
      messages.push(...page.map(conversationMessage));
      if (page.length < 500) return messages;
      after = page[page.length - 1]!.seq;
    }
  }

  /** The conversation's status, procedure and progress as the channels show them. */
  async stateOf(conversationId: string): Promise<ConversationSnapshot | null> {
    const record = await this.deps.store.getConversation(conversationId);
    return record ? conversationSnapshot(this.deps.catalogue, record) : null;
  }

  /**
   * The citizen opened the chat: a new conversation is greeted; one in progress is left as it
   * is (its transcript was replayed) unless the language changed.
   */
  open(
    conversationId: string,
    locale: Locale | undefined,
    acknowledge: Acknowledge = acknowledgeNothing,
  ): Promise<TurnOutcome> {
    return this.turn({ kind: "open", conversationId, ...(locale ? { locale } : {}) }, acknowledge);
  }

  /**
   * One citizen message: acknowledged once its turn is stored, then answered to every
   * connection. Past `maxTurnsInFlight` it is refused at once, unsaved: a store that falls
   * behind (a slow database) makes citizens resend rather than wait with thousands of turns
   * held in memory.
   */
  send(
    conversationId: string,
    message: CitizenMessage,
    origin: TurnOrigin = {},
    acknowledge: Acknowledge = acknowledgeNothing,
  ): Promise<TurnOutcome> {
    if (this.inFlight.size >= (this.deps.maxTurnsInFlight ?? Number.POSITIVE_INFINITY)) {
      const busy: TurnOutcome = {
        ok: false,
        code: "TURN_BUSY",
        message: t("Hệ thống đang bận, thử lại sau.", "The system is busy; try again."),
      };
      this.logOverload();
      return Promise.resolve(acknowledge(busy)).then(() => busy);
    }
    return this.turn({ kind: "citizen", conversationId, message, origin }, acknowledge);
  }

  /** A clerk's action on a conversation (take, fill a field, hand back, close, transfer). */
  clerkAction(
    conversationId: string,
    clerk: ClerkRef,
    input: EngineInput,
    acknowledge: Acknowledge = acknowledgeNothing,
  ): Promise<TurnOutcome> {
    return this.turn({ kind: "clerkAction", conversationId, clerk, input }, acknowledge);
  }

  /** A clerk's message to the citizen, stored once per client message id. */
  clerkMessage(
    conversationId: string,
    clerk: ClerkRef,
    clientMessageId: string,
    text: string,
    acknowledge: Acknowledge = acknowledgeNothing,
    via?: MessageVia,
  ): Promise<TurnOutcome> {
    return this.turn(
      { kind: "clerkMessage", conversationId, clerk, clientMessageId, text, ...(via ? { via } : {}) },
      acknowledge,
    );
  }

  /** A channel's notice in the conversation (a system message), stored once per `noticeId`. */
  notice(
    conversationId: string,
    notice: { noticeId: string; text: string; via?: MessageVia },
    acknowledge: Acknowledge = acknowledgeNothing,
  ): Promise<TurnOutcome> {
    return this.turn({ kind: "notice", conversationId, ...notice }, acknowledge);
  }

  /**
   * A clerk moves a dossier on (received, processing, done…, rejected with a reason, or sent
   * back with the list of what is missing): the dossier and a message telling the citizen, the
   * note included, are written together, and status lookup shows the new status at once.
   */
  async changeDossierStatus(
    code: string,
    status: DossierStatus,
    note: StatusNote | null,
    acknowledge: Acknowledge = acknowledgeNothing,
  ): Promise<TurnOutcome> {
    return this.dossierTurn(
      code,
      (conversationId) => ({ kind: "dossierStatus", conversationId, code, status, note }),
      acknowledge,
    );
  }

  /**
   * A clerk moves a dossier's postal pickup or delivery one step on: stored with a message telling the citizen, as
   * a status change is. Refused (nothing written) backwards, skipping a step, or delivering before there is a result.
   */
  async movePostal(
    code: string,
    status: PostalStatus,
    clerkId: string,
    acknowledge: Acknowledge = acknowledgeNothing,
  ): Promise<TurnOutcome> {
    return this.dossierTurn(
      code,
      (conversationId) => ({ kind: "dossierPostal", conversationId, code, status, clerkId }),
      acknowledge,
    );
  }

  /** A turn on the conversation that submitted the dossier `code`; refused when there is no such dossier. */
  private async dossierTurn(
    code: string,
    input: (conversationId: string) => TurnInput,
    acknowledge: Acknowledge,
  ): Promise<TurnOutcome> {
    const owned = await this.deps.store.getDossierOwner(code);
    if (!owned) {
      const missing: TurnOutcome = {
        ok: false,
        code: "TURN_NOT_FOUND",
        message: t("Không tìm thấy hồ sơ.", "No such dossier."),
      };
      await acknowledge(missing);
      return missing;
    }
    return this.turn(input(owned.conversationId), acknowledge);
  }

  /** Resolves when every turn under way has been stored and delivered (graceful shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** One turn at a time per conversation on this node, counted until its effects have run. */
  private turn(input: TurnInput, acknowledge: Acknowledge): Promise<TurnOutcome> {
    const deps = { ...this.deps, listeners: this.listeners, claimLocks: this.claimLocks };
    const promise = this.mutex.run(input.conversationId, () => runTurnPipeline(deps, input, acknowledge));
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise)).catch(() => undefined);
    return promise;
  }

  private logOverload(): void {
    this.overloadRefusals += 1;
    const now = Date.now();
    // One line a second at most: an overload must not flood the log as well.
    if (now - this.overloadLoggedAt >= 1000) {
      this.deps.logger.warn(
        { event: "turn.overload", refused: this.overloadRefusals, inFlight: this.inFlight.size },
        "turns refused: too many in flight",
      );
      this.overloadLoggedAt = now;
      this.overloadRefusals = 0;
    }
  }
}
