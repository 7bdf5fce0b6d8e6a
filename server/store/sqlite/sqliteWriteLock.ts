import type Database from "better-sqlite3";
import { BUSY_TIMEOUT_MS } from "./openSqliteFile";

/**
 * The wait for the write lock once a write has already waited the full {@link BUSY_TIMEOUT_MS}
 * in vain: the file is held by another process, and every citizen writing meanwhile is told at
 * once to send again, instead of each waiting five more seconds behind the one before (measured
 * with the file held: acks at 9, 13 and 17 s for three messages sent a second apart, past the
 * widget's 10 s ack timeout). Long enough to ride over one of this server's own group commits.
 */
export const LOCKED_BUSY_TIMEOUT_MS = 200;

/** Whether a write failed because another connection held the file's write lock past the wait. */
export function isWriteLockError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

/** Sets how long the connection waits for the write lock: short while the file is known to be held. */
export function waitForWriteLock(db: Database.Database, fileHeld: boolean): void {
  db.pragma(`busy_timeout = ${fileHeld ? LOCKED_BUSY_TIMEOUT_MS : BUSY_TIMEOUT_MS}`);
}
