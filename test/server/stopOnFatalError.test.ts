import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/** Runs the script that lets an error escape; resolves with its exit code and its log lines. */
function escape(how: "throw" | "reject"): Promise<{ code: number | null; lines: Record<string, unknown>[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), "khai-ho-fatal-"));
  const logFile = path.join(dir, "server.log");
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "test/support/fatalErrorScript.ts", logFile, how],
      { cwd: ROOT },
      (error) => {
        const code = error ? ((error as { code?: number }).code ?? null) : 0;
        const lines = readFileSync(logFile, "utf8")
          .trim()
          .split("\n")
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Record<string, unknown>);
        rmSync(dir, { recursive: true, force: true });
        resolve({ code, lines });
      },
    );
  });
}

describe.each([
  ["an uncaught exception", "throw", "uncaughtException"],
  ["an unhandled rejection", "reject", "unhandledRejection"],
] as const)("%s", (_name, how, kind) => {
  it("is logged as process.fatal with its stack, the CCCD redacted, and the process exits with code 1", async () => {
    const { code, lines } = await escape(how);
    expect(code).toBe(1);
    const fatal = lines.find((l) => l.event === "process.fatal");
    expect(fatal).toMatchObject({
      kind,
      err: {
        message: "hồ sơ của CCCD [redacted] không đọc được",
        stack: expect.stringContaining("fatalErrorScript.ts"),
      },
    });
    expect(JSON.stringify(lines)).not.toContain("079203001234");
  }, 30_000);
});
