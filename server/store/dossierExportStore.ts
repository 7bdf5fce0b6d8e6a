import type { Dossier } from "../dossier/dossier";
import type { DayRange } from "./reportStore";

/** Where a page of an export ended: the last dossier's received instant and code. */
export interface DossierCursor {
  createdAt: string;
  code: string;
}

export interface DossiersReceivedFilter {
  range: DayRange;
  /** Some units, or null for every unit and the dossiers of none. */
  unitIds: readonly string[] | null;
  /** The page starts after this dossier; null for the first page. */
  after: DossierCursor | null;
  limit: number;
}

/**
 * Dossiers read page by page for a CSV export. A keyset on (received instant, code) rather than an
 * offset: page 1,000 of a year's export costs what page 1 costs, and a dossier received while the
 * export runs neither repeats a row nor shifts one out.
 */
export interface DossierExportStore {
  /** Dossiers received in a range of city days, oldest first (then by code), after `after`, at most `limit`. */
  dossiersReceived(filter: DossiersReceivedFilter): Promise<Dossier[]>;
}
