import type { Store } from "./store";

/** What `/ready` says of the store: no internals, only what an operator acts on. */
export type StoreReadiness = "ready" | "store unreachable" | "store not accepting writes";

/**
 * Whether the node can serve citizens: the store answers, and takes writes (a node whose writes
 * all fail would acknowledge nothing, so a proxy should send citizens elsewhere meanwhile).
 *
 * @example
 * const readiness = await storeReadiness(store);
 * res.status(readiness === "ready" ? 200 : 503).json({ status: readiness });
 */
export async function storeReadiness(store: Store): Promise<StoreReadiness> {
  if (!(await store.ping().catch(() => false))) return "store unreachable";
  if (store.takesWrites && !(await store.takesWrites().catch(() => false))) return "store not accepting writes";
  return "ready";
}
