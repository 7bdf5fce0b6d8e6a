import type { SubmitMethod } from "../dossier/dossier";
import { UnitDayTable } from "../store/reportFigures";
import type { UnitDayFigures } from "../store/reportStore";

/** Some units' (or one unit's) figures added up over some days: what the report and the dashboard show. */
export interface UnitTotals {
  conversations: number;
  submitted: number;
  submittedBy: Record<SubmitMethod, number>;
  /** Online / submitted (0–1), or null with nothing submitted. */
  onlineShare: number | null;
  /** Dossiers submitted from a conversation a clerk had taken. */
  withClerk: number;
  handoffs: number;
  /** Of the waits of the handoffs taken, in minutes (one decimal); null with none taken. */
  medianWaitMinutes: number | null;
  longestWaitMinutes: number | null;
  /** Call backs asked for. */
  callbacks: number;
  ratings: number;
  /** 1–5, one decimal; null with no rating. */
  averageRating: number | null;
  unanswered: number;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Minutes with one decimal: a 40-second wait is 0.7, not 0 or 1. */
const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 6_000) / 10);
const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);
const average = (sum: number, count: number) => (count > 0 ? Math.round((sum / count) * 10) / 10 : null);

/** The totals of the store's rows (any units, any days). */
export function unitTotals(rows: readonly UnitDayFigures[]): UnitTotals {
  const table = new UnitDayTable();
  for (const row of rows) table.add({ ...row, day: "", unitId: null });
  const sum = table.get("", null);
  const waits = sum.handoffWaitsMs;
  return {
    conversations: sum.conversationsStarted,
    submitted: sum.dossiersSubmitted,
    submittedBy: { ...sum.submittedBy },
    onlineShare: share(sum.submittedBy.online, sum.dossiersSubmitted),
    withClerk: sum.dossiersWithClerk,
    handoffs: sum.handoffsRequested,
    medianWaitMinutes: minutes(median(waits)),
    longestWaitMinutes: minutes(waits.length > 0 ? waits.reduce((a, b) => Math.max(a, b)) : null),
    callbacks: sum.callbacksRequested,
    ratings: sum.ratings,
    averageRating: average(sum.ratingSum, sum.ratings),
    unanswered: sum.questionsUnanswered,
  };
}
