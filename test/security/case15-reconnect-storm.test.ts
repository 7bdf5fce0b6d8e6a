import { Citizen } from "../support/testServer";
import { stillServes, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile({ RATE_LIMIT_IP_PER_MINUTE: "100000" });

jest.setTimeout(60_000);

describe("case 15: 100 citizens dropped and reconnecting at once", () => {
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
