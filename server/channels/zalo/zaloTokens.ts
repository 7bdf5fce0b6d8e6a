import { randomUUID } from "node:crypto";
import type { Logger } from "../../logger";
import type { Store, ZaloTokensRecord } from "../../store/store";

export interface ZaloTokensOptions {
  store: Store;
  appId: string;
  appSecret: string;
  oauthBase: string;
  /** The pair given in the settings: used until a refresh stores a newer one, or when the settings change. */
  seed: { accessToken: string; refreshToken: string };
  now: () => Date;
  logger: Logger;
  timeoutMs?: number;
}

// A refresh token works once and the old access token dies with the refresh: refresh early,
// one process at a time, and store the new pair before anyone uses it.
const REFRESH_BEFORE_EXPIRY_MS = 60 * 60_000;
const LEASE_MS = 30_000;
const LEASE_WAIT_STEP_MS = 200;
// Zalo gives 25 h; a seed's age is unknown, so it is assumed to be fresh.
const SEED_LIFETIME_MS = 25 * 60 * 60_000;

/** What the OAuth v4 endpoint answers to a refresh (`expires_in` is a string of seconds). */
interface RefreshAnswer {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
  error?: unknown;
}

/**
 * The OA's access token: read from the store, refreshed through OAuth v4 when it is about to
 * expire or Zalo calls it invalid. One refresh at a time: in this process one promise is shared,
 * across processes a lease in the store is taken first, and the new pair is saved only over the
 * pair that was read, so a refresh token is never spent twice.
 */
export class ZaloTokens {
  private readonly holder = randomUUID();
  private refreshing: Promise<string | null> | null = null;

  constructor(private readonly options: ZaloTokensOptions) {}

  /** The access token to call Zalo with (refreshed first when it expires within the hour). */
  async accessToken(): Promise<string | null> {
    const stored = await this.stored();
    const expiresIn = Date.parse(stored.expiresAt) - this.options.now().getTime();
    if (expiresIn > REFRESH_BEFORE_EXPIRY_MS) return stored.accessToken;
    return (await this.refresh(stored.accessToken)) ?? stored.accessToken;
  }

  /**
   * Zalo refused `staleToken`: a new one, refreshed unless another process already did. Null
   * when the refresh failed (the refresh token was spent or revoked: an administrator must give
   * new tokens).
   */
  refresh(staleToken: string): Promise<string | null> {
    this.refreshing ??= this.refreshOnce(staleToken).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** The stored pair; the settings' pair when none is stored or the settings were given a new one. */
  private async stored(): Promise<ZaloTokensRecord> {
    const { store, seed } = this.options;
    const current = await store.getZaloTokens();
    if (current && current.seededFrom === seed.refreshToken) return current;
    const fresh = {
      ...seed,
      expiresAt: new Date(this.options.now().getTime() + SEED_LIFETIME_MS).toISOString(),
      seededFrom: seed.refreshToken,
    };
    await store.saveZaloTokens(fresh, current ? current.version : null);
    return (await store.getZaloTokens())!;
  }

  private async refreshOnce(staleToken: string): Promise<string | null> {
    const { store, now } = this.options;
    const deadline = now().getTime() + LEASE_MS;
    while (!(await store.claimZaloTokenRefresh(this.holder, now().toISOString(), leaseEnd(now())))) {
      // Another process is refreshing: its new pair will be in the store.
      if (now().getTime() > deadline) return null;
      await sleep(LEASE_WAIT_STEP_MS);
      const current = await this.stored();
      if (current.accessToken !== staleToken) return current.accessToken;
    }
    try {
      const current = await this.stored();
      if (current.accessToken !== staleToken) return current.accessToken;
      const answer = await this.callOAuth(current.refreshToken);
      if (!answer) return null;
      const saved = await store.saveZaloTokens({ ...answer, seededFrom: current.seededFrom }, current.version);
      if (!saved) return (await this.stored()).accessToken;
      this.options.logger.info({ event: "zalo.token_refreshed", expiresAt: answer.expiresAt }, "zalo token refreshed");
      return answer.accessToken;
    } finally {
      await store.releaseZaloTokenRefresh(this.holder);
    }
  }

  private async callOAuth(
    refreshToken: string,
  ): Promise<{ accessToken: string; refreshToken: string; expiresAt: string } | null> {
    const { appId, appSecret, oauthBase, logger, now } = this.options;
    try {
      const response = await fetch(new URL("/v4/oa/access_token", oauthBase), {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", secret_key: appSecret },
        body: new URLSearchParams({ refresh_token: refreshToken, app_id: appId, grant_type: "refresh_token" }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      const answer = (await response.json()) as RefreshAnswer;
      const seconds = Number(answer.expires_in);
      if (
        typeof answer.access_token !== "string" ||
        typeof answer.refresh_token !== "string" ||
        !Number.isFinite(seconds) ||
        seconds <= 0
      ) {
        logger.error(
          { event: "zalo.token_refresh_failed", status: response.status, code: answer.error ?? null },
          "zalo token refresh refused: give new tokens in ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN",
        );
        return null;
      }
      return {
        accessToken: answer.access_token,
        refreshToken: answer.refresh_token,
        expiresAt: new Date(now().getTime() + seconds * 1000).toISOString(),
      };
    } catch (error) {
      logger.warn({ event: "zalo.token_refresh_failed", err: error }, "zalo token refresh failed");
      return null;
    }
  }
}

const leaseEnd = (now: Date) => new Date(now.getTime() + LEASE_MS).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
