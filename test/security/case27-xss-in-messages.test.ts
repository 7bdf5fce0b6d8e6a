import { htmlSinks } from "./browserSinks";
import { watchedServerForThisFile, citizenAskingForClerk } from "./securityHarness";

const watched = watchedServerForThisFile();

const PAYLOADS = [
  "<img src=x onerror=alert(1)>",
  '<svg onload="alert(1)">',
  '"><script>alert(1)</script>',
  "[x](javascript:alert(1))",
  "data:text/html,<script>alert(1)</script>",
];

describe("case 27: script in a citizen's message", () => {
  it("reaches the clerk's console as the exact text typed, never as markup", async () => {
    const clerk = await watched.clerk("lan");
    const c = await citizenAskingForClerk(watched);
    const conversationId = c.conversationId!;
    await clerk.until(() => clerk.queue.some((q) => q.conversationId === conversationId), "the queue");
    expect((await clerk.emit("conversation:take", { conversationId })).ok).toBe(true);
    for (const text of PAYLOADS) expect((await c.send({ text })).ok).toBe(true);
    await clerk.until(() => clerk.messages.filter((m) => m.author === "citizen").length >= PAYLOADS.length, "all");
    const seen = clerk.messages.filter((m) => m.author === "citizen").map((m) => m.text);
    expect(seen.slice(-PAYLOADS.length)).toEqual(PAYLOADS);
  });

  it("is shown by widget and console code that never writes HTML from a string", () => {
    expect(htmlSinks()).toEqual([]);
  });
});
