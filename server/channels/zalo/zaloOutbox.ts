import { conversationMessage } from "../../conversation/conversationMessage";
import { KeyedMutex } from "../../conversation/keyedMutex";
import type { Logger } from "../../logger";
import type { Store, ZaloContactRecord } from "../../store/store";
import { type HeldLease, ZaloLeases } from "./zaloLeases";
import type { ZaloOpenApi, ZaloSendResult } from "./zaloOpenApi";
import { ZALO_TEXT_LIMIT, type ZaloOutgoingMessage, zaloMessagesOf } from "./zaloOutgoing";
import { ConcurrencyLimit } from "../../limits/concurrencyLimit";
import type { MessageRecord } from "../../store/store";
import type { Locale } from "../../engine/localized";

export interface ZaloOutboxOptions {
  store: Store;
  api: ZaloOpenApi;
  now: () => Date;
  logger: Logger;
  /** How often the backlog is read again (restarts, retries that came due). */
  scanMs?: number;
  /** What Zalo can deliver to a citizen changed (waiting, refused, delivered again): clerks are shown. */
  contactChanged?: (conversationId: string) => void;
}

const PAGE = 50;
const BACKLOG_READ = 200;
const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 60_000;
const NEEDS_ADMIN_RETRY_MS = 5 * 60_000;
// Citizens whose messages are being sent at once. Zalo allows an app 4,000 calls a minute in all.
const SENDING_AT_ONCE = 16;
// Several nodes read the same cursors: a citizen's messages are sent by the node holding the store's
// lease for that conversation, taken before the cursor is read and given back once they are out. A
// lease per conversation rather than one for the whole outbox: the node that committed a turn sends
// its reply at once (7 ms from the event to Zalo at p50, docs/benchmarks.md) instead of waiting for
// one sender's next scan, and a node that dies holds back only the citizens it was sending to. It
// costs two small writes per drain.
// A node that finds another sending looks again once the lease is given back, a few rounds at most.
const DRAIN_ROUNDS = 3;

/** What one Zalo call or a few carry: consecutive messages of Khai Hộ, and the last seq they cover. */
interface Unit {
  bodies: ZaloOutgoingMessage[];
  seq: number;
}

/**
 * The Zalo outbox. A conversation's messages are already stored by their turn: what remains to
 * send to Zalo is every message after the contact's cursor (`deliveredSeq`) that Khai Hộ wrote —
 * not the citizen's own, not an OA admin's typed in Zalo. They go out one at a time per citizen,
 * in seq order, and the cursor moves after each one Zalo accepted: nothing is lost across a
 * restart, and nothing is sent twice unless the process dies between Zalo's answer and the
 * cursor's write. While Zalo is down a contact is retried with a growing pause; a user Zalo will
 * not deliver to is marked unreachable (the console shows it) until they write again. With several
 * nodes on one store, each citizen's messages are sent by one node at a time (a lease in the store).
 */
