import { watchedServerForThisFile, wellFormed } from "./securityHarness";

const watched = watchedServerForThisFile();

const EMOJI = "👨‍👩‍👧‍👦 👍🏽 🇻🇳";

describe("case 50: emoji, ZWJ families, skin tones and flags", () => {
  it("are stored as valid UTF-16, and a text cut at its limit never splits a surrogate pair", async () => {
    const c = await watched.citizen();
    expect((await c.send({ text: `Xin chào ${EMOJI}` })).ok).toBe(true);
    expect((await c.send({ text: `${"a".repeat(1_999)}${"😀".repeat(20)}` })).ok).toBe(true);
    const stored = (await watched.server.store.listMessages(c.conversationId!, 0, 100)).filter(
      (m) => m.author === "citizen",
    );
    for (const m of stored) expect(wellFormed(m.text)).toBe(true);
    expect(stored[0]!.text).toContain("🇻🇳");
    expect(Array.from(stored[1]!.text)).toHaveLength(2_000);
  });
});
