import { createHash } from "node:crypto";
import type { RedisClient } from "../cluster/redisLink";

/**
 * A Lua script run by its SHA-1 (EVALSHA: one round trip, the source sent once per Redis), and
 * by its source when that Redis does not know it yet (started or restarted since: NOSCRIPT).
 *
 * @example
 * const counted = await new RedisScript("return redis.call('INCR', KEYS[1])").run(client, ["k"], []);
 */
export class RedisScript {
  readonly sha: string;

  constructor(readonly source: string) {
    this.sha = createHash("sha1").update(source).digest("hex");
  }

  async run(client: RedisClient, keys: string[], args: string[]): Promise<unknown> {
    try {
      return await client.evalSha(this.sha, { keys, arguments: args });
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
      return client.eval(this.source, { keys, arguments: args });
    }
  }
}