export class ZaloOutbox {
  private readonly sending = new KeyedMutex();
  private readonly slots = new ConcurrencyLimit(SENDING_AT_ONCE);
  private readonly failures = new Map<string, number>();
  private readonly leases: ZaloLeases;
  private timer: ReturnType<typeof setInterval> | null = null;
  private scanning: Promise<void> | null = null;
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly options: ZaloOutboxOptions) {
    this.leases = new ZaloLeases(options);
  }

  /** Starts the periodic read of the backlog (and reads it once now). */
  start(): void {
    this.stopped = false;
    this.timer ??= setInterval(() => this.scan(), this.options.scanMs ?? 1_000);
    this.timer.unref();
    this.scan();
  }

  /** Stops reading the backlog and waits for the sends under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.scanning;
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** A turn of this conversation was committed: send what it added. */
  wake(conversationId: string): void {
    if (this.stopped) return;
    this.track(this.sending.run(conversationId, () => this.slots.run(() => this.send(conversationId))));
  }

  /** Contacts with messages waiting, and how many of those Zalo will not deliver to now. */
  backlog(): Promise<{ waiting: number; unreachable: number }> {
    return this.options.store.countZaloBacklog();
  }

  private scan(): void {
    if (this.scanning) return;
    this.scanning = (async () => {
      const due = await this.options.store.listZaloBacklog(this.options.now().toISOString(), BACKLOG_READ);
      for (const { contact } of due) {
        const { conversationId } = contact;
        this.track(this.sending.run(conversationId, () => this.slots.run(() => this.send(conversationId))));
      }
    })()
      .catch((error: unknown) => this.options.logger.error({ event: "zalo.outbox_failed", err: error }, "outbox scan"))
      .finally(() => {
        this.scanning = null;
      });
  }

  private track(promise: Promise<void>): void {
    const tracked = promise.catch((error: unknown) =>
      this.options.logger.error({ event: "zalo.outbox_failed", err: error }, "zalo outbox failed"),
    );
    this.running.add(tracked);
    void tracked.finally(() => this.running.delete(tracked));
  }

  /**
   * Sends the conversation's waiting messages if no other node is sending them. The contact is read
   * under the lease (the holder before may have moved the cursor). A node whose turn added messages
   * while this one held the lease could not take it: once it is given back, the cursor is compared
   * with the conversation again, so that those messages do not wait for the next scan.
   */
  private async send(conversationId: string): Promise<void> {
    const { store, now } = this.options;
    for (let round = 0; round < DRAIN_ROUNDS; round += 1) {
      const held = await this.leases.hold("sending", conversationId, async (lease) => {
        const contact = await store.getZaloContactByConversation(conversationId);
        if (contact) await this.drain(contact, lease);
      });
      if (!held) return;
      const contact = await store.getZaloContactByConversation(conversationId);
      const conversation = contact && (await store.getConversation(conversationId));
      if (!contact || !conversation || !due(contact, now()) || contact.deliveredSeq >= conversation.lastSeq) return;
    }
  }

  /**
   * Sends the contact's messages after its cursor until none is left or Zalo refuses. The
   * messages of one answer go in as few calls as fit (Zalo counts every call against the app's
   * limit); the cursor moves after each call Zalo accepted.
   */
  private async drain(contact: ZaloContactRecord, lease: HeldLease): Promise<void> {
    const { store, now } = this.options;
    if (!due(contact, now())) return;
    const conversation = await store.getConversation(contact.conversationId);
    if (!conversation) return;
    // A contact that was waiting for Zalo is shown as delivered again once its first call succeeds.
    let recovering = contact.retryAt !== null;
    let cursor = contact.deliveredSeq;
    for (;;) {
      const page = await store.listMessages(contact.conversationId, cursor, PAGE);
      for (const unit of unitsOf(page, conversation.state.locale)) {
        for (const body of unit.bodies) {
          // A node paused past its lease (another took it over) stops: the other sends from the cursor.
          if (lease.lost) return;
          const result = await this.options.api.sendToUser(contact.userId, body);
          if (result.ok) continue;
          await this.failed(contact, cursor, unit.seq, result);
          if (result.kind !== "rejected") return;
        }
        cursor = unit.seq;
        await store.updateZaloContact(contact.oaId, contact.userId, {
          deliveredSeq: cursor,
          retryAt: null,
          updatedAt: now().toISOString(),
        });
        this.failures.delete(contact.conversationId);
        if (recovering) this.options.contactChanged?.(contact.conversationId);
        recovering = false;
      }
      if (page.length < PAGE) return;
    }
  }

  private async failed(
    contact: ZaloContactRecord,
    cursor: number,
    seq: number,
    result: ZaloSendResult & { ok: false },
  ): Promise<void> {
    const { store, now, logger } = this.options;
    const at = now().toISOString();
    const log = { event: "zalo.send_failed", conversationId: contact.conversationId, seq, code: result.code };
    if (result.kind === "unreachable") {
      logger.info({ ...log, kind: result.kind }, "zalo will not deliver to this user now");
      await store.updateZaloContact(contact.oaId, contact.userId, {
        deliveredSeq: cursor,
        unreachable: { code: result.code, since: at },
        updatedAt: at,
      });
      this.options.contactChanged?.(contact.conversationId);
      return;
    }
    if (result.kind === "rejected") {
      // Sending it again would be refused again: the message is skipped, the ones after go on.
      logger.error({ ...log, kind: result.kind }, "zalo refused a message");
      return;
    }
    const attempts = (this.failures.get(contact.conversationId) ?? 0) + 1;
    this.failures.set(contact.conversationId, attempts);
    const pause =
      result.kind === "needsAdmin"
        ? NEEDS_ADMIN_RETRY_MS
        : Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attempts - 1, 10));
    logger.warn({ ...log, kind: result.kind, attempts, retryInMs: pause }, "zalo send failed; will retry");
    await store.updateZaloContact(contact.oaId, contact.userId, {
      deliveredSeq: cursor,
      retryAt: new Date(now().getTime() + pause).toISOString(),
      updatedAt: at,
    });
    if (attempts === 1) this.options.contactChanged?.(contact.conversationId);
  }
}

/** Whether Zalo may be tried for this contact now: reachable, and not waiting for a retry. */
function due(contact: ZaloContactRecord, now: Date): boolean {
  return !contact.unreachable && !(contact.retryAt && Date.parse(contact.retryAt) > now.getTime());
}

/**
 * The page's messages as units of Zalo calls: Khai Hộ's consecutive messages joined into one
 * text while it fits Zalo's limit and only the last carries buttons; the citizen's own messages
 * and an OA admin's (Zalo has them already) send nothing and end a unit.
 */
function unitsOf(page: readonly MessageRecord[], locale: Locale): Unit[] {
  const units: Unit[] = [];
  let open: Unit | null = null;
  for (const record of page) {
    if (record.author === "citizen" || record.via === "zalo") {
      open = null;
      units.push({ bodies: [], seq: record.seq });
      continue;
    }
    const bodies = zaloMessagesOf(conversationMessage(record), locale);
    const last = open?.bodies[open.bodies.length - 1];
    const first = bodies[0]!;
    const joined = last && !("attachment" in last) ? `${last.text}\n\n${first.text}` : null;
    if (open && joined !== null && [...joined].length <= ZALO_TEXT_LIMIT) {
      open.bodies[open.bodies.length - 1] = { ...first, text: joined };
      open.bodies.push(...bodies.slice(1));
      open.seq = record.seq;
    } else {
      open = { bodies, seq: record.seq };
      units.push(open);
    }
  }
  return units;
}
