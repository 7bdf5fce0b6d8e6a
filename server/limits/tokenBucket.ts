/**
 * A bucket of `burst` tokens refilled at `perSecond`: events pass while tokens remain, so a
 * burst is allowed and a steady rate above `perSecond` is not. Two numbers per bucket, kept per
 * connection (DESIGN.md: per-connection objects stay small).
 * Kept in the process even with several nodes: a connection lives on one node, which alone sees its events.
 *
 * @example
 * const bucket = new TokenBucket(5, 30);
 * if (!bucket.take()) refuse();
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now = Date.now(),
  ) {
    this.tokens = burst;
    this.updatedAt = now;
  }

  /** Takes `cost` tokens; false, taking none, when fewer remain. */
  take(cost = 1, now = Date.now()): boolean {
    const elapsed = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.perSecond) / 1000);
    this.updatedAt = now;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}
