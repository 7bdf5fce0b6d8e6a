import type { DossierStatus } from "./dossier";

/**
 * The moves a dossier's status may make at the one-stop shop: received, processed (possibly
 * sent back for more information), done, returned to the citizen; or rejected, with a reason,
 * at any point before the result exists.
 */
const NEXT: Readonly<Record<DossierStatus, readonly DossierStatus[]>> = {
  submitted: ["received", "rejected"],
  received: ["processing", "needs_more_info", "rejected"],
  processing: ["needs_more_info", "done", "rejected"],
  needs_more_info: ["processing", "rejected"],
  done: ["returned"],
  returned: [],
  rejected: [],
};

/** Whether a dossier may go from one status to another. @example canMoveDossier("submitted", "received") // true */
export function canMoveDossier(from: DossierStatus, to: DossierStatus): boolean {
  return NEXT[from].includes(to);
}

/** Statuses in which the office has answered: a due date no longer runs. */
export const ANSWERED_STATUSES: readonly DossierStatus[] = ["done", "returned", "rejected"];

/** Whether the office still owes the citizen an answer (the legal clock runs). */
export function isOpenDossier(status: DossierStatus): boolean {
  return !ANSWERED_STATUSES.includes(status);
}

/** The statuses a dossier may go to next. */
export function nextDossierStatuses(from: DossierStatus): readonly DossierStatus[] {
  return NEXT[from];
}
