import { ConfigError, loadConfig } from "../config";
import { AccountError, addUser, disableUser, setPassword, USER_ROLES } from "../console/userAccounts";
import { openStore } from "../store/openStore";
import type { UserRole } from "../store/store";

const USAGE = `Usage:
  npm run user -- add --username NAME --role clerk|supervisor|admin [--unit UNIT_ID …]
                     [--name "Display name"] [--password PASS]
  npm run user -- passwd --username NAME [--password PASS]
  npm run user -- disable --username NAME
Reads DATA_DIR / MONGODB_URI like the server. Without --password a one-time password is
generated and printed once; it must be changed at the first login.`;

interface Parsed {
  command: string;
  username?: string;
  role?: string;
  units: string[];
  name?: string;
  password?: string;
}

function parse(argv: readonly string[]): Parsed | string {
  const [command, ...rest] = argv;
  if (!command || !["add", "passwd", "disable"].includes(command)) return command ? `unknown command "${command}"` : "";
  const parsed: Parsed = { command, units: [] };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!;
    const value = rest[i + 1];
    if (value === undefined || value.startsWith("--")) return `${flag} needs a value`;
    i += 1;
    if (flag === "--username") parsed.username = value;
    else if (flag === "--role") parsed.role = value;
    else if (flag === "--unit") parsed.units.push(value);
    else if (flag === "--name") parsed.name = value;
    else if (flag === "--password") parsed.password = value;
    else return `unknown option "${flag}"`;
  }
  if (!parsed.username) return "--username is required";
  if (command === "add" && !parsed.role) return `--role is required (${USER_ROLES.join(", ")})`;
  return parsed;
}

/** `npm run user`: manage console accounts from the command line of the server's machine. */
async function main(): Promise<void> {
  const parsed = parse(process.argv.slice(2));
  if (typeof parsed === "string") {
    if (parsed) process.stderr.write(`user: ${parsed}\n`);
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const now = new Date();
    if (parsed.command === "add") {
      const { user, generatedPassword } = await addUser(
        store,
        config.units,
        {
          username: parsed.username!,
          role: parsed.role as UserRole,
          unitIds: parsed.units,
          ...(parsed.name ? { displayName: parsed.name } : {}),
          ...(parsed.password !== undefined ? { password: parsed.password } : {}),
        },
        now,
      );
      process.stdout.write(
        `Created ${user.role} "${user.username}"${user.unitIds.length ? ` for ${user.unitIds.join(", ")}` : ""}.\n`,
      );
      if (generatedPassword)
        process.stdout.write(`One-time password (shown once; change it at first login): ${generatedPassword}\n`);
    } else if (parsed.command === "passwd") {
      const { user, generatedPassword } = await setPassword(store, parsed.username!, parsed.password, now);
      process.stdout.write(`Password of "${user.username}" changed; its sessions are ended.\n`);
      if (generatedPassword)
        process.stdout.write(`One-time password (shown once; change it at first login): ${generatedPassword}\n`);
    } else {
      const user = await disableUser(store, parsed.username!, now);
      process.stdout.write(`"${user.username}" is disabled; its sessions are ended.\n`);
    }
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof AccountError || error instanceof ConfigError;
  process.stderr.write(`user: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = known ? 2 : 1;
});
