import type { UnitTotals } from "../reports/unitTotals";

/**
 * The dashboard's REST answers (`server/console/dashboardRoutes.ts`); the console's dashboard bundle
 * imports them with `import type`. Errors are `{ ok: false, error: { code, message } }`, the message
 * "Vietnamese / English". Days are city days (`YYYY-MM-DD`, Asia/Ho_Chi_Minh).
 */

/** A unit's (or the total's) figures over the whole range. */
export type DashboardTotals = UnitTotals;

/** One value per day of `DashboardFigures.days`, in the same order. */
export interface DashboardDaily {
  conversations: number[];
  submitted: number[];
  online: number[];
  counter: number[];
  postal: number[];
  onlineShare: (number | null)[];
  withClerk: number[];
  handoffs: number[];
  medianWaitMinutes: (number | null)[];
  longestWaitMinutes: (number | null)[];
  callbacks: number[];
  ratings: number[];
  averageRating: (number | null)[];
  unanswered: number[];
}

export interface DashboardUnit {
  /** null: conversations and dossiers that chose no unit (only in an unfiltered view), or the total. */
  unitId: string | null;
  name: string;
  totals: DashboardTotals;
  daily: DashboardDaily;
  /** Open dossiers past their legal due day, as of `today` (not limited to the range). */
  overdue: number;
  /** Open dossiers due today or on the next working day. */
  dueSoon: number;
}

/** `GET /api/console/dashboard?from=&to=&units=` answers `{ ok, figures }`. */
export interface DashboardFigures {
  from: string;
  to: string;
  /** The city's day when the figures were read: overdue and due-soon are counted against it. */
  today: string;
  /** The last due day counted as due soon: the next working day after today. */
  dueSoonBy: string;
  /** Every day of the range, in order. */
  days: string[];
  /** The units of the filter in the city's order, then any other unit found, then "no unit" if any. */
  units: DashboardUnit[];
  /** The sum of `units`. */
  total: DashboardUnit;
  /** The units this user may filter on (a clerk: theirs), in the city's order. */
  choices: { id: string; name: string }[];
  /** Whether this user may ask for the full dossier export (admins). */
  mayExportFull: boolean;
}
