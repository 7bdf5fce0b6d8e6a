/**
 * Counts events per key over the last minute and refuses past a limit: a citizen typing fast
 * is never refused, a script flooding the chat or guessing receipt codes is. Per node; with
 * several nodes each allows the limit (sticky sessions keep a client on one node).
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private sweeps = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Records one event for `key`; false when the key is over its limit (the event is not counted). */
  allow(key: string, now = Date.now()): boolean {
    const since = now - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (++this.sweeps % 10_000 === 0) this.sweep(since);
    return true;
  }

  /** Forgets keys with no recent event, so idle clients cost no memory. */
  private sweep(since: number): void {
    for (const [key, times] of this.hits) {
      if (times[times.length - 1]! <= since) this.hits.delete(key);
    }
  }
}
