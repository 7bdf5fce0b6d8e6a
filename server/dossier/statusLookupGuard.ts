import type { StatusLookupResult } from "../engine/engineIO";
import { RECEIPT_SUFFIX_PATTERN } from "../engine/understanding/receiptSuffix";
import type { FailureLockout } from "../limits/failureLockout";
import { MemoryFailureLockout } from "../limits/memoryFailureLockout";
import { SlidingWindowLimiter } from "../limits/slidingWindowLimiter";
import type { WindowLimiter } from "../limits/windowLimiter";

export interface StatusLookupLimits {
  /** Lookups one address may make per minute. */
  perAddressPerMinute: number;
  /** Lookups of one receipt number per minute and per hour, from every address together. */
  perCodePerMinute: number;
  perCodePerHour: number;
  /** Wrong phones for one receipt number before it is locked, and for how long. */
  wrongPhonesBeforeLock: number;
  lockMinutes: number;
}

/** Where the guard counts: on this node, or in the shared Redis of several (`createLimits`). */
export interface StatusLookupCounters {
  perAddress: WindowLimiter;
  perCodeMinute: WindowLimiter;
  perCodeHour: WindowLimiter;
  /** Wrong phones per receipt number, and its lock. */
  wrongPhones: FailureLockout;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const SUFFIX = new RegExp(`-${RECEIPT_SUFFIX_PATTERN}$`);

/** The counters of one node on its own, in memory. */
export function statusLookupCountersInMemory(limits: StatusLookupLimits): StatusLookupCounters {
  return {
    perAddress: new SlidingWindowLimiter(limits.perAddressPerMinute, MINUTE_MS),
    perCodeMinute: new SlidingWindowLimiter(limits.perCodePerMinute, MINUTE_MS),
    perCodeHour: new SlidingWindowLimiter(limits.perCodePerHour, HOUR_MS),
    wrongPhones: new MemoryFailureLockout(wrongPhoneLockout(limits)),
  };
}

/** The receipt number lock's limits as a {@link FailureLockout} takes them. */
export function wrongPhoneLockout(limits: StatusLookupLimits): { failuresBeforeLock: number; lockMs: number } {
  return { failuresBeforeLock: limits.wrongPhonesBeforeLock, lockMs: limits.lockMinutes * MINUTE_MS };
}

/**
 * The one gate every way into status lookup goes through (HTTP, the web chat, Zalo), with the
 * receipt code and the requester's address (an IP, or a channel's user id): a limit per
 * address, a limit per receipt number, and a lock of the number after repeated wrong phones.
 *
 * Codes are counted by their receipt number — the code without its random part — so that
 * trying random parts for one dossier runs into the same limits as trying phones; an unknown
 * code counts and locks exactly like a wrong phone, so a lock tells nothing about whether a
 * dossier exists.
 *
 * The counts are in memory on one node, and in the shared Redis with several
 * ({@link StatusLookupCounters}): a number locked through one node is locked on all of them.
 *
 * @example
 * const result = await guard.run({ code, address: req.ip }, () => lookUp(code, phone));
 */
export class StatusLookupGuard {
  private readonly counters: StatusLookupCounters;

  constructor(limits: StatusLookupLimits, counters?: StatusLookupCounters) {
    this.counters = counters ?? statusLookupCountersInMemory(limits);
  }

  /** Runs `lookup` if the limits allow it; a "not found" counts as a wrong phone for the code. */
  async run(
    request: { code: string; address: string },
    lookup: () => Promise<StatusLookupResult>,
    now = Date.now(),
  ): Promise<StatusLookupResult> {
    const { perAddress, perCodeMinute, perCodeHour, wrongPhones } = this.counters;
    if (!(await perAddress.allow(request.address, now)))
      return { found: false, refused: "rateLimited", retryMinutes: 1 };
    const number = String(request.code).toUpperCase().replace(SUFFIX, "");
    const lockedUntil = await wrongPhones.lockedUntil(number, now);
    if (lockedUntil > now)
      return { found: false, refused: "locked", retryMinutes: Math.ceil((lockedUntil - now) / MINUTE_MS) };
    if (!(await perCodeMinute.allow(number, now))) return { found: false, refused: "rateLimited", retryMinutes: 1 };
    if (!(await perCodeHour.allow(number, now))) return { found: false, refused: "rateLimited", retryMinutes: 60 };
    const result = await lookup();
    if (result.found) await wrongPhones.succeeded(number);
    else if (!("refused" in result)) await wrongPhones.failed(number, now);
    return result;
  }
}
