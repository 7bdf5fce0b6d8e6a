import type { ConversationRecord, Store } from "../store/store";
import { abandonedConversations, type QueueAbandonment } from "./abandonedConversations";

/** The statuses that put a conversation in its unit's queue: waiting for a clerk, or held by one. */
export const QUEUE_STATUSES = ["waiting_clerk", "with_clerk"] as const;
/** A queue longer than this is not read on a screen; the oldest waits come first. */
const QUEUE_READ_LIMIT = 500;

const isQueued = (status: string | undefined) => status === "waiting_clerk" || status === "with_clerk";

/**
 * The units' queues: what each holds, oldest wait first, and which queues a committed turn
 * changed. Remembers the unit and status of each queued conversation it has seen committed, to
 * tell a conversation leaving a queue or moving to another unit's. With `abandonment`, a citizen
 * who has gone (no connection, silent for its time) is left out until they come back.
 */
export class UnitQueues {
  private readonly lastSeen = new Map<string, { status: string; unitId: string | null }>();
  /** The abandoned conversations as of the last sweep, with their unit. */
  private abandoned = new Map<string, string | null>();

  constructor(
    private readonly store: Store,
    private readonly abandonment?: QueueAbandonment,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The conversations queued in these units (`null`: every unit, for supervisors), abandoned ones left out. */
  async queueOf(unitIds: readonly string[] | null): Promise<ConversationRecord[]> {
    const records = await this.store.listConversations({ unitIds, statuses: QUEUE_STATUSES, limit: QUEUE_READ_LIMIT });
    const gone = this.abandonment ? await abandonedConversations(records, this.abandonment, this.now()) : new Set();
    // The store orders by last activity; a queue is read by how long each citizen has waited.
    const since = (record: ConversationRecord) => record.state.handoff?.since ?? "";
    return records.filter((record) => !gone.has(record.id)).sort((a, b) => since(a).localeCompare(since(b)));
  }

  /**
   * The units whose queue this committed turn changed: the conversation's unit when it enters,
   * changes in or leaves a queue, and its former unit when it moved. Most turns are citizens
   * answering the bot and change none.
   */
  changedBy(saved: ConversationRecord): (string | null)[] {
    const before = this.lastSeen.get(saved.id);
    const now = { status: saved.state.status, unitId: saved.state.unitId };
    if (isQueued(now.status)) this.lastSeen.set(saved.id, now);
    else this.lastSeen.delete(saved.id);
    if (!isQueued(now.status) && !isQueued(before?.status)) return [];
    return before && before.unitId !== now.unitId ? [now.unitId, before.unitId] : [now.unitId];
  }

  /**
   * Which conversations are abandoned now, against the last sweep: the units whose queue lost a citizen who went
   * away or got back one who came back, and the conversations newly abandoned. Nothing without `abandonment`.
   */
  async sweepAbandoned(): Promise<{ units: (string | null)[]; left: ConversationRecord[] }> {
    if (!this.abandonment) return { units: [], left: [] };
    const waiting = await this.store.listConversations({
      unitIds: null,
      statuses: ["waiting_clerk"],
      limit: QUEUE_READ_LIMIT,
    });
    const gone = await abandonedConversations(waiting, this.abandonment, this.now());
    const now = new Map(waiting.filter((r) => gone.has(r.id)).map((r) => [r.id, r.state.unitId] as const));
    const units = new Set<string | null>();
    for (const [id, unitId] of now) if (!this.abandoned.has(id)) units.add(unitId);
    for (const [id, unitId] of this.abandoned) if (!now.has(id)) units.add(unitId);
    const left = waiting.filter((r) => now.has(r.id) && !this.abandoned.has(r.id));
    this.abandoned = now;
    return { units: [...units], left };
  }
}
