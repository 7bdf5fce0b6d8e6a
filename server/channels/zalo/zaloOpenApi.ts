import type { Logger } from "../../logger";
import type { ZaloTokens } from "./zaloTokens";

/** How the outbox treats a refusal of Zalo's (`../shared/reference/zalo-oa.md`, A.3 error codes). */
export type ZaloFailureKind =
  /** Zalo or the network is down, or the rate limit is reached: try again later. */
  | "retry"
  /** Zalo will not deliver to this user now (not following, outside the 7-day window, banned…). */
  | "unreachable"
  /** The OA lacks a permission or a package: an administrator must act; try again much later. */
  | "needsAdmin"
  /** This message will never be accepted (bad parameter, over a limit, content refused). */
  | "rejected";

export type ZaloSendResult =
  { ok: true; messageId: string } | { ok: false; kind: ZaloFailureKind; code: number; message: string };

const TOKEN_ERRORS = new Set([-216, -220]);
const UNREACHABLE = new Set([-213, -230, -232, -227, -244, -218]);
const NEEDS_ADMIN = new Set([-223, -224, -221, -242]);
const RATE_LIMITED = -32;

export function failureKind(code: number): ZaloFailureKind {
  if (code === RATE_LIMITED || TOKEN_ERRORS.has(code)) return "retry";
  if (UNREACHABLE.has(code)) return "unreachable";
  if (NEEDS_ADMIN.has(code)) return "needsAdmin";
  return "rejected";
}

export interface ZaloOpenApiOptions {
  openApiBase: string;
  tokens: ZaloTokens;
  logger: Logger;
  timeoutMs?: number;
}

/**
 * Zalo's OA Open API as the outbox uses it. Zalo answers errors with HTTP 200 and a non-zero
 * `error`: an invalid or expired token is refreshed and the call made once more.
 */
export class ZaloOpenApi {
  constructor(private readonly options: ZaloOpenApiOptions) {}

  /** A consultation ("cs") message to one user: `message` is the body's `message` object. */
  async sendToUser(userId: string, message: object): Promise<ZaloSendResult> {
    return this.post("/v3.0/oa/message/cs", { recipient: { user_id: userId }, message });
  }

  /** A message to a Zalo group the OA owns (no buttons: groups refuse templates with buttons). */
  async sendToGroup(groupId: string, message: object): Promise<ZaloSendResult> {
    return this.post("/v3.0/oa/group/message", { recipient: { group_id: groupId }, message });
  }

  /**
   * Uploads a PNG or JPEG for a media message (`/v2.0/oa/upload/image`, multipart field `file`, at most 1 MB);
   * on success `messageId` holds the `attachment_id` to send.
   */
  async uploadImage(bytes: Buffer, fileName: string, mimeType: "image/png" | "image/jpeg"): Promise<ZaloSendResult> {
    return this.withToken((token) => {
      const form = new FormData();
      form.append("file", new Blob([bytes], { type: mimeType }), fileName);
      return this.call("/v2.0/oa/upload/image", { method: "POST", headers: { access_token: token }, body: form });
    });
  }

  private async post(path: string, body: object): Promise<ZaloSendResult> {
    return this.withToken((token) =>
      this.call(path, {
        method: "POST",
        headers: { "Content-Type": "application/json", access_token: token },
        body: JSON.stringify(body),
      }),
    );
  }

  private async withToken(call: (token: string) => Promise<ZaloSendResult>): Promise<ZaloSendResult> {
    const { tokens } = this.options;
    const token = await tokens.accessToken();
    if (!token) return { ok: false, kind: "needsAdmin", code: -216, message: "no access token" };
    const first = await call(token);
    if (first.ok || !TOKEN_ERRORS.has(first.code)) return first;
    const renewed = await tokens.refresh(token);
    if (!renewed) return { ok: false, kind: "needsAdmin", code: first.code, message: "token refresh failed" };
    return call(renewed);
  }

  private async call(path: string, init: RequestInit): Promise<ZaloSendResult> {
    try {
      const response = await fetch(new URL(path, this.options.openApiBase), {
        ...init,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      if (!response.ok) {
        await response.body?.cancel();
        return { ok: false, kind: "retry", code: response.status, message: `HTTP ${response.status}` };
      }
      const answer = (await response.json()) as {
        error?: unknown;
        message?: unknown;
        data?: { message_id?: unknown; attachment_id?: unknown };
      };
      const code = Number(answer.error ?? 0);
      if (code === 0)
        return { ok: true, messageId: String(answer.data?.message_id ?? answer.data?.attachment_id ?? "") };
      return { ok: false, kind: failureKind(code), code, message: String(answer.message ?? "") };
    } catch (error) {
      return { ok: false, kind: "retry", code: 0, message: (error as Error).name };
    }
  }
}
