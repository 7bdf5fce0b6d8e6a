import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { kill9, startChildServer } from "../support/childServer";
import { PLANTED_CCCD } from "../support/serverUnderAttack";
import { Citizen } from "../support/testServer";

jest.setTimeout(60_000);

describe("case 18: kill -9 while a message is being written, before its ack", () => {
  it("keeps exactly one copy of the retried message after the restart, and no half-written turn", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-case18-"));
    const logs: string[] = [];
    try {
      let server = await startChildServer({ DATA_DIR: dataDir, LOG_LEVEL: "trace" });
      const c = await new Citizen(server.url, { unit: "an-thanh" }).ready();
      expect((await c.send({ clientMessageId: "m1", text: "khai sinh" })).ok).toBe(true);
      c.socket.emit("message:send", { clientMessageId: "m2", text: "Trần Thị Mai" }, () => undefined);
      await kill9(server.child);
      logs.push(server.logs());
      c.close();
      server = await startChildServer({ DATA_DIR: dataDir, LOG_LEVEL: "trace" });
      const again = await new Citizen(server.url, { token: c.token!, lastSeq: 0 }).ready();
      // The client never saw the ack: it retries with the same id.
      expect((await again.send({ clientMessageId: "m2", text: "Trần Thị Mai" })).ok).toBe(true);
      await again.until(() => again.messages.some((m) => m.author === "bot" && m.seq > 3), "the answer");
      const check = await new Citizen(server.url, { token: c.token!, lastSeq: 0 }).ready();
      check.close();
      const citizenTexts = check.messages.filter((m) => m.author === "citizen").map((m) => m.text);
      expect(citizenTexts.filter((t) => t.startsWith("Trần Thị Mai"))).toHaveLength(1);
      const seqs = check.messages.map((m) => m.seq);
      expect(seqs).toEqual(seqs.map((_s, i) => i + 1));
      again.close();
      await kill9(server.child);
      logs.push(server.logs());
      expect(logs.join("")).not.toContain(PLANTED_CCCD);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
