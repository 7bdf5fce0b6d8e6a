import { randomBytes } from "node:crypto";

export interface OaTokensOptions {
  appId: string;
  appSecret: string;
  accessToken: string;
  refreshToken: string;
  /** How long an access token lives, in seconds (Zalo: 90000, 25 h). */
  ttlSeconds: number;
}

/** What the OpenAPI answers about an `access_token` header: 0 when it may be used. */
export type AccessTokenCheck = 0 | -216 | -220;

/** The answer of `POST /v4/oa/access_token`, success or error, as JSON. */
export type RefreshAnswer =
  | { access_token: string; refresh_token: string; expires_in: string }
  | { error: number; error_name: string; error_description: string };

/**
 * The OA's one live token pair, as Zalo's OAuth v4 keeps it (reference A.4): a refresh token is
 * single-use, and a refresh kills the old access token and the old refresh token at once.
 */
export class OaTokens {
  /** Successful refreshes: two racing refreshes with one refresh token make one. */
  refreshCount = 0;
  private access: string;
  private refresh: string;
  private accessExpiresAt: number;
  private expiredByHand = false;

  constructor(private readonly options: OaTokensOptions) {
    this.access = options.accessToken;
    this.refresh = options.refreshToken;
    this.accessExpiresAt = Date.now() + options.ttlSeconds * 1000;
  }

  get accessToken(): string {
    return this.access;
  }

  get refreshToken(): string {
    return this.refresh;
  }

  /** -216 for a missing, unknown or replaced token; -220 once the current one has expired. */
  check(token: string | undefined): AccessTokenCheck {
    if (token !== this.access) return -216;
    if (this.expiredByHand || Date.now() >= this.accessExpiresAt) return -220;
    return 0;
  }

  /** The current access token answers -220 until the next refresh. */
  expire(): void {
    this.expiredByHand = true;
  }

  /**
   * A refresh with the `secret_key` header and the form fields. The error shape is not confirmed by
   * Zalo's docs; this is the one community code expects (`-14020 invalid_grant` for a spent token).
   */
  refreshWith(secretKey: string | undefined, form: Record<string, unknown>): RefreshAnswer {
    if (secretKey !== this.options.appSecret || form.app_id !== this.options.appId)
      return oauthError(-14002, "invalid_client", "app_id or secret_key is invalid");
    if (form.grant_type !== "refresh_token" || typeof form.refresh_token !== "string")
      return oauthError(-14003, "invalid_request", "grant_type must be refresh_token, with a refresh_token");
    if (form.refresh_token !== this.refresh)
      return oauthError(-14020, "invalid_grant", "refresh token already used or expired");
    this.refreshCount += 1;
    this.access = `fake-access-${this.refreshCount}-${randomBytes(12).toString("hex")}`;
    this.refresh = `fake-refresh-${this.refreshCount}-${randomBytes(12).toString("hex")}`;
    this.accessExpiresAt = Date.now() + this.options.ttlSeconds * 1000;
    this.expiredByHand = false;
    return { access_token: this.access, refresh_token: this.refresh, expires_in: String(this.options.ttlSeconds) };
  }
}

const oauthError = (error: number, errorName: string, description: string): RefreshAnswer => ({
  error,
  error_name: errorName,
  error_description: description,
});
