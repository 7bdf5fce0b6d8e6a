/**
 * A citizen who asked for a clerk and then went away — chat closed, nothing written for QUEUE_ABANDON_MINUTES —
 * leaves the consoles' queue and the wait told to the next citizen; back in the chat, still asking for a person,
 * they are in the queue again.
 */
import { startFakeZalo, type FakeZalo } from "../../fakes/zalo/fakeZalo";
import { Clerk } from "../support/consoleClient";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";
import { ZALO_APP, ZaloCitizen, zaloSettings } from "../support/zaloCitizen";

// 0.05 minutes: three seconds, so that the test waits like a clerk would, only shorter.
const ABANDON_MS = 3_000;

let server: TestServer;
let zalo: FakeZalo | null = null;
const open: { close(): void }[] = [];

beforeEach(async () => {
  zalo = await startFakeZalo(ZALO_APP);
  server = await startTestServer(zaloSettings(zalo, { QUEUE_ABANDON_MINUTES: String(ABANDON_MS / 60_000) }));
  zalo.webhookUrl = `${server.url}/webhooks/zalo`;
});
afterEach(async () => {
  open.splice(0).forEach((c) => c.close());
  await server.stop();
  await zalo?.close();
});

/** A citizen of An Thạnh who starts a birth registration and asks for a clerk; resolves with what they were told. */
async function askingForClerk(): Promise<{ citizen: Citizen; told: string }> {
  const citizen = new Citizen(server.url, { unit: "an-thanh" });
  open.push(citizen);
  await citizen.ready();
  await citizen.say("khai sinh");
  await citizen.say("gặp cán bộ");
  await citizen.until(
    () => citizen.messages.some((m) => m.author === "system" && m.text.includes("trong hàng chờ")),
    "the place in the queue",
  );
  return { citizen, told: citizen.messages.filter((m) => m.text.includes("trong hàng chờ")).at(-1)?.text ?? "" };
}

const queued = (clerk: Clerk) => clerk.queue.map((item) => item.conversationId);

describe("a citizen who leaves the queue", () => {
  it("drops out of the clerks' queue and the wait once gone, and is queued again on coming back", async () => {
    const lan = await Clerk.login(server, "lan", "clerk", ["an-thanh"], "Nguyễn Thị Lan");
    open.push(lan);
    const gone = await askingForClerk();
    expect(gone.told).toContain("vị trí thứ 1 ");
    const goneId = gone.citizen.conversationId!;
    const token = gone.citizen.token!;
    await lan.until(() => queued(lan).includes(goneId), "the request in the queue");

    // The citizen closes the chat and writes nothing more: out of the queue within its time and a sweep.
    const leftAt = Date.now();
    gone.citizen.close();
    await lan.until(() => !queued(lan).includes(goneId), "the abandoned citizen out of the queue", 3 * ABANDON_MS);
    expect(Date.now() - leftAt).toBeGreaterThanOrEqual(ABANDON_MS - 1_000);

    // The next citizen is first: nobody waits on the one who went away.
    const next = await askingForClerk();
    expect(next.told).toContain("vị trí thứ 1 ");
    expect(next.told).toContain("khoảng 3 phút");
    await lan.until(() => queued(lan).includes(next.citizen.conversationId!), "the next citizen queued");
    expect(queued(lan)).toEqual([next.citizen.conversationId]);

    // A citizen who stays connected is not abandoned, however long they wait in silence.
    await new Promise((resolve) => setTimeout(resolve, ABANDON_MS + 1_000));
    expect(queued(lan)).toEqual([next.citizen.conversationId]);

    // The first citizen comes back to the chat, still asking for a person: queued again, at their place.
    const back = new Citizen(server.url, { token, unit: "an-thanh" });
    open.push(back);
    await back.ready();
    await lan.until(() => queued(lan).includes(goneId), "the returning citizen queued again");
    expect(queued(lan)).toEqual([goneId, next.citizen.conversationId]);
    const record = (await server.store.getConversation(goneId))!;
    expect(record.state.status).toBe("waiting_clerk");
  }, 30_000);

  it("on Zalo, where no chat stays open, leaves by silence alone and is queued again by writing", async () => {
    const lan = await Clerk.login(server, "lan", "clerk", ["an-thanh"], "Nguyễn Thị Lan");
    open.push(lan);
    const citizen = new ZaloCitizen(zalo!, server.store, "2468458835291900002");
    await citizen.follow();
    await citizen.say("khai sinh");
    await citizen.say("gặp cán bộ");
    const conversationId = await citizen.conversationId();
    await lan.until(() => queued(lan).includes(conversationId), "the Zalo request in the queue");
    await lan.until(
      () => !queued(lan).includes(conversationId),
      "the silent Zalo citizen out of the queue",
      3 * ABANDON_MS,
    );
    await citizen.say("Em vẫn đang chờ cán bộ ạ");
    await lan.until(() => queued(lan).includes(conversationId), "the Zalo citizen who wrote queued again");
  }, 30_000);
});
