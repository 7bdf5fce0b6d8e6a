import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { type ChildServer, kill9, startChildServer } from "./childServer";
import type { HttpRoute } from "./httpRoutes";
import { Citizen } from "./testServer";

const ROOT = path.resolve(__dirname, "../..");

/** A CCCD number and a phone planted in hostile payloads: neither may ever reach a log line. */
export const PLANTED_CCCD = "079203001234";
export const PLANTED_PHONE = "0987654321";

export interface ServerUnderAttack extends ChildServer {
  port: number;
  /** A signed-in admin of the console: its session cookie and CSRF token. */
  admin: { username: string; password: string; cookie: string; csrfToken: string };
  /** Whether the process is still running. */
  alive(): boolean;
  stop(): Promise<void>;
}

/**
 * `npm start` in a child process with a fresh DATA_DIR, info-level logs captured, rate limits
 * out of the way (a flood of bad requests from one address must reach the code under test, not
 * the limiter), and an admin account made with the CLI and signed in. A crash shows as the
 * process exiting.
 */
export async function startServerUnderAttack(env: Record<string, string> = {}): Promise<ServerUnderAttack> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-attack-"));
  const admin = { username: "quantri", password: `khai-ho ${randomBytes(12).toString("base64url")} thử nghiệm` };
  await promisify(execFile)(
    process.execPath,
    [
      "--import",
      "tsx",
      "server/cli/user.ts",
      "add",
      "--username",
      admin.username,
      "--role",
      "admin",
      "--password",
      admin.password,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
    },
  );
  const server = await startChildServer({
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    RATE_LIMIT_IP_PER_MINUTE: "1000000",
    RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000000",
    UPLOAD_MAX_BYTES: String(64 * 1024),
    ...env,
  });
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(admin),
  });
  if (login.status !== 200) throw new Error(`the admin could not sign in: ${login.status} ${await login.text()}`);
  const cookie = /khaiho_session=[^;]*/.exec(login.headers.get("set-cookie") ?? "")![0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    ...server,
    port: Number(new URL(server.url).port),
    admin: { ...admin, cookie, csrfToken },
    alive: () => server.child.exitCode === null && server.child.signalCode === null,
    async stop() {
      if (server.child.exitCode === null && server.child.signalCode === null) await kill9(server.child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The headers a route asks for: the citizen's bearer token, or the admin's session. Logging out
 * gets a wrong CSRF token, or it would end the session the other requests use.
 */
export function credentialsFor(
  route: HttpRoute,
  target: ServerUnderAttack,
  citizenToken: string,
): Record<string, string> {
  if (route.access === "citizen") return { Authorization: `Bearer ${citizenToken}` };
  if (route.access === "console")
    return {
      Cookie: target.admin.cookie,
      "X-CSRF-Token": route.pattern === "/api/auth/logout" ? "x".repeat(32) : target.admin.csrfToken,
    };
  return {};
}

/**
 * The server under attack with two citizens: one whose token the requests carry, one who only chats (the bystander).
 */
export interface RouteAttack {
  target: ServerUnderAttack;
  owner: Citizen;
  bystander: Citizen;
}

/** Starts the server and its two citizens before the file's tests, and stops them after. */
export function attackRoutesInThisFile(): RouteAttack {
  const attack = {} as RouteAttack;
  beforeAll(async () => {
    attack.target = await startServerUnderAttack();
    attack.owner = await new Citizen(attack.target.url, { unit: "an-thanh" }).ready();
    attack.bystander = await new Citizen(attack.target.url, { unit: "an-loc" }).ready();
  }, 60_000);
  afterAll(async () => {
    attack.owner?.close();
    attack.bystander?.close();
    await attack.target?.stop();
  });
  return attack;
}
