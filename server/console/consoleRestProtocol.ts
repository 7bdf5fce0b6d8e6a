import type { DossierStatus, FieldValue, Provenance, SubmissionChoice } from "../dossier/dossier";
export type { DossierStatus } from "../dossier/dossier";
import type { DraftField } from "./clerkProtocol";

/**
 * The console's dossier REST answers (`server/console/consoleRoutes.ts`); the console imports
 * them with `import type`. Errors are `{ ok: false, error: { code, message } }`, the message
 * "Vietnamese / English".
 */

/** A dossier as a line of the list: `GET /api/console/dossiers?query=` answers `{ ok, dossiers }`. */
export interface DossierSummary {
  code: string;
  procedureId: string;
  /** The procedure's Vietnamese name; null for a procedure no longer in the catalogue. */
  procedureName: string | null;
  unitId: string | null;
  unitName: string | null;
  status: DossierStatus;
  /** As the citizen is told it ("đã tiếp nhận"). */
  statusText: string;
  /** The statuses a clerk may move it to now; empty once it is returned or rejected. */
  next: readonly DossierStatus[];
  createdAt: string;
  updatedAt: string;
  conversationId: string;
  /** The day the office must answer by law (`dd/mm/yyyy`), when the law sets one. */
  dueDate: string | null;
  /** While it is open: past its due day, or due today or on the next working day. */
  due: "overdue" | "soon" | null;
}

/** One dossier: `GET /api/console/dossiers/:code` answers `{ ok, dossier }`. */
export interface DossierDetail extends DossierSummary {
  fields: Record<string, FieldValue>;
  provenance: Record<string, Provenance>;
  submission: SubmissionChoice;
  documents: string[];
  /** Upload step id → attachment id, for `GET /api/console/dossiers/:code/attachments/:id`. */
  attachments: Record<string, string>;
  rejectionReason: string | null;
  /** While it `needs_more_info`: what the citizen was told to add, one item each. */
  missingItems: string[];
  /** The fields grouped like the paper form with each one's provenance, as the draft panel shows them. */
  draft: DraftField[];
  /** Display names of the clerks the provenance names, by user id (an account since removed is absent). */
  clerks: Record<string, string>;
}

/** `POST /api/console/dossiers/:code/status` answers `{ ok, dossier }` with the dossier moved. */
export interface DossierStatusChanged {
  dossier: DossierSummary;
}

/** One daily report in the console's history (`GET /api/console/reports`). */
export interface DailyReportSummary {
  /** The day reported, `YYYY-MM-DD`. */
  day: string;
  createdAt: string;
  /** Made after its time, because the server was down then. */
  late: boolean;
  /** Posted to the leaders' Zalo group, still being posted (Zalo refused for now), or no group configured. */
  posting: "posted" | "pending" | "not_configured";
  sentMessages: number;
  messages: number;
  lastError: string | null;
  sentAt: string | null;
}

/** One report as the leaders' group read it (`GET /api/console/reports/:day`); its chart at `…/chart.png`. */
export interface DailyReportView extends DailyReportSummary {
  text: string;
  hasChart: boolean;
}

/**
 * What Khai Hộ holds about the citizen of one conversation (`GET /api/console/privacy/:ref`, admins only):
 * counts, and of each dossier only what tells the administrator it is the right person (the CCCD and phone
 * masked, as the citizen reads them off their card and phone).
 */
export interface PrivacySubject {
  conversationId: string;
  channel: string;
  createdAt: string;
  updatedAt: string;
  messages: number;
  uploads: number;
  dossiers: {
    code: string;
    procedureId: string;
    status: DossierStatus;
    idNumberMasked: string | null;
    phoneMasked: string | null;
  }[];
}

/** `POST /api/console/privacy/:ref/erase` answers `{ ok, erased }`: what was deleted. */
export interface PrivacyErased {
  erased: { dossiers: number; uploads: number };
}
