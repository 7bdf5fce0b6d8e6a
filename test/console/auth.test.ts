import { io as connect } from "socket.io-client";
import { addUser, disableUser } from "../../server/console/userAccounts";
import { HONG_NGU_UNITS_2022 } from "../../flows/units";
import type { Store } from "../../server/store/store";
import { startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
let store: Store;
const PASSWORD = "mật khẩu của cán bộ";

beforeEach(async () => {
  server = await startTestServer();
  store = server.store;
  await addUser(
    store,
    HONG_NGU_UNITS_2022,
    { username: "lan", role: "clerk", unitIds: ["an-thanh"], displayName: "Nguyễn Thị Lan", password: PASSWORD },
    new Date(),
  );
});
afterEach(() => server.stop());

async function login(username: string, password: string): Promise<Response> {
  return fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
}

function sessionCookie(res: Response): string {
  return /khaiho_session=[^;]*/.exec(res.headers.get("set-cookie") ?? "")![0];
}

describe("console login", () => {
  it("opens an httpOnly, SameSite=Strict session and tells who is logged in", async () => {
    const res = await login("Lan", PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const body = (await res.json()) as { user: Record<string, unknown>; csrfToken: string };
    expect(body.user).toEqual({
      id: expect.any(String),
      username: "lan",
      displayName: "Nguyễn Thị Lan",
      role: "clerk",
      unitIds: ["an-thanh"],
      mustChangePassword: false,
    });
    expect(JSON.stringify(body)).not.toContain("scrypt");
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { Cookie: sessionCookie(res) } });
    expect(me.status).toBe(200);
  });

  it("answers a wrong password and an unknown user alike", async () => {
    const wrong = await login("lan", "không phải mật khẩu");
    const unknown = await login("ai-do", PASSWORD);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it("refuses a disabled account and cuts its open sessions at once", async () => {
    const res = await login("lan", PASSWORD);
    const cookie = sessionCookie(res);
    await disableUser(store, "lan", new Date());
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { Cookie: cookie } })).status).toBe(401);
    expect((await login("lan", PASSWORD)).status).toBe(401);
  });

  it("refuses a state-changing request without the CSRF token", async () => {
    const res = await login("lan", PASSWORD);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = sessionCookie(res);
    const body = JSON.stringify({ currentPassword: PASSWORD, newPassword: "mật khẩu mới dài hơn" });
    const without = await fetch(`${server.url}/api/auth/password`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/json" },
      body,
    });
    expect(without.status).toBe(403);
    const withToken = await fetch(`${server.url}/api/auth/password`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/json", "X-CSRF-Token": csrfToken },
      body,
    });
    expect(withToken.status).toBe(200);
    expect((await login("lan", "mật khẩu mới dài hơn")).status).toBe(200);
    // The old session ended with the password change.
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it("refuses a guessable new password, saying why, and keeps the old one", async () => {
    const res = await login("lan", PASSWORD);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const headers = { Cookie: sessionCookie(res), "Content-Type": "application/json", "X-CSRF-Token": csrfToken };
    for (const newPassword of ["matkhau123456", "lanlanlanlanlan", "hongngu2026!!"]) {
      const refused = await fetch(`${server.url}/api/auth/password`, {
        method: "POST",
        headers,
        body: JSON.stringify({ currentPassword: PASSWORD, newPassword }),
      });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({
        error: { code: "AUTH_PASSWORD_WEAK", message: expect.stringContaining("dễ đoán") },
      });
    }
    expect((await login("lan", PASSWORD)).status).toBe(200);
  }, 30_000);

  it("ends the session on logout", async () => {
    const res = await login("lan", PASSWORD);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = sessionCookie(res);
    expect(
      (
        await fetch(`${server.url}/api/auth/logout`, {
          method: "POST",
          headers: { Cookie: cookie, "X-CSRF-Token": csrfToken },
        })
      ).status,
    ).toBe(200);
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it("slows down guessing: too many attempts for one account are refused for a minute", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login("lan", `sai ${i} lần rồi nhé`)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    // The 11th is refused, unless the limiter's minute rolled over during these ten scrypt checks
    // of a third of a second each: its estimate then lets one more through, never two.
    expect([429, 401]).toContain(statuses[10]);
    expect(statuses[11]).toBe(429);
  }, 30_000);

  it("slows down guessing through the password change too, sharing the account's budget with the login", async () => {
    const res = await login("lan", PASSWORD);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const headers = { Cookie: sessionCookie(res), "Content-Type": "application/json", "X-CSRF-Token": csrfToken };
    const statuses: number[] = [];
    // The login above was the first of ten attempts a minute; the limiter's window may roll over
    // during the test, which only ever delays the refusal by an attempt or two.
    for (let i = 0; i < 14 && !statuses.includes(429); i++) {
      const body = JSON.stringify({ currentPassword: `đoán lần thứ ${i}`, newPassword: "một mật khẩu mới rất dài" });
      statuses.push((await fetch(`${server.url}/api/auth/password`, { method: "POST", headers, body })).status);
    }
    expect(statuses.slice(0, 9)).toEqual(Array(9).fill(401));
    expect(statuses[statuses.length - 1]).toBe(429);
    const right = await fetch(`${server.url}/api/auth/password`, {
      method: "POST",
      headers,
      body: JSON.stringify({ currentPassword: PASSWORD, newPassword: "một mật khẩu mới rất dài" }),
    });
    expect(right.status).toBe(429);
    expect(await right.json()).toMatchObject({ error: { code: "AUTH_RATE_LIMITED" } });
    expect((await login("lan", PASSWORD)).status).toBe(429);
  }, 30_000);
});

