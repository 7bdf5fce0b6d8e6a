import express, { type NextFunction, type Request, type Response, Router } from "express";
import { z } from "zod";
import { sendWorded } from "../http/httpErrors";
import { sendConsoleError } from "./sendConsoleError";
import type { WindowLimiter } from "../limits/windowLimiter";
import type { Logger } from "../logger";
import type { SessionRecord, Store, UserRecord } from "../store/store";
import { csrfMatches, openSession, readCookie, SESSION_COOKIE, SESSION_TTL_MS, sessionUser } from "./consoleSessions";
import { hashPassword, verifyPassword } from "./passwordHash";
import { passwordProblem } from "./passwordStrength";

export interface AuthRoutesOptions {
  store: Store;
  logger: Logger;
  now: () => Date;
  /** Cookies marked Secure when the public address is https. */
  secureCookies: boolean;
  /** Attempts per account and minute. */
  accountLimiter: WindowLimiter;
  /** Attempts per address and minute: a ward office's clerks share one address. */
  addressLimiter: WindowLimiter;
  addressOf: (req: Request) => string;
}

/** What a console request knows once its session is checked. */
export interface ConsoleLocals {
  user: UserRecord;
  session: SessionRecord;
}

const loginSchema = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(500) }).strict();
const passwordChangeSchema = z
  .object({ currentPassword: z.string().min(1).max(500), newPassword: z.string().min(1).max(500) })
  .strict();

/** What the console shows of a user: never the hash. */
export function publicUser(user: UserRecord) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitIds: user.unitIds,
    mustChangePassword: user.mustChangePassword,
  };
}

/**
 * Checks the session cookie (and, for anything that changes state, the CSRF header) of a
 * console request; answers 401/403 itself, or puts the user and session in `res.locals`.
 * An account still on a password someone else chose gets 403 AUTH_PASSWORD_CHANGE_REQUIRED,
 * except where `allowPasswordChangePending` (who am I, change the password, log out).
 */
export function requireConsoleSession(
  options: Pick<AuthRoutesOptions, "store" | "now">,
  allowPasswordChangePending = false,
) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const found = await sessionUser(options.store, readCookie(req.headers.cookie, SESSION_COOKIE), options.now());
    if (!found) {
      sendConsoleError(res, "AUTH_REQUIRED");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD" && !csrfMatches(found.session, req.get("x-csrf-token"))) {
      sendConsoleError(res, "AUTH_CSRF_INVALID");
      return;
    }
    if (found.user.mustChangePassword && !allowPasswordChangePending) {
      sendConsoleError(res, "AUTH_PASSWORD_CHANGE_REQUIRED");
      return;
    }
    (res.locals as ConsoleLocals).user = found.user;
    (res.locals as ConsoleLocals).session = found.session;
    next();
  };
}

// Compared against when the username is unknown, so that a wrong username and a wrong
// password take the same time and get the same answer.
const DUMMY_HASH = hashPassword("không có tài khoản này – no such account");

/** `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/auth/me`, `POST /api/auth/password`. */
export function authRoutes(options: AuthRoutesOptions): Router {
  const router = Router();
  router.use("/api/auth", express.json({ limit: "4kb" }));
  const cookie = (value: string, maxAgeMs: number) =>
    `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; ` +
    `Max-Age=${Math.floor(maxAgeMs / 1000)}${options.secureCookies ? "; Secure" : ""}`;

  /**
   * Counts a password attempt (a login, or a change that checks the current password) against
   * the address and the account; answers 429 itself past either limit. One budget for both, so
   * a stolen session cannot guess the password through the change form faster than the login.
   */
  async function throttled(req: Request, res: Response, username: string): Promise<boolean> {
    if (
      (await options.addressLimiter.allow(options.addressOf(req))) &&
      (!username || (await options.accountLimiter.allow(username)))
    )
      return false;
    sendConsoleError(res, "AUTH_RATE_LIMITED");
    return true;
  }

  router.post("/api/auth/login", async (req, res) => {
    const input = loginSchema.safeParse(req.body);
    const username = input.success ? input.data.username.trim().toLowerCase() : "";
    if (await throttled(req, res, username)) return;
    if (!input.success) {
      sendConsoleError(res, "AUTH_LOGIN_INVALID");
      return;
    }
    const user = await options.store.getUserByUsername(username);
    const ok = await verifyPassword(input.data.password, user?.passwordHash ?? (await DUMMY_HASH));
    if (!user || !ok || user.disabled) {
      options.logger.info({ event: "auth.login_failed", userId: user?.id ?? null }, "login failed");
      sendConsoleError(res, "AUTH_LOGIN_FAILED");
      return;
    }
    const { secret, session } = await openSession(options.store, user, options.now());
    options.logger.info({ event: "auth.login", userId: user.id }, "login");
    res
      .set("Set-Cookie", cookie(secret, SESSION_TTL_MS))
      .set("Cache-Control", "no-store")
      .json({ ok: true, user: publicUser(user), csrfToken: session.csrfToken });
  });

  const guard = requireConsoleSession(options, true);

  router.get("/api/auth/me", guard, (_req, res) => {
    const { user, session } = res.locals as ConsoleLocals;
    res.set("Cache-Control", "no-store").json({ ok: true, user: publicUser(user), csrfToken: session.csrfToken });
  });

  router.post("/api/auth/logout", guard, async (_req, res) => {
    const { session, user } = res.locals as ConsoleLocals;
    await options.store.deleteSession(session.idHash);
    // The consoles open on this session, on any node, are cut off now rather than at their next periodic re-check.
    await options.store.appendAccountChange(user.id, options.now().toISOString());
    options.logger.info({ event: "auth.logout", userId: user.id }, "logout");
    res.set("Set-Cookie", cookie("", 0)).json({ ok: true });
  });

  router.post("/api/auth/password", guard, async (req, res) => {
    const { user } = res.locals as ConsoleLocals;
    if (await throttled(req, res, user.username)) return;
    const input = passwordChangeSchema.safeParse(req.body);
    if (!input.success) {
      sendConsoleError(res, "AUTH_PASSWORD_INVALID");
      return;
    }
    if (!(await verifyPassword(input.data.currentPassword, user.passwordHash))) {
      sendConsoleError(res, "AUTH_LOGIN_FAILED.currentPassword");
      return;
    }
    const problem = await passwordProblem(input.data.newPassword, user);
    if (problem) {
      sendWorded(res, 400, "AUTH_PASSWORD_WEAK", problem);
      return;
    }
    const updated: UserRecord = {
      ...user,
      passwordHash: await hashPassword(input.data.newPassword),
      mustChangePassword: false,
      updatedAt: options.now().toISOString(),
    };
    await options.store.updateUser(updated);
    // Every other login of this account ends; this one goes on with a fresh session.
    await options.store.deleteSessionsOfUser(user.id);
    const fresh = await openSession(options.store, updated, options.now());
    // The consoles open on the old sessions, on any node, are cut off; this one reconnects.
    await options.store.appendAccountChange(user.id, options.now().toISOString());
    options.logger.info({ event: "auth.password_changed", userId: user.id }, "password changed");
    res
      .set("Set-Cookie", cookie(fresh.secret, SESSION_TTL_MS))
      .json({ ok: true, user: publicUser(updated), csrfToken: fresh.session.csrfToken });
  });

  return router;
}
