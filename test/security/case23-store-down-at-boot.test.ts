import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openStore } from "../../server/store/openStore";
import { SQLITE_FILE_NAME } from "../../server/store/sqlite/sqliteStore";
import { watchedServerForThisFile } from "./securityHarness";

jest.setTimeout(60_000);

describe("case 23: the database down at boot", () => {
  it("fails the start with MongoDB unreachable, and never falls back to the embedded file", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-case23-"));
    try {
      const opened = openStore({
        MONGODB_URI: "mongodb://127.0.0.1:9/?serverSelectionTimeoutMS=500&connectTimeoutMS=500",
        MONGODB_DB: "khai-ho",
        DATA_DIR: dataDir,
      });
      await expect(opened).rejects.toThrow();
      expect(existsSync(path.join(dataDir, SQLITE_FILE_NAME))).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  describe("a running node whose store stops answering", () => {
    const watched = watchedServerForThisFile();
    it("reports not ready on /ready while health stays up", async () => {
      const store = watched.server.store;
      const ping = store.ping.bind(store);
      store.ping = async () => {
        throw new Error("store unreachable");
      };
      try {
        expect((await fetch(`${watched.url}/ready`)).status).toBe(503);
        expect((await fetch(`${watched.url}/health`)).status).toBe(200);
      } finally {
        store.ping = ping;
      }
      expect((await fetch(`${watched.url}/ready`)).status).toBe(200);
    });
  });
});
