/** Why a store refused a call. Each one is a caller bug or a data folder to fix, never a citizen's mistake. */
export type StoreErrorCode =
  /** A method was called before `open()` or after `close()`. */
  | "STORE_NOT_OPEN"
  /** A write names a conversation that was never created. */
  | "STORE_CONVERSATION_NOT_FOUND"
  /** A turn carries a message or a dedupe key of another conversation. */
  | "STORE_TURN_INVALID"
  /** A turn's dossier uses a receipt code another conversation owns. */
  | "STORE_DOSSIER_CODE_TAKEN"
  /** An upload id that could name a path or a file outside the uploads. */
  | "STORE_UPLOAD_ID_INVALID"
  /** An upload record whose size is not that of its bytes. */
  | "STORE_UPLOAD_SIZE_MISMATCH"
  /** An upload id already stored. */
  | "STORE_UPLOAD_EXISTS"
  /** A username another user has (compared lower case, NFC). */
  | "STORE_USERNAME_TAKEN"
  /** A user id already stored. */
  | "STORE_USER_EXISTS"
  /** A time that is not `Date#toISOString()` output. */
  | "STORE_TIME_INVALID"
  /** A list filter that is not a list (or null where null means every unit). */
  | "STORE_FILTER_INVALID"
  /** The data was written by a newer release than this one. */
  | "STORE_SCHEMA_NEWER"
  /** A schema migration failed; nothing of it was applied. */
  | "STORE_MIGRATION_FAILED";

/**
 * A refusal of the store. The message starts with the code and names the id involved and what
 * to do; callers branch on `code`.
 *
 * @example
 * try { await store.createUser(user) } catch (e) { if (e instanceof StoreError && e.code === "STORE_USERNAME_TAKEN") …
 * }
 */
export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(`${code}: ${message}`, options);
    this.name = "StoreError";
    this.code = code;
  }
}
