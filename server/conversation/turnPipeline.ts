import { createHash, randomUUID } from "node:crypto";
import type { Dossier } from "../dossier/dossier";
import { canMoveDossier } from "../dossier/dossierLifecycle";
import { movePostal, postalToldText } from "../dossier/postalRoute";
import type { DossierService } from "../dossier/dossierService";
import { statusChangeText } from "../dossier/dossierStatusText";
import { STATUS_TEXTS } from "../dossier/statusTexts";
import type { Catalogue } from "../engine/catalogue";
import type { ConversationState } from "../engine/conversationState";
import type { Effect, EngineInput } from "../engine/engineIO";
import { t, type Localized } from "../engine/localized";
import { abandonedConversations, type QueueAbandonment } from "../handoff/abandonedConversations";
import type { ClerkAvailability } from "../handoff/clerkAvailability";
import type { Logger } from "../logger";
import type { ConversationRecord, CounterClaim, DedupeRecord, MessageRecord, Store, TurnLoad } from "../store/store";
import { conversationMessage } from "./conversationMessage";
import { conversationSnapshot } from "./conversationSnapshot";
import type { CitizenMessage } from "./conversationTypes";
import type { Acknowledge, CommitListener, Delivery, TurnInput, TurnOutcome, TurnRefusalCode } from "./turnTypes";
import { CONFLICT, retryOnConflict } from "./retryOnConflict";
import { takeTurn } from "./takeTurn";
import type { KeyedMutex } from "./keyedMutex";
import type { QuestionBridge } from "./questionBridge";
import type { LegalDeadlines } from "../deadlines/legalDeadlines";
import { serviceEventsOfTurn } from "./serviceEventsOfTurn";
import { answeredByBridge, type TurnReply } from "./answeredByBridge";
import type { IdentityCardReading } from "../engine/engineIO";
import { askedIdentity } from "../engine/identityGroups";
import { readCardPhoto } from "../identity/readCardPhoto";
import { readCccdQr } from "../identity/readCccdQr";

export interface TurnPipelineDeps {
  store: Store;
  catalogue: Catalogue;
  dossiers: DossierService;
  now: () => Date;
  logger: Logger;
  delivery: Delivery;
  listeners: readonly CommitListener[];
  /** Turns of this node that claim a receipt number commit one at a time per counter. */
  claimLocks: KeyedMutex;
  /** Whether a clerk of the unit can answer now (opening hours, someone signed in). */
  clerkAvailability?: (unitId: string | null, now: Date) => ClerkAvailability;
  /** The city's own bot, asked what the assistant cannot answer (the Botpress bridge). */
  questionBridge?: QuestionBridge;
  /** Legal due dates: a dossier's clock starts again from the day the office receives it. */
  deadlines?: LegalDeadlines;
  /** Citizens who left the queue (gone and silent): not counted ahead of one who joins it. */
  queueAbandonment?: QueueAbandonment;
}

/** A turn ready to be written: everything it changes, and what its sender is told once it is. */
interface PlannedTurn {
  input: TurnInput;
  record: ConversationRecord;
  state: ConversationState;
  messages: MessageRecord[];
  dedupe: DedupeRecord | null;
  dossier: Dossier | null;
  claim: CounterClaim | null;
  effects: Effect[];
  /** The sender's answer, given the conversation as saved. */
  outcome: (saved: ConversationRecord) => TurnOutcome;
  /** The connection that shows the first message already. */
  exceptConnectionId?: string;
  /** Uploads read as ID card photos: deleted once the turn is stored, nothing of the card kept but the answers. */
  readCards?: string[];
}

/** A turn written, or answered without writing (a duplicate, a refusal, nothing to change). */
type Settled = { outcome: TurnOutcome; committed: { turn: PlannedTurn; saved: ConversationRecord } | null };

const MINUTES_PER_CONVERSATION_AHEAD = 3;
// A clicked choice's label is in one of the last few messages: the question it answers.
const RECENT_FOR_CHOICE = 10;
const QUEUE_READ_LIMIT = 500;

