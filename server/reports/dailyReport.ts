import type { Unit } from "../../flows/units";
import { addDays, type CityDay } from "../deadlines/cityDay";
import type { WorkingCalendar } from "../deadlines/workingCalendar";
import type { ReportStore, UnitDayFigures } from "../store/reportStore";
import { type UnitTotals, unitTotals } from "./unitTotals";

/** When a unit is named for correction in the report. */
export interface ReportThresholds {
  /** More overdue dossiers than this. */
  maxOverdue: number;
  /** A median wait for a clerk longer than this, in minutes. */
  maxMedianWaitMinutes: number;
  /** A share of dossiers submitted online below this (0–1), once the unit has dossiers. */
  minOnlineShare: number;
  /** An average rating below this (1–5), once the unit has ratings. */
  minRating: number;
}

/** One unit's (or the city's) part of the report: its totals of the day, and what the leaders are told. */
export interface UnitReport extends UnitTotals {
  unitId: string | null;
  name: string;
  /** Call backs asked for and still not answered, now. */
  callbacksOpen: number;
  /** Open dossiers due on the report's day or the next working day. */
  dueSoon: number;
  /** Open dossiers whose due day is before the report's day. */
  overdue: number;
  /** What the leaders are asked to correct, in Vietnamese ("3 hồ sơ quá hạn"). Empty: nothing. */
  problems: string[];
}

export interface DailyReport {
  day: CityDay;
  /** The units of the city, ranked best first; then the conversations that chose no unit, if any. */
  units: UnitReport[];
  city: UnitReport;
  /** The unit praised: the best ranked one with dossiers and nothing to correct. */
  best: UnitReport | null;
  flagged: UnitReport[];
  /** What citizens asked that the assistant could not answer, most asked first, personal numbers masked. */
  topQuestions: { text: string; count: number }[];
}

const TOP_QUESTIONS = 5;
const QUESTIONS_READ = 2_000;
const DUE_READ = 100_000;

/** "8,5" — Vietnamese writes a decimal comma. */
const decimalVi = (value: number) => value.toLocaleString("vi-VN", { maximumFractionDigits: 1 });

/** "99,97%" — Vietnamese writes a decimal comma. */
export function percentVi(share: number): string {
  const value = Math.round(share * 10_000) / 100;
  return `${value.toLocaleString("vi-VN", { maximumFractionDigits: 2 })}%`;
}

function unitReport(
  name: string,
  unitId: string | null,
  rows: readonly UnitDayFigures[],
  extra: { callbacksOpen: number; dueSoon: number; overdue: number },
  thresholds: ReportThresholds,
): UnitReport {
  const report: UnitReport = { unitId, name, ...unitTotals(rows), ...extra, problems: [] };
  const problems = report.problems;
  if (report.overdue > thresholds.maxOverdue) problems.push(`${report.overdue} hồ sơ quá hạn`);
  if (report.medianWaitMinutes !== null && report.medianWaitMinutes > thresholds.maxMedianWaitMinutes)
    problems.push(
      `chờ cán bộ trung vị ${decimalVi(report.medianWaitMinutes)} phút ` +
        `(lâu nhất ${decimalVi(report.longestWaitMinutes!)} phút)`,
    );
  if (report.onlineShare !== null && report.onlineShare < thresholds.minOnlineShare)
    problems.push(`tỷ lệ nộp trực tuyến ${percentVi(report.onlineShare)}`);
  if (report.averageRating !== null && report.averageRating < thresholds.minRating)
    problems.push(`hài lòng ${decimalVi(report.averageRating)}/5`);
  if (report.callbacksOpen > 0) problems.push(`${report.callbacksOpen} yêu cầu gọi lại chưa xử lý`);
  return report;
}

/** Best first: the higher online share, then fewer overdue, then more dossiers; units with no dossiers last. */
function rank(a: UnitReport, b: UnitReport): number {
  return (
    (b.onlineShare ?? -1) - (a.onlineShare ?? -1) ||
    a.overdue - b.overdue ||
    b.submitted - a.submitted ||
    a.name.localeCompare(b.name, "vi")
  );
}

/** "Lệ phí khai sinh bao nhiêu?" and "lệ phí khai sinh bao nhiêu" are one question. */
function questionKey(text: string): string {
  return text
    .normalize("NFC")
    .toLocaleLowerCase("vi")
    .replace(/[?!.,;:…]+$/u, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The day's report: per unit, what the city office reports to the leaders at 16:00 — conversations,
 * dossiers and how they were submitted, the online share, dossiers completed with a clerk's help, handoffs
 * and their waits, open call backs, dossiers due soon and overdue, the average rating, questions the
 * assistant could not answer — then the city's total, the units ranked, the best praised and those under
 * the thresholds named with what is wrong. Read from the store only: any day can be reported again.
 */
export async function buildDailyReport(
  store: ReportStore,
  units: readonly Unit[],
  day: CityDay,
  calendar: WorkingCalendar,
  thresholds: ReportThresholds,
): Promise<DailyReport> {
  const range = { from: day, to: day };
  const [rows, callbacks, due, questions] = await Promise.all([
    store.unitDayFigures(range, null),
    store.openCallbacks(null),
    store.dossiersDueBy({ unitIds: null, dueBy: calendar.addWorkingDays(addDays(day, 1), 0), limit: DUE_READ }),
    store.unansweredQuestions(range, null, QUESTIONS_READ),
  ]);
  const extraOf = (unitId: string | null) => ({
    callbacksOpen: callbacks.filter((c) => c.unitId === unitId).reduce((sum, c) => sum + c.count, 0),
    dueSoon: due.filter((d) => d.unitId === unitId && d.dueDay >= day).length,
    overdue: due.filter((d) => d.unitId === unitId && d.dueDay < day).length,
  });
  const known = new Set(units.map((u) => u.id));
  const ranked = units
    .map((unit) =>
      unitReport(
        unit.nameVi,
        unit.id,
        rows.filter((r) => r.unitId === unit.id),
        extraOf(unit.id),
        thresholds,
      ),
    )
    .sort(rank);
  const unassignedRows = rows.filter((r) => r.unitId === null || !known.has(r.unitId));
  const reports = [...ranked];
  if (unassignedRows.length > 0)
    reports.push(unitReport("Chưa chọn phường/xã", null, unassignedRows, extraOf(null), thresholds));
  const city = unitReport(
    "Toàn thành phố",
    null,
    rows,
    {
      callbacksOpen: callbacks.reduce((sum, c) => sum + c.count, 0),
      dueSoon: due.filter((d) => d.dueDay >= day).length,
      overdue: due.filter((d) => d.dueDay < day).length,
    },
    thresholds,
  );
  const counts = new Map<string, { text: string; count: number }>();
  for (const question of questions) {
    const key = questionKey(question.text);
    const entry = counts.get(key) ?? { text: question.text.trim(), count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return {
    day,
    units: reports,
    city,
    best: ranked.find((u) => u.submitted > 0 && u.problems.length === 0) ?? null,
    flagged: ranked.filter((u) => u.problems.length > 0),
    topQuestions: [...counts.values()]
      .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, "vi"))
      .slice(0, TOP_QUESTIONS),
  };
}
