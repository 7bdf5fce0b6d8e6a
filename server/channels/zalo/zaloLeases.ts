import { randomUUID } from "node:crypto";
import type { Logger } from "../../logger";
import type { Store } from "../../store/store";
import type { ZaloLeaseKind } from "../../store/zaloStore";

/** A right taken in the store; `lost` once another node took it over (this one was paused past its end). */
export interface HeldLease {
  readonly lost: boolean;
}

export interface ZaloLeasesOptions {
  store: Store;
  now: () => Date;
  logger: Logger;
  /** How long a right lasts without renewal: what a node that dies holds back, at most. */
  leaseMs?: number;
}

// Short, so that a node killed mid-work holds its citizens back for seconds; renewed every third of
// it while the work runs (a media fetch or a Zalo call may take their whole 10 s timeout).
const LEASE_MS = 10_000;

/**
 * This node's rights over the Zalo channel's shared work (sending a citizen's messages, processing
 * an inbox event): each is taken in the store before the work, kept while it runs and given back
 * after, so that of several nodes one does it at a time.
 *
 * @example
 * const done = await leases.hold("sending", conversationId, async (lease) => { if (!lease.lost) await send(); });
 * // false: another node holds it, nothing ran
 */
export class ZaloLeases {
  /** This node's name on its leases. */
  private readonly holder = randomUUID();

  constructor(private readonly options: ZaloLeasesOptions) {}

  /** Runs `work` holding the right named by `kind` and `key`; false without running it when another node holds it. */
  async hold(kind: ZaloLeaseKind, key: string, work: (lease: HeldLease) => Promise<void>): Promise<boolean> {
    const { store, logger } = this.options;
    const leaseMs = this.options.leaseMs ?? LEASE_MS;
    if (!(await this.claim(kind, key, leaseMs))) return false;
    const lease = { lost: false };
    let renewing: Promise<void> | null = null;
    const renewal = setInterval(() => {
      renewing ??= this.claim(kind, key, leaseMs)
        .then(
          (kept) => {
            if (!kept) lease.lost = true;
          },
          (error: unknown) =>
            logger.warn({ event: "zalo.lease_renewal_failed", err: error, kind }, "lease not renewed"),
        )
        .finally(() => {
          renewing = null;
        });
    }, leaseMs / 3);
    renewal.unref();
    try {
      await work(lease);
    } finally {
      clearInterval(renewal);
      // A renewal still under way would take the right again after it is given back.
      await renewing;
      await store.releaseZaloLease(kind, key, this.holder);
    }
    return true;
  }

  private claim(kind: ZaloLeaseKind, key: string, leaseMs: number): Promise<boolean> {
    const at = this.options.now().getTime();
    return this.options.store.claimZaloLease(
      kind,
      key,
      this.holder,
      new Date(at).toISOString(),
      new Date(at + leaseMs).toISOString(),
    );
  }
}