const REFUSALS: Record<Exclude<TurnRefusalCode, "TURN_HELD_BY_OTHER">, Localized> = {
  TURN_NOT_FOUND: t("Không tìm thấy cuộc trò chuyện.", "No such conversation."),
  TURN_NOT_HELD: t("Nhận hỗ trợ cuộc trò chuyện trước khi nhắn.", "Take the conversation before writing."),
  TURN_MESSAGE_ID_REUSED: t("Mã tin nhắn đã dùng cho một tin khác.", "This message id was used for another message."),
  TURN_ATTACHMENT_UNKNOWN: t("Không tìm thấy tệp đính kèm.", "No such attachment."),
  TURN_INPUT_REFUSED: t("Tin nhắn không hợp lệ.", "Invalid message."),
  TURN_BUSY: t("Hệ thống đang bận, thử lại sau.", "The system is busy; try again."),
};

const refused = (code: keyof typeof REFUSALS, message: Localized = REFUSALS[code]): Settled => ({
  outcome: { ok: false, code, message },
  committed: null,
});
const answered = (outcome: TurnOutcome): Settled => ({ outcome, committed: null });

/**
 * The turn pipeline of DESIGN.md, the same for every channel and every kind of input:
 * load → drop duplicate → admit → engine → one commit → acknowledge → deliver → run effects.
 * Nothing about a conversation stays in memory between turns; the caller runs one turn of a
 * conversation at a time on this node, and the store's version check does it across nodes.
 */
export async function runTurnPipeline(
  deps: TurnPipelineDeps,
  input: TurnInput,
  acknowledge: Acknowledge,
): Promise<TurnOutcome> {
  // A receipt number is the day's counter + 1, read before the commit that claims it: turns of
  // this node that claim one run one at a time per counter (a turn finding that it claims runs
  // again holding the counter's lock), so that they do not take the same number and conflict.
  // Across nodes the store's check on the counter does the same job.
  let claimLock: string | null = null;
  let typing: ReturnType<typeof setTimeout> | null = null;
  // A card photo is decoded once per turn, however many times the turn is planned again.
  const cardReadings = new Map<string, Promise<IdentityCardReading>>();
  let settled: Settled | typeof CONFLICT;
  try {
    settled = await retryOnConflict((attempt) =>
      claimLock === null ? attemptTurn(attempt) : deps.claimLocks.run(claimLock, () => attemptTurn(attempt)),
    );
  } finally {
    if (typing) clearTimeout(typing);
  }
  async function attemptTurn(attempt: number): Promise<Settled | typeof CONFLICT> {
    const loaded = await load(deps, input);
    if (!loaded)
      return refused(
        "TURN_NOT_FOUND",
        input.kind === "dossierStatus" || input.kind === "dossierPostal"
          ? t("Không tìm thấy hồ sơ.", "No such dossier.")
          : undefined,
      );
    if (attempt === 0) typing = signalTypingIfSlow(deps, input, loaded.record);
    const duplicate = dropDuplicate(input, loaded);
    if (duplicate) return duplicate;
    const refusal = admit(input, loaded.record);
    if (refusal) return refusal;
    const planned = await engine(deps, input, loaded, cardReadings);
    if (!("messages" in planned)) return planned;
    if (planned.claim && claimLock !== planned.claim.name) {
      claimLock = planned.claim.name;
      return CONFLICT;
    }
    return commit(deps, planned);
  }
  if (settled === CONFLICT) {
    deps.logger.error(
      { event: "turn.conflicts", conversationId: input.conversationId },
      "turn lost the version race repeatedly",
    );
    const busy = refused("TURN_BUSY").outcome;
    await acknowledgeStored(deps, input, acknowledge, busy);
    return busy;
  }
  await acknowledgeStored(deps, input, acknowledge, settled.outcome);
  if (settled.committed) {
    deliver(deps, settled.committed.turn, settled.committed.saved);
    runEffects(deps, settled.committed.turn, settled.committed.saved);
    await forgetReadCards(deps, settled.committed.turn);
  }
  return settled.outcome;
}

/** Deletes the card photos the turn read: the procedure keeps what the citizen confirmed, not the picture. */
async function forgetReadCards(deps: TurnPipelineDeps, turn: PlannedTurn): Promise<void> {
  for (const uploadId of turn.readCards ?? []) {
    try {
      await deps.store.deleteUpload(uploadId);
    } catch (error) {
      deps.logger.error(
        { event: "identity.card_photo_not_deleted", err: error, conversationId: turn.record.id, uploadId },
        "card photo not deleted; the retention sweep removes it",
      );
    }
  }
}

