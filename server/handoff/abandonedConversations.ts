import type { ConversationRecord } from "../store/store";

/** Which of these conversations have their citizen connected now: the web chat's sockets, on every node. */
export type CitizenConnections = (conversationIds: readonly string[]) => Promise<ReadonlySet<string>>;

/** When a conversation waiting for a clerk counts as abandoned (QUEUE_ABANDON_MINUTES). */
export interface QueueAbandonment {
  /** Silence, in ms, after which a citizen with no connection open has left the queue. */
  afterMs: number;
  connected: CitizenConnections;
}

/**
 * The conversations of `records` waiting for a clerk whose citizen has gone: no chat connection open and nothing
 * new in the conversation for `afterMs`. A Zalo citizen has no connection to keep open, so their silence alone
 * counts. Nothing is written: the conversation still asks for a person, and a citizen who comes back (reconnects
 * or writes) is in the queue again at their place. Only the silent ones are looked up among the connections, so a
 * queue of live citizens costs no adapter round trip.
 *
 * @example const gone = await abandonedConversations(queue, { afterMs: 30 * 60_000, connected }, new Date());
 */
export async function abandonedConversations(
  records: readonly ConversationRecord[],
  abandonment: QueueAbandonment,
  now: Date,
): Promise<ReadonlySet<string>> {
  const silentSince = now.getTime() - abandonment.afterMs;
  const silent = records.filter(
    (record) => record.state.status === "waiting_clerk" && Date.parse(record.updatedAt) <= silentSince,
  );
  if (silent.length === 0) return new Set();
  const connected = await abandonment.connected(silent.map((record) => record.id));
  return new Set(silent.filter((record) => !connected.has(record.id)).map((record) => record.id));
}
