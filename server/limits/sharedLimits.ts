import type { RedisLink } from "../cluster/redisLink";
import type { Config } from "../config";
import {
  type StatusLookupLimits,
  StatusLookupGuard,
  statusLookupCountersInMemory,
  wrongPhoneLockout,
} from "../dossier/statusLookupGuard";
import type { Logger } from "../logger";
import { RedisFailureLockout } from "./redisFailureLockout";
import { RedisWindowLimiter } from "./redisWindowLimiter";
import { SharedCounting } from "./sharedCounting";
import { SlidingWindowLimiter } from "./slidingWindowLimiter";
import type { WindowLimiter } from "./windowLimiter";

// Ten tries a minute per account: a clerk mistyping is never stopped, a password guesser gets
// 14,400 tries a day at most instead of millions. A ward office's clerks share one address.
export const LOGIN_ATTEMPTS_PER_ACCOUNT_PER_MINUTE = 10;
export const LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE = 60;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Every budget per minute the server keeps, by what it limits. */
export interface Limits {
  /** New web chat conversations and messages per address (RATE_LIMIT_IP_PER_MINUTE). */
  chatPerIp: WindowLimiter;
  /** Messages and resumes per web chat conversation (RATE_LIMIT_CONVERSATION_PER_MINUTE). */
  chatPerConversation: WindowLimiter;
  /** API requests per address (RATE_LIMIT_IP_PER_MINUTE). */
  httpPerIp: WindowLimiter;
  /** Console password attempts per address and per account. */
  loginPerAddress: WindowLimiter;
  loginPerAccount: WindowLimiter;
  /** Messages per Zalo conversation (RATE_LIMIT_CONVERSATION_PER_MINUTE). */
  zaloPerConversation: WindowLimiter;
  /** Status lookups per address and per receipt number, and the lock after wrong phones. */
  statusLookup: StatusLookupGuard;
}

export type LimitsConfig = Pick<
  Config,
  | "RATE_LIMIT_CONVERSATION_PER_MINUTE"
  | "RATE_LIMIT_IP_PER_MINUTE"
  | "RATE_LIMIT_STATUS_PER_MINUTE"
  | "STATUS_LOOKUPS_PER_CODE_PER_MINUTE"
  | "STATUS_LOOKUPS_PER_CODE_PER_HOUR"
  | "STATUS_WRONG_PHONES_BEFORE_LOCK"
  | "STATUS_LOCK_MINUTES"
>;

/**
 * The server's limits: counted in the shared Redis when there is one (REDIS_URL), so that several
 * nodes behind a proxy allow each budget once between them, not once each; counted by this node
 * when there is none, or while Redis is unreachable. Per-connection limits (the socket flood guard,
 * the open-connection caps) are not here: they bound what one node holds.
 *
 * @example
 * const limits = createLimits(config, redis, logger);
 * if (!(await limits.httpPerIp.allow(req.ip))) refuse();
 */
export function createLimits(config: LimitsConfig, redis: RedisLink | null, logger: Logger): Limits {
  const lookup: StatusLookupLimits = {
    perAddressPerMinute: config.RATE_LIMIT_STATUS_PER_MINUTE,
    perCodePerMinute: config.STATUS_LOOKUPS_PER_CODE_PER_MINUTE,
    perCodePerHour: config.STATUS_LOOKUPS_PER_CODE_PER_HOUR,
    wrongPhonesBeforeLock: config.STATUS_WRONG_PHONES_BEFORE_LOCK,
    lockMinutes: config.STATUS_LOCK_MINUTES,
  };
  const counting = redis ? new SharedCounting(redis, logger) : null;
  const budget = (name: string, limit: number, windowMs = MINUTE_MS): WindowLimiter =>
    counting ? new RedisWindowLimiter(name, limit, counting, windowMs) : new SlidingWindowLimiter(limit, windowMs);
  return {
    chatPerIp: budget("chat-ip", config.RATE_LIMIT_IP_PER_MINUTE),
    chatPerConversation: budget("chat-conversation", config.RATE_LIMIT_CONVERSATION_PER_MINUTE),
    httpPerIp: budget("http-ip", config.RATE_LIMIT_IP_PER_MINUTE),
    loginPerAddress: budget("login-address", LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE),
    loginPerAccount: budget("login-account", LOGIN_ATTEMPTS_PER_ACCOUNT_PER_MINUTE),
    zaloPerConversation: budget("zalo-conversation", config.RATE_LIMIT_CONVERSATION_PER_MINUTE),
    statusLookup: new StatusLookupGuard(
      lookup,
      counting
        ? {
            perAddress: budget("status-address", lookup.perAddressPerMinute),
            perCodeMinute: budget("status-code-minute", lookup.perCodePerMinute),
            perCodeHour: budget("status-code-hour", lookup.perCodePerHour, HOUR_MS),
            wrongPhones: new RedisFailureLockout("status-wrong-phone", wrongPhoneLockout(lookup), counting),
          }
        : statusLookupCountersInMemory(lookup),
    ),
  };
}