/**
 * What an ID card the citizen sent says: the text a camera read, or an uploaded photo of the card (the
 * card's photo field, or a file sent while the identity is asked) decoded here, on the server. Null for a
 * message that is no card; a refusal for a photo that is not this conversation's.
 */
async function cardOfMessage(
  deps: TurnPipelineDeps,
  record: ConversationRecord,
  sent: CitizenMessage,
  cardReadings: Map<string, Promise<IdentityCardReading>>,
): Promise<{ reading: IdentityCardReading; uploadId: string | null } | Settled | null> {
  if (sent.identityQr !== undefined) return { reading: readCccdQr(sent.identityQr), uploadId: null };
  const photoId =
    sent.cardPhotoId ??
    (sent.attachmentId !== undefined && askedIdentity(deps.catalogue, record.state) ? sent.attachmentId : undefined);
  if (photoId === undefined) return null;
  let reading = cardReadings.get(photoId);
  if (!reading) {
    const upload = await deps.store.getUpload(photoId);
    if (!upload || upload.record.conversationId !== record.id) return refused("TURN_ATTACHMENT_UNKNOWN");
    reading = readCardPhoto(upload.bytes);
    cardReadings.set(photoId, reading);
  }
  const read = await reading;
  // The reason only: the card's text and the picture never reach a log line.
  if (!read.ok)
    deps.logger.info({ event: "identity.card_unread", conversationId: record.id, reason: read.reason }, "card unread");
  return { reading: read, uploadId: photoId };
}

/** Tells the sender; a channel failing to answer its sender does not keep the stored turn from the others. */
async function acknowledgeStored(
  deps: TurnPipelineDeps,
  input: TurnInput,
  acknowledge: Acknowledge,
  outcome: TurnOutcome,
): Promise<void> {
  try {
    await acknowledge(outcome);
  } catch (error) {
    deps.logger.error(
      { event: "turn.ack_failed", err: error, conversationId: input.conversationId, kind: input.kind },
      "turn acknowledgement failed",
    );
  }
}

/** Everything the turn reads, in one store call (a dossier status change also reads its dossier). */
async function load(deps: TurnPipelineDeps, input: TurnInput): Promise<(TurnLoad & { dossier?: Dossier }) | null> {
  const dedupeKey =
    input.kind === "citizen"
      ? input.message.clientMessageId
      : input.kind === "clerkMessage"
        ? clerkDedupeKey(input.clerk.id, input.clientMessageId)
        : input.kind === "notice"
          ? noticeDedupeKey(input.noticeId)
          : null;
  const recent = input.kind === "citizen" && input.message.choice !== undefined ? RECENT_FOR_CHOICE : 0;
  if (input.kind !== "dossierStatus" && input.kind !== "dossierPostal")
    return deps.store.loadTurn(input.conversationId, dedupeKey, recent);
  const [loaded, owned] = await Promise.all([
    deps.store.loadTurn(input.conversationId, null, 0),
    deps.store.getDossierOwner(input.code),
  ]);
  return loaded && owned && owned.conversationId === input.conversationId
    ? { ...loaded, dossier: owned.dossier }
    : null;
}

// An answer within this time needs no typing indicator: it would only flash before the message.
const TYPING_AFTER_MS = 300;

/**
 * The bot is about to answer a citizen: if the answer is not out within {@link TYPING_AFTER_MS}
 * (a busy store), the citizen sees the typing indicator. A clerk's typing is signalled by the
 * console instead.
 */
function signalTypingIfSlow(
  deps: TurnPipelineDeps,
  input: TurnInput,
  record: ConversationRecord,
): ReturnType<typeof setTimeout> | null {
  if (input.kind !== "citizen" || record.state.status !== "bot") return null;
  return setTimeout(() => deps.delivery.typing(input.conversationId), TYPING_AFTER_MS);
}

/** A message id seen before gets the first answer again (or a refusal, when its content differs). */
function dropDuplicate(input: TurnInput, loaded: TurnLoad): Settled | null {
  if (!loaded.dedupe) return null;
  if (input.kind === "citizen") return duplicateOfCitizen(input.message, loaded.dedupe, loaded.record);
  return answered({ ok: true, record: loaded.record, seq: loaded.dedupe.seq });
}

