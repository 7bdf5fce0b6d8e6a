/**
 * A clerk signing in to the console as the browser does: `POST /api/auth/login`, and when the
 * account must change its password first, `POST /api/auth/password` with the session cookie
 * and the CSRF token. Requests leave from the clerk's own address (its ward office's).
 */
import { request } from "node:http";
import type { ClerkAccount } from "./ipc";

interface JsonResponse {
  status: number;
  cookie: string | null;
  body: {
    ok?: boolean;
    csrfToken?: string;
    user?: { mustChangePassword?: boolean };
    error?: { code?: string; message?: string };
  };
}

const SESSION_COOKIE = /(?:^|;\s*)(khaiho_session=[^;]*)/;
const REQUEST_TIMEOUT_MS = 30_000;

function postJson(
  url: string,
  path: string,
  body: unknown,
  localAddress: string,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, url),
      {
        method: "POST",
        localAddress,
        timeout: REQUEST_TIMEOUT_MS,
        headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload), ...headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          const cookie =
            (res.headers["set-cookie"] ?? []).map((c) => SESSION_COOKIE.exec(c)?.[1]).find(Boolean) ?? null;
          try {
            resolve({ status: res.statusCode ?? 0, cookie, body: JSON.parse(text) as JsonResponse["body"] });
          } catch {
            reject(new Error(`${path}: HTTP ${res.statusCode}, not JSON: ${text.slice(0, 200)}`));
          }
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`${path}: no answer in ${REQUEST_TIMEOUT_MS / 1000} s`)));
    req.on("error", reject);
    req.end(payload);
  });
}

function refused(path: string, res: JsonResponse): Error {
  return new Error(
    `${path} for a clerk: HTTP ${res.status} ${res.body.error?.code ?? ""} ${res.body.error?.message ?? ""}`.trim(),
  );
}

/** Signs in; returns the session cookie (`khaiho_session=…`) and whether the password had to be changed. */
export async function consoleLogin(
  url: string,
  account: ClerkAccount,
  newPassword: string,
): Promise<{ cookie: string; passwordChanged: boolean }> {
  const login = await postJson(
    url,
    "/api/auth/login",
    { username: account.username, password: account.password },
    account.sourceAddress,
  );
  if (login.status !== 200 || !login.body.ok || !login.cookie || !login.body.csrfToken)
    throw refused("/api/auth/login", login);
  if (!login.body.user?.mustChangePassword) return { cookie: login.cookie, passwordChanged: false };
  const changed = await postJson(
    url,
    "/api/auth/password",
    { currentPassword: account.password, newPassword },
    account.sourceAddress,
    {
      Cookie: login.cookie,
      "X-CSRF-Token": login.body.csrfToken,
    },
  );
  if (changed.status !== 200 || !changed.body.ok || !changed.cookie) throw refused("/api/auth/password", changed);
  return { cookie: changed.cookie, passwordChanged: true };
}
