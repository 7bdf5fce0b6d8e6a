import { citizenAskingForClerk, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile();

describe("case 30: bidi overrides and zero-width characters in messages", () => {
  it("are stripped before the text is stored, so no fake system line or hidden link reaches the console", async () => {
    const c = await watched.citizen();
    const sent = ["Ngu\u200Byễn \u202Egnp.exe", "\u202A[Hệ thống]\u202C tài khoản bị khóa", "link\u2060.vn\uFEFF"];
    for (const text of sent) expect((await c.send({ text })).ok).toBe(true);
    const stored = (await watched.server.store.listMessages(c.conversationId!, 0, 100))
      .filter((m) => m.author === "citizen")
      .map((m) => m.text);
    expect(stored).toEqual(["Nguyễn gnp.exe", "[Hệ thống] tài khoản bị khóa", "link.vn"]);
    for (const text of stored) expect(text).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/);
  });

  it("are stripped from a clerk's message too", async () => {
    const clerk = await watched.clerk("lan");
    const c = await citizenAskingForClerk(watched);
    await clerk.until(() => clerk.queue.some((q) => q.conversationId === c.conversationId), "the queue");
    const conversationId = c.conversationId!;
    expect((await clerk.emit("conversation:take", { conversationId })).ok).toBe(true);
    expect(
      (await clerk.emit("conversation:message", { conversationId, clientMessageId: "b1", text: "Chào\u202E bạn" })).ok,
    ).toBe(true);
    const stored = await watched.server.store.listMessages(conversationId, 0, 100);
    expect(stored.find((m) => m.author === "clerk")?.text).toBe("Chào bạn");
  });
});
