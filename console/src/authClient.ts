import { vietnamesePart } from "./consoleFormat";
import { TEXTS } from "./texts";

/**
 * The user as `GET /api/auth/me` shows it (`publicUser` in `server/console/authRoutes.ts`).
 * Written out here: that file is server code, and this one is type-checked against the DOM.
 */
export interface ConsoleUser {
  id: string;
  username: string;
  displayName: string;
  role: "clerk" | "supervisor" | "admin";
  unitIds: string[];
  mustChangePassword: boolean;
}

/** Why a call failed: the HTTP status (0 when the server was not reached), the code, the Vietnamese message. */
export interface ApiFailure {
  ok: false;
  status: number;
  code: string;
  message: string;
}

export type AuthResult = { ok: true; user: ConsoleUser } | ApiFailure;

/** A JSON answer of the console's REST API with `ok: true`, or why there was none. */
export type ApiResult<T> = { ok: true; body: T } | ApiFailure;

interface AuthBody {
  ok?: boolean;
  user?: ConsoleUser;
  csrfToken?: string;
  error?: { code?: string; message?: string };
}

/**
 * The console's REST calls. The session itself is an httpOnly cookie the page never sees;
 * what it keeps is the CSRF token every state-changing call must carry.
 */
export class AuthClient {
  private csrfToken = "";

  /** Who is signed in, or 401 when nobody is. */
  me(): Promise<AuthResult> {
    return this.call("GET", "/api/auth/me");
  }

  login(username: string, password: string): Promise<AuthResult> {
    return this.call("POST", "/api/auth/login", { username, password });
  }

  /** Also ends every other login of the account; this one goes on under a fresh session. */
  changePassword(currentPassword: string, newPassword: string): Promise<AuthResult> {
    return this.call("POST", "/api/auth/password", { currentPassword, newPassword });
  }

  async logout(): Promise<void> {
    await this.call("POST", "/api/auth/logout").catch(() => undefined);
    this.csrfToken = "";
  }

  private async call(method: "GET" | "POST", url: string, body?: unknown): Promise<AuthResult> {
    const result = await this.request<AuthBody>(method, url, body);
    if (!result.ok) return result;
    if (!result.body.user) return { ok: false, status: 200, code: "HTTP_200", message: TEXTS.networkError };
    if (typeof result.body.csrfToken === "string") this.csrfToken = result.body.csrfToken;
    return { ok: true, user: result.body.user };
  }

  /** A call of the session's REST API; changes carry the CSRF token. */
  async request<T>(method: "GET" | "POST", url: string, body?: unknown): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (method === "POST" && this.csrfToken) headers["X-CSRF-Token"] = this.csrfToken;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: "same-origin",
        cache: "no-store",
      });
    } catch {
      return { ok: false, status: 0, code: "NETWORK", message: TEXTS.networkError };
    }
    const data = (await response.json().catch(() => ({}))) as AuthBody;
    if (response.ok && data.ok === true) return { ok: true, body: data as T };
    const message = typeof data.error?.message === "string" ? vietnamesePart(data.error.message) : TEXTS.networkError;
    return { ok: false, status: response.status, code: data.error?.code ?? `HTTP_${response.status}`, message };
  }
}
