import type { SubmitMethod } from "../dossier/dossier";
import type { UnitDayFigures } from "./reportStore";

/** A unit's day with nothing counted yet: the adapters add what their queries find. */
export function emptyUnitDay(day: string, unitId: string | null): UnitDayFigures {
  return {
    day,
    unitId,
    conversationsStarted: 0,
    dossiersSubmitted: 0,
    submittedBy: { online: 0, counter: 0, postal: 0 } satisfies Record<SubmitMethod, number>,
    dossiersWithClerk: 0,
    handoffsRequested: 0,
    handoffWaitsMs: [],
    callbacksRequested: 0,
    ratings: 0,
    ratingSum: 0,
    questionsUnanswered: 0,
  };
}

/** Collects figures by (day, unit) as the adapters' queries hand rows over, in day then unit order at the end. */
export class UnitDayTable {
  private readonly rows = new Map<string, UnitDayFigures>();

  get(day: string, unitId: string | null): UnitDayFigures {
    const key = `${day}\u0000${unitId ?? ""}`;
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = emptyUnitDay(day, unitId)));
    return row;
  }

  /** Adds a unit's day counted elsewhere (kept figures). */
  add(figures: UnitDayFigures): void {
    const row = this.get(figures.day, figures.unitId);
    row.conversationsStarted += figures.conversationsStarted;
    row.dossiersSubmitted += figures.dossiersSubmitted;
    for (const method of Object.keys(row.submittedBy) as SubmitMethod[])
      row.submittedBy[method] += figures.submittedBy[method];
    row.dossiersWithClerk += figures.dossiersWithClerk;
    row.handoffsRequested += figures.handoffsRequested;
    row.handoffWaitsMs.push(...figures.handoffWaitsMs);
    row.callbacksRequested += figures.callbacksRequested;
    row.ratings += figures.ratings;
    row.ratingSum += figures.ratingSum;
    row.questionsUnanswered += figures.questionsUnanswered;
  }

  /** `n` dossiers submitted by `method` that day, `withClerk` of them after a clerk took the conversation. */
  addDossiers(day: string, unitId: string | null, method: string | null, n: number, withClerk: number): void {
    const figures = this.get(day, unitId);
    figures.dossiersSubmitted += n;
    figures.dossiersWithClerk += withClerk;
    const submitMethod = (method ?? "counter") as SubmitMethod;
    if (submitMethod in figures.submittedBy) figures.submittedBy[submitMethod] += n;
  }

  /** `n` service events of a kind that day, `total` the sum of their values (ratings). */
  addEvents(day: string, unitId: string | null, kind: string, n: number, total: number): void {
    const figures = this.get(day, unitId);
    if (kind === "handoff.requested") figures.handoffsRequested += n;
    else if (kind === "callback.requested") figures.callbacksRequested += n;
    else if (kind === "question.unanswered") figures.questionsUnanswered += n;
    else if (kind === "rating.given") {
      figures.ratings += n;
      figures.ratingSum += total;
    }
  }

  list(): UnitDayFigures[] {
    return [...this.rows.values()].sort(
      (a, b) => a.day.localeCompare(b.day) || (a.unitId ?? "").localeCompare(b.unitId ?? ""),
    );
  }
}
