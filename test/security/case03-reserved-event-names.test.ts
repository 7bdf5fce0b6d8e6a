import { rawEmit, stillServes, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile();

// Socket.IO's own names: its parser treats a packet carrying one as broken and drops the connection.
const RESERVED = ["connect", "disconnect", "disconnecting", "newListener", "removeListener"];
// Names the parser lets through: the namespaces answer them as unknown events.
const UNKNOWN = ["error", "__proto__", "constructor", "hasOwnProperty", "message:send ", "clerk:reply"];

describe("case 3: reserved and unknown event names", () => {
  it.each(["/chat", "/clerk"])("drop the connection on %s for a reserved name, changing nothing", async (nsp) => {
    for (const event of RESERVED) {
      const c = nsp === "/chat" ? await watched.citizen() : await watched.clerk("lan");
      const socket = "socket" in c ? c.socket : c;
      const gone = new Promise<void>((resolve) => socket.once("disconnect", () => resolve()));
      await rawEmit(socket, event, [{ conversationId: "x", text: "x" }], { withAck: true, waitMs: 300 });
      await gone;
    }
    await stillServes(watched);
  });

  it("are answered as unknown on /chat, the connection and the conversation untouched", async () => {
    const c = await watched.citizen();
    const before = (await watched.server.store.getConversation(c.conversationId!))!.lastSeq;
    for (const event of UNKNOWN) {
      expect(await rawEmit(c.socket, event, [{ text: "x" }], { withAck: true })).toMatchObject({
        ok: false,
        error: { code: "CHAT_PAYLOAD_INVALID" },
      });
      await rawEmit(c.socket, event, [{ text: "x" }], { waitMs: 20 });
    }
    expect(c.socket.connected).toBe(true);
    expect((await watched.server.store.getConversation(c.conversationId!))!.lastSeq).toBe(before);
    await c.say("xin chào");
  });

  it("are answered as unknown on /clerk, or not at all, the connection kept", async () => {
    const clerk = await watched.clerk("lan");
    for (const event of [...UNKNOWN, "conversation:delete"]) {
      const ack = await rawEmit(clerk.socket, event, [{ conversationId: "x" }], { withAck: true, waitMs: 300 });
      if (ack !== undefined) expect(ack).toMatchObject({ ok: false });
    }
    expect(clerk.socket.connected).toBe(true);
    const missing = { conversationId: "00000000-0000-4000-8000-000000000000" };
    expect(await clerk.emit("conversation:watch", missing)).toMatchObject({
      ok: false,
      error: { code: "CONSOLE_NOT_FOUND" },
    });
    await stillServes(watched);
  });
});
