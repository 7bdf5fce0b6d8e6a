import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SendAck } from "../../server/channels/web/protocol";
import { exitOf, kill9, startChildServer } from "../support/childServer";
import { Citizen } from "../support/testServer";

describe("SIGTERM", () => {
  it("finishes the turns under way, keeps every acknowledged message and exits 0", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-term-"));
    try {
      const { child, url } = await startChildServer({ DATA_DIR: dataDir, RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000" });
      const c = await new Citizen(url).ready();
      const exited = exitOf(child);
      const sends = Array.from(
        { length: 20 },
        (_, i) =>
          c.socket
            .timeout(5000)
            .emitWithAck("message:send", { clientMessageId: `m-${i}`, text: `tin nhắn ${i}` })
            .catch(() => null) as Promise<SendAck | null>,
      );
      await new Promise((r) => setTimeout(r, 5));
      child.kill("SIGTERM");
      const acks = await Promise.all(sends);
      expect(await exited).toBe(0);
      const acked = acks.map((ack, i) => (ack?.ok ? `tin nhắn ${i}` : null)).filter((t): t is string => t !== null);
      expect(acked.length).toBeGreaterThan(0);
      c.close();

      const again = await startChildServer({ DATA_DIR: dataDir, RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000" });
      try {
        const check = await new Citizen(again.url, { token: c.token!, lastSeq: 0 }).ready();
        const stored = check.messages.filter((m) => m.author === "citizen").map((m) => m.text);
        for (const text of acked) expect(stored.filter((s) => s === text)).toHaveLength(1);
        check.close();
      } finally {
        await kill9(again.child);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
