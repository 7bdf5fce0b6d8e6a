import type { Dossier, FieldValue } from "../dossier/dossier";
import { foldToWords } from "../engine/understanding/foldDiacritics";
import type { TurnWrite, UploadRecord } from "./store";

/**
 * Upload ids are server-generated; anything else (a `/`, a `..`, a NUL) could name a path
 * outside the uploads folder or a GridFS file the caller does not own.
 */
export const UPLOAD_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export function assertUploadId(id: string): void {
  if (typeof id !== "string" || !UPLOAD_ID_PATTERN.test(id)) {
    throw new Error("STORE_UPLOAD_ID_INVALID: an upload id is 8 to 64 letters, digits, '_' or '-'; generate it on the server");
  }
}

/** Both adapters refuse the same uploads, so no behaviour exists in only one of them. */
export function assertUploadMatches(record: UploadRecord, bytes: Buffer): void {
  assertUploadId(record.id);
  if (!Buffer.isBuffer(bytes) || record.size !== bytes.length) {
    throw new Error(`STORE_UPLOAD_SIZE_MISMATCH: upload ${record.id} says ${String(record.size)} bytes; pass the record of the bytes being saved`);
  }
}

/** A turn writes into one conversation only; anything else is a caller bug, refused before any write. */
export function assertTurnConsistent(write: TurnWrite): void {
  for (const message of write.messages) {
    if (message.conversationId !== write.conversationId) {
      throw new Error(`STORE_TURN_INVALID: message ${message.id} belongs to another conversation than ${write.conversationId}`);
    }
  }
  if (write.dedupe && write.dedupe.conversationId !== write.conversationId) {
    throw new Error(`STORE_TURN_INVALID: the dedupe record belongs to another conversation than ${write.conversationId}`);
  }
}

/** `limit` and `afterSeq` come from a reconnecting client; a NaN or a negative limit must not mean "everything". */
export function messageWindow(afterSeq: number, limit: number): { afterSeq: number; limit: number } {
  const after = Number.isFinite(afterSeq) ? Math.floor(Number(afterSeq)) : 0;
  const max = Number.isFinite(limit) ? Math.max(0, Math.floor(Number(limit))) : 0;
  return { afterSeq: after, limit: max };
}

export function conversationNotFound(id: string): Error {
  return new Error(`STORE_CONVERSATION_NOT_FOUND: conversation ${id} does not exist; create it before writing to it`);
}

export function dossierCodeTaken(code: string): Error {
  return new Error(`STORE_DOSSIER_CODE_TAKEN: dossier ${code} belongs to another conversation; draw a new receipt code`);
}

export function uploadExists(id: string): Error {
  return new Error(`STORE_UPLOAD_EXISTS: upload ${id} is already stored; generate a new id`);
}

export function storeNotOpen(): Error {
  return new Error("STORE_NOT_OPEN: call open() before using the store");
}

/**
 * Usernames are compared lower case. NFC first: Vietnamese keyboards (Telex, VNI) on different
 * systems send "Đặng" precomposed or with combining marks, which must name one user.
 */
export function normalizeUsername(username: string): string {
  return String(username).normalize("NFC").toLowerCase();
}

export function usernameTaken(username: string): Error {
  return new Error(`STORE_USERNAME_TAKEN: username ${username} belongs to another user; choose another username`);
}

export function userExists(id: string): Error {
  return new Error(`STORE_USER_EXISTS: user ${id} is already stored; generate a new id`);
}

/**
 * Session expiry and audit order compare these strings, and MongoDB turns `expiresAt` into a
 * Date for its TTL index: only `Date#toISOString()` output sorts like time and comes back
 * unchanged from both adapters.
 */
export function assertIsoInstant(value: string, what: string): void {
  const time = typeof value === "string" ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(time) || new Date(time).toISOString() !== value) {
    throw new Error(`STORE_TIME_INVALID: ${what} is ${String(value)}; pass Date#toISOString() output (2026-03-02T01:00:00.000Z)`);
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
    throw new Error("STORE_FILTER_INVALID: unitIds is an array of unit ids, or null for every unit");
  }
  return unitIds.map(String);
}

export function statusFilter(statuses: readonly string[]): string[] {
  if (!Array.isArray(statuses)) throw new Error("STORE_FILTER_INVALID: statuses is an array of conversation statuses");
  return statuses.map(String);
}