function duplicateOfCitizen(message: CitizenMessage, stored: DedupeRecord, record: ConversationRecord): Settled {
  return stored.contentHash === citizenContentHash(message)
    ? answered({ ok: true, record, messageId: stored.messageId, seq: stored.seq })
    : refused("TURN_MESSAGE_ID_REUSED");
}

/**
 * Whether a clerk may act on the conversation now. Taking a conversation another clerk holds
 * is refused with that clerk's name: of two clerks clicking at once, one wins. Who may pass a
 * conversation on is the engine's rule (`mayPass`), the same for every channel.
 */
function admit(input: TurnInput, record: ConversationRecord): Settled | null {
  const holder = record.state.clerk;
  if (input.kind === "clerkMessage" && (record.state.status !== "with_clerk" || holder?.id !== input.clerk.id))
    return refused("TURN_NOT_HELD");
  if (input.kind !== "clerkAction" || !holder || holder.id === input.clerk.id) return null;
  const kind = input.input.kind;
  if (kind === "clerkTake" && record.state.status === "with_clerk") {
    return {
      outcome: {
        ok: false,
        code: "TURN_HELD_BY_OTHER",
        message: t(`Cán bộ ${holder.name} đã nhận cuộc trò chuyện này.`, `${holder.name} has taken this conversation.`),
      },
      committed: null,
    };
  }
  if (kind !== "clerkTake" && kind !== "clerkTransfer" && kind !== "clerkHandOver") {
    return {
      outcome: {
        ok: false,
        code: "TURN_HELD_BY_OTHER",
        message: t(`Cuộc trò chuyện do cán bộ ${holder.name} phụ trách.`, `${holder.name} holds this conversation.`),
      },
      committed: null,
    };
  }
  return null;
}

/**
 * What the turn writes: the engine's answer to the input (with the dossier it registers or the
 * status it looks up), and for a turn that asks for a clerk, what the citizen is told next —
 * the place in the queue, or the no-clerk offer — so that the whole turn is one commit.
 */
