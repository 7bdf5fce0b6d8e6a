/**
 * A budget of events per key over a sliding window: each call counts one event (weighing `cost`)
 * against `key`'s budget, or refuses it past the limit without counting it. Asynchronous because
 * the count may live in the shared Redis of several nodes ({@link RedisWindowLimiter}); on one
 * node it is {@link SlidingWindowLimiter}. Never rejects: a count that cannot be shared is kept
 * by the node itself.
 *
 * @example
 * if (!(await perIp.allow(address))) return refuse("HTTP_RATE_LIMITED");
 */
export interface WindowLimiter {
  /**
   * Records one event for `key`; false when the key is at its limit (the event is not counted).
   * `now`: the time of the event in ms. @default Date.now()
   * `cost`: what the event weighs, a fraction whose sums stay exact (such as 1/4). @default 1
   */
  allow(key: string, now?: number, cost?: number): Promise<boolean>;
}
