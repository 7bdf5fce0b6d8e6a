import type { Dossier } from "../dossier/dossier";
import { dossierFiler } from "../dossier/dossierFiler";
import { hasResult, nextPostalStatus, postalStatusOf } from "../dossier/postalRoute";
import { POSTAL_STATUS_TEXTS } from "../dossier/postalTexts";
import { STATUS_TEXTS } from "../dossier/statusTexts";
import { maskIdNumber } from "../exports/maskIdentifiers";
import type { PostalRow } from "./postalProtocol";

export interface PostalRowContext {
  /** The first instant of the listed day: a dossier created before it is carried over. */
  dayStart: string;
  procedureName: (procedureId: string) => string | null;
  unitName: (unitId: string | null) => string | null;
  /** The flow keeps the chosen option's value ("sang"); the post office reads its label ("Buổi sáng (7:30 – …)"). */
  timeWindowText: (procedureId: string, value: string) => string;
}

/** What the post office must do for a postal dossier, as the console lists it; null for a dossier not postal. */
export function postalRow(dossier: Dossier, context: PostalRowContext): PostalRow | null {
  const status = postalStatusOf(dossier);
  if (status === null) return null;
  const next = nextPostalStatus(dossier);
  const pickUp = dossier.submission.submitMethod === "postal";
  const deliver = dossier.submission.returnMethod === "postal";
  const procedureName = context.procedureName(dossier.procedureId);
  const filer = dossierFiler(dossier.fields);
  const timeWindow = dossier.submission.postalTimeWindow?.trim();
  return {
    code: dossier.code,
    procedureId: dossier.procedureId,
    procedureName,
    unitId: dossier.unitId,
    unitName: context.unitName(dossier.unitId),
    createdAt: dossier.createdAt,
    carriedOver: dossier.createdAt < context.dayStart,
    dossierStatus: dossier.status,
    dossierStatusText: STATUS_TEXTS[dossier.status].name.vi,
    status,
    statusText: POSTAL_STATUS_TEXTS[status].name.vi,
    next,
    waitingForResult: (next === "to_deliver" || next === "returned") && !hasResult(dossier),
    pickUp,
    deliver,
    name: filer.name,
    idNumberMasked: filer.idNumber === null ? null : maskIdNumber(filer.idNumber),
    address: dossier.submission.postalAddress?.trim() || null,
    phone: dossier.submission.postalPhone?.trim() || null,
    timeWindow: timeWindow ? context.timeWindowText(dossier.procedureId, timeWindow) : null,
    toCollect: pickUp ? dossier.documents : [],
    toDeliver: deliver ? resultToDeliver(dossier, procedureName) : null,
    postalUpdatedAt: dossier.postal?.updatedAt ?? null,
  };
}

/** A rejected dossier's answer goes home too: the letter saying why, not a result. */
function resultToDeliver(dossier: Dossier, procedureName: string | null): string {
  const what = procedureName ?? dossier.procedureId;
  return dossier.status === "rejected" ? `Văn bản từ chối hồ sơ ${what}` : `Kết quả thủ tục ${what}`;
}
