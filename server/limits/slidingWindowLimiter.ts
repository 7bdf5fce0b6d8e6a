import type { WindowLimiter } from "./windowLimiter";

/**
 * Counts events per key over the last minute and refuses past a limit: a citizen typing fast
 * is never refused, a script flooding the chat or guessing receipt codes is. The count is the
 * sliding-window estimate (this window's count plus the previous window's, weighted by how
 * much of it still overlaps): constant time and memory per key, whatever the limit — a list
 * of timestamps made every message cost O(messages in the last minute) on a shared address.
 * Counts on this node only: the limiter of one node, and what a node counts on while the shared
 * Redis of several is unreachable ({@link RedisWindowLimiter}).
 */
export class SlidingWindowLimiter implements WindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number; previous: number }>();
  private calls = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  allow(key: string, now = Date.now(), cost = 1): Promise<boolean> {
    return Promise.resolve(this.take(key, now, cost));
  }

  /**
   * Records one event for `key` at once; false when the key is at its limit (the event is not counted).
   * `cost`: what the event weighs, 1 unless some events are cheaper than others (a fraction whose
   * sums stay exact, such as 1/4).
   */
  take(key: string, now = Date.now(), cost = 1): boolean {
    const start = now - (now % this.windowMs);
    let window = this.windows.get(key);
    if (!window || window.start !== start) {
      const previous = window && window.start === start - this.windowMs ? window.count : 0;
      window = { start, count: 0, previous };
      this.windows.set(key, window);
    }
    const overlap = 1 - (now - start) / this.windowMs;
    if (window.count + window.previous * overlap >= this.limit) return false;
    window.count += cost;
    if (++this.calls % 10_000 === 0) this.sweep(start);
    return true;
  }

  /** Forgets keys idle for two windows, so idle clients cost no memory. */
  private sweep(currentStart: number): void {
    for (const [key, window] of this.windows) {
      if (window.start < currentStart - this.windowMs) this.windows.delete(key);
    }
  }
}
