import { type Refusal, refusalOf } from "../codedTexts";
import type { Locale, Localized } from "../engine/localized";
import type { Dossier, PostalStatus, SubmissionChoice } from "./dossier";
import { isOpenDossier } from "./dossierLifecycle";
import { POSTAL_MOVE_TEXTS, POSTAL_STATUS_TEXTS } from "./postalTexts";

const PICKUP: readonly PostalStatus[] = ["to_pick_up", "picked_up"];
const DELIVERY: readonly PostalStatus[] = ["to_deliver", "returned"];

/**
 * The postal steps a dossier goes through, in order: the pickup leg when the citizen submits by post, the delivery
 * leg when the result returns by post, both when both. Derived from the submission rather than stored at submission,
 * so dossiers written before the postal list have their route too.
 *
 * @example postalRoute({ submitMethod: "postal", returnMethod: "counter" }) // ["to_pick_up", "picked_up"]
 */
export function postalRoute(submission: Pick<SubmissionChoice, "submitMethod" | "returnMethod">): PostalStatus[] {
  return [
    ...(submission.submitMethod === "postal" ? PICKUP : []),
    ...(submission.returnMethod === "postal" ? DELIVERY : []),
  ];
}

/** Where the postal service stands with the dossier: the last move, or its route's first step; null if not postal. */
export function postalStatusOf(dossier: Dossier): PostalStatus | null {
  const route = postalRoute(dossier.submission);
  if (route.length === 0) return null;
  return dossier.postal && route.includes(dossier.postal.status) ? dossier.postal.status : route[0]!;
}

/** The one status a clerk may move it to now; null at the end of its route, or when it is not postal. */
export function nextPostalStatus(dossier: Dossier): PostalStatus | null {
  const route = postalRoute(dossier.submission);
  const current = postalStatusOf(dossier);
  return current === null ? null : (route[route.indexOf(current) + 1] ?? null);
}

/** Whether the post office has nothing left to do with it (the store's query says the same in its own terms). */
export function isPostalFinished(dossier: Dossier): boolean {
  return postalStatusOf(dossier) !== null && nextPostalStatus(dossier) === null;
}

/** Whether there is a result to hand to the post office: the office has answered (done, returned or rejected). */
export function hasResult(dossier: Dossier): boolean {
  return !isOpenDossier(dossier.status);
}

export type PostalMove = { ok: true; dossier: Dossier } | { ok: false; code: string; message: Localized };

/**
 * A clerk moves the dossier's postal status: forward, one step of its route at a time, and onto the delivery leg only
 * once the office has a result to deliver. A refusal changes nothing and says what the next step would be.
 *
 * @example movePostal(dossier, "picked_up", { at: now.toISOString(), clerkId: user.id })
 */
export function movePostal(dossier: Dossier, to: PostalStatus, by: { at: string; clerkId: string }): PostalMove {
  const current = postalStatusOf(dossier);
  if (current === null) return refused({ key: "POSTAL_NOT_POSTAL", params: { code: dossier.code } });
  const next = nextPostalStatus(dossier);
  if (to !== next)
    return refused({ key: "POSTAL_MOVE_INVALID", params: { code: dossier.code, from: current, to, next } });
  if (DELIVERY.includes(to) && !hasResult(dossier))
    return refused({ key: "POSTAL_RESULT_NOT_READY", params: { code: dossier.code } });
  return {
    ok: true,
    dossier: { ...dossier, postal: { status: to, updatedAt: by.at, byClerkId: by.clerkId }, updatedAt: by.at },
  };
}

/** What the citizen reads in their chat when the dossier reaches a postal status, as a dossier status change reads. */
export function postalToldText(code: string, status: PostalStatus, locale: Locale): string {
  const texts = POSTAL_STATUS_TEXTS[status];
  return `${locale === "vi" ? "Hồ sơ" : "Application"} ${code}: ${texts.name[locale]}. ${texts.told[locale]}`;
}

function refused(refusal: Refusal<typeof POSTAL_MOVE_TEXTS>): PostalMove {
  const { code, text } = refusalOf(POSTAL_MOVE_TEXTS, refusal);
  return { ok: false, code, message: text };
}
