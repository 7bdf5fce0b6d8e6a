import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SendAck } from "../../server/channels/web/protocol";
import { Citizen } from "../support/testServer";

const ROOT = path.resolve(__dirname, "../..");

function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: ROOT,
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent", RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const port = /localhost:(\d+)/.exec(out)?.[1];
      if (port) resolve({ child, url: `http://127.0.0.1:${port}` });
    });
    child.once("exit", (code) => reject(new Error(`exited (${code}): ${out}`)));
  });
}

describe("SIGTERM", () => {
  it("finishes the turns under way, keeps every acknowledged message and exits 0", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-term-"));
    try {
      const { child, url } = await startChild(dataDir);
      const c = await new Citizen(url).ready();
      const exited = new Promise<number | null>((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", (code) => resolve(code));
      });
      const sends = Array.from({ length: 20 }, (_, i) =>
        c.socket.timeout(5000).emitWithAck("message:send", { clientMessageId: `m-${i}`, text: `tin nhắn ${i}` }).catch(() => null) as Promise<SendAck | null>,
      );
      await new Promise((r) => setTimeout(r, 5));
      child.kill("SIGTERM");
      const acks = await Promise.all(sends);
      expect(await exited).toBe(0);
      const acked = acks.map((ack, i) => (ack?.ok ? `tin nhắn ${i}` : null)).filter((t): t is string => t !== null);
      expect(acked.length).toBeGreaterThan(0);
      c.close();

      const again = await startChild(dataDir);
      try {
        const check = await new Citizen(again.url, { token: c.token!, lastSeq: 0 }).ready();
        const stored = check.messages.filter((m) => m.author === "citizen").map((m) => m.text);
        for (const text of acked) expect(stored.filter((s) => s === text)).toHaveLength(1);
        check.close();
      } finally {
        again.child.kill("SIGKILL");
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
