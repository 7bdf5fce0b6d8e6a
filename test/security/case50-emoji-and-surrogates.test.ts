import { watchedServerForThisFile, wellFormed } from "./securityHarness";

const watched = watchedServerForThisFile();

const EMOJI = "👨‍👩‍👧‍👦 👍🏽 🇻🇳";

describe("case 50: emoji, ZWJ families, skin tones and flags", () => {
  it("are stored as valid UTF-16, counted as characters, never split: a text at the limit kept whole", async () => {
    const c = await watched.citizen();
    expect((await c.send({ text: `Xin chào ${EMOJI}` })).ok).toBe(true);
    // 2,000 characters, 2,020 UTF-16 units: within the limit, kept whole.
    expect((await c.send({ text: `${"a".repeat(1_980)}${"😀".repeat(20)}` })).ok).toBe(true);
    // One emoji more is past it: refused whole, never cut inside a pair.
    const refused = await c.send({ text: `${"a".repeat(1_980)}${"😀".repeat(21)}` });
    expect(refused.ok ? null : refused.error.code).toBe("CHAT_TEXT_TOO_LONG");
    const stored = (await watched.server.store.listMessages(c.conversationId!, 0, 100)).filter(
      (m) => m.author === "citizen",
    );
    for (const m of stored) expect(wellFormed(m.text)).toBe(true);
    expect(stored).toHaveLength(2);
    expect(stored[0]!.text).toContain("🇻🇳");
    expect(Array.from(stored[1]!.text)).toHaveLength(2_000);
    expect(stored[1]!.text.endsWith("😀".repeat(20))).toBe(true);
  });
});
