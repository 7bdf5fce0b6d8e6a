/**
 * Nodes of a new deployment started at the same moment on one new store: each comes up, and exactly one first
 * administrator is made, its one-time password handed over once.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SqliteStore } from "../../server/store/sqlite/sqliteStore";
import { type ChildServer, exitOf, startChildServer } from "../support/childServer";

jest.setTimeout(60_000);

describe("two nodes started together on a new store", () => {
  const servers: ChildServer[] = [];
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-together-"));
  });
  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map((server) => {
        const exited = exitOf(server.child);
        server.child.kill("SIGTERM");
        return exited;
      }),
    );
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("both start, and one first administrator is made", async () => {
    servers.push(
      ...(await Promise.all([startChildServer({ DATA_DIR: dataDir }), startChildServer({ DATA_DIR: dataDir })])),
    );
    for (const server of servers) expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const store = new SqliteStore({ dataDir });
    await store.open();
    try {
      expect(await store.countUsers()).toBe(1);
      expect((await store.getUserByUsername("admin"))?.role).toBe("admin");
    } finally {
      await store.close();
    }
    expect(existsSync(path.join(dataDir, "first-admin-password.txt"))).toBe(true);
  });
});
