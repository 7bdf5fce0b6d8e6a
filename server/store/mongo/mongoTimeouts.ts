/*
 * Bounded waits, so an outage or a primary step-down turns into an error the caller can retry
 * (the dedupe key makes the retry safe) instead of a request that hangs.
 */
export const SERVER_SELECTION_TIMEOUT_MS = 5_000;
export const WRITE_TIMEOUT_MS = 10_000;

/** Every write waits for a majority of the replica set: a failover then loses no acknowledged turn. */
export const MAJORITY = { w: "majority", wtimeoutMS: WRITE_TIMEOUT_MS } as const;
