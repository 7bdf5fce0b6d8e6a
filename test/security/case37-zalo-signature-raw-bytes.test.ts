import { ZALO_APP } from "../support/zaloCitizen";
import { PLANTED_CCCD } from "./securityHarness";
import { zaloServerForThisFile } from "./zaloHarness";

const zalo = zaloServerForThisFile();

describe("case 37: a Zalo event changed after it was signed", () => {
  it("is refused for one byte changed, and for the same JSON re-serialised, changing nothing", async () => {
    const userId = "2468458835291900037";
    const event = zalo.fake.events.text(userId, `khai sinh ${PLANTED_CCCD}`);
    const body = JSON.stringify(event);
    const changed = body.replace("khai sinh", "khai sinj");
    expect((await zalo.post(changed, body)).status).toBe(401);
    expect((await zalo.post(JSON.stringify(event, null, 2), body)).status).toBe(401);
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(event).reverse()));
    expect((await zalo.post(reordered, body)).status).toBe(401);
    expect(await zalo.watched.server.store.getZaloContact(ZALO_APP.oaId, userId)).toBeNull();
    expect((await zalo.post(body)).status).toBe(200);
  });
});
