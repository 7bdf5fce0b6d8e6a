import { dashboardFigures, type DashboardInput } from "../../server/dashboard/dashboardFigures";
import { daysOf } from "../../server/deadlines/cityDay";
import { median } from "../../server/reports/unitTotals";
import { daysBetween, parseDashboardQuery } from "../../server/dashboard/dashboardQuery";
import { emptyUnitDay } from "../../server/store/reportFigures";
import type { DossierDue, UnitDayFigures } from "../../server/store/reportStore";

const UNITS = [
  { id: "an-thanh", name: "Phường An Thạnh" },
  { id: "an-loc", name: "Phường An Lộc" },
];

function day(
  date: string,
  unitId: string | null,
  over: Partial<Omit<UnitDayFigures, "day" | "unitId">> = {},
): UnitDayFigures {
  return { ...emptyUnitDay(date, unitId), ...over };
}

function due(unitId: string | null, dueDay: string): DossierDue {
  return { code: `HN-${dueDay}`, procedureId: "dang-ky-khai-tu", unitId, status: "received", dueDay, createdAt: "" };
}

function input(over: Partial<DashboardInput>): DashboardInput {
  return {
    range: { from: "2026-03-01", to: "2026-03-03" },
    today: "2026-03-10",
    dueSoonBy: "2026-03-11",
    units: UNITS,
    everyUnit: true,
    rows: [],
    due: [],
    choices: UNITS,
    mayExportFull: false,
    ...over,
  };
}

describe("the dashboard's figures", () => {
  it("gives every unit one value per day of the range, zeros on days with nothing", () => {
    const figures = dashboardFigures(
      input({ rows: [day("2026-03-02", "an-thanh", { dossiersSubmitted: 2, conversationsStarted: 3 })] }),
    );
    expect(figures.days).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
    expect(figures.units.map((u) => [u.name, u.daily.submitted, u.daily.conversations])).toEqual([
      ["Phường An Thạnh", [0, 2, 0], [0, 3, 0]],
      ["Phường An Lộc", [0, 0, 0], [0, 0, 0]],
    ]);
    expect(figures.units[0]!.daily.onlineShare).toEqual([null, 0, null]);
  });

  it("sums the range per unit and in total: methods, online share, median and longest wait, average rating", () => {
    const figures = dashboardFigures(
      input({
        rows: [
          day("2026-03-01", "an-thanh", {
            dossiersSubmitted: 3,
            submittedBy: { online: 2, counter: 1, postal: 0 },
            handoffsRequested: 2,
            handoffWaitsMs: [4 * 60_000, 20 * 60_000],
            ratings: 2,
            ratingSum: 7,
          }),
          day("2026-03-03", "an-thanh", {
            dossiersSubmitted: 1,
            submittedBy: { online: 1, counter: 0, postal: 0 },
            handoffsRequested: 1,
            handoffWaitsMs: [40_000],
            ratings: 1,
            ratingSum: 5,
          }),
          day("2026-03-02", "an-loc", {
            dossiersSubmitted: 4,
            submittedBy: { online: 1, counter: 1, postal: 2 },
            dossiersWithClerk: 1,
            callbacksRequested: 2,
            questionsUnanswered: 3,
          }),
        ],
      }),
    );
    const [anThanh, anLoc] = figures.units;
    expect(anThanh!.totals).toMatchObject({
      submitted: 4,
      submittedBy: { online: 3, counter: 1, postal: 0 },
      onlineShare: 0.75,
      handoffs: 3,
      medianWaitMinutes: 4,
      longestWaitMinutes: 20,
      ratings: 3,
      averageRating: 4,
    });
    // A 40-second wait is 0.7 minutes, not rounded away.
    expect(anThanh!.daily.medianWaitMinutes).toEqual([12, null, 0.7]);
    expect(anLoc!.totals).toMatchObject({
      onlineShare: 0.25,
      withClerk: 1,
      callbacks: 2,
      unanswered: 3,
      medianWaitMinutes: null,
      averageRating: null,
    });
    expect(figures.total.totals).toMatchObject({
      submitted: 8,
      submittedBy: { online: 4, counter: 2, postal: 2 },
      onlineShare: 0.5,
      medianWaitMinutes: 4,
    });
    expect(figures.total.daily.submitted).toEqual([3, 4, 1]);
  });

  it("counts overdue before today and due soon from today to the next working day, per unit", () => {
    const figures = dashboardFigures(
      input({
        due: [
          due("an-thanh", "2026-03-02"),
          due("an-thanh", "2026-03-09"),
          due("an-thanh", "2026-03-10"),
          due("an-loc", "2026-03-11"),
          // Read by a wider query: not due soon yet.
          due("an-loc", "2026-03-12"),
        ],
      }),
    );
    expect(figures.units.map((u) => [u.unitId, u.overdue, u.dueSoon])).toEqual([
      ["an-thanh", 2, 1],
      ["an-loc", 0, 1],
    ]);
    expect([figures.total.overdue, figures.total.dueSoon]).toEqual([2, 2]);
  });

  it("shows a unit no longer in the city's list and the dossiers of no unit after the units, unfiltered only", () => {
    const rows = [
      day("2026-03-01", "an-lac-cu", { dossiersSubmitted: 1 }),
      day("2026-03-01", null, { dossiersSubmitted: 2 }),
    ];
    const all = dashboardFigures(input({ rows }));
    expect(all.units.map((u) => [u.unitId, u.name])).toEqual([
      ["an-thanh", "Phường An Thạnh"],
      ["an-loc", "Phường An Lộc"],
      ["an-lac-cu", "an-lac-cu"],
      [null, "Chưa chọn phường/xã"],
    ]);
    expect(all.total.totals.submitted).toBe(3);
    const filtered = dashboardFigures(input({ rows, everyUnit: false, units: [UNITS[0]!] }));
    expect(filtered.units.map((u) => u.unitId)).toEqual(["an-thanh"]);
    expect(filtered.total.totals.submitted).toBe(0);
  });

  it("takes the median of an even count as the mean of the middle two", () => {
    expect([median([]), median([3, 1, 2]), median([4, 1, 3, 2])]).toEqual([null, 2, 2.5]);
  });

  it("lists the days of a range across a month's end and a leap day", () => {
    expect(daysOf({ from: "2028-02-28", to: "2028-03-01" })).toEqual(["2028-02-28", "2028-02-29", "2028-03-01"]);
    expect(daysBetween("2026-01-01", "2026-12-31")).toBe(365);
  });
});

