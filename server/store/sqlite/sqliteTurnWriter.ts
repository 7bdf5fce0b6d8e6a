import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ConversationRecord, TurnCommit, TurnWrite } from "../conversationStore";
import { StoreError } from "../storeError";
import type { WriterNotice, WriterReply, WriterRequest } from "./sqliteTurnWriterProtocol";
import type { SqliteZalo, SqliteZaloWrite } from "./sqliteZalo";

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

// Run from the bundle (`dist/server.js`) the thread is its sibling `dist/sqliteTurnWriterThread.js`;
// run from the sources (tests, benchmarks through tsx) it is the TypeScript file, loaded by tsx.
const FROM_SOURCES = __filename.endsWith(".ts");
const THREAD_FILE = path.join(__dirname, FROM_SOURCES ? "sqliteTurnWriterThread.ts" : "sqliteTurnWriterThread.js");

/**
 * The socket thread's side of the turn writer thread (`sqliteTurnWriterThread.ts`): each write
 * is posted to it and its promise settles once the transaction holding it has committed.
 *
 * @example
 * const writer = await SqliteTurnWriter.start("/var/lib/khai-ho/khai-ho.sqlite");
 * const result = await writer.commitTurn(write); // on disk once resolved
 * await writer.close();
 */
export class SqliteTurnWriter {
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private failure: Error | null = null;
  private held = false;
  /** Called when the thread finds the file's write lock held by another process, and when it is free again. */
  onFileHeld: (held: boolean) => void = () => {};

  private constructor(private readonly worker: Worker) {
    worker.on("message", (message: WriterReply[] | WriterNotice) => {
      if (!Array.isArray(message)) {
        this.held = message.fileHeld;
        this.onFileHeld(message.fileHeld);
        return;
      }
      for (const reply of message) this.settle(reply);
    });
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => this.fail(new Error(`the SQLite turn writer thread stopped (exit code ${code})`)));
  }

  /** Starts the thread on the file (already created and migrated) and waits until it is open. */
  static async start(filePath: string): Promise<SqliteTurnWriter> {
    const worker = FROM_SOURCES
      ? new Worker(`require("tsx/cjs"); require(${JSON.stringify(THREAD_FILE)});`, {
          eval: true,
          workerData: { filePath },
        })
      : new Worker(THREAD_FILE, { workerData: { filePath } });
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      const onExit = (code: number) => reject(new Error(`the SQLite turn writer thread did not open (exit ${code})`));
      worker.once("error", onError);
      worker.once("exit", onExit);
      worker.once("message", () => {
        worker.off("error", onError);
        worker.off("exit", onExit);
        resolve();
      });
    });
    return new SqliteTurnWriter(worker);
  }

  async createConversation(record: ConversationRecord): Promise<void> {
    await this.request({ id: this.nextId++, kind: "create", record });
  }

  async commitTurn(write: TurnWrite): Promise<TurnCommit> {
    return (await this.request({ id: this.nextId++, kind: "commit", write })) as TurnCommit;
  }

  /** A write of the Zalo aggregate, in the thread's next group commit. */
  async zalo<M extends SqliteZaloWrite>(
    method: M,
    ...args: Parameters<SqliteZalo[M]>
  ): Promise<ReturnType<SqliteZalo[M]>> {
    return (await this.request({ id: this.nextId++, kind: "zalo", method, args })) as ReturnType<SqliteZalo[M]>;
  }

  /** Whether the thread's last group found the file's write lock held by another process. */
  get fileHeld(): boolean {
    return this.held;
  }

  /**
   * Whether a write posted now commits within `withinMs`: an empty item in the next group, which
   * commits at once unless another process holds the file (or the thread is gone).
   */
  async takesWrites(withinMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), withinMs)));
    const probed = this.request({ id: this.nextId++, kind: "probe" }).then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([probed, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits for what was posted to be written, then closes the thread's connection. */
  async close(): Promise<void> {
    if (this.failure) return;
    const exited = new Promise<void>((resolve) => this.worker.once("exit", () => resolve()));
    this.worker.postMessage("close");
    await exited;
  }

  private request(request: WriterRequest): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  private settle(reply: WriterReply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else if (reply.code) waiting.reject(new StoreError(reply.code, reply.message));
    else waiting.reject(Object.assign(new Error(reply.message), { code: reply.sqliteCode }));
  }

  /** The thread is gone: whatever it had not answered was not written (its transaction never committed). */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(this.failure);
    this.waiting.clear();
  }
}
