import type { DossierDraft, StatusLookupResult } from "../engine/engineIO";
import type { Dossier } from "./dossier";

/** Where completed dossiers get their receipt code, and where status lookup reads them. */
export interface DossierService {
  /**
   * Gives a completed flow's draft its receipt code and returns the dossier. On the server the
   * dossier is stored by the turn's one atomic write, with the messages that announce it.
   */
  register(draft: DossierDraft, now: Date): Promise<Dossier>;
  /** The status of a dossier, only for the phone given in it; otherwise "not found". */
  lookupStatus(code: string, phone: string): Promise<StatusLookupResult>;
}
