import type { Logger } from "../logger";
import type { Store } from "../store/store";

export interface UnattachedUploadSweep {
  /** Stops the timer and waits for a sweep under way, so the store can be closed after it. */
  stop(): Promise<void>;
}

/**
 * Deletes uploads that no message refers to once they are `ttlMinutes` old (a photo sent and
 * never attached to an answer is personal data kept for nothing: Decree 13/2023), at start and
 * then every `ttlMinutes / 4` (between 1 and 15 minutes), so none outlives its time by more
 * than a quarter. The timer is unref'd: it never keeps the process alive.
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
}): UnattachedUploadSweep {
  const { store, ttlMinutes, now, logger } = options;
  const everyMs = Math.min(15, Math.max(1, ttlMinutes / 4)) * 60_000;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const sweep = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        const deleted = await store.deleteUnattachedUploads(
          new Date(now().getTime() - ttlMinutes * 60_000).toISOString(),
        );
        if (deleted > 0) logger.info({ event: "upload.swept", deleted }, "unattached uploads deleted");
      } catch (error) {
        // The next sweep tries again; a store that stays down shows in /ready.
        logger.error({ event: "upload.sweepFailed", err: error }, "unattached uploads could not be deleted");
      }
    });
  };
  sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
