import { RedisScript } from "./redisScript";
import { digestOf, type SharedCounting } from "./sharedCounting";
import { SlidingWindowLimiter } from "./slidingWindowLimiter";
import type { WindowLimiter } from "./windowLimiter";

/**
 * The sliding-window estimate of {@link SlidingWindowLimiter} over two fixed windows kept in Redis:
 * reads both counts, refuses at the limit, else adds the cost and keeps the window for two
 * window lengths (long enough to serve as the next one's previous window). One round trip, atomic.
 * KEYS: this window, the previous one. ARGV: limit, share of the previous window still in view, cost, ttl ms.
 */
const COUNT_IN_WINDOW = new RedisScript(`
local counts = redis.call('MGET', KEYS[1], KEYS[2])
local current = tonumber(counts[1]) or 0
local previous = tonumber(counts[2]) or 0
if current + previous * tonumber(ARGV[2]) >= tonumber(ARGV[1]) then return 0 end
redis.call('INCRBYFLOAT', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`);

/**
 * A budget shared by every node on one Redis: the same limit, the same sliding-window estimate,
 * whichever node an event reaches. Keys are `khaiho:limit:{name:digest}:windowStart`, the braces a
 * hash tag that keeps a key's two windows in one slot of a Redis Cluster. The window's start comes
 * from the node's clock (nodes keep time by NTP; a skew of a second moves an estimate by 1/60).
 * While Redis is unreachable the node counts on its own ({@link SharedCounting}).
 *
 * @example
 * const perIp = new RedisWindowLimiter("chat-ip", 600, counting);
 * if (!(await perIp.allow(address))) refuse();
 */
export class RedisWindowLimiter implements WindowLimiter {
  private readonly own: SlidingWindowLimiter;

  constructor(
    /** Tells this budget's keys from the other limiters'. */
    private readonly name: string,
    private readonly limit: number,
    private readonly counting: SharedCounting,
    private readonly windowMs = 60_000,
  ) {
    this.own = new SlidingWindowLimiter(limit, windowMs);
  }

  allow(key: string, now = Date.now(), cost = 1): Promise<boolean> {
    return this.counting.run(
      async (client) => {
        const start = now - (now % this.windowMs);
        const prefix = `khaiho:limit:{${this.name}:${digestOf(key)}}:`;
        const overlap = 1 - (now - start) / this.windowMs;
        const counted = await COUNT_IN_WINDOW.run(
          client,
          [`${prefix}${start}`, `${prefix}${start - this.windowMs}`],
          [String(this.limit), String(overlap), String(cost), String(2 * this.windowMs)],
        );
        return counted === 1;
      },
      () => this.own.take(key, now, cost),
    );
  }
}
