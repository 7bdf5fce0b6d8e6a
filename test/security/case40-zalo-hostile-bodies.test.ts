import { ZALO_APP, until } from "../support/zaloCitizen";
import { zaloServerForThisFile } from "./zaloHarness";

const zalo = zaloServerForThisFile();

describe("case 40: a 10 MB body, non-JSON, deep nesting and ids past 2^53 at the Zalo webhook", () => {
  it("refuses the body too large, non-JSON and deep nesting with 4xx, and stays up", async () => {
    const big = JSON.stringify({ timestamp: String(Date.now()), pad: "a".repeat(10 * 1024 * 1024) });
    expect((await zalo.post(big)).status).toBe(413);
    const deep = `{"timestamp":"${Date.now()}","x":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    expect((await zalo.post(deep)).status).toBe(400);
    const notJson = await fetch(`${zalo.watched.url}/webhooks/zalo`, {
      method: "POST",
      headers: { "X-ZEvent-Signature": "mac=00" },
      body: "<xml/>",
    });
    expect(notJson.status).toBeGreaterThanOrEqual(400);
    expect(notJson.status).toBeLessThan(500);
    expect((await fetch(`${zalo.watched.url}/health`)).status).toBe(200);
  });

  it("keeps a user id past 2^53 exactly as sent", async () => {
    const userId = "9007199254740993123";
    expect((await zalo.post(JSON.stringify(zalo.fake.events.text(userId, "khai sinh")))).status).toBe(200);
    const store = zalo.watched.server.store;
    await until(async () => (await store.getZaloContact(ZALO_APP.oaId, userId)) !== null, "the contact");
    expect(await store.getZaloContact(ZALO_APP.oaId, "9007199254740992000")).toBeNull();
  });
});
