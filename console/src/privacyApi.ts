import type { PrivacyErased, PrivacySubject } from "../../server/console/consoleRestProtocol";
import type { ApiResult, AuthClient } from "./authClient";

const BASE = "/api/console/privacy";

function subjectPath(ref: string): string {
  return `${BASE}/${encodeURIComponent(ref)}`;
}

/** The administrator's calls for a citizen's data requests (`server/console/privacyRoutes.ts`), each audited. */
export class PrivacyApi {
  constructor(private readonly auth: AuthClient) {}

  /** What is held about the citizen a receipt code or a conversation id names. */
  async lookup(ref: string): Promise<ApiResult<PrivacySubject>> {
    const result = await this.auth.request<{ subject: PrivacySubject }>("GET", subjectPath(ref));
    return result.ok ? { ok: true, body: result.body.subject } : result;
  }

  /** The copy of everything held, downloaded by the browser itself (the session cookie goes with it). */
  exportUrl(ref: string): string {
    return `${subjectPath(ref)}/export`;
  }

  /** Erases it all; `confirm` is the reference typed again by the administrator. */
  async erase(ref: string, confirm: string): Promise<ApiResult<PrivacyErased>> {
    return this.auth.request<PrivacyErased>("POST", `${subjectPath(ref)}/erase`, { confirm });
  }
}
