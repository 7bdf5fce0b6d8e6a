import type { DossierDraft, StatusLookupResult } from "../engine/engineIO";
import type { CounterClaim } from "./dossierRecords";
import type { Dossier } from "./dossier";

/** A completed flow's dossier under its receipt code, and the day's number the turn must claim with it. */
export interface Registration {
  dossier: Dossier;
  /** Committed with the turn, so a turn that is not stored uses up no number; null when nothing is to claim. */
  claim: CounterClaim | null;
}

/** Where completed dossiers get their receipt code, and where status lookup reads them. */
export interface DossierService {
  /**
   * Gives a completed flow's draft its receipt code and returns the dossier. On the server the
   * dossier and its number's claim are stored by the turn's one atomic write, with the messages
   * that announce it.
   */
  register(draft: DossierDraft, now: Date): Promise<Registration>;
  /**
   * The status of a dossier, only for the phone given in it; otherwise "not found". `address`
   * is the requester's (an IP, or a channel's user id): every way in counts against the same
   * limits and lock.
   */
  lookupStatus(code: string, phone: string, address: string): Promise<StatusLookupResult>;
}
