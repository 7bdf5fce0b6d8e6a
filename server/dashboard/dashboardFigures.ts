import type { DashboardDaily, DashboardFigures, DashboardUnit } from "../console/dashboardProtocol";
import { unitTotals } from "../reports/unitTotals";
import { type CityDay, daysOf } from "../deadlines/cityDay";
import type { DayRange, DossierDue, UnitDayFigures } from "../store/reportStore";

/** What the page calls the sum of the units shown, and the conversations and dossiers of no unit. */
export const TOTAL_NAME = "Tổng các đơn vị";
export const NO_UNIT_NAME = "Chưa chọn phường/xã";

export interface DashboardInput {
  range: DayRange;
  today: CityDay;
  /** The last due day counted as due soon (the next working day after today). */
  dueSoonBy: CityDay;
  /** The units of the filter in the city's order, with their names. */
  units: readonly { id: string; name: string }[];
  /** No unit filter: units not in the city's list and "no unit" are shown too, when they have anything. */
  everyUnit: boolean;
  rows: readonly UnitDayFigures[];
  /** Open dossiers due by `dueSoonBy`, of the same units. */
  due: readonly DossierDue[];
  choices: { id: string; name: string }[];
  mayExportFull: boolean;
}

function dailyOf(perDay: readonly UnitDayFigures[][]): DashboardDaily {
  const totals = perDay.map(unitTotals);
  return {
    conversations: totals.map((t) => t.conversations),
    submitted: totals.map((t) => t.submitted),
    online: totals.map((t) => t.submittedBy.online),
    counter: totals.map((t) => t.submittedBy.counter),
    postal: totals.map((t) => t.submittedBy.postal),
    onlineShare: totals.map((t) => t.onlineShare),
    withClerk: totals.map((t) => t.withClerk),
    handoffs: totals.map((t) => t.handoffs),
    medianWaitMinutes: totals.map((t) => t.medianWaitMinutes),
    longestWaitMinutes: totals.map((t) => t.longestWaitMinutes),
    callbacks: totals.map((t) => t.callbacks),
    ratings: totals.map((t) => t.ratings),
    averageRating: totals.map((t) => t.averageRating),
    unanswered: totals.map((t) => t.unanswered),
  };
}

/** One group (a unit, "no unit", or the total) while rows are added: per day and over the range. */
class Group {
  readonly perDay: UnitDayFigures[][];
  readonly whole: UnitDayFigures[] = [];
  overdue = 0;
  dueSoon = 0;

  constructor(
    readonly unitId: string | null,
    readonly name: string,
    dayCount: number,
  ) {
    this.perDay = Array.from({ length: dayCount }, () => []);
  }

  add(row: UnitDayFigures, dayIndex: number): void {
    this.perDay[dayIndex]!.push(row);
    this.whole.push(row);
  }

  view(): DashboardUnit {
    return {
      unitId: this.unitId,
      name: this.name,
      totals: unitTotals(this.whole),
      daily: dailyOf(this.perDay),
      overdue: this.overdue,
      dueSoon: this.dueSoon,
    };
  }
}

/**
 * The dashboard's figures from the store's rows, shaped for charts: per unit, one value per day of the
 * range (days with nothing are zeros, so every series lines up with `days`), the range's totals with
 * the online share, the median and longest wait for a clerk and the average rating, and the dossiers
 * overdue and due soon as of today. Pure: the route reads the store, this only arranges.
 */
export function dashboardFigures(input: DashboardInput): DashboardFigures {
  const days = daysOf(input.range);
  const dayIndex = new Map(days.map((day, i) => [day, i]));
  const groups = new Map<string | null, Group>(
    input.units.map((unit) => [unit.id, new Group(unit.id, unit.name, days.length)]),
  );
  // An unfiltered view also shows what the city's list no longer names (a merged ward) and "no unit".
  const groupOf = (unitId: string | null): Group | null => {
    const found = groups.get(unitId);
    if (found || !input.everyUnit) return found ?? null;
    const made = new Group(unitId, unitId ?? NO_UNIT_NAME, days.length);
    groups.set(unitId, made);
    return made;
  };
  const total = new Group(null, TOTAL_NAME, days.length);
  for (const row of input.rows) {
    const index = dayIndex.get(row.day);
    const group = groupOf(row.unitId);
    if (index === undefined || !group) continue;
    group.add(row, index);
    total.add(row, index);
  }
  for (const dossier of input.due) {
    if (dossier.dueDay > input.dueSoonBy) continue;
    const group = groupOf(dossier.unitId);
    if (!group) continue;
    const field = dossier.dueDay < input.today ? "overdue" : "dueSoon";
    group[field] += 1;
    total[field] += 1;
  }
  const listed = new Set(input.units.map((unit) => unit.id));
  const others = [...groups.values()]
    .filter((group) => group.unitId === null || !listed.has(group.unitId))
    // Other units by id, "no unit" last.
    .sort((a, b) => (a.unitId === null ? 1 : b.unitId === null ? -1 : a.unitId.localeCompare(b.unitId)));
  return {
    from: input.range.from,
    to: input.range.to,
    today: input.today,
    dueSoonBy: input.dueSoonBy,
    days,
    units: [...input.units.map((unit) => groups.get(unit.id)!), ...others].map((group) => group.view()),
    total: total.view(),
    choices: input.choices,
    mayExportFull: input.mayExportFull,
  };
}
