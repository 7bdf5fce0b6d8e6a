import type {
  DossierDetail,
  DossierStatus,
  DossierStatusChanged,
  DossierSummary,
} from "../../server/console/consoleRestProtocol";
import type { ApiResult, AuthClient } from "./authClient";

const BASE = "/api/console/dossiers";

function dossierPath(code: string): string {
  return `${BASE}/${encodeURIComponent(code)}`;
}

/** The console's dossier REST calls (`docs/protocol.md`, "Console REST"), over the session of `auth`. */
export class DossierApi {
  constructor(private readonly auth: AuthClient) {}

  /** The newest dossiers of the user's units, or those a receipt code, a phone or a name matches. */
  async search(query: string): Promise<ApiResult<DossierSummary[]>> {
    const result = await this.auth.request<{ dossiers: DossierSummary[] }>(
      "GET",
      query ? `${BASE}?query=${encodeURIComponent(query)}` : BASE,
    );
    return result.ok ? { ok: true, body: result.body.dossiers } : result;
  }

  async get(code: string): Promise<ApiResult<DossierDetail>> {
    const result = await this.auth.request<{ dossier: DossierDetail }>("GET", dossierPath(code));
    return result.ok ? { ok: true, body: result.body.dossier } : result;
  }

  /** `note`: a rejection's reason, or the list of what is missing for a request for more; both are required. */
  async move(
    code: string,
    status: DossierStatus,
    note: { reason: string } | { missingItems: string[] } | null,
  ): Promise<ApiResult<DossierSummary>> {
    const result = await this.auth.request<DossierStatusChanged>("POST", `${dossierPath(code)}/status`, {
      status,
      ...note,
    });
    return result.ok ? { ok: true, body: result.body.dossier } : result;
  }

  /** The printable form, opened by the browser itself in a new tab (the session cookie goes with it). */
  formUrl(code: string): string {
    return `${dossierPath(code)}/form`;
  }

  attachmentUrl(code: string, attachmentId: string): string {
    return `${dossierPath(code)}/attachments/${encodeURIComponent(attachmentId)}`;
  }
}
