import { watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile();

describe("case 36: citizen B presenting citizen A's ids", () => {
  it("gets a new conversation from A's conversation id, never A's history", async () => {
    const a = await watched.citizen();
    await a.say("khai sinh");
    const b = await watched.citizen({ unit: "an-thanh", token: a.conversationId! });
    expect(b.conversationId).not.toBe(a.conversationId);
    expect(b.messages.some((m) => m.text === "khai sinh")).toBe(false);
  });

  it("gets a bearer token of at least 128 random bits, that no other citizen shares", async () => {
    const tokens = await Promise.all(Array.from({ length: 5 }, () => watched.citizen().then((c) => c.token!)));
    expect(new Set(tokens).size).toBe(5);
    for (const token of tokens) expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
  });

  it("cannot read A's dossier or upload into A's conversation with B's token or none", async () => {
    const b = await watched.citizen();
    for (const headers of [{ Authorization: `Bearer ${b.token}` }, {}] as Record<string, string>[])
      expect((await fetch(`${watched.url}/api/dossiers/HN-20261127-0001`, { headers })).status).toBeGreaterThanOrEqual(
        401,
      );
  });
});
