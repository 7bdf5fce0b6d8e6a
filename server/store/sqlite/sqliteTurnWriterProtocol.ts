import type { ConversationRecord, TurnCommit, TurnWrite } from "../conversationStore";
import type { StoreErrorCode } from "../storeError";
import type { SqliteZaloWrite } from "./sqliteZalo";

/** What the socket thread asks the turn writer thread to write. */
export type WriterRequest =
  | { id: number; kind: "create"; record: ConversationRecord }
  | { id: number; kind: "commit"; write: TurnWrite }
  /** A write of the Zalo aggregate: the method of `SqliteZalo` and its arguments. */
  | { id: number; kind: "zalo"; method: SqliteZaloWrite; args: unknown[] }
  /** Nothing to write: answered once a group commits, that is once the file takes writes. */
  | { id: number; kind: "probe" };

/** Its answer, once the transaction holding the request committed (or failed). */
export type WriterReply =
  | { id: number; ok: true; value: TurnCommit | unknown }
  | { id: number; ok: false; code: StoreErrorCode | null; message: string; sqliteCode: unknown };

/** Said by the thread when the file's write lock is found held by another process, and when it is free again. */
export interface WriterNotice {
  fileHeld: boolean;
}
