import type { Dossier } from "./dossier";

/**
 * The next value of a named counter, taken by the turn that uses it: applied only while the
 * counter still stands at `value - 1` (absent counts as 0), otherwise the commit answers
 * `conflict` and the turn runs again with a fresh value. A turn that is not stored takes no
 * value, so the day's receipt numbers have no gap.
 */
export interface CounterClaim {
  name: string;
  value: number;
}

/**
 * What the dossier service reads of stored data: the day's receipt counter and a dossier by its
 * code. The store provides it; the dossier side depends on this, never on the store itself.
 */
export interface DossierRecords {
  /** The current value of a named counter (0 when it was never claimed). */
  getCounter(name: string): Promise<number>;
  getDossier(code: string): Promise<Dossier | null>;
}
