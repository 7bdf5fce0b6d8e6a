import { randomUUID } from "node:crypto";
import type { ConversationService } from "../../conversation/conversationService";
import type { CitizenMessage } from "../../conversation/conversationTypes";
import { KeyedMutex } from "../../conversation/keyedMutex";
import type { TurnOutcome } from "../../conversation/turnTypes";
import type { Catalogue } from "../../engine/catalogue";
import { expectsUpload } from "../../engine/expectsUpload";
import { askedIdentity } from "../../engine/identityGroups";
import type { Localized } from "../../engine/localized";
import { normalizeInput } from "../../engine/understanding/normalizeInput";
import { citizenTextTooLong } from "../../limits/citizenTextTooLong";
import { ConcurrencyLimit } from "../../limits/concurrencyLimit";
import type { WindowLimiter } from "../../limits/windowLimiter";
import type { Logger } from "../../logger";
import type { ConversationRecord, Store, ZaloContactRecord, ZaloInboxRecord } from "../../store/store";
import { inspectUpload } from "../../uploads/inspectUpload";
import { type ZaloEvent, parseZaloEvent } from "./zaloEvent";
import { ZaloLeases } from "./zaloLeases";
import { fetchZaloMedia, type ZaloMediaOptions } from "./zaloMedia";
import { ZALO_MEDIA_REFUSALS, ZALO_TEXTS, type ZaloMediaRefusal } from "./zaloTexts";

export interface ZaloInboxOptions {
  store: Store;
  service: ConversationService;
  catalogue: Catalogue;
  logger: Logger;
  now: () => Date;
  /** The unit a new Zalo conversation starts in (null: the citizen is asked). */
  defaultUnit: string | null;
  media: Omit<ZaloMediaOptions, "maxBytes">;
  uploads: { maxBytes: number; maxFilesPerConversation: number; maxBytesPerConversation: number };
  perConversation: WindowLimiter;
  /** How often events left unprocessed (a failure, a restart) are tried again. */
  retryMs?: number;
  /** A citizen Zalo would not deliver to is reachable again (they wrote): clerks are shown. */
  contactChanged?: (conversationId: string) => void;
}

const PENDING_READ = 200;
// Events processed at once: a burst waits in the inbox (stored) rather than crowding out the
// webhook's own answers, which Zalo wants within 2 s.
const PROCESSING_AT_ONCE = 16;
// Events kept in memory waiting for their turn; beyond it they wait in the store for the next read.
const QUEUED_AT_MOST = 5_000;
// A clicked button's value is in the last few messages: the question it answers.
const RECENT_FOR_CHOICE = 10;

/**
 * The Zalo inbox: every webhook event is stored before Zalo is answered, then processed here, one
 * at a time per citizen, into the same turns the web chat makes. Processing again an event that
 * was processed (a crash before it was marked) changes nothing: a citizen's message carries the
 * event's key as its client message id, and notices and clerk messages are stored once per key.
 * With several nodes on one store, every node reads the pending events: an event is processed
 * under a lease in the store, by one node at a time, and not again once marked: processed twice
 * at once, an OA admin's message would take the conversation twice (two "took over" messages), and
 * a citizen at their rate limit could be answered and told to slow down for the same message.
 */
export class ZaloInbox {
  private readonly perUser = new KeyedMutex();
  private readonly processing = new ConcurrencyLimit(PROCESSING_AT_ONCE);
  private readonly inFlight = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private readonly leases: ZaloLeases;
  private timer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;

  constructor(private readonly options: ZaloInboxOptions) {
    this.leases = new ZaloLeases(options);
  }

