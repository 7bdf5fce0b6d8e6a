import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { Clerk } from "../support/consoleClient";
import { PLANTED_CCCD } from "../support/serverUnderAttack";
import { Citizen, startTestServer } from "../support/testServer";

jest.setTimeout(30_000);

describe("case 20: a restart while a clerk holds a conversation", () => {
  it("keeps the clerk the owner, the bot silent, and the citizen's messages going to the clerk", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-case20-"));
    const lines: string[] = [];
    const logSink = new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) });
    try {
      let server = await startTestServer({}, dataDir, undefined, undefined, { logSink });
      const clerk = await Clerk.login(server, "lan", "clerk", ["an-thanh"], "Nguyễn Thị Lan");
      const c = await new Citizen(server.url, { unit: "an-thanh" }).ready();
      await c.say("khai sinh");
      await c.say("gặp cán bộ");
      const conversationId = c.conversationId!;
      await clerk.until(() => clerk.queue.some((q) => q.conversationId === conversationId), "the queue");
      expect((await clerk.emit("conversation:take", { conversationId })).ok).toBe(true);
      c.close();
      clerk.close();
      await server.stop();

      server = await startTestServer({}, dataDir, undefined, undefined, { logSink });
      const record = (await server.store.getConversation(conversationId))!;
      expect(record.state.status).toBe("with_clerk");
      const again = await new Citizen(server.url, { token: c.token!, lastSeq: 0 }).ready();
      const ack = await again.send({ text: `Tôi gửi số ${PLANTED_CCCD}` });
      expect(ack.ok).toBe(true);
      await new Promise((r) => setTimeout(r, 300));
      const after = await server.store.listMessages(conversationId, ack.ok ? ack.seq : 0, 100);
      expect(after.filter((m) => m.author === "bot")).toEqual([]);
      expect((await server.store.getConversation(conversationId))!.state.status).toBe("with_clerk");
      again.close();
      await server.stop();
      expect(lines.join("")).not.toContain(PLANTED_CCCD);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
