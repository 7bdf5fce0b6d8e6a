import type { CityDay } from "../deadlines/cityDay";
import type { DossierStatus, SubmitMethod } from "../dossier/dossier";

export type { CityDay };

/**
 * What happened in a conversation that the figures count, derived from the state before and after each
 * turn and written with the turn: a handoff asked for and taken (with the wait), a call back asked for,
 * a message the assistant could not understand (its text with personal numbers and addresses masked),
 * a rating. Never personal data.
 */
export type ServiceEventKind =
  "handoff.requested" | "handoff.taken" | "callback.requested" | "question.unanswered" | "rating.given";

export interface ServiceEvent {
  kind: ServiceEventKind;
  conversationId: string;
  unitId: string | null;
  at: string;
  /** `handoff.taken`: milliseconds the citizen waited; `rating.given`: the score 1–5. */
  value?: number;
  /** `question.unanswered`: the citizen's message, masked. */
  text?: string;
}

/** A range of city days, both ends included. */
export interface DayRange {
  from: CityDay;
  to: CityDay;
}

/** One unit's (or no unit's: `unitId` null) figures for one city day. Counts are of things that happened that day. */
export interface UnitDayFigures {
  day: CityDay;
  unitId: string | null;
  conversationsStarted: number;
  dossiersSubmitted: number;
  /** Submitted dossiers by how the citizen submits them. */
  submittedBy: Record<SubmitMethod, number>;
  /** Dossiers submitted from a conversation a clerk had taken before. */
  dossiersWithClerk: number;
  handoffsRequested: number;
  /** Every wait of a handoff taken that day, in milliseconds (medians need the values). */
  handoffWaitsMs: number[];
  callbacksRequested: number;
  ratings: number;
  ratingSum: number;
  questionsUnanswered: number;
}

/** An open dossier (not done, returned or rejected) with its legal due day. */
export interface DossierDue {
  code: string;
  procedureId: string;
  unitId: string | null;
  status: DossierStatus;
  /** The city day the dossier is due, `YYYY-MM-DD`. */
  dueDay: CityDay;
  createdAt: string;
}

/** The figures of the daily report, the dashboard and their exports, computed by the store. */
export interface ReportStore {
  /**
   * Per city day and unit in the range, for some units (null: every unit, and what has no unit). Days with
   * nothing are left out.
   */
  unitDayFigures(range: DayRange, unitIds: readonly string[] | null): Promise<UnitDayFigures[]>;
  /** Open dossiers due on or before `dueBy`, soonest first, at most `limit`. */
  dossiersDueBy(filter: { unitIds: readonly string[] | null; dueBy: CityDay; limit: number }): Promise<DossierDue[]>;
  /** Masked messages the assistant could not understand in the range, for some units, at most `limit`, newest first. */
  unansweredQuestions(
    range: DayRange,
    unitIds: readonly string[] | null,
    limit: number,
  ): Promise<{ unitId: string | null; text: string }[]>;
  /** Call backs asked for and not yet answered (the conversation still waits for a clerk), per unit. */
  openCallbacks(unitIds: readonly string[] | null): Promise<{ unitId: string | null; count: number }[]>;
}
