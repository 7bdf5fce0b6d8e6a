import Database from "better-sqlite3";

/**
 * How long a connection waits for the write lock held by another one before its write fails
 * with SQLITE_BUSY. Here the lock is held for a group commit (well under a millisecond for a
 * turn); longer only when another process (the sqlite3 shell, a second server on the same
 * `DATA_DIR`) holds a transaction open.
 */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens a connection to the store's file with the settings every connection of it uses (the
 * socket thread's and the turn writer thread's).
 */
export function openSqliteFile(filePath: string): Database.Database {
  const db = new Database(filePath);
  try {
    // WAL: readers never block the writer, and a commit is one append to the log.
    db.pragma("journal_mode = WAL");
    // In WAL mode NORMAL writes every commit to the log before returning but fsyncs only at
    // checkpoints: a process crash (kill -9) loses nothing committed, since the OS still holds
    // the written pages; only a power cut or kernel crash can drop the last commits, and never
    // corrupts the file. FULL adds one fsync to every commit: measured here (ext4, a 3-row turn
    // with a 2 KB state) 230-260 µs per commit against 60-90 µs.
    db.pragma("synchronous = NORMAL");
    // The other connection (or a backup, the CLI) may hold the write lock briefly; wait rather than fail.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma("foreign_keys = ON");
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
