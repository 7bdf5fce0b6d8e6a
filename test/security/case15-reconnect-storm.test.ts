import { ChatConnection, type ConnectionStatus } from "../../widget/src/chatConnection";
import { Citizen } from "../support/testServer";
import { stillServes, watchedServerForThisFile } from "./securityHarness";

jest.setTimeout(60_000);

describe("case 15: 100 citizens behind one address dropped and reconnecting at once", () => {
  // Room for the 100 conversations and a few more, not for the 100 of them a second time: a reconnect is
  // charged to the citizen's own conversation, so a ward's storm never eats the address's budget.
  const watched = watchedServerForThisFile({ RATE_LIMIT_IP_PER_MINUTE: "120" });

  it("resumes every conversation with no duplicate greeting, turn or conversation", async () => {
    const first = await Promise.all(Array.from({ length: 100 }, () => watched.citizen()));
    await Promise.all(first.map((c) => c.socket.timeout(10_000).emitWithAck("conversation:open", {})));
    const before = await Promise.all(first.map((c) => watched.server.store.getConversation(c.conversationId!)));
    first.forEach((c) => c.close());
    const again = await Promise.all(
      first.map((c) => new Citizen(watched.url, { token: c.token!, lastSeq: 0 }).ready()),
    );
    // Opening the widget again after the reconnect asks where it stopped: no second greeting is stored.
    await Promise.all(again.map((c) => c.socket.timeout(10_000).emitWithAck("conversation:open", {})));
    const after = await Promise.all(first.map((c) => watched.server.store.getConversation(c.conversationId!)));
    again.forEach((c) => c.close());
    expect(again.map((c) => c.conversationId)).toEqual(first.map((c) => c.conversationId));
    expect(new Set(again.map((c) => c.conversationId)).size).toBe(100);
    const greetings = (i: number) => again[i]!.messages.filter((m) => m.author === "bot").length;
    for (let i = 0; i < 100; i++) {
      const seqs = again[i]!.messages.map((m) => m.seq);
      expect(seqs).toEqual(seqs.map((_s, k) => k + 1));
      expect(greetings(i)).toBeGreaterThan(0);
    }
    expect(after.map((r) => r!.lastSeq)).toEqual(before.map((r) => r!.lastSeq));
    await stillServes(watched);
  });
});

describe("case 15: the widget refused for a while", () => {
  const watched = watchedServerForThisFile({ CHAT_CONNECTIONS_PER_ADDRESS: "3", RATE_LIMIT_IP_PER_MINUTE: "1000" });

  it("tries again by itself, after a jittered wait, and is back once there is room", async () => {
    const others = await Promise.all(Array.from({ length: 3 }, () => watched.citizen()));
    const statuses: ConnectionStatus[] = [];
    const widget = new ChatConnection(watched.url, () => ({ unit: "an-thanh", lastSeq: 0 }), {
      status: (status) => statuses.push(status),
      session: () => undefined,
      message: () => undefined,
      state: () => undefined,
      typing: () => undefined,
    });
    try {
      widget.start();
      const deadline = Date.now() + 3_000;
      while (!statuses.includes("reconnecting") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(statuses).toContain("reconnecting");
      expect(statuses).not.toContain("refused");
      others[0]!.close();
      const until = Date.now() + 10_000;
      while (!widget.ready && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(widget.ready).toBe(true);
      expect(statuses.at(-1)).toBe("online");
    } finally {
      widget.stop();
    }
  });
});
