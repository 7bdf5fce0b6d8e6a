import type { DossierStatus, PostalStatus } from "../dossier/dossier";
export type { PostalStatus } from "../dossier/dossier";

/**
 * The postal list's REST answers (`server/console/postalRoutes.ts`, docs/protocol.md "Postal list"); the console
 * imports them with `import type`. Errors are `{ ok: false, error: { code, message } }`, the message
 * "Vietnamese / English".
 */

/** One errand for the post office: papers to collect at the citizen's home, a result to deliver there, or both. */
export interface PostalRow {
  code: string;
  procedureId: string;
  /** The procedure's Vietnamese name; null for a procedure no longer in the catalogue. */
  procedureName: string | null;
  unitId: string | null;
  unitName: string | null;
  /** When the citizen submitted it (ISO instant). */
  createdAt: string;
  /** Submitted on an earlier day and not finished yet: carried over to this day's list. */
  carriedOver: boolean;
  dossierStatus: DossierStatus;
  /** The dossier's status as the citizen is told it ("đã có kết quả"). */
  dossierStatusText: string;
  /** Where the post office stands with it. */
  status: PostalStatus;
  /** The postal status in Vietnamese ("bưu điện đã nhận hồ sơ tại nhà"). */
  statusText: string;
  /** The one status a clerk may move it to now; null at the end of its route. */
  next: PostalStatus | null;
  /** `next` is a delivery step and the office has no result yet: moving on would be refused. */
  waitingForResult: boolean;
  /** The post office collects the papers at home. */
  pickUp: boolean;
  /** The post office delivers the result at home. */
  deliver: boolean;
  /** The person who filed, as written in the dossier. */
  name: string | null;
  /** Their CCCD or other ID number, masked (the postman checks the last digits on handover). */
  idNumberMasked: string | null;
  address: string | null;
  /** In full: the post office calls the citizen before coming. */
  phone: string | null;
  timeWindow: string | null;
  /** The papers to collect, from the procedure's facts; empty when nothing is collected. */
  toCollect: string[];
  /** What to deliver ("Kết quả: Đăng ký khai tử"); null when nothing is delivered. */
  toDeliver: string | null;
  /** When a clerk last moved its postal status; null while it stands at its first step. */
  postalUpdatedAt: string | null;
}

/** `GET /api/console/postal?day=YYYY-MM-DD&unit=ID` answers `{ ok, list }`. */
export interface PostalList {
  /** The city day listed, `YYYY-MM-DD`. */
  day: string;
  /** The unit asked for; null for every unit the user may see. */
  unitId: string | null;
  /** The units the user may choose from, in the city's order. */
  units: { id: string; name: string }[];
  /** Oldest first: carried-over errands, then the day's. */
  rows: PostalRow[];
  /** More errands than one list shows: narrow it to a unit. */
  truncated: boolean;
}

/** `POST /api/console/postal/:code/status` with `{ status }` answers `{ ok, moved }`. */
export interface PostalMoved {
  code: string;
  status: PostalStatus;
  statusText: string;
  next: PostalStatus | null;
}