async function engine(
  deps: TurnPipelineDeps,
  input: TurnInput,
  loaded: TurnLoad & { dossier?: Dossier },
  cardReadings: Map<string, Promise<IdentityCardReading>>,
): Promise<PlannedTurn | Settled> {
  const { record } = loaded;
  const now = deps.now();
  const at = now.toISOString();
  const base: Omit<PlannedTurn, "outcome"> = {
    input,
    record,
    state: record.state,
    messages: [],
    dedupe: null,
    dossier: null,
    claim: null,
    effects: [],
  };
  const message = (
    author: MessageRecord["author"],
    text: string,
    extra: Partial<MessageRecord> = {},
  ): MessageRecord => ({
    id: randomUUID(),
    conversationId: record.id,
    seq: record.lastSeq + base.messages.length + 1,
    author,
    text,
    ...extra,
    at,
  });

  if (input.kind === "notice") {
    const notice = message("system", input.text, input.via ? { via: input.via } : {});
    base.messages.push(notice);
    const dedupe = {
      conversationId: record.id,
      clientMessageId: noticeDedupeKey(input.noticeId),
      contentHash: sha256(input.text),
      messageId: notice.id,
      seq: notice.seq,
      at,
    };
    return { ...base, dedupe, outcome: (saved) => ({ ok: true, record: saved, seq: notice.seq }) };
  }

  if (input.kind === "clerkMessage") {
    const clerk = message("clerk", input.text, input.via ? { via: input.via } : {});
    base.messages.push(clerk);
    const dedupe = {
      conversationId: record.id,
      clientMessageId: clerkDedupeKey(input.clerk.id, input.clientMessageId),
      contentHash: sha256(input.text),
      messageId: clerk.id,
      seq: clerk.seq,
      at,
    };
    return { ...base, dedupe, outcome: (saved) => ({ ok: true, record: saved, seq: clerk.seq }) };
  }

  if (input.kind === "dossierPostal") {
    // Told like a status change: one system message beside the dossier, so the web chat and the Zalo outbox carry it.
    const moved = movePostal(loaded.dossier!, input.status, { at, clerkId: input.clerkId });
    if (!moved.ok) return answered({ ok: false, code: moved.code, message: moved.message });
    base.messages.push(message("system", postalToldText(input.code, input.status, record.state.locale)));
    return {
      ...base,
      dossier: moved.dossier,
      outcome: (saved) => ({ ok: true, record: saved, dossier: moved.dossier }),
    };
  }

  if (input.kind === "dossierStatus") {
    const current = loaded.dossier!;
    const { status, note } = input;
    if (!canMoveDossier(current.status, status)) {
      return answered({
        ok: false,
        code: "DOSSIER_STATUS_MOVE_INVALID",
        message: t(
          `Không chuyển được từ "${STATUS_TEXTS[current.status].name.vi}" sang "${STATUS_TEXTS[status].name.vi}".`,
          `Cannot move from ${current.status} to ${status}.`,
        ),
      });
    }
    // Submitted online the dossier counted from its submission; at the counter or by post, the office's clock
    // starts when it has the papers.
    const dueDate = status === "received" ? deps.deadlines?.dueDate(current.procedureId, now) : current.dueDate;
    const dossier: Dossier = {
      ...current,
      status,
      ...(dueDate ? { dueDate } : {}),
      updatedAt: at,
      ...(status === "rejected" ? { rejectionReason: note?.reason ?? "" } : {}),
      ...(status === "needs_more_info" ? { missingItems: note?.missingItems ?? [] } : {}),
    };
    // A list of what was missing is over once the dossier moves on; a second request brings its own.
    if (status !== "needs_more_info") delete dossier.missingItems;
    base.messages.push(message("system", statusChangeText(dossier, record.state.locale)));
    return { ...base, dossier, outcome: (saved) => ({ ok: true, record: saved, dossier }) };
  }

  let engineInput: EngineInput;
  let requester = "unknown";
  let outcome: PlannedTurn["outcome"] = (saved) => ({ ok: true, record: saved });
  let exceptConnectionId: string | undefined;
  let readCards: string[] | undefined;
  if (input.kind === "citizen") {
    const sent = input.message;
    const card = await cardOfMessage(deps, record, sent, cardReadings);
    if (card && "outcome" in card) return card;
    if (!card && sent.attachmentId !== undefined) {
      const upload = await deps.store.getUpload(sent.attachmentId);
      if (!upload || upload.record.conversationId !== record.id) return refused("TURN_ATTACHMENT_UNKNOWN");
    }
    if (card?.uploadId) readCards = [card.uploadId];
    const citizen = message("citizen", card ? cardText(record, sent) : citizenText(record, sent, loaded.recent), {
      clientMessageId: sent.clientMessageId,
      ...(sent.choice !== undefined ? { choice: sent.choice } : {}),
      // A card photo is not kept: the message names no file.
      ...(sent.attachmentId !== undefined && !card ? { attachmentId: sent.attachmentId } : {}),
    });
    base.messages.push(citizen);
    base.dedupe = {
      conversationId: record.id,
      clientMessageId: sent.clientMessageId,
      contentHash: citizenContentHash(sent),
      messageId: citizen.id,
      seq: citizen.seq,
      at,
    };
    engineInput = card
      ? { kind: "identityCard", reading: card.reading }
      : sent.attachmentId !== undefined
        ? { kind: "attachment", attachmentId: sent.attachmentId }
        : sent.choice !== undefined
          ? { kind: "choice", value: sent.choice }
          : { kind: "text", text: sent.text ?? "" };
    requester = input.origin.requester ?? requester;
    exceptConnectionId = input.origin.connectionId;
    outcome = (saved) => ({ ok: true, record: saved, messageId: citizen.id, seq: citizen.seq });
  } else if (input.kind === "open") {
    // A conversation in progress was replayed as it is, unless the language changed: then the
    // current question is asked again in the new language.
    if (record.lastSeq > 0 && (input.locale === undefined || input.locale === record.state.locale))
      return answered({ ok: true, record });
    engineInput = { kind: "start", ...(input.locale ? { locale: input.locale } : {}) };
  } else {
    engineInput = input.input;
    requester = `clerk:${input.clerk.id}`;
  }

  const services = { dossiers: deps.dossiers, requester };
  const turn = await takeTurn(deps.catalogue, record.state, engineInput, { now }, services);
  if (turn.refused) {
    return input.kind === "citizen"
      ? refused("TURN_INPUT_REFUSED")
      : answered({ ok: false, code: turn.refused.code, message: turn.refused.message });
  }
  let state = turn.state;
  let replies: TurnReply[] = turn.replies;
  const effects = [...turn.effects];
  const bridged =
    input.kind === "citizen" && deps.questionBridge
      ? await answeredByBridge(deps.questionBridge, record, turn, input.message.text)
      : null;
  if (bridged) ({ state, replies } = bridged);
  const askedForClerk = effects.some((e) => e.type === "requestClerk");
  const followUp = askedForClerk ? deps.clerkAvailability?.(state.unitId, now) : undefined;
  if (followUp && !followUp.available) {
    // Nobody can answer: the citizen is offered a call back or a counter visit in the same turn.
    const offer = await takeTurn(
      deps.catalogue,
      state,
      { kind: "clerkUnavailable", why: followUp.why, hours: followUp.hours[state.locale] },
      { now },
      services,
    );
    if (!offer.refused) {
      state = offer.state;
      replies = [...replies, ...offer.replies];
      effects.push(...offer.effects);
    }
  }
  for (const reply of replies) {
    base.messages.push(
      message("bot", reply.text, {
        ...(reply.choices ? { choices: reply.choices } : {}),
        ...(reply.input ? { input: reply.input } : {}),
        progress: reply.progress,
        ...(reply.via ? { via: reply.via } : {}),
      }),
    );
  }
  if (askedForClerk && followUp?.available !== false && state.status === "waiting_clerk")
    base.messages.push(message("system", await queuePositionText(deps, record.id, state)));
  if (base.messages.length === 0 && JSON.stringify(state) === JSON.stringify(record.state))
    return answered({ ok: true, record });
  return {
    ...base,
    state,
    effects,
    dossier: turn.dossier,
    claim: turn.claim,
    outcome,
    ...(exceptConnectionId ? { exceptConnectionId } : {}),
    ...(readCards ? { readCards } : {}),
  };
}