/*
 * Dossier search works on keys computed when a dossier is written, the same in both adapters:
 * `code:<code lower case>`, `phone:<digits>` and `name:<folded word>`. A search is then an
 * exact lookup of a few keys in an index instead of parsing every dossier.
 */
const CODE_KEY = "code:";
const PHONE_KEY = "phone:";
const NAME_KEY = "name:";

/** No one's name has this many words; a longer query is not a name and would only bloat the lookup. */
const MAX_NAME_WORDS = 16;

/** Separators people put in phone numbers: "0912 345 678", "0912.345.678", "(+84) 912-345-678". */
const PHONE_SEPARATORS = /[\s.\-\u2010-\u2015\u2212()/]/g;

/**
 * A phone number as digits, with the country code +84 / 0084 / 84 written as the domestic 0, so
 * "+84 912 345 678", "84912345678" and "0912.345.678" all give "0912345678". Null when the text
 * is not a phone number (letters, no digits).
 *
 * @example phoneDigits("(+84) 912-345-678") // "0912345678"
 */
export function phoneDigits(text: string): string | null {
  const compact = String(text).normalize("NFKC").replace(PHONE_SEPARATORS, "");
  const match = /^(\+|00)?(\d+)$/.exec(compact);
  if (!match) return null;
  const [, international, digits] = match as unknown as [string, string | undefined, string];
  if (international) {
    if (!digits.startsWith("84")) return digits;
    const national = digits.slice(2);
    return national.startsWith("0") ? national : `0${national}`;
  }
  // "84912345678" as copied from Zalo or a contact card: 84 and a full 9-digit national number
  // (a domestic number never has 11 digits starting with 84).
  if (/^84\d{9}$/.test(digits)) return `0${digits.slice(2)}`;
  if (/^840\d{9}$/.test(digits)) return digits.slice(2);
  return digits;
}

function isNameKey(key: string): boolean {
  return key.endsWith("Name");
}

function isPhoneKey(key: string): boolean {
  return /phone$/i.test(key);
}

function collect(key: string, value: unknown, keys: Set<string>): void {
  if (typeof value !== "string" || value === "") return;
  if (isNameKey(key)) {
    for (const word of foldToWords(value).split(" ")) if (word !== "") keys.add(NAME_KEY + word);
  } else if (isPhoneKey(key)) {
    const digits = phoneDigits(value);
    if (digits) keys.add(PHONE_KEY + digits);
  }
}

/**
 * What a dossier can be found by: its code, every phone (fields and table cells whose key ends
 * in "Phone", the postal phone) and every word of the names (fields and table cells whose key
 * ends in "Name", which "FullName" does too). Tolerates partial documents: rows written by
 * earlier releases go through it when a store is upgraded.
 *
 * @example dossierSearchKeys(dossier) // ["code:hn-20260302-0001", "name:nguyen", "name:van", "name:an", "phone:0912345678"]
 */
export function dossierSearchKeys(dossier: Dossier): string[] {
  const keys = new Set<string>([CODE_KEY + String(dossier.code).toLowerCase()]);
  const fields: Record<string, FieldValue> = dossier.fields ?? {};
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value)) {
      for (const row of value) {
        if (row && typeof row === "object") for (const [column, cell] of Object.entries(row)) collect(column, cell, keys);
      }
    } else {
      collect(key, value, keys);
    }
  }
  collect("postalPhone", dossier.submission?.postalPhone, keys);
  return [...keys];
}

/**
 * A console search turned into keys: a dossier matches when it has `code`, or `phone`, or every
 * one of `names`. Null for no search (absent or blank): the list is not filtered.
 */
export interface DossierSearch {
  code: string;
  phone: string | null;
  /** Empty when the query has no words or too many to be a name: no dossier matches by name. */
  names: string[];
}

export function dossierSearch(query: string | undefined): DossierSearch | null {
  if (query === undefined || query === null) return null;
  const text = String(query).trim();
  if (text === "") return null;
  const digits = phoneDigits(text);
  const words = [...new Set(foldToWords(text).split(" ").filter((word) => word !== ""))];
  return {
    code: CODE_KEY + text.toLowerCase(),
    phone: digits ? PHONE_KEY + digits : null,
    names: words.length <= MAX_NAME_WORDS ? words.map((word) => NAME_KEY + word) : [],
  };
}
