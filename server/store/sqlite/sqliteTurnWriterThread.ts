/**
 * The turn writer thread: its own connection to the store's file, writing conversations and
 * turns so that neither the commits nor the WAL checkpoints they trigger ever hold up the
 * sockets. What arrives while a commit runs is written together in the next transaction (group
 * commit), each item in a savepoint of its own so that one that fails rolls back alone. Every
 * item is answered only after its transaction committed: an acknowledgement still means on disk.
 * A group refused because another process holds the file's write lock tells the socket thread
 * that the file is held, and the groups after it wait only briefly until one commits again.
 */
import { parentPort, workerData } from "node:worker_threads";
import { StoreError } from "../storeError";
import { openSqliteFile } from "./openSqliteFile";
import { SqliteConversations } from "./sqliteConversations";
import { SqliteDossiers } from "./sqliteDossiers";
import type { WriterNotice, WriterReply, WriterRequest } from "./sqliteTurnWriterProtocol";
import { isWriteLockError, waitForWriteLock } from "./sqliteWriteLock";
import { SQLITE_ZALO_WRITES, SqliteZalo } from "./sqliteZalo";

const port = parentPort!;
const db = openSqliteFile((workerData as { filePath: string }).filePath);
const dossiers = new SqliteDossiers();
const conversations = new SqliteConversations(dossiers);
const zalo = new SqliteZalo();
dossiers.attach(db);
conversations.attach(db);
zalo.attach(db);
const ZALO_WRITES = new Set<string>(SQLITE_ZALO_WRITES);

let pending: WriterRequest[] = [];
let fileHeld = false;

function setFileHeld(held: boolean): void {
  if (held === fileHeld) return;
  fileHeld = held;
  waitForWriteLock(db, held);
  port.postMessage({ fileHeld: held } satisfies WriterNotice);
}

function apply(request: WriterRequest): WriterReply {
  try {
    if (request.kind === "probe") return { id: request.id, ok: true, value: null };
    if (request.kind === "create") {
      conversations.insertConversation(request.record);
      return { id: request.id, ok: true, value: null };
    }
    if (request.kind === "zalo") {
      if (!ZALO_WRITES.has(request.method)) throw new Error(`not a Zalo write: ${String(request.method)}`);
      const write = zalo[request.method] as (...args: unknown[]) => unknown;
      return { id: request.id, ok: true, value: write.apply(zalo, request.args) ?? null };
    }
    return { id: request.id, ok: true, value: conversations.commitTurnNow(request.write) };
  } catch (error) {
    const code = error instanceof StoreError ? error.code : null;
    const message = error instanceof StoreError ? error.message.slice(code!.length + 2) : String(error);
    return { id: request.id, ok: false, code, message, sqliteCode: (error as { code?: unknown }).code ?? null };
  }
}

const writeGroup = db.transaction((requests: WriterRequest[]) => requests.map(apply));

function flush(): void {
  const requests = pending;
  pending = [];
  let replies: WriterReply[];
  try {
    replies = writeGroup.immediate(requests);
    setFileHeld(false);
  } catch (error) {
    if (isWriteLockError(error)) setFileHeld(true);
    // The group's own BEGIN or COMMIT failed (disk full, the file locked past the timeout):
    // nothing of it is written, and every item says so.
    replies = requests.map((request) => ({
      id: request.id,
      ok: false,
      code: null,
      message: String(error),
      sqliteCode: (error as { code?: unknown }).code ?? null,
    }));
  }
  port.postMessage(replies);
}

port.on("message", (message: WriterRequest | "close") => {
  if (message === "close") {
    if (pending.length > 0) flush();
    db.close();
    port.close();
    return;
  }
  // Everything that arrived in this turn of the thread's loop is written in one transaction.
  if (pending.length === 0) setImmediate(flush);
  pending.push(message);
});
port.postMessage("ready");