/**
 * Tells a citizen who joins the queue their place in it and a rough wait. The turn's commit
 * puts the conversation last (its `updatedAt` is now), behind every other one waiting. The wait
 * counts a few minutes per conversation ahead: a ward clerk's handoffs are short questions. A
 * citizen ahead who has gone (abandoned, QUEUE_ABANDON_MINUTES) is not counted: no clerk waits on them.
 */
async function queuePositionText(
  deps: TurnPipelineDeps,
  conversationId: string,
  state: ConversationState,
): Promise<string> {
  const queue = await deps.store.listConversations({
    unitIds: state.unitId ? [state.unitId] : [],
    statuses: ["waiting_clerk"],
    limit: QUEUE_READ_LIMIT,
  });
  const ahead = queue.filter((c) => c.id !== conversationId);
  const gone = deps.queueAbandonment
    ? await abandonedConversations(ahead, deps.queueAbandonment, deps.now())
    : new Set<string>();
  const position = ahead.filter((c) => !gone.has(c.id)).length + 1;
  const minutes = position * MINUTES_PER_CONVERSATION_AHEAD;
  return state.locale === "vi"
    ? `Bạn đang ở vị trí thứ ${position} trong hàng chờ, dự kiến khoảng ${minutes} phút. Bạn cứ nhắn tin, cán bộ sẽ ` +
        `đọc được; muốn tự khai tiếp thì bấm "Tiếp tục với trợ lý".`
    : `You are number ${position} in the queue, about ${minutes} minutes. Write here and the clerk will read it; to ` +
        `carry on yourself, press "Continue with the assistant".`;
}

/** The one atomic write of the turn: state, messages, dossier, receipt number and dedupe key. */
async function commit(deps: TurnPipelineDeps, turn: PlannedTurn): Promise<Settled | typeof CONFLICT> {
  const { record } = turn;
  const result = await deps.store.commitTurn({
    conversationId: record.id,
    expectedVersion: record.version,
    state: turn.state,
    messages: turn.messages,
    dedupe: turn.dedupe,
    dossier: turn.dossier,
    counterClaim: turn.claim,
    events: serviceEventsOfTurn(
      record.id,
      record.state,
      turn.state,
      turn.messages[0]?.author === "citizen" ? turn.messages[0].text : null,
      turn.messages[0] ? new Date(turn.messages[0].at) : deps.now(),
    ),
  });
  if (!result.ok && result.reason === "conflict") return CONFLICT;
  if (!result.ok) {
    // The same message id committed by another node in between: the first answer stands.
    const stored = result.dedupe;
    if (turn.messages[0]?.author !== "citizen") return answered({ ok: true, record, seq: stored.seq });
    return stored.contentHash === turn.dedupe?.contentHash
      ? answered({ ok: true, record, messageId: stored.messageId, seq: stored.seq })
      : refused("TURN_MESSAGE_ID_REUSED");
  }
  const saved: ConversationRecord = {
    ...record,
    state: turn.state,
    status: turn.state.status,
    procedureId: turn.state.flowId,
    lastSeq: turn.messages.length > 0 ? turn.messages[turn.messages.length - 1]!.seq : record.lastSeq,
    version: result.version,
    updatedAt: turn.messages[0]?.at ?? deps.now().toISOString(),
  };
  return { outcome: turn.outcome(saved), committed: { turn, saved } };
}

