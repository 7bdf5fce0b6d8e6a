import type { PostalList, PostalMoved, PostalStatus } from "../../server/console/postalProtocol";
import type { ApiResult, AuthClient } from "./authClient";

const BASE = "/api/console/postal";

/** The day (empty: today, as the server counts it in Viet Nam) and the unit (empty: every unit the user sees). */
export interface PostalQuery {
  day: string;
  unit: string;
}

function search(query: PostalQuery): string {
  const params = new URLSearchParams();
  if (query.day) params.set("day", query.day);
  if (query.unit) params.set("unit", query.unit);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The postal list's REST calls (`docs/protocol.md`, "Postal list"), over the session of `auth`. */
export class PostalApi {
  constructor(private readonly auth: AuthClient) {}

  async list(query: PostalQuery): Promise<ApiResult<PostalList>> {
    const result = await this.auth.request<{ list: PostalList }>("GET", `${BASE}${search(query)}`);
    return result.ok ? { ok: true, body: result.body.list } : result;
  }

  async move(code: string, status: PostalStatus): Promise<ApiResult<PostalMoved>> {
    const result = await this.auth.request<{ moved: PostalMoved }>(
      "POST",
      `${BASE}/${encodeURIComponent(code)}/status`,
      { status },
    );
    return result.ok ? { ok: true, body: result.body.moved } : result;
  }

  /** The CSV, downloaded by the browser itself (the session cookie goes with it). */
  csvUrl(query: PostalQuery): string {
    return `${BASE}.csv${search(query)}`;
  }
}
