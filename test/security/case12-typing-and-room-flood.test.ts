import { randomUUID } from "node:crypto";
import { rawEmit, watchedServerForThisFile, citizenAskingForClerk } from "./securityHarness";

const watched = watchedServerForThisFile({ RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000" });

jest.setTimeout(30_000);

describe("case 12: a flood of typing signals and of rooms to join", () => {
  it("passes a citizen's 300 typing signals to the clerk a few times only", async () => {
    const clerk = await watched.clerk("lan");
    const c = await citizenAskingForClerk(watched);
    const conversationId = c.conversationId!;
    await clerk.until(() => clerk.queue.some((q) => q.conversationId === conversationId), "the queue");
    expect((await clerk.emit("conversation:take", { conversationId })).ok).toBe(true);
    let relayed = 0;
    clerk.socket.on("typing:citizen", () => (relayed += 1));
    for (let i = 0; i < 300; i++) c.socket.emit("typing:citizen");
    await new Promise((r) => setTimeout(r, 600));
    expect(relayed).toBeGreaterThan(0);
    expect(relayed).toBeLessThanOrEqual(3);
  });

  it("refuses a clerk watching 200 random conversations, and sends them no event of another unit", async () => {
    const binh = await watched.clerk("binh", ["an-loc"]);
    let leaked = 0;
    binh.socket.on("conversation:message", () => (leaked += 1));
    binh.socket.on("conversation:view", () => (leaked += 1));
    const acks = await Promise.all(
      Array.from({ length: 200 }, () =>
        rawEmit(binh.socket, "conversation:watch", [{ conversationId: randomUUID() }], { withAck: true }),
      ),
    );
    expect(acks.every((a) => (a as { error?: { code: string } }).error?.code === "CONSOLE_NOT_FOUND")).toBe(true);
    const c = await citizenAskingForClerk(watched, "an-thanh");
    expect(await binh.emit("conversation:watch", { conversationId: c.conversationId! })).toMatchObject({ ok: false });
    for (let i = 0; i < 50; i++) binh.socket.emit("typing:clerk", { conversationId: c.conversationId! });
    let typing = 0;
    c.socket.on("typing:start", () => (typing += 1));
    await c.say("xin chào");
    await new Promise((r) => setTimeout(r, 200));
    expect(leaked).toBe(0);
    expect(typing).toBe(0);
  });
});
