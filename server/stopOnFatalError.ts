import type { Logger } from "./logger";

/** How long a stop after a fatal error may take before the process exits anyway. */
const FATAL_STOP_TIMEOUT_MS = 5_000;

/**
 * An error that reached the process level escaped every request's own handling: the process is
 * in a state nobody planned for. It is logged (personal data scrubbed by the logger), the server
 * stops taking connections and closes its store, and the process exits with code 1 for its
 * supervisor to restart it. Nothing acknowledged is lost: an acknowledgement is only ever sent
 * after its turn is committed, and a turn cut off before that is retried by its client.
 */
export function stopOnFatalError(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const fatal = (kind: string) => (error: unknown) => {
    logger.fatal({ event: "process.fatal", kind, err: error }, "unexpected error: stopping to be restarted");
    if (stopping) return;
    stopping = true;
    const timer = setTimeout(() => process.exit(1), FATAL_STOP_TIMEOUT_MS);
    timer.unref();
    stop()
      .catch(() => undefined)
      .finally(() => process.exit(1));
  };
  process.on("uncaughtException", fatal("uncaughtException"));
  process.on("unhandledRejection", fatal("unhandledRejection"));
}
