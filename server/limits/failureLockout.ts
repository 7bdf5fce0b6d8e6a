/**
 * Locks a key (a receipt number) after `failuresBeforeLock` failures within `lockMs` of the first,
 * for `lockMs`. On one node {@link MemoryFailureLockout}; across nodes {@link RedisFailureLockout},
 * so that a lock set through one node refuses through every other.
 */
export interface FailureLockout {
  /** When `key`'s lock ends (ms since the epoch), or 0 when it is not locked at `now`. */
  lockedUntil(key: string, now: number): Promise<number>;
  /** Counts a failure for `key`; the one that reaches the limit locks it. */
  failed(key: string, now: number): Promise<void>;
  /** Forgets `key`'s failures: a success. */
  succeeded(key: string): Promise<void>;
}

export interface FailureLockoutLimits {
  failuresBeforeLock: number;
  lockMs: number;
}