/** The turn's messages and the conversation's new state to every connection and every console. */
function deliver(deps: TurnPipelineDeps, turn: PlannedTurn, saved: ConversationRecord): void {
  const messages = turn.messages.map(conversationMessage);
  deps.delivery.messages(saved.id, messages, turn.exceptConnectionId);
  deps.delivery.state(conversationSnapshot(deps.catalogue, saved));
  for (const listener of deps.listeners) listener(saved, messages);
}

/**
 * What the turn set going once it is stored and delivered. The effects the engine waits for (a
 * dossier's receipt code, a status lookup) were resolved inside the turn; the clerk queue
 * learns of a request for a clerk from the committed state, through the commit listeners.
 */
function runEffects(deps: TurnPipelineDeps, turn: PlannedTurn, saved: ConversationRecord): void {
  if (turn.input.kind === "dossierPostal") {
    deps.logger.info(
      { event: "dossier.postal", code: turn.input.code, status: turn.input.status, conversationId: saved.id },
      "dossier postal status changed",
    );
  } else if (turn.dossier && turn.input.kind !== "dossierStatus") {
    deps.logger.info(
      {
        event: "dossier.submitted",
        conversationId: saved.id,
        code: turn.dossier.code,
        procedureId: turn.dossier.procedureId,
      },
      "dossier submitted",
    );
  } else if (turn.dossier) {
    deps.logger.info(
      { event: "dossier.status", code: turn.dossier.code, status: turn.dossier.status, conversationId: saved.id },
      "dossier status changed",
    );
  }
  for (const effect of turn.effects) {
    if (effect.type === "requestClerk")
      deps.logger.info(
        { event: "clerk.requested", conversationId: saved.id, reason: effect.reason, unitId: saved.state.unitId },
        "clerk requested",
      );
  }
}

/** What the transcript shows for the citizen's message: the text, the clicked choice's label, or a file. */
function citizenText(record: ConversationRecord, sent: CitizenMessage, recent: readonly MessageRecord[]): string {
  if (sent.text !== undefined) return sent.text;
  if (sent.attachmentId !== undefined) return record.state.locale === "vi" ? "📎 Đã gửi tệp đính kèm" : "📎 File sent";
  for (const message of [...recent].reverse()) {
    const choice = message.choices?.find((c) => c.value === sent.choice);
    if (choice) return choice.label;
  }
  return sent.choice ?? "";
}

/** What the transcript shows for an ID card sent: that it was, never what it says. */
function cardText(record: ConversationRecord, sent: CitizenMessage): string {
  const vi = record.state.locale === "vi";
  if (sent.identityQr !== undefined) return vi ? "🪪 Đã quét mã QR trên CCCD" : "🪪 ID card QR code scanned";
  return vi ? "🪪 Đã gửi ảnh CCCD" : "🪪 ID card photo sent";
}

function citizenContentHash(message: CitizenMessage): string {
  const sent = [message.text ?? null, message.choice ?? null, message.attachmentId ?? null];
  // Hashed like before for the messages that carry no card, so that stored message ids keep their answers.
  const card = message.identityQr ?? message.cardPhotoId;
  return sha256(
    JSON.stringify(card === undefined ? sent : [...sent, message.identityQr ?? null, message.cardPhotoId ?? null]),
  );
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A clerk's client message ids live beside the citizen's: prefixed, they never collide. */
const clerkDedupeKey = (clerkId: string, clientMessageId: string) => `clerk:${clerkId}:${clientMessageId}`;
const noticeDedupeKey = (noticeId: string) => `notice:${noticeId}`;