  /** Processes what was left from before, then what stays unprocessed, every `retryMs`. */
  start(): void {
    this.stopped = false;
    this.timer ??= setInterval(() => void this.processPending(), this.options.retryMs ?? 5_000);
    this.timer.unref();
    void this.processPending();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Stores a verified event; true when it is new (a retry or replay is stored once). Processing follows. */
  async receive(event: ZaloEvent, body: string): Promise<boolean> {
    const receivedAt = this.options.now().toISOString();
    const added = await this.options.store.addZaloEvent({ eventKey: event.eventKey, body, receivedAt });
    if (added) this.schedule({ eventKey: event.eventKey, body, receivedAt, processedAt: null }, event);
    return added;
  }

  private async processPending(): Promise<void> {
    try {
      for (const record of await this.options.store.listPendingZaloEvents(PENDING_READ)) this.schedule(record);
    } catch (error) {
      this.options.logger.error({ event: "zalo.inbox_failed", err: error }, "zalo inbox read failed");
    }
  }

  private schedule(record: ZaloInboxRecord, parsed?: ZaloEvent): void {
    if (this.stopped || this.inFlight.has(record.eventKey) || this.processing.queued >= QUEUED_AT_MOST) return;
    const event = parsed ?? parseZaloEvent(record.body);
    const { store, now } = this.options;
    this.inFlight.add(record.eventKey);
    const run = this.processing
      .run(() =>
        this.perUser.run(event?.userId ?? "", async () => {
          // Another node processing it now keeps it; one that processed it since it was read marked it.
          await this.leases.hold("event", record.eventKey, async () => {
            if ((await store.getZaloEvent(record.eventKey))?.processedAt !== null) return;
            // A body stored by an older release that this one cannot read is set aside, not retried forever.
            if (event && !(await this.process(event))) return;
            await store.markZaloEventProcessed(record.eventKey, now().toISOString());
          });
        }),
      )
      .catch((error: unknown) =>
        this.options.logger.error(
          { event: "zalo.event_failed", err: error, eventKey: record.eventKey },
          "zalo event failed; retried later",
        ),
      )
      .finally(() => {
        this.inFlight.delete(record.eventKey);
        this.running.delete(run);
      });
    this.running.add(run);
  }

  /** One event's effect; false when it must be tried again later (the store was busy). */
  private async process(event: ZaloEvent): Promise<boolean> {
    switch (event.kind) {
      case "text":
      case "attachments":
      case "location":
      case "follow":
      case "submitInfo": {
        const contact = await this.contactOf(event);
        if (event.kind === "follow") return true;
        if (event.kind === "submitInfo") return this.sharedInfo(contact, event);
        if (!(await this.options.perConversation.allow(contact.conversationId)))
          return this.notice(contact, event.eventKey, ZALO_TEXTS.rateLimited);
        if (event.kind === "attachments") return this.attachments(contact, event);
        if (event.kind === "location")
          return this.citizenText(contact, event.eventKey, ZALO_TEXTS.location(event.latitude, event.longitude));
        return event.kind === "text" ? this.citizenText(contact, event.eventKey, event.text) : true;
      }
      case "unfollow": {
        const updated = await this.options.store.updateZaloContact(event.oaId, event.userId, {
          unreachable: { code: 0, since: this.options.now().toISOString() },
          updatedAt: this.options.now().toISOString(),
        });
        const contact = updated ? await this.options.store.getZaloContact(event.oaId, event.userId) : null;
        if (contact) this.options.contactChanged?.(contact.conversationId);
        return true;
      }
      case "oaEcho":
        // Our own sends come back as echoes without an admin: nothing to do.
        return event.adminId === null ? true : this.adminWrote(event, event.adminId);
      case "other":
        return true;
    }
  }

  /**
   * The citizen's contact, made with a new conversation (greeted with the menu, like the web chat
   * when it opens) on their first event. A citizen who writes again is reachable again.
   */
  private async contactOf(event: ZaloEvent): Promise<ZaloContactRecord> {
    const { store, service, now } = this.options;
    const existing = await store.getZaloContact(event.oaId, event.userId);
    if (existing) {
      if (existing.unreachable) {
        await store.updateZaloContact(event.oaId, event.userId, { unreachable: null, updatedAt: now().toISOString() });
        this.options.contactChanged?.(existing.conversationId);
      }
      // Made by an event whose processing stopped before the greeting (a crash): greeted now.
      if ((await store.getConversation(existing.conversationId))?.lastSeq === 0)
        await service.open(existing.conversationId, undefined);
      return { ...existing, unreachable: null };
    }
    const { record } = await service.start({ channel: "zalo", locale: "vi", unitId: this.options.defaultUnit });
    const at = now().toISOString();
    const contact = await store.createZaloContact({
      oaId: event.oaId,
      userId: event.userId,
      conversationId: record.id,
      displayName: null,
      deliveredSeq: 0,
      unreachable: null,
      retryAt: null,
      createdAt: at,
      updatedAt: at,
    });
    // Another node made the contact first: its conversation is the one, greeted by whichever
    // node opens it first (a second open finds it greeted and changes nothing).
    await service.open(contact.conversationId, undefined);
    return contact;
  }

  /** A typed text, or a button's payload (Zalo sends it back as text): the choice it names. */
  private async citizenText(contact: ZaloContactRecord, eventKey: string, text: string): Promise<boolean> {
    // Refused whole rather than cut where the citizen cannot see; their text stays in their Zalo chat.
    if (citizenTextTooLong(text)) return this.notice(contact, eventKey, ZALO_TEXTS.textTooLong);
    const typed = normalizeInput(text);
    const choice = await this.choiceNamed(contact.conversationId, typed);
    const message: CitizenMessage = choice
      ? { clientMessageId: eventKey, choice }
      : { clientMessageId: eventKey, text: typed };
    return this.send(contact, message);
  }

  private async choiceNamed(conversationId: string, text: string): Promise<string | null> {
    const record = await this.options.store.getConversation(conversationId);
    if (!record) return null;
    const recent = await this.options.store.listMessages(
      conversationId,
      Math.max(0, record.lastSeq - RECENT_FOR_CHOICE),
      RECENT_FOR_CHOICE,
    );
    const asked = [...recent].reverse().find((m) => m.author !== "citizen" && m.choices && m.choices.length > 0);
    return asked?.choices?.find((c) => c.value === text)?.value ?? null;
  }

  private async send(contact: ZaloContactRecord, message: CitizenMessage): Promise<boolean> {
    const outcome = await this.options.service.send(contact.conversationId, message, {
      requester: `zalo:${contact.userId}`,
    });
    return settled(outcome);
  }

  /**
   * A photo or file on an upload step becomes the step's answer; a photo sent while a person's identity is
   * asked is read as their ID card (on the server, then deleted); elsewhere the citizen is told why not.
   */
  private async attachments(
    contact: ZaloContactRecord,
    event: Extract<ZaloEvent, { kind: "attachments" }>,
  ): Promise<boolean> {
    const { store, catalogue } = this.options;
    const record = await store.getConversation(contact.conversationId);
    const document = event.attachments.find((a) => (a.type === "image" || a.type === "file") && a.url);
    if (!record || !document) return true;
    const card = document.type === "image" && askedIdentity(catalogue, record.state) !== null;
    if (!card && !expectsUpload(catalogue, record.state))
      return this.refuseMedia(contact, event.eventKey, "notExpected");
    const saved = await this.saveMedia(record, document.url!);
    if (typeof saved !== "string") return this.refuseMedia(contact, event.eventKey, saved.refused);
    return this.send(
      contact,
      card
        ? { clientMessageId: event.eventKey, cardPhotoId: saved }
        : { clientMessageId: event.eventKey, attachmentId: saved },
    );
  }

  /** The file fetched, checked like a web upload and stored: its upload id, or why not. */
  private async saveMedia(record: ConversationRecord, url: string): Promise<string | { refused: ZaloMediaRefusal }> {
    const { store, uploads, media, logger, now } = this.options;
    const usage = await store.uploadUsage(record.id);
    if (usage.files >= uploads.maxFilesPerConversation) return { refused: "quota" };
    const fetched = await fetchZaloMedia(url, { ...media, maxBytes: uploads.maxBytes });
    if (!fetched.ok) {
      logger.info({ event: "zalo.media_refused", conversationId: record.id, reason: fetched.reason }, "media refused");
      return { refused: fetched.reason };
    }
    const inspected = await inspectUpload(fetched.bytes);
    if (!inspected.ok) {
      logger.info({ event: "zalo.media_refused", conversationId: record.id, reason: inspected.refusal }, "refused");
      return { refused: inspected.refusal };
    }
    if (usage.bytes + inspected.bytes.length > uploads.maxBytesPerConversation) return { refused: "quota" };
    const id = randomUUID();
    const { mimeType, bytes } = inspected;
    await store.saveUpload(
      { id, conversationId: record.id, mimeType, size: bytes.length, createdAt: now().toISOString() },
      bytes,
    );
    logger.info(
      { event: "upload.saved", conversationId: record.id, uploadId: id, mimeType, size: bytes.length, channel: "zalo" },
      "upload saved",
    );
    return id;
  }

  private async refuseMedia(contact: ZaloContactRecord, eventKey: string, why: ZaloMediaRefusal): Promise<boolean> {
    return this.notice(contact, eventKey, ZALO_MEDIA_REFUSALS[why]);
  }

  private async notice(contact: ZaloContactRecord, eventKey: string, text: Localized): Promise<boolean> {
    const record = await this.options.store.getConversation(contact.conversationId);
    const locale = record?.state.locale ?? "vi";
    return settled(
      await this.options.service.notice(contact.conversationId, { noticeId: eventKey, text: text[locale] }),
    );
  }

  /** What the citizen shared with Zalo's information form: their name on the contact, the rest for the clerk. */
  private async sharedInfo(
    contact: ZaloContactRecord,
    event: Extract<ZaloEvent, { kind: "submitInfo" }>,
  ): Promise<boolean> {
    const { name, phone, address } = event.info;
    if (name)
      await this.options.store.updateZaloContact(contact.oaId, contact.userId, {
        displayName: name,
        updatedAt: this.options.now().toISOString(),
      });
    const shared = [name, phone, address].filter(Boolean).join(" · ");
    const record = await this.options.store.getConversation(contact.conversationId);
    const text = `${ZALO_TEXTS.sharedInfo(name)[record?.state.locale ?? "vi"]}\n${shared}`;
    return settled(await this.options.service.notice(contact.conversationId, { noticeId: event.eventKey, text }));
  }

  /**
   * A person wrote to the citizen from Zalo's own OA chat tool: they take the conversation (the
   * bot falls silent) and their message is recorded as a clerk's, already delivered. A
   * conversation a console clerk holds keeps its clerk; the message is recorded as a notice.
   */
  private async adminWrote(event: Extract<ZaloEvent, { kind: "oaEcho" }>, adminId: string): Promise<boolean> {
    const { store, service } = this.options;
    const contact = await store.getZaloContact(event.oaId, event.userId);
    if (!contact || !event.text) return true;
    const record = await store.getConversation(contact.conversationId);
    if (!record) return true;
    const clerk = { id: `zalo-oa-admin:${adminId}`, name: ZALO_TEXTS.adminName };
    const holder = record.state.status === "with_clerk" ? record.state.clerk : null;
    if (holder?.id !== clerk.id) {
      const taken = holder ? null : await service.clerkAction(record.id, clerk, { kind: "clerkTake", clerk });
      if (!taken?.ok) {
        const text = ZALO_TEXTS.adminWrote(event.text);
        return settled(await service.notice(record.id, { noticeId: event.eventKey, text, via: "zalo" }));
      }
    }
    return settled(await service.clerkMessage(record.id, clerk, event.eventKey, event.text, undefined, "zalo"));
  }
}

/** Whether a turn's outcome ends the event (stored, or refused for good) or it must be tried again. */
function settled(outcome: TurnOutcome): boolean {
  return outcome.ok || outcome.code !== "TURN_BUSY";
}
