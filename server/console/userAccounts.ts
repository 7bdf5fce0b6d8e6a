import { randomUUID } from "node:crypto";
import type { Unit } from "../../flows/units";
import type { ConsoleStore, UserRecord, UserRole } from "../store/store";
import { StoreError } from "../store/storeError";
import { generatePassword, hashPassword } from "./passwordHash";
import { type PasswordOwner, passwordProblem } from "./passwordStrength";

export const USER_ROLES: readonly UserRole[] = ["clerk", "supervisor", "admin"];

/** An account change that cannot be made, with the reason in Vietnamese and English. */
export class AccountError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "AccountError";
  }
}

async function refuseWeak(password: string, owner: PasswordOwner): Promise<void> {
  const problem = await passwordProblem(password, owner);
  if (problem) throw new AccountError("USER_PASSWORD_WEAK", `${problem.vi} / ${problem.en}`);
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

export interface NewUser {
  username: string;
  role: UserRole;
  unitIds: readonly string[];
  displayName?: string;
  /** Chosen by the admin; absent → a generated one the user must change at first login. */
  password?: string;
}

/**
 * Creates a console account. A clerk works for at least one unit of the city; supervisors
 * and admins see every unit. Returns the account and, when the password was generated, that
 * password — to be shown once, never stored or logged.
 */
export async function addUser(
  store: ConsoleStore,
  units: readonly Unit[],
  input: NewUser,
  now: Date,
): Promise<{ user: UserRecord; generatedPassword: string | null }> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new AccountError(
      "USER_NAME_INVALID",
      `"${input.username}": tên đăng nhập gồm 3–40 chữ thường, số, dấu chấm, gạch. / a username is 3–40 ` +
        `lower-case letters, digits, dots, dashes.`,
    );
  }
  if (!USER_ROLES.includes(input.role))
    throw new AccountError(
      "USER_ROLE_INVALID",
      `"${input.role}": vai trò là clerk, supervisor hoặc admin. / the role is clerk, supervisor or admin.`,
    );
  const unknown = input.unitIds.filter((id) => !units.some((u) => u.id === id));
  if (unknown.length > 0) {
    throw new AccountError(
      "USER_UNIT_UNKNOWN",
      `${unknown.join(", ")}: không có đơn vị này; có: ${units.map((u) => u.id).join(", ")}. / unknown unit.`,
    );
  }
  if (input.role === "clerk" && input.unitIds.length === 0)
    throw new AccountError(
      "USER_UNIT_MISSING",
      "Cán bộ cần ít nhất một đơn vị (--unit). / A clerk needs at least one unit (--unit).",
    );
  if (input.password !== undefined)
    await refuseWeak(input.password, { username, displayName: input.displayName ?? "" });
  if (await store.getUserByUsername(username))
    throw new AccountError("USER_NAME_TAKEN", `"${username}" đã có. / "${username}" already exists.`);
  const generatedPassword = input.password === undefined ? generatePassword() : null;
  const at = now.toISOString();
  const user: UserRecord = {
    id: randomUUID(),
    username,
    displayName: input.displayName?.trim() || username,
    role: input.role,
    unitIds: input.role === "clerk" ? [...new Set(input.unitIds)] : [],
    passwordHash: await hashPassword(input.password ?? generatedPassword!),
    disabled: false,
    mustChangePassword: generatedPassword !== null,
    createdAt: at,
    updatedAt: at,
  };
  await store.createUser(user);
  return { user, generatedPassword };
}

async function existing(store: ConsoleStore, username: string): Promise<UserRecord> {
  const user = await store.getUserByUsername(username.trim().toLowerCase());
  if (!user) throw new AccountError("USER_NOT_FOUND", `"${username}": không có tài khoản này. / no such account.`);
  return user;
}

/** Sets a new password (generated when absent) and ends the user's sessions and open consoles. */
export async function setPassword(
  store: ConsoleStore,
  username: string,
  password: string | undefined,
  now: Date,
): Promise<{ user: UserRecord; generatedPassword: string | null }> {
  const user = await existing(store, username);
  if (password !== undefined) await refuseWeak(password, user);
  const generatedPassword = password === undefined ? generatePassword() : null;
  const updated: UserRecord = {
    ...user,
    passwordHash: await hashPassword(password ?? generatedPassword!),
    mustChangePassword: generatedPassword !== null,
    updatedAt: now.toISOString(),
  };
  await store.updateUser(updated);
  await store.deleteSessionsOfUser(user.id);
  await store.appendAccountChange(user.id, now.toISOString());
  return { user: updated, generatedPassword };
}

/**
 * Disables an account and ends its sessions at once; its history stays. The servers learn of it
 * from the account-change log: they cut its open consoles and put back in the queue the
 * conversations it held.
 */
export async function disableUser(store: ConsoleStore, username: string, now: Date): Promise<UserRecord> {
  const user = await existing(store, username);
  const updated: UserRecord = { ...user, disabled: true, updatedAt: now.toISOString() };
  await store.updateUser(updated);
  await store.deleteSessionsOfUser(user.id);
  await store.appendAccountChange(user.id, now.toISOString());
  return updated;
}

/**
 * On the very first start (no account at all) creates the admin and returns its one-time
 * password, to be printed once; on every later start returns null.
 */
export async function ensureFirstAdmin(store: ConsoleStore, units: readonly Unit[], now: Date): Promise<string | null> {
  if ((await store.countUsers()) > 0) return null;
  try {
    const { generatedPassword } = await addUser(
      store,
      units,
      { username: "admin", role: "admin", unitIds: [], displayName: "Quản trị" },
      now,
    );
    return generatedPassword;
  } catch (error) {
    // Several nodes started at once on a new store: one made the admin, and its password was handed over there.
    if (error instanceof StoreError && error.code === "STORE_USERNAME_TAKEN") return null;
    throw error;
  }
}
