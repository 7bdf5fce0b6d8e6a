import type { ConversationRecord, TurnCommit, TurnWrite } from "../conversationStore";
import type { StoreErrorCode } from "../storeError";
import type { SqliteZaloWrite } from "./sqliteZalo";

/** What the socket thread asks the turn writer thread to write. */
export type WriterRequest =
  | { id: number; kind: "create"; record: ConversationRecord }
  | { id: number; kind: "commit"; write: TurnWrite }
  /** A write of the Zalo aggregate: the method of `SqliteZalo` and its arguments. */
  | { id: number; kind: "zalo"; method: SqliteZaloWrite; args: unknown[] };

/** Its answer, once the transaction holding the request committed (or failed). */
export type WriterReply =
  | { id: number; ok: true; value: TurnCommit | unknown }
  | { id: number; ok: false; code: StoreErrorCode | null; message: string; sqliteCode: unknown };
