import { until, ZALO_APP } from "../support/zaloCitizen";
import { zaloServerForThisFile } from "./zaloHarness";

const zalo = zaloServerForThisFile();

describe("case 39: the conversation slow to process a Zalo event", () => {
  it("answers 200 once the event is stored, before its turn is written, and processes it afterwards", async () => {
    const store = zalo.watched.server.store;
    const commit = store.commitTurn.bind(store);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    store.commitTurn = async (write) => {
      await held;
      return commit(write);
    };
    const userId = "2468458835291900039";
    try {
      const answer = await zalo.post(JSON.stringify(zalo.fake.events.text(userId, "khai sinh")));
      expect(answer.status).toBe(200);
      expect(await store.listPendingZaloEvents(10)).toHaveLength(1);
    } finally {
      store.commitTurn = commit;
      release();
    }
    await until(async () => (await store.getZaloContact(ZALO_APP.oaId, userId)) !== null, "the contact");
    await until(async () => (await store.listPendingZaloEvents(10)).length === 0, "the inbox processed");
  });
});
