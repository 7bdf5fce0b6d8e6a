import { startPeriodicSweep, type PeriodicSweep } from "../http/periodicSweep";
import type { Logger } from "../logger";
import type { Store } from "../store/store";

const DAY_MS = 24 * 60 * 60_000;
const HOUR_MS = 60 * 60_000;
// Drafts deleted per store call: a sweep after a long pause deletes in steps, never holding the store long.
const BATCH = 200;

/**
 * Deletes the drafts citizens left alone for `retentionDays` (a conversation that never filed a
 * dossier, with its messages, photos and notes: personal data kept no longer than its purpose
 * needs, Decree 13/2023), at start and then every hour, so none outlives its time by more than an hour.
 *
 * @example
 * const sweep = startDraftRetentionSweep({ store, retentionDays: 30, now: () => new Date(), logger });
 * await sweep.stop();
 */
export function startDraftRetentionSweep(options: {
  store: Store;
  retentionDays: number;
  now: () => Date;
  logger: Logger;
}): PeriodicSweep {
  const { store, retentionDays, now, logger } = options;
  return startPeriodicSweep({
    everyMs: HOUR_MS,
    async run() {
      const olderThan = new Date(now().getTime() - retentionDays * DAY_MS).toISOString();
      const total = { conversations: 0, uploads: 0 };
      for (;;) {
        const deleted = await store.deleteAbandonedDrafts(olderThan, BATCH);
        total.conversations += deleted.conversations;
        total.uploads += deleted.uploads;
        if (deleted.conversations < BATCH) break;
      }
      if (total.conversations > 0) logger.info({ event: "draft.retentionSwept", ...total }, "abandoned drafts deleted");
    },
    // The next sweep tries again; a store that stays down shows in /ready.
    failed: (error) =>
      logger.error({ event: "draft.retentionFailed", err: error }, "abandoned drafts could not be deleted"),
  });
}
