import { chartSpecs, unitSummaryTable } from "../../console/src/dashboardChartSpecs";
import { dayLabel, filterQuery, minutesText, percent } from "../../console/src/dashboardFormat";
import { dashboardFigures } from "../../server/dashboard/dashboardFigures";
import { emptyUnitDay } from "../../server/store/reportFigures";

const UNITS = [
  { id: "an-thanh", name: "Phường An Thạnh" },
  { id: "an-loc", name: "Phường An Lộc" },
];

const figures = dashboardFigures({
  range: { from: "2026-03-01", to: "2026-03-02" },
  today: "2026-03-10",
  dueSoonBy: "2026-03-11",
  units: UNITS,
  everyUnit: false,
  rows: [
    {
      ...emptyUnitDay("2026-03-01", "an-thanh"),
      dossiersSubmitted: 4,
      submittedBy: { online: 3, counter: 1, postal: 0 },
      handoffsRequested: 1,
      handoffWaitsMs: [90_000],
      ratings: 2,
      ratingSum: 9,
    },
    {
      ...emptyUnitDay("2026-03-02", "an-loc"),
      dossiersSubmitted: 1,
      submittedBy: { online: 0, counter: 0, postal: 1 },
    },
  ],
  due: [{ code: "HN-1", procedureId: "x", unitId: "an-loc", status: "received", dueDay: "2026-03-02", createdAt: "" }],
  choices: UNITS,
  mayExportFull: false,
});

describe("the dashboard's charts and tables", () => {
  const specs = chartSpecs(figures);
  const spec = (id: string) => specs.find((s) => s.id === id)!;

  it("draws six charts, each with a sentence for screen readers and a table of the same figures", () => {
    expect(specs.map((s) => [s.id, s.config.type])).toEqual([
      ["volumes", "bar"],
      ["share", "line"],
      ["methods", "doughnut"],
      ["handoffs", "bar"],
      ["ratings", "bar"],
      ["due", "bar"],
    ]);
    expect(spec("volumes").summary).toBe("Cột chồng theo đơn vị: 5 hồ sơ trong 2 ngày.");
    expect(spec("volumes").table.rows).toEqual([
      ["01/03/2026", "4", "0", "4"],
      ["02/03/2026", "0", "1", "1"],
    ]);
    expect(spec("volumes").config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ["Phường An Thạnh", [4, 0]],
      ["Phường An Lộc", [0, 1]],
    ]);
  });

  it("leaves a gap in the online share on a day with no dossier, and writes shares the Vietnamese way", () => {
    expect(spec("share").config.data.datasets[0]!.data).toEqual([75, 0]);
    expect(spec("share").table.rows[0]).toEqual(["01/03/2026", "4", "3", "75%"]);
    expect(spec("methods").table.rows).toEqual([
      ["Trực tuyến", "3", "60%"],
      ["Tại quầy", "1", "20%"],
      ["Bưu chính công ích", "1", "20%"],
    ]);
    expect([percent(0.9997), percent(null), minutesText(1.5), dayLabel("2026-03-05")]).toEqual([
      "99,97%",
      "—",
      "1,5 phút",
      "05/03",
    ]);
  });

  it("puts the ratings, the overdue dossiers and the units side by side with a total row", () => {
    expect(spec("ratings").table.rows).toEqual([
      ["Phường An Thạnh", "4,5", "2"],
      ["Phường An Lộc", "—", "0"],
    ]);
    expect(spec("due").table.rows).toEqual([
      ["Phường An Thạnh", "0", "0"],
      ["Phường An Lộc", "1", "0"],
      ["Tổng", "1", "0"],
    ]);
    const summary = unitSummaryTable(figures);
    expect(summary.rows.map((row) => row.slice(0, 4))).toEqual([
      ["Phường An Thạnh", "0", "4", "75%"],
      ["Phường An Lộc", "0", "1", "0%"],
      ["Tổng", "0", "5", "60%"],
    ]);
  });

  it("builds the query of a filter with only what is set", () => {
    expect(filterQuery({ from: "", to: "", unit: "" })).toBe("");
    expect(filterQuery({ from: "2026-03-01", to: "2026-03-31", unit: "an-loc" }, { full: "1" })).toBe(
      "?from=2026-03-01&to=2026-03-31&units=an-loc&full=1",
    );
  });
});
