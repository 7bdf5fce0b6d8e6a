import type { DossierDraft, StatusLookupResult } from "../engine/engineIO";
import type { Dossier } from "./dossier";

/** Where completed dossiers go, and where status lookup reads them. */
export interface DossierService {
  /** Stores a completed flow's dossier under a new receipt code. */
  submit(draft: DossierDraft, now: Date): Promise<Dossier>;
  /** The status of a dossier, only for the phone given in it; otherwise "not found". */
  lookupStatus(code: string, phone: string): Promise<StatusLookupResult>;
}
