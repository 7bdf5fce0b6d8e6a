import type { StatusLookupResult } from "../engine/engineIO";
import { RECEIPT_SUFFIX_PATTERN } from "../engine/understanding/receiptSuffix";
import { SlidingWindowLimiter } from "../limits/slidingWindowLimiter";

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

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const SWEEP_EVERY = 10_000;
const SUFFIX = new RegExp(`-${RECEIPT_SUFFIX_PATTERN}$`);

/** Wrong phones given for one receipt number since `since`, and the end of its lock if locked. */
interface WrongPhones {
  count: number;
  since: number;
  lockedUntil: number;
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
 * In memory, per node: with several nodes each one counts on its own (sticky sessions keep a
 * client on one node), until the counts move to the shared store. Memory stays bounded: the
 * limiters forget idle keys, and so does the table of wrong phones.
 *
 * @example
 * const result = await guard.run({ code, address: req.ip }, () => lookUp(code, phone));
 */
export class StatusLookupGuard {
  private readonly perAddress: SlidingWindowLimiter;
  private readonly perCodeMinute: SlidingWindowLimiter;
  private readonly perCodeHour: SlidingWindowLimiter;
  private readonly wrongPhones = new Map<string, WrongPhones>();
  private failures = 0;

  constructor(private readonly limits: StatusLookupLimits) {
    this.perAddress = new SlidingWindowLimiter(limits.perAddressPerMinute, MINUTE_MS);
    this.perCodeMinute = new SlidingWindowLimiter(limits.perCodePerMinute, MINUTE_MS);
    this.perCodeHour = new SlidingWindowLimiter(limits.perCodePerHour, HOUR_MS);
  }

  /** Runs `lookup` if the limits allow it; a "not found" counts as a wrong phone for the code. */
  async run(
    request: { code: string; address: string },
    lookup: () => Promise<StatusLookupResult>,
    now = Date.now(),
  ): Promise<StatusLookupResult> {
    if (!this.perAddress.allow(request.address, now)) return { found: false, refused: "rateLimited", retryMinutes: 1 };
    const number = String(request.code).toUpperCase().replace(SUFFIX, "");
    const lockedUntil = this.wrongPhones.get(number)?.lockedUntil ?? 0;
    if (lockedUntil > now)
      return { found: false, refused: "locked", retryMinutes: Math.ceil((lockedUntil - now) / MINUTE_MS) };
    if (!this.perCodeMinute.allow(number, now)) return { found: false, refused: "rateLimited", retryMinutes: 1 };
    if (!this.perCodeHour.allow(number, now)) return { found: false, refused: "rateLimited", retryMinutes: 60 };
    const result = await lookup();
    if (result.found) this.wrongPhones.delete(number);
    else if (!("refused" in result)) this.countWrongPhone(number, now);
    return result;
  }

  private countWrongPhone(number: string, now: number): void {
    const lockMs = this.limits.lockMinutes * MINUTE_MS;
    let entry = this.wrongPhones.get(number);
    if (!entry || now - entry.since >= lockMs) {
      entry = { count: 0, since: now, lockedUntil: 0 };
      this.wrongPhones.set(number, entry);
    }
    entry.count += 1;
    if (entry.count >= this.limits.wrongPhonesBeforeLock) {
      entry.lockedUntil = now + lockMs;
      entry.count = 0;
      entry.since = now;
    }
    if (++this.failures % SWEEP_EVERY === 0) this.sweep(now, lockMs);
  }

  /** Forgets numbers neither locked nor wrongly tried within the lock's duration. */
  private sweep(now: number, lockMs: number): void {
    for (const [number, entry] of this.wrongPhones) {
      if (entry.lockedUntil <= now && now - entry.since >= lockMs) this.wrongPhones.delete(number);
    }
  }
}
