import { watchedServerForThisFile, wellFormed } from "./securityHarness";

const watched = watchedServerForThisFile();

describe("case 51: 1,000 stacked combining marks (zalgo)", () => {
  it("are refused whole past the length limit, stored well-formed within it; the conversation goes on", async () => {
    const c = await watched.citizen();
    const zalgo = `a${"\u0301\u0323\u0309".repeat(1_000)} khai sinh`;
    const refused = await c.send({ text: zalgo });
    expect(refused.ok ? null : refused.error.code).toBe("CHAT_TEXT_TOO_LONG");
    expect((await watched.server.store.listMessages(c.conversationId!, 0, 100)).map((m) => m.author)).not.toContain(
      "citizen",
    );

    const withinLimit = `a${"\u0301\u0323\u0309".repeat(600)} khai sinh`;
    expect((await c.send({ text: withinLimit })).ok).toBe(true);
    const stored = (await watched.server.store.listMessages(c.conversationId!, 0, 100)).find(
      (m) => m.author === "citizen",
    )!;
    expect(Array.from(stored.text).length).toBeLessThanOrEqual(2_000);
    expect(wellFormed(stored.text)).toBe(true);
    expect((await c.say("khai sinh")).some((m) => m.author === "bot")).toBe(true);
  });
});