/** Connects to `/clerk` with a cookie: resolves "connected" or the refusal's code. */
function clerkSocket(cookie: string): Promise<string> {
  const socket = connect(`${server.url}/clerk`, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: { Cookie: cookie },
  });
  return new Promise<string>((resolve) => {
    socket.on("connect", () => resolve("connected"));
    socket.on("connect_error", (error: Error & { data?: { code?: string } }) =>
      resolve(error.data?.code ?? error.message),
    );
  }).finally(() => socket.disconnect());
}

describe("an account on a one-time password", () => {
  it("can only say who it is, change the password and log out until it has changed it", async () => {
    const { generatedPassword } = await addUser(
      store,
      HONG_NGU_UNITS_2022,
      { username: "mai", role: "clerk", unitIds: ["an-thanh"], displayName: "Phạm Thị Mai" },
      new Date(),
    );
    const res = await login("mai", generatedPassword!);
    const { csrfToken, user } = (await res.json()) as { csrfToken: string; user: { mustChangePassword: boolean } };
    expect(user.mustChangePassword).toBe(true);
    const cookie = sessionCookie(res);
    const headers = { Cookie: cookie, "Content-Type": "application/json", "X-CSRF-Token": csrfToken };

    for (const [method, route] of [
      ["GET", "/api/console/dossiers"],
      ["GET", "/api/console/dossiers/HN-20260101-0001"],
      ["POST", "/api/console/dossiers/HN-20260101-0001/status"],
    ] as const) {
      const refused = await fetch(`${server.url}${route}`, {
        method,
        headers,
        ...(method === "POST" ? { body: JSON.stringify({ status: "processing" }) } : {}),
      });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({
        error: { code: "AUTH_PASSWORD_CHANGE_REQUIRED", message: expect.stringMatching(/mật khẩu/) },
      });
    }
    expect(await clerkSocket(cookie)).toBe("AUTH_PASSWORD_CHANGE_REQUIRED");
    expect((await fetch(`${server.url}/api/auth/me`, { headers })).status).toBe(200);

    const changed = await fetch(`${server.url}/api/auth/password`, {
      method: "POST",
      headers,
      body: JSON.stringify({ currentPassword: generatedPassword, newPassword: "mật khẩu riêng của Mai" }),
    });
    expect(changed.status).toBe(200);
    const fresh = sessionCookie(changed);
    expect((await fetch(`${server.url}/api/console/dossiers`, { headers: { Cookie: fresh } })).status).toBe(200);
    expect(await clerkSocket(fresh)).toBe("connected");
  });
});
