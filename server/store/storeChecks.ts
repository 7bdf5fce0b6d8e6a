import type { TurnWrite } from "./conversationStore";
import type { UploadRecord } from "./dossierStore";
import { StoreError } from "./storeError";

/**
 * Upload ids are server-generated; anything else (a `/`, a `..`, a NUL) could name a path
 * outside the uploads folder or a GridFS file the caller does not own.
 */
export const UPLOAD_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export function assertUploadId(id: string): void {
  if (typeof id !== "string" || !UPLOAD_ID_PATTERN.test(id)) {
    throw new StoreError(
      "STORE_UPLOAD_ID_INVALID",
      "an upload id is 8 to 64 letters, digits, '_' or '-'; generate it on the server",
    );
  }
}

/** Both adapters refuse the same uploads, so no behaviour exists in only one of them. */
export function assertUploadMatches(record: UploadRecord, bytes: Buffer): void {
  assertUploadId(record.id);
  if (!Buffer.isBuffer(bytes) || record.size !== bytes.length) {
    throw new StoreError(
      "STORE_UPLOAD_SIZE_MISMATCH",
      `upload ${record.id} says ${String(record.size)} bytes; pass the record of the bytes being saved`,
    );
  }
}

/** A turn writes into one conversation only; anything else is a caller bug, refused before any write. */
export function assertTurnConsistent(write: TurnWrite): void {
  for (const message of write.messages) {
    if (message.conversationId !== write.conversationId) {
      throw new StoreError(
        "STORE_TURN_INVALID",
        `message ${message.id} belongs to another conversation than ${write.conversationId}`,
      );
    }
  }
  if (write.dedupe && write.dedupe.conversationId !== write.conversationId) {
    throw new StoreError(
      "STORE_TURN_INVALID",
      `the dedupe record belongs to another conversation than ${write.conversationId}`,
    );
  }
}

/** `limit` and `afterSeq` come from a reconnecting client; a NaN or a negative limit must not mean "everything". */
export function messageWindow(afterSeq: number, limit: number): { afterSeq: number; limit: number } {
  const after = Number.isFinite(afterSeq) ? Math.floor(Number(afterSeq)) : 0;
  const max = Number.isFinite(limit) ? Math.max(0, Math.floor(Number(limit))) : 0;
  return { afterSeq: after, limit: max };
}

export function conversationNotFound(id: string): StoreError {
  return new StoreError(
    "STORE_CONVERSATION_NOT_FOUND",
    `conversation ${id} does not exist; create it before writing to it`,
  );
}

export function dossierCodeTaken(code: string): StoreError {
  return new StoreError(
    "STORE_DOSSIER_CODE_TAKEN",
    `dossier ${code} belongs to another conversation; draw a new receipt code`,
  );
}

export function uploadExists(id: string): StoreError {
  return new StoreError("STORE_UPLOAD_EXISTS", `upload ${id} is already stored; generate a new id`);
}

export function storeNotOpen(): StoreError {
  return new StoreError("STORE_NOT_OPEN", "call open() before using the store");
}

/**
 * Usernames are compared lower case. NFC first: Vietnamese keyboards (Telex, VNI) on different
 * systems send "Đặng" precomposed or with combining marks, which must name one user.
 */
export function normalizeUsername(username: string): string {
  return String(username).normalize("NFC").toLowerCase();
}

export function usernameTaken(username: string): StoreError {
  return new StoreError(
    "STORE_USERNAME_TAKEN",
    `username ${username} belongs to another user; choose another username`,
  );
}

export function userExists(id: string): StoreError {
  return new StoreError("STORE_USER_EXISTS", `user ${id} is already stored; generate a new id`);
}

/**
 * Session expiry and audit order compare these strings, and MongoDB turns `expiresAt` into a
 * Date for its TTL index: only `Date#toISOString()` output sorts like time and comes back
 * unchanged from both adapters.
 */
export function assertIsoInstant(value: string, what: string): void {
  const time = typeof value === "string" ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(time) || new Date(time).toISOString() !== value) {
    throw new StoreError(
      "STORE_TIME_INVALID",
      `${what} is ${String(value)}; pass Date#toISOString() output (2026-03-02T01:00:00.000Z)`,
    );
  }
}

/** An unreadable expiry counts as past: a session that cannot be dated must not log anyone in. */
export function sessionExpired(session: { expiresAt: string }, now: Date): boolean {
  return !(Date.parse(session.expiresAt) > now.getTime());
}

/** A NaN or a negative limit from a query string must not mean "everything". */
export function listLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.max(0, Math.floor(Number(limit))) : 0;
}

/**
 * The units a console list is limited to. `null` is the only way to ask for every unit: a
 * missing or malformed filter from a caller must not widen a clerk's view to other units.
 */
export function unitFilter(unitIds: readonly string[] | null): string[] | null {
  if (unitIds === null) return null;
  if (!Array.isArray(unitIds)) {
    throw new StoreError("STORE_FILTER_INVALID", "unitIds is an array of unit ids, or null for every unit");
  }
  return unitIds.map(String);
}

export function statusFilter(statuses: readonly string[]): string[] {
  if (!Array.isArray(statuses))
    throw new StoreError("STORE_FILTER_INVALID", "statuses is an array of conversation statuses");
  return statuses.map(String);
}
