import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Citizen } from "../support/testServer";
import { walkFlow } from "../support/flowWalker";

const ROOT = path.resolve(__dirname, "../..");

/** `npm start` as a child process on a free port; resolves once it prints its address. */
function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    // One process (node with tsx's loader), so that SIGKILL kills the server itself; the tsx
    // command would put the server in a grandchild the signal never reaches.
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: ROOT,
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const port = /localhost:(\d+)/.exec(out)?.[1];
      if (port) resolve({ child, url: `http://127.0.0.1:${port}` });
    });
    child.on("exit", (code) => reject(new Error(`server exited (${code}) before starting: ${out}`)));
  });
}

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

describe("a server killed with SIGKILL", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-crash-"));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it("loses no acknowledged message and leaves no half-written dossier", async () => {
    const walk = walkFlow("dang-ky-khai-tu", { answers: { hasDeathNotice: "không" }, unitId: "an-thanh" });
    const script = walk.inputs.map((input) => (input.kind === "text" ? { text: input.text } : { choice: (input as { value: string }).value }));
    const acknowledged: string[] = [];
    let token: string | null = null;
    let next = 0;
    // Kill right after an ack, at several points of the walk, the last one right after the
    // review is confirmed (the turn that writes the dossier).
    for (const killAfter of [3, 11, script.length]) {
      const { child, url } = await startChild(dataDir);
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
      if (next < script.length) void c.socket.timeout(500).emitWithAck("message:send", { clientMessageId: `in-flight-${next}`, ...script[next]! }).catch(() => undefined);
      await kill9(child);
      c.close();
    }

    const { child, url } = await startChild(dataDir);
    try {
      const check = new Citizen(url, { token: token!, lastSeq: 0 });
      await check.ready();
      const citizenTexts = check.messages.filter((m) => m.author === "citizen").map((m) => m.text);
      for (const text of acknowledged) expect(citizenTexts).toContain(text);
      const seqs = check.messages.map((m) => m.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      const state = check.states.at(-1)!;
      expect(state.status).toBe("completed");
      const dossier = await fetch(`${url}/api/dossiers/${state.dossierCode}`, { headers: { Authorization: `Bearer ${token}` } });
      expect(dossier.status).toBe(200);
      expect(await dossier.json()).toMatchObject({ procedureId: "dang-ky-khai-tu", fields: { deceasedFullName: "Nguyễn Văn An" } });
      check.close();
    } finally {
      await kill9(child);
    }
  }, 60_000);
});
