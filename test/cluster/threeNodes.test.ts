/**
 * Three Khai Hộ nodes behind the shipped nginx configuration, with Redis, on one store, the Zalo channel pointed at
 * the local fake Zalo: the 16:00 report is made and posted once, and a Zalo citizen whose events reach whichever
 * node the proxy picks gets each answer once, in order.
 */
import path from "node:path";
import { startFakeZalo, type FakeZalo } from "../../fakes/zalo/fakeZalo";
import { SqliteStore } from "../../server/store/sqlite/sqliteStore";
import { type Cluster, startCluster } from "../support/cluster";
import { expectReportPostedOnce } from "../support/reportPostedOnce";
import { runUserCli } from "../support/userCli";
import { ZALO_APP, ZaloCitizen, zaloSettings } from "../support/zaloCitizen";

jest.setTimeout(90_000);

const GROUP = "4a9bada229cec09099df";

let zalo: FakeZalo;
let cluster: Cluster;
let store: SqliteStore;

beforeAll(async () => {
  zalo = await startFakeZalo({ ...ZALO_APP });
  // Midnight's report: the three nodes start after its time on a day that has none, and each wants to catch up.
  cluster = await startCluster({
    nodes: 3,
    env: {
      ...zaloSettings(zalo),
      REPORT_CRON: "0 0 * * *",
      ZALO_REPORT_GROUP_ID: GROUP,
      RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000",
      WORKING_HOURS: "mon-sun 00:00-24:00",
    },
    // An account first, so that no node makes the first admin.
    beforeNodes: async (dataDir) => {
      expect((await runUserCli(dataDir, "add", "--username", "chief", "--role", "supervisor")).code).toBe(0);
    },
  });
  zalo.webhookUrl = `${cluster.url}/webhooks/zalo`;
  store = new SqliteStore({ dataDir: path.join(cluster.dataDir, "store") });
  await store.open();
});
afterAll(async () => {
  await store?.close();
  await cluster?.stop();
  await zalo?.close();
});

describe("three nodes", () => {
  it("make the day's report once and post it once to the leaders' group", async () => {
    await expectReportPostedOnce(store, zalo);
  });

  it("answer a Zalo citizen once per message, whichever node each event reaches", async () => {
    const citizens = ["5001", "5002", "5003"].map((n) => new ZaloCitizen(zalo, store, `24684588351${n}`));
    await Promise.all(
      citizens.map(async (citizen) => {
        await citizen.follow();
        for (const text of ["khai sinh", "Trần Văn Hùng", "12/04/1992"]) await citizen.say(text);
      }),
    );
    for (const citizen of citizens) {
      const conversationId = await citizen.conversationId();
      const said = (await store.listMessages(conversationId, 0, 200))
        .filter((m) => m.author === "bot")
        .map((m) => m.text);
      const sent = citizen.received.map((m) => m.text ?? "").join("\n");
      // Each of the assistant's messages went out as many times as it was said: the outbox may join several into
      // one Zalo message or split a long one, so each is found by its first 60 characters.
      const occurrences = (key: string) => sent.split(key).length - 1;
      for (const key of new Set(said.map((text) => text.slice(0, 60))))
        expect([key, occurrences(key)]).toEqual([key, said.filter((text) => text.startsWith(key)).length]);
    }
  });
});
