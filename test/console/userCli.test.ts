import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
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
    const added = await user("add", "--username", "Lan", "--role", "clerk", "--unit", "an-thanh", "--name", "Nguyễn Thị Lan");
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Created clerk "lan" for an-thanh.');
    expect(added.stdout).toMatch(/One-time password \(shown once; change it at first login\): [A-Za-z0-9]{20}\n/);
    const changed = await user("passwd", "--username", "lan", "--password", "mật khẩu mới đủ dài");
    expect(changed).toMatchObject({ code: 0, stdout: 'Password of "lan" changed; its sessions are ended.\n' });
    expect(await user("disable", "--username", "lan")).toMatchObject({ code: 0, stdout: '"lan" is disabled; its sessions are ended.\n' });
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
  ])("refuses %j with a clear message and exit code 2", async (args, message) => {
    const result = await user(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  }, 30_000);
});

describe("the very first start", () => {
  it("creates the console admin and prints its one-time password once, never again", async () => {
    const first = await startChildServer({ DATA_DIR: dataDir });
    await kill9(first.child);
    expect(first.output).toMatch(/First start: console account "admin" created\. One-time password \(change it at first login\): [A-Za-z0-9]{20}\n/);
    const second = await startChildServer({ DATA_DIR: dataDir });
    await kill9(second.child);
    expect(second.output).not.toContain("First start");
  }, 60_000);
});
