import { TokenBucket } from "./tokenBucket";

export interface SocketFloodLimits {
  /** Events one connection may send per second, sustained. */
  perSecond: number;
  /** Events it may send at once, above that rate. */
  burst: number;
  /** Refusals within a minute after which the connection is closed: whoever sends on regardless is a script. */
  refusalsBeforeCut: number;
}

/** What to do with one incoming event. */
export type FloodVerdict = "pass" | "refuse" | "cut";

const REFUSAL_WINDOW_MS = 60_000;

/**
 * How fast one connection may send: a token bucket for its events, and a count of the refusals it
 * was given, past which it is cut off. One per socket, a few numbers each.
 * Kept in the process even with several nodes: a socket lives on one node, so its pace is known there alone.
 *
 * @example
 * const guard = new SocketFloodGuard({ perSecond: 5, burst: 30, refusalsBeforeCut: 50 });
 * switch (guard.admit()) { case "pass": …; case "refuse": ack(RATE_LIMITED); case "cut": socket.disconnect(true); }
 */
export class SocketFloodGuard {
  private readonly bucket: TokenBucket;
  private refusals = 0;
  private refusalsSince = 0;

  constructor(
    private readonly limits: SocketFloodLimits,
    now = Date.now(),
  ) {
    this.bucket = new TokenBucket(limits.perSecond, limits.burst, now);
  }

  /** One event arrives, weighing `cost`: it passes, or is refused (and counted), or the connection is to be cut. */
  admit(cost = 1, now = Date.now()): FloodVerdict {
    if (this.bucket.take(cost, now)) return "pass";
    return this.refused(now);
  }

  /**
   * Counts a refusal given for another reason (the conversation's budget per minute): a socket
   * that keeps sending past any limit is cut off the same way.
   */
  refused(now = Date.now()): Exclude<FloodVerdict, "pass"> {
    if (now - this.refusalsSince > REFUSAL_WINDOW_MS) {
      this.refusals = 0;
      this.refusalsSince = now;
    }
    this.refusals += 1;
    return this.refusals >= this.limits.refusalsBeforeCut ? "cut" : "refuse";
  }
}
