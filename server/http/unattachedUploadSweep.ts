import type { Logger } from "../logger";
import type { Store } from "../store/store";
import { startPeriodicSweep, type PeriodicSweep } from "./periodicSweep";

/**
 * Deletes uploads that no message refers to once they are `ttlMinutes` old (a photo sent and
 * never attached to an answer is personal data kept for nothing: Decree 13/2023), at start and
 * then every `ttlMinutes / 4` (between 1 and 15 minutes), so none outlives its time by more
 * than a quarter.
 *
 * @example
 * const sweep = startUnattachedUploadSweep({ store, ttlMinutes: 60, now: () => new Date(), logger });
 * await sweep.stop();
 */
export function startUnattachedUploadSweep(options: {
  store: Store;
  ttlMinutes: number;
  now: () => Date;
  logger: Logger;
}): PeriodicSweep {
  const { store, ttlMinutes, now, logger } = options;
  return startPeriodicSweep({
    everyMs: Math.min(15, Math.max(1, ttlMinutes / 4)) * 60_000,
    async run() {
      const deleted = await store.deleteUnattachedUploads(
        new Date(now().getTime() - ttlMinutes * 60_000).toISOString(),
      );
      if (deleted > 0) logger.info({ event: "upload.swept", deleted }, "unattached uploads deleted");
    },
    // The next sweep tries again; a store that stays down shows in /ready.
    failed: (error) =>
      logger.error({ event: "upload.sweepFailed", err: error }, "unattached uploads could not be deleted"),
  });
}
