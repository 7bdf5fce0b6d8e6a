import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startFakeZalo, type FakeZalo } from "../../fakes/zalo/fakeZalo";
import { SqliteStore } from "../../server/store/sqlite/sqliteStore";
import { type ChildServer, exitOf, startChildServer } from "../support/childServer";
import { expectReportPostedOnce } from "../support/reportPostedOnce";
import { runUserCli } from "../support/userCli";
import { ZALO_APP, zaloSettings } from "../support/zaloCitizen";

const GROUP = "4a9bada229cec09099df";

describe("the daily report with two server processes on one store", () => {
  let zalo: FakeZalo;
  let dataDir: string;
  const servers: ChildServer[] = [];

  beforeEach(async () => {
    zalo = await startFakeZalo({ ...ZALO_APP });
    dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-report-once-"));
    // An account first, so that neither process makes the first admin.
    expect((await runUserCli(dataDir, "add", "--username", "chief", "--role", "supervisor")).code).toBe(0);
  });
  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map((server) => {
        const exited = exitOf(server.child);
        server.child.kill("SIGTERM");
        return exited;
      }),
    );
    await zalo.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("is made once and posted once, late, when both start after its time", async () => {
    // Midnight's report: both processes start after it on a day that has none, and catch up at once.
    const env = { DATA_DIR: dataDir, REPORT_CRON: "0 0 * * *", ZALO_REPORT_GROUP_ID: GROUP, ...zaloSettings(zalo) };
    servers.push(...(await Promise.all([startChildServer(env), startChildServer(env)])));
    const store = new SqliteStore({ dataDir });
    await store.open();
    try {
      const report = await expectReportPostedOnce(store, zalo);
      expect(report.late).toBe(true);
    } finally {
      await store.close();
    }
  }, 60_000);
});
