import type { SendAck } from "../../server/channels/web/protocol";
import { rawEmit, stillServes, watchedServerForThisFile } from "./securityHarness";

const LIMIT = 20;
// The defaults of everything else: 5 events a second, 30 at once, closed after 50 refusals in a minute.
const watched = watchedServerForThisFile({ RATE_LIMIT_CONVERSATION_PER_MINUTE: String(LIMIT) });
const BURST = 40;
const REFUSALS_BEFORE_DISCONNECT = 50;

jest.setTimeout(60_000);

describe("case 8: one socket flooding messages", () => {
  it("refuses past the budget with CHAT_RATE_LIMITED, then closes the socket; another citizen chats", async () => {
    const flooder = await watched.citizen();
    const bystander = await watched.citizen({ unit: "an-loc" });
    const closedBy = new Promise<string>((resolve) => flooder.socket.once("disconnect", resolve));
    const sent = Array.from({ length: 1_000 }, (_v, i) =>
      flooder.socket.timeout(30_000).emitWithAck("message:send", { clientMessageId: `f${i}`, text: "xin chào" }),
    );
    const replies = await Promise.all([bystander.say("xin chào"), bystander.say("khai sinh")]);
    expect(replies.every((reply) => reply.some((m) => m.author === "bot"))).toBe(true);
    expect(await closedBy).toBe("io server disconnect");
    const acks = (await Promise.allSettled(sent)).flatMap((a) =>
      a.status === "fulfilled" ? [a.value as SendAck] : [],
    );
    const accepted = acks.filter((a) => a.ok).length;
    const refused = acks.filter((a) => !a.ok);
    expect(refused.every((a) => !a.ok && a.error.code === "CHAT_RATE_LIMITED")).toBe(true);
    // Closed at the 50th refusal: the rest of the flood is never read.
    expect(refused).toHaveLength(REFUSALS_BEFORE_DISCONNECT);
    // The turns under way when the socket closed are stored even though their acks could not be sent.
    const stored = await watched.server.store.listMessages(flooder.conversationId!, 0, 10_000);
    const storedTexts = stored.filter((m) => m.author === "citizen").length;
    expect(storedTexts).toBeGreaterThanOrEqual(accepted);
    expect(storedTexts).toBeLessThanOrEqual(LIMIT);
    await stillServes(watched);
  });

  it("limits a socket's events of every kind: invalid payloads and opens past its burst are refused", async () => {
    const c = await watched.citizen();
    const acks = (await Promise.all(
      Array.from({ length: 60 }, (_v, i) =>
        rawEmit(c.socket, i % 2 ? "message:send" : "conversation:open", [i % 2 ? { text: 1 } : {}], {
          withAck: true,
          waitMs: 10_000,
        }),
      ),
    )) as { ok: boolean; error?: { code: string } }[];
    const codes = acks.map((a) => (a.ok ? "ok" : a.error!.code));
    // The bucket refills 5 a second: one more may pass while the 60 arrive.
    expect(codes.filter((code) => code === "CHAT_RATE_LIMITED").length).toBeGreaterThanOrEqual(60 - BURST - 1);
    expect(codes.slice(0, BURST)).not.toContain("CHAT_RATE_LIMITED");
    expect(c.socket.connected).toBe(true);
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