describe("the dashboard's query", () => {
  const today = "2026-03-31";
  const admin = { role: "admin" as const, unitIds: [] };
  const clerk = { role: "clerk" as const, unitIds: ["an-thanh"] };
  const unitIds = ["an-thanh", "an-loc"];
  const parse = (query: Record<string, unknown>, user: typeof admin | typeof clerk = admin) =>
    parseDashboardQuery(query, { today, user, unitIds });

  it("defaults to the 30 days up to today, every unit for a supervisor and a clerk's own units for a clerk", () => {
    expect(parse({})).toEqual({ ok: true, query: { range: { from: "2026-03-02", to: today }, unitIds: null } });
    expect(parse({}, clerk)).toEqual({
      ok: true,
      query: { range: { from: "2026-03-02", to: today }, unitIds: ["an-thanh"] },
    });
    expect(parse({ from: "2026-01-01" })).toMatchObject({ query: { range: { from: "2026-01-01", to: today } } });
  });

  it("refuses a day that does not exist, a reversed range and a range over 366 days", () => {
    expect(parse({ from: "2026-02-30" })).toEqual({
      ok: false,
      refusal: { key: "DASHBOARD_RANGE_INVALID.date", params: { name: "from", value: "2026-02-30" } },
    });
    expect(parse({ to: "31/03/2026" })).toMatchObject({ refusal: { params: { name: "to" } } });
    expect(parse({ from: "2026-03-05", to: "2026-03-01" })).toMatchObject({
      refusal: { key: "DASHBOARD_RANGE_INVALID.reversed" },
    });
    expect(parse({ from: "2025-03-30", to: today })).toMatchObject({
      refusal: { key: "DASHBOARD_RANGE_INVALID.tooLong", params: { days: 367 } },
    });
    expect(parse({ from: "2025-03-31", to: today })).toMatchObject({ ok: true });
  });

  it("refuses a unit of the city that is not the clerk's, and a unit the city does not have", () => {
    expect(parse({ units: "an-loc" }, clerk)).toEqual({
      ok: false,
      refusal: { key: "DASHBOARD_UNIT_FORBIDDEN", params: { unit: "an-loc" } },
    });
    expect(parse({ units: "an-thanh,an-loc" }, clerk)).toMatchObject({ ok: false });
    expect(parse({ units: "phuong-9" })).toMatchObject({ refusal: { key: "DASHBOARD_UNIT_UNKNOWN" } });
    expect(parse({ units: ["an-loc", "an-thanh"] })).toMatchObject({ query: { unitIds: ["an-loc", "an-thanh"] } });
  });
});
