import { until, ZALO_APP } from "../support/zaloCitizen";
import { zaloServerForThisFile } from "./zaloHarness";

const zalo = zaloServerForThisFile();

describe("case 38: the same Zalo event delivered three times", () => {
  it("answers each delivery 200 and processes the event once", async () => {
    const userId = "2468458835291900038";
    const body = JSON.stringify(zalo.fake.events.text(userId, "khai sinh"));
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await zalo.post(body));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(
      ((await Promise.all(answers.map((a) => a.json()))) as { duplicate: boolean }[]).map((a) => a.duplicate),
    ).toEqual([false, true, true]);
    const store = zalo.watched.server.store;
    await until(async () => (await store.getZaloContact(ZALO_APP.oaId, userId)) !== null, "the contact");
    const { conversationId } = (await store.getZaloContact(ZALO_APP.oaId, userId))!;
    await until(async () => (await store.listPendingZaloEvents(10)).length === 0, "the inbox processed");
    const citizen = (await store.listMessages(conversationId, 0, 100)).filter((m) => m.author === "citizen");
    expect(citizen).toHaveLength(1);
  });
});
