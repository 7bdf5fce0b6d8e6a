import type { ConversationRecord, Store } from "../store/store";

/** The statuses that put a conversation in its unit's queue: waiting for a clerk, or held by one. */
export const QUEUE_STATUSES = ["waiting_clerk", "with_clerk"] as const;
/** A queue longer than this is not read on a screen; the oldest waits come first. */
const QUEUE_READ_LIMIT = 500;

const isQueued = (status: string | undefined) => status === "waiting_clerk" || status === "with_clerk";

/**
 * The units' queues: what each holds, oldest wait first, and which queues a committed turn
 * changed. Remembers the unit and status of each queued conversation it has seen committed, to
 * tell a conversation leaving a queue or moving to another unit's.
 */
export class UnitQueues {
  private readonly lastSeen = new Map<string, { status: string; unitId: string | null }>();

  constructor(private readonly store: Store) {}

  /** The conversations queued in these units (`null`: every unit, for supervisors). */
  async queueOf(unitIds: readonly string[] | null): Promise<ConversationRecord[]> {
    const records = await this.store.listConversations({ unitIds, statuses: QUEUE_STATUSES, limit: QUEUE_READ_LIMIT });
    // The store orders by last activity; a queue is read by how long each citizen has waited.
    const since = (record: ConversationRecord) => record.state.handoff?.since ?? "";
    return records.sort((a, b) => since(a).localeCompare(since(b)));
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
}
