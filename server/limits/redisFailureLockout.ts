import type { FailureLockout, FailureLockoutLimits } from "./failureLockout";
import { MemoryFailureLockout } from "./memoryFailureLockout";
import { RedisScript } from "./redisScript";
import { digestOf, type SharedCounting } from "./sharedCounting";

/**
 * Counts one failure: the count restarts when its first failure is `lockMs` old, and the failure
 * that reaches the limit sets the lock (its value the time it ends, expiring with it) and clears
 * the count. The count's start is kept with it (not left to the key's expiry) so that every node
 * reads the same times. KEYS: the failures, the lock. ARGV: now, lockMs, failures before the lock, the lock's end.
 */
const COUNT_FAILURE = new RedisScript(`
local now = tonumber(ARGV[1])
local lockMs = tonumber(ARGV[2])
local since = tonumber(redis.call('HGET', KEYS[1], 'since'))
if not since or now - since >= lockMs then
  redis.call('DEL', KEYS[1])
  redis.call('HSET', KEYS[1], 'since', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
local count = redis.call('HINCRBY', KEYS[1], 'count', 1)
if count >= tonumber(ARGV[3]) then
  redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[2])
  redis.call('DEL', KEYS[1])
end
return count
`);

/**
 * A {@link FailureLockout} in the shared Redis: a lock set through one node refuses through every
 * other. Keys are `khaiho:lockout:{name:digest}:failures` and `…:lock`, one hash tag for both. While
 * Redis is unreachable the node counts and locks on its own ({@link SharedCounting}).
 *
 * @example
 * const locks = new RedisFailureLockout("status-code", { failuresBeforeLock: 5, lockMs: 30 * 60_000 }, counting);
 * if ((await locks.lockedUntil(number, Date.now())) > 0) refuse();
 */
export class RedisFailureLockout implements FailureLockout {
  private readonly own: MemoryFailureLockout;

  constructor(
    /** Tells this lockout's keys from the others'. */
    private readonly name: string,
    private readonly limits: FailureLockoutLimits,
    private readonly counting: SharedCounting,
  ) {
    this.own = new MemoryFailureLockout(limits);
  }

  lockedUntil(key: string, now: number): Promise<number> {
    return this.counting.run(
      async (client) => {
        const lockedUntil = Number((await client.get(this.keysOf(key)[1])) ?? 0);
        return lockedUntil > now ? lockedUntil : 0;
      },
      () => this.own.lockedUntilNow(key, now),
    );
  }

  failed(key: string, now: number): Promise<void> {
    return this.counting.run(
      async (client) => {
        const { lockMs, failuresBeforeLock } = this.limits;
        const args = [String(now), String(lockMs), String(failuresBeforeLock), String(now + lockMs)];
        await COUNT_FAILURE.run(client, this.keysOf(key), args);
      },
      () => this.own.failedNow(key, now),
    );
  }

  succeeded(key: string): Promise<void> {
    return this.counting.run(
      async (client) => {
        await client.del(this.keysOf(key));
      },
      () => this.own.succeededNow(key),
    );
  }

  private keysOf(key: string): [failures: string, lock: string] {
    const prefix = `khaiho:lockout:{${this.name}:${digestOf(key)}}:`;
    return [`${prefix}failures`, `${prefix}lock`];
  }
}
