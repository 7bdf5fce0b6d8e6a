import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Logger } from "../logger";
import type { ConsoleStore } from "../store/store";

/** Where the first admin's one-time password is left when no terminal is there to show it. */
export function firstAdminPasswordFile(dataDir: string): string {
  return path.join(dataDir, "first-admin-password.txt");
}

/**
 * Hands the first admin's one-time password to the person installing the server, and to nobody
 * else. Standard output is the log stream, which is shipped to log collectors and read by
 * whoever operates them: the password goes to the terminal when one is attached, otherwise to
 * a file under DATA_DIR readable only by the server's user, and the log says where it is.
 */
export function handOverFirstAdminPassword(
  password: string,
  options: { dataDir: string; terminal: NodeJS.WritableStream | null; logger: Logger },
): void {
  if (options.terminal) {
    options.terminal.write(
      `First start: console account "admin" created. One-time password (change it at first login): ${password}\n`,
    );
    return;
  }
  const file = firstAdminPasswordFile(options.dataDir);
  mkdirSync(options.dataDir, { recursive: true });
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  // The mode of writeFileSync applies only to a new file; an old one keeps its own.
  chmodSync(file, 0o600);
  options.logger.info(
    { event: "console.first_admin", passwordFile: file },
    "console account admin created; its one-time password is in passwordFile",
  );
  process.stdout.write(
    `First start: console account "admin" created. Its one-time password is in ${file} (readable only by this ` +
      `user; change it at first login).\n`,
  );
}

/** Removes the password file once the admin has chosen their own password: it opens nothing any more. */
export async function removeUsedFirstAdminPassword(store: ConsoleStore, dataDir: string): Promise<void> {
  const file = firstAdminPasswordFile(dataDir);
  if (!existsSync(file)) return;
  const admin = await store.getUserByUsername("admin");
  if (!admin || !admin.mustChangePassword) rmSync(file, { force: true });
}
