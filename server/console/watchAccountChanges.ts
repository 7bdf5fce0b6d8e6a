import type { Logger } from "../logger";
import type { ConsoleStore } from "../store/store";

export interface AccountChangeWatcherOptions {
  store: ConsoleStore;
  logger: Logger;
  /** How often the log is read, in ms. */
  pollMs: number;
  /** Acts on the accounts changed since the last poll (each named once per batch). */
  onChanges: (userIds: string[]) => Promise<void>;
}

/** How many changes one read takes; a longer log is read in several. */
const PAGE = 200;

/**
 * Follows the store's account-change log: the command line that disables an account or resets a
 * password is another process, and each server node learns of it here within `pollMs`. Starts
 * from the beginning of the log, so a change made while the server was down (a clerk disabled
 * overnight) is acted on at start: acting twice on a change is harmless. One read at a time.
 *
 * @example const watcher = watchAccountChanges({ store, logger, pollMs: 250, onChanges: cutOff }); … watcher.stop();
 */
export function watchAccountChanges(options: AccountChangeWatcherOptions): { stop(): Promise<void> } {
  let after = 0;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  async function poll(): Promise<void> {
    for (;;) {
      const changes = await options.store.listAccountChanges(after, PAGE);
      if (changes.length === 0) return;
      await options.onChanges([...new Set(changes.map((c) => c.userId))]);
      after = changes[changes.length - 1]!.seq;
      if (changes.length < PAGE || stopped) return;
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = poll()
        .catch((error: unknown) =>
          options.logger.error({ event: "account_changes.poll_failed", err: error }, "account change poll failed"),
        )
        .finally(schedule);
    }, options.pollMs);
    timer.unref();
  }

  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
