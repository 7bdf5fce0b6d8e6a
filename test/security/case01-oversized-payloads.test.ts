import { HTTP_ROUTES, routeName } from "../support/httpRoutes";
import { PLANTED_CCCD, rawEmit, stillServes, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile();

// Past the 64 KB Socket.IO packet limit (maxHttpBufferSize) many times over.
const TWO_MB = `CCCD ${PLANTED_CCCD} ${"ẩ".repeat(1024 * 1024)}`;

describe("case 1: an oversized event payload and an oversized chat text", () => {
  it("closes a /chat connection sending 2 MB, stores nothing, and serves the others", async () => {
    const c = await watched.citizen();
    const before = (await watched.server.store.getConversation(c.conversationId!))!.lastSeq;
    const closed = new Promise<void>((resolve) => c.socket.once("disconnect", () => resolve()));
    c.socket.emit("message:send", { clientMessageId: "big", text: TWO_MB }, () => undefined);
    await closed;
    expect((await watched.server.store.getConversation(c.conversationId!))!.lastSeq).toBe(before);
    await stillServes(watched);
  });

  it("closes a /clerk connection sending 2 MB", async () => {
    const clerk = await watched.clerk("lan");
    const closed = new Promise<void>((resolve) => clerk.socket.once("disconnect", () => resolve()));
    clerk.socket.emit("conversation:note", { conversationId: "x", text: TWO_MB } as never, () => undefined);
    await closed;
    await stillServes(watched);
  });

  it("refuses a chat text past the application's limit with a coded ack, storing nothing", async () => {
    const c = await watched.citizen();
    const before = (await watched.server.store.getConversation(c.conversationId!))!.lastSeq;
    const ack = await c.send({ text: `${PLANTED_CCCD} ${"a".repeat(9_000)}` });
    expect(ack).toEqual({ ok: false, error: { code: "CHAT_PAYLOAD_INVALID", message: expect.any(String) } });
    expect((await watched.server.store.getConversation(c.conversationId!))!.lastSeq).toBe(before);
  });

  it("keeps at most 2,000 characters of a 5 KB text it accepts", async () => {
    const c = await watched.citizen();
    const ack = await c.send({ text: "khai sinh ".repeat(500) });
    expect(ack.ok).toBe(true);
    const stored = await watched.server.store.listMessages(c.conversationId!, 0, 100);
    expect(Math.max(...stored.filter((m) => m.author === "citizen").map((m) => m.text.length))).toBeLessThanOrEqual(
      2_000,
    );
  });

  it("refuses a clerk's message past 4,000 characters with a coded ack", async () => {
    const clerk = await watched.clerk("lan");
    const c = await watched.citizen();
    const ack = await rawEmit(
      clerk.socket,
      "conversation:message",
      [{ conversationId: c.conversationId, clientMessageId: "m1", text: "a".repeat(4_001) }],
      { withAck: true },
    );
    expect(ack).toMatchObject({ ok: false, error: { code: "CONSOLE_PAYLOAD_INVALID" } });
  });

  it.each(HTTP_ROUTES.filter((r) => r.body === "json").map((r) => [routeName(r), r.pattern] as const))(
    "refuses a 2 MB JSON body at %s before reading it",
    async (_name, pattern) => {
      const res = await fetch(`${watched.url}${pattern.replace(":code", "HN-20261127-0001")}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: TWO_MB }),
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect((await fetch(`${watched.url}/health`)).status).toBe(200);
    },
  );
});
