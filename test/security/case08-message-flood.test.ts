import { rawEmit, stillServes, watchedServerForThisFile } from "./securityHarness";

const LIMIT = 20;
const watched = watchedServerForThisFile({ RATE_LIMIT_CONVERSATION_PER_MINUTE: String(LIMIT) });

jest.setTimeout(60_000);

describe("case 8: one socket flooding messages", () => {
  it("gets CHAT_RATE_LIMITED past its budget, stores nothing beyond it, and others keep chatting", async () => {
    const flooder = await watched.citizen();
    const acks = await Promise.all(
      Array.from({ length: 1_000 }, (_v, i) =>
        flooder.socket.timeout(30_000).emitWithAck("message:send", { clientMessageId: `f${i}`, text: "xin chào" }),
      ),
    );
    const accepted = acks.filter((a) => a.ok).length;
    expect(accepted).toBeLessThanOrEqual(LIMIT);
    expect(acks.filter((a) => !a.ok && a.error.code === "CHAT_RATE_LIMITED").length).toBe(1_000 - accepted);
    const stored = await watched.server.store.listMessages(flooder.conversationId!, 0, 10_000);
    expect(stored.filter((m) => m.author === "citizen").length).toBe(accepted);
    await stillServes(watched);
  });

  it("limits a conversation, not a socket: a second tab of the same session shares the budget", async () => {
    const first = await watched.citizen();
    const second = await watched.citizen({ token: first.token!, lastSeq: 0 });
    const send = (c: typeof first, i: number) =>
      rawEmit(c.socket, "message:send", [{ clientMessageId: `t${i}`, text: "a" }], { withAck: true, waitMs: 30_000 });
    const acks = (await Promise.all(Array.from({ length: 60 }, (_v, i) => send(i % 2 ? first : second, i)))) as {
      ok: boolean;
    }[];
    expect(acks.filter((a) => a.ok).length).toBeLessThanOrEqual(LIMIT);
  });
});
