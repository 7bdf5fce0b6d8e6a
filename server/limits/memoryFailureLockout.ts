import type { FailureLockout, FailureLockoutLimits } from "./failureLockout";

const SWEEP_EVERY = 10_000;

/** Failures of one key since `since`, and the end of its lock if locked. */
interface Failures {
  count: number;
  since: number;
  lockedUntil: number;
}

/**
 * A {@link FailureLockout} kept by this node: the lockout of one node, and what a node counts on
 * while the shared Redis of several is unreachable. Memory stays bounded: keys neither locked nor
 * failed within the lock's duration are forgotten.
 */
export class MemoryFailureLockout implements FailureLockout {
  private readonly failures = new Map<string, Failures>();
  private calls = 0;

  constructor(private readonly limits: FailureLockoutLimits) {}

  lockedUntil(key: string, now: number): Promise<number> {
    return Promise.resolve(this.lockedUntilNow(key, now));
  }

  failed(key: string, now: number): Promise<void> {
    this.failedNow(key, now);
    return Promise.resolve();
  }

  succeeded(key: string): Promise<void> {
    this.succeededNow(key);
    return Promise.resolve();
  }

  lockedUntilNow(key: string, now: number): number {
    const lockedUntil = this.failures.get(key)?.lockedUntil ?? 0;
    return lockedUntil > now ? lockedUntil : 0;
  }

  failedNow(key: string, now: number): void {
    const { lockMs, failuresBeforeLock } = this.limits;
    let entry = this.failures.get(key);
    if (!entry || now - entry.since >= lockMs) {
      entry = { count: 0, since: now, lockedUntil: 0 };
      this.failures.set(key, entry);
    }
    entry.count += 1;
    if (entry.count >= failuresBeforeLock) {
      entry.lockedUntil = now + lockMs;
      entry.count = 0;
      entry.since = now;
    }
    if (++this.calls % SWEEP_EVERY === 0) this.sweep(now);
  }

  succeededNow(key: string): void {
    this.failures.delete(key);
  }

  /** Forgets keys neither locked nor failed within the lock's duration. */
  private sweep(now: number): void {
    for (const [key, entry] of this.failures) {
      if (entry.lockedUntil <= now && now - entry.since >= this.limits.lockMs) this.failures.delete(key);
    }
  }
}
