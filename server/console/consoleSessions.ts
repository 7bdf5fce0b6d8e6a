import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { ConsoleStore, SessionRecord, UserRecord } from "../store/store";

/** A working day and a little more: a clerk logs in once in the morning. */
export const SESSION_TTL_MS = 10 * 60 * 60 * 1000;
export const SESSION_COOKIE = "khaiho_session";

export function hashSessionSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** A new session for a user: the secret goes in the cookie, the store keeps only its hash. */
export async function openSession(
  store: ConsoleStore,
  user: UserRecord,
  now: Date,
): Promise<{ secret: string; session: SessionRecord }> {
  const secret = randomBytes(32).toString("base64url");
  const session: SessionRecord = {
    idHash: hashSessionSecret(secret),
    userId: user.id,
    csrfToken: randomBytes(24).toString("base64url"),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
  };
  await store.createSession(session);
  return { secret, session };
}

/**
 * The live session and its user for a cookie's secret: null when the session is unknown or
 * expired, or the user is gone or disabled — checked on every request and every socket event,
 * so disabling an account cuts it off at once.
 */
export async function sessionUser(
  store: ConsoleStore,
  secret: string | undefined,
  now: Date,
): Promise<{ session: SessionRecord; user: UserRecord } | null> {
  if (!secret || !/^[A-Za-z0-9_-]{20,100}$/.test(secret)) return null;
  const session = await store.getSession(hashSessionSecret(secret));
  if (!session || new Date(session.expiresAt).getTime() <= now.getTime()) return null;
  const user = await store.getUser(session.userId);
  if (!user || user.disabled) return null;
  return { session, user };
}

/** Whether the request's CSRF header matches the session's token (constant time). */
export function csrfMatches(session: SessionRecord, header: string | undefined): boolean {
  if (!header) return false;
  const a = Buffer.from(header);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The value of one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}
