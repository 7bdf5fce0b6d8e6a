import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

export interface ChildServer {
  child: ChildProcess;
  url: string;
  /** What it printed on standard output up to its address. */
  output: string;
  /** Everything it has printed on standard output so far (the log lines with LOG_LEVEL set). */
  logs(): string;
}

/**
 * `npm start` as a child process on a free port of 127.0.0.1; resolves once it prints its
 * address. Node runs the launcher itself rather than npm, so that a signal reaches the server
 * and not an npm process in front of it.
 */
export function startChildServer(env: Record<string, string>): Promise<ChildServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--enable-source-maps", "server/start.cjs"], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: "silent",
        WORKING_HOURS: "mon-sun 00:00-24:00",
        HOLIDAYS: "",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const port = /localhost:(\d+)/.exec(out)?.[1];
      if (port) resolve({ child, url: `http://127.0.0.1:${port}`, output: out, logs: () => out });
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}) before starting: ${out}`)));
  });
}

/** Resolves with the exit code once the process has ended. */
export function exitOf(child: ChildProcess): Promise<number | null> {
  child.removeAllListeners("exit");
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** SIGKILL, resolved once the process is gone. */
export function kill9(child: ChildProcess): Promise<void> {
  const exited = exitOf(child);
  child.kill("SIGKILL");
  return exited.then(() => undefined);
}
