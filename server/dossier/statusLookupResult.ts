import { localFormDate } from "../engine/clock";
import type { StatusLookupResult } from "../engine/engineIO";
import { dossierPhone } from "./createDossier";
import type { Dossier } from "./dossier";
import { isOpenDossier } from "./dossierLifecycle";
import { dossierStatusText } from "./dossierStatusText";
import { STATUS_TEXTS } from "./statusTexts";

/**
 * What status lookup tells about a dossier, only to the phone given in it: an unknown code
 * and a wrong phone get the same answer, so codes cannot be probed. The status reads as the
 * chat told it, with the office's reason or list of what is missing.
 */
export function statusLookupResult(dossier: Dossier | null | undefined, phone: string): StatusLookupResult {
  if (!dossier || dossierPhone(dossier) !== phone) return { found: false };
  return {
    found: true,
    code: dossier.code,
    procedureId: dossier.procedureId,
    status: dossier.status,
    submittedAt: localFormDate(new Date(dossier.createdAt)),
    updatedAt: localFormDate(new Date(dossier.updatedAt)),
    statusText: STATUS_TEXTS[dossier.status] ? dossierStatusText(dossier) : null,
    ...(dossier.dueDate && isOpenDossier(dossier.status) ? { dueDate: dossier.dueDate } : {}),
  };
}
