import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { kill9, startChildServer } from "../support/childServer";
import { Citizen } from "../support/testServer";
import { walkFlow } from "../support/flowWalker";

describe("a server killed with SIGKILL", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-crash-"));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it("loses no acknowledged message and leaves no half-written dossier", async () => {
    // Replayed to a server on the real clock: the walk runs on it too.
    const walk = walkFlow("dang-ky-khai-tu", {
      answers: { hasDeathNotice: "không" },
      unitId: "an-thanh",
      clock: { now: new Date() },
    });
    const script = walk.inputs.map((input) =>
      input.kind === "text" ? { text: input.text } : { choice: (input as { value: string }).value },
    );
    const acknowledged: string[] = [];
    let token: string | null = null;
    let next = 0;
    // Kill right after an ack, at several points of the walk, the last one right after the
    // review is confirmed (the turn that writes the dossier).
    for (const killAfter of [3, 11, script.length]) {
      const { child, url } = await startChildServer({ DATA_DIR: dataDir });
      const c: Citizen = new Citizen(url, token ? { token, lastSeq: 0 } : { unit: "an-thanh" });
      await c.ready();
      token ??= c.token;
      while (next < killAfter) {
        const payload = script[next]!;
        const ack = await c.send(payload);
        expect(ack.ok).toBe(true);
        if ("text" in payload) acknowledged.push(payload.text!);
        next += 1;
      }
      // One more message in flight when the process dies: it may or may not be stored, but
      // never twice and never half.
      if (next < script.length)
        void c.socket
          .timeout(500)
          .emitWithAck("message:send", { clientMessageId: `in-flight-${next}`, ...script[next]! })
          .catch(() => undefined);
      await kill9(child);
      c.close();
    }

    const { child, url } = await startChildServer({ DATA_DIR: dataDir });
    try {
      const check = new Citizen(url, { token: token!, lastSeq: 0 });
      await check.ready();
      const citizenTexts = check.messages.filter((m) => m.author === "citizen").map((m) => m.text);
      for (const text of acknowledged) expect(citizenTexts).toContain(text);
      const seqs = check.messages.map((m) => m.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      const state = check.states.at(-1)!;
      expect(state.status).toBe("completed");
      const dossier = await fetch(`${url}/api/dossiers/${state.dossierCode}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(dossier.status).toBe(200);
      expect(await dossier.json()).toMatchObject({
        procedureId: "dang-ky-khai-tu",
        fields: { deceasedFullName: "Nguyễn Văn An" },
      });
      check.close();
    } finally {
      await kill9(child);
    }
  }, 60_000);
});
