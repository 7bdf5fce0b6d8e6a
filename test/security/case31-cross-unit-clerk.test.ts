import { consoleGet, consolePost, watchedServerForThisFile, citizenAskingForClerk } from "./securityHarness";

const watched = watchedServerForThisFile();

describe("case 31: a clerk of one ward acting on another ward's conversation", () => {
  it("is refused on every event as if it did not exist, and hears none of its events", async () => {
    const binh = await watched.clerk("binh", ["an-loc"]);
    const c = await citizenAskingForClerk(watched, "an-thanh");
    const conversationId = c.conversationId!;
    let heard = 0;
    for (const e of ["conversation:message", "conversation:view", "conversation:note", "typing:citizen"])
      binh.socket.on(e as "conversation:message", () => (heard += 1));
    for (const [event, payload] of [
      ["conversation:watch", { conversationId }],
      ["conversation:take", { conversationId }],
      ["conversation:message", { conversationId, clientMessageId: "x", text: "hi" }],
      ["dossier:patch", { conversationId, field: "requesterFullName", text: "Ai Đó" }],
      ["conversation:close", { conversationId }],
      ["conversation:note", { conversationId, text: "ghi chú" }],
    ] as const)
      expect(await binh.emit(event as "conversation:watch", payload as never)).toMatchObject({
        ok: false,
        error: { code: "CONSOLE_NOT_FOUND" },
      });
    await c.say("xin chào");
    expect(binh.queue.some((q) => q.conversationId === conversationId)).toBe(false);
    expect(heard).toBe(0);
  });

  it("is refused over REST: another unit's dossiers, postal list and figures", async () => {
    const binh = await watched.clerk("binh", ["an-loc"]);
    expect((await consoleGet(watched, binh, "/api/console/dashboard?unit=an-thanh")).status).toBeGreaterThanOrEqual(
      400,
    );
    expect((await consoleGet(watched, binh, "/api/console/postal?unit=an-thanh")).status).toBeGreaterThanOrEqual(400);
    const res = await consolePost(watched, binh, "/api/console/dossiers/HN-20261127-0001/status", {
      status: "received",
    });
    expect(res.status).toBe(404);
  });
});
