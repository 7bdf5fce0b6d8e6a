/** A sweep that runs now and then every `everyMs`, one run at a time. */
export interface PeriodicSweep {
  /** Stops the timer and waits for a run under way, so the store can be closed after it. */
  stop(): Promise<void>;
}

/**
 * Runs `run` at start and then every `everyMs`, never two at once (a slow run delays the next). A
 * run that throws is handed to `failed` and the next one tries again. The timer is unref'd: it never
 * keeps the process alive.
 */
export function startPeriodicSweep(options: {
  everyMs: number;
  run: () => Promise<void>;
  failed: (error: unknown) => void;
}): PeriodicSweep {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const sweep = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        await options.run();
      } catch (error) {
        options.failed(error);
      }
    });
  };
  sweep();
  const timer = setInterval(sweep, options.everyMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
