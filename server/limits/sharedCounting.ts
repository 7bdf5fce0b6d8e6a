import { createHash } from "node:crypto";
import type { RedisClient, RedisLink } from "../cluster/redisLink";
import type { Logger } from "../logger";

/**
 * How long a count waits for Redis before the node counts on its own: a Redis that accepts the
 * connection but does not answer (paused, swapping) must not hold a chat message for longer.
 */
const COMMAND_TIMEOUT_MS = 500;

/**
 * Where a node's limits count: in the shared Redis while it answers, on the node itself while it
 * does not (each node then allows the limit, as one node alone would, until Redis is back). One
 * per node, shared by all its limiters, so an outage is logged once, and its end once.
 */
export class SharedCounting {
  private readonly client: RedisClient;
  private down = false;

  constructor(
    private readonly link: Pick<RedisLink, "commands" | "isUp">,
    private readonly logger: Logger,
    timeoutMs = COMMAND_TIMEOUT_MS,
  ) {
    // rejectInFlight: a command already sent to a Redis that stopped answering is given up too.
    this.client = link.commands.withCommandOptions({ timeout: timeoutMs, rejectInFlight: true }) as RedisClient;
  }

  /** `shared` on Redis; `own` instead when Redis is down or the command fails. Never rejects for Redis. */
  async run<T>(shared: (client: RedisClient) => Promise<T>, own: () => T): Promise<T> {
    if (!this.link.isUp()) return this.fellBack("unreachable", own);
    let result: T;
    try {
      result = await shared(this.client);
    } catch (error) {
      return this.fellBack(error instanceof Error ? error.constructor.name : "unknown", own);
    }
    if (this.down) {
      this.down = false;
      this.logger.info({ event: "limits.shared_again" }, "rate limits counted across nodes again");
    }
    return result;
  }

  private fellBack<T>(reason: string, own: () => T): T {
    if (!this.down) {
      this.down = true;
      // The reason is the error's class only: keys (addresses, phones, codes) never reach the log.
      this.logger.warn({ event: "limits.counting_alone", reason }, "Redis unavailable: rate limits counted per node");
    }
    return own();
  }
}

/**
 * The part of a Redis key that names a limiter's key: a digest, so that addresses, phone numbers
 * and receipt codes are not stored or shown (MONITOR, SCAN) in the clear, and every key has one length.
 */
export function digestOf(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 22);
}
