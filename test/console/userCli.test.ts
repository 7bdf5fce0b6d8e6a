import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { HONG_NGU_UNITS_2022 } from "../../flows/units";
import { handOverFirstAdminPassword, removeUsedFirstAdminPassword } from "../../server/console/firstAdminPassword";
import { addUser } from "../../server/console/userAccounts";
import { createLogger } from "../../server/logger";
import { SqliteStore } from "../../server/store/sqlite/sqliteStore";
import { kill9, startChildServer } from "../support/childServer";
import { runUserCli } from "../support/userCli";

let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-users-"));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** `npm run user -- ARGS` on the test's data folder. */
function user(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runUserCli(dataDir, ...args);
}

describe("npm run user", () => {
  it("adds a clerk of a unit with a one-time password, changes it, and disables the account", async () => {
    const added = await user(
      "add",
      "--username",
      "Lan",
      "--role",
      "clerk",
      "--unit",
      "an-thanh",
      "--name",
      "Nguyễn Thị Lan",
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Created clerk "lan" for an-thanh.');
    expect(added.stdout).toMatch(/One-time password \(shown once; change it at first login\): [A-Za-z0-9]{20}\n/);
    const changed = await user("passwd", "--username", "lan", "--password", "mật khẩu mới đủ dài");
    expect(changed).toMatchObject({ code: 0, stdout: 'Password of "lan" changed; its sessions are ended.\n' });
    expect(await user("disable", "--username", "lan")).toMatchObject({
      code: 0,
      stdout: '"lan" is disabled; its sessions are ended.\n',
    });
  }, 60_000);

  it.each([
    [["add", "--username", "lan", "--role", "clerk"], "USER_UNIT_MISSING"],
    [["add", "--username", "lan", "--role", "clerk", "--unit", "phuong-9"], "USER_UNIT_UNKNOWN"],
    [["add", "--username", "lan", "--role", "boss"], "USER_ROLE_INVALID"],
    [["add", "--username", "lan", "--role", "admin", "--password", "ngắn"], "USER_PASSWORD_WEAK"],
    [["add", "--username", "lan", "--role", "admin", "--password", "password1234"], "USER_PASSWORD_WEAK"],
    [["add", "--username", "lan", "--role", "admin", "--password", "hongngu2026!!"], "USER_PASSWORD_WEAK"],
    [["passwd", "--username", "ai-do"], "USER_NOT_FOUND"],
    [["remove", "--username", "lan"], 'unknown command "remove"'],
  ])(
    "refuses %j with a clear message and exit code 2",
    async (args, message) => {
      const result = await user(...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
    },
    30_000,
  );
});

describe("the very first start", () => {
  it(
    "creates the console admin and leaves its one-time password in a file only the server's user reads, never in " +
      "the log",
    async () => {
      const first = await startChildServer({ DATA_DIR: dataDir, LOG_LEVEL: "info" });
      const passwordFile = path.join(dataDir, "first-admin-password.txt");
      const password = readFileSync(passwordFile, "utf8").trim();
      expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
      expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
      // Everything on standard output is the log stream: it names the file, never the password.
      await new Promise((r) => setTimeout(r, 200));
      expect(first.output).toContain(passwordFile);
      expect(first.output).not.toContain(password);
      const login = await fetch(`${first.url}/api/auth/login`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ username: "admin", password }),
      });
      expect(await login.json()).toMatchObject({ ok: true, user: { username: "admin", mustChangePassword: true } });
      await kill9(first.child);
      const second = await startChildServer({ DATA_DIR: dataDir });
      await kill9(second.child);
      expect(second.output).not.toContain("First start");
    },
    60_000,
  );

  it("shows the one-time password on the terminal when there is one, and writes no file", () => {
    let shown = "";
    const terminal = new Writable({ write: (chunk: Buffer, _encoding, done) => ((shown += chunk.toString()), done()) });
    handOverFirstAdminPassword("Abcdefghij2345678923", { dataDir, terminal, logger: createLogger("silent") });
    expect(shown).toContain("One-time password (change it at first login): Abcdefghij2345678923");
    expect(existsSync(path.join(dataDir, "first-admin-password.txt"))).toBe(false);
  });

  it("removes the password file at a start after the admin has chosen their own password", async () => {
    const store = new SqliteStore({ dataDir });
    await store.open();
    const { user: admin } = await addUser(
      store,
      HONG_NGU_UNITS_2022,
      { username: "admin", role: "admin", unitIds: [] },
      new Date(),
    );
    writeFileSync(path.join(dataDir, "first-admin-password.txt"), "old\n");
    await removeUsedFirstAdminPassword(store, dataDir);
    expect(existsSync(path.join(dataDir, "first-admin-password.txt"))).toBe(true);
    await store.updateUser({ ...admin, mustChangePassword: false });
    await removeUsedFirstAdminPassword(store, dataDir);
    expect(existsSync(path.join(dataDir, "first-admin-password.txt"))).toBe(false);
    await store.close();
  });
});
