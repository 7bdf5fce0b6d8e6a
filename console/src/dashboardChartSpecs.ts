import type { ChartConfiguration } from "chart.js";
import type { DashboardFigures, DashboardUnit } from "../../server/console/dashboardProtocol";
import { count, dayLabel, decimal, minutesText, percent, type TableModel } from "./dashboardFormat";
import { DASHBOARD_TEXTS as T } from "./dashboardTexts";

/** One chart of the page: its title, a sentence for screen readers, Chart.js's configuration, and its table. */
export interface ChartSpec {
  id: string;
  title: string;
  summary: string;
  config: ChartConfiguration;
  table: TableModel;
  /** Said under the chart (what the figures are counted against). */
  note?: string;
}

// Okabe and Ito's palette, told apart by people with any colour-vision deficiency; its yellow is
// darkened to stay readable on white. Units beyond eight, and "no unit", are grey.
const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8C6D1F", "#332288"];
const GREY = "#8A8A8A";
const colourOf = (unit: DashboardUnit, index: number) => (unit.unitId === null ? GREY : (PALETTE[index] ?? GREY));

const nil = (value: number | null) => (value === null ? T.none : decimal(value));

function volumes(f: DashboardFigures): ChartSpec {
  return {
    id: "volumes",
    title: T.volumes,
    summary: T.volumesSummary(count(f.total.totals.submitted), f.days.length),
    config: {
      type: "bar",
      data: {
        labels: f.days.map((d) => dayLabel(d)),
        datasets: f.units.map((unit, i) => ({
          label: unit.name,
          data: unit.daily.submitted,
          backgroundColor: colourOf(unit, i),
          stack: "units",
        })),
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    },
    table: {
      caption: T.volumes,
      columns: [T.day, ...f.units.map((u) => u.name), T.total],
      rows: f.days.map((day, i) => [
        dayLabel(day, true),
        ...f.units.map((u) => count(u.daily.submitted[i]!)),
        count(f.total.daily.submitted[i]!),
      ]),
    },
  };
}

function share(f: DashboardFigures): ChartSpec {
  const daily = f.total.daily;
  return {
    id: "share",
    title: T.share,
    summary: T.shareSummary(percent(f.total.totals.onlineShare)),
    config: {
      type: "line",
      data: {
        labels: f.days.map((d) => dayLabel(d)),
        datasets: [
          {
            label: T.shareAxis,
            // A day with no dossier has no share: a gap in the line, not a fall to zero.
            data: daily.onlineShare.map((s) => (s === null ? null : Math.round(s * 1000) / 10)),
            borderColor: PALETTE[0],
            backgroundColor: PALETTE[0],
            pointRadius: f.days.length > 62 ? 0 : 3,
            spanGaps: false,
          },
        ],
      },
      options: {
        scales: { y: { min: 0, max: 100, ticks: { callback: (value) => `${value}%` } } },
        plugins: { legend: { display: false } },
      },
    },
    table: {
      caption: T.share,
      columns: [T.day, T.submittedColumn, T.onlineColumn, T.shareColumn],
      rows: f.days.map((day, i) => [
        dayLabel(day, true),
        count(daily.submitted[i]!),
        count(daily.online[i]!),
        percent(daily.onlineShare[i]!),
      ]),
    },
  };
}

function methods(f: DashboardFigures): ChartSpec {
  const by = f.total.totals.submittedBy;
  const submitted = f.total.totals.submitted;
  const names = T.methodNames;
  const part = (n: number) => (submitted > 0 ? percent(n / submitted) : T.none);
  return {
    id: "methods",
    title: T.methods,
    summary: T.methodsSummary(count(by.online), count(by.counter), count(by.postal)),
    config: {
      type: "doughnut",
      data: {
        labels: [names.online, names.counter, names.postal],
        datasets: [
          { data: [by.online, by.counter, by.postal], backgroundColor: [PALETTE[0]!, PALETTE[1]!, PALETTE[2]!] },
        ],
      },
      options: { plugins: { legend: { position: "bottom" } } },
    },
    table: {
      caption: T.methods,
      columns: ["", T.countColumn, T.shareColumn],
      rows: [
        [names.online, count(by.online), part(by.online)],
        [names.counter, count(by.counter), part(by.counter)],
        [names.postal, count(by.postal), part(by.postal)],
      ],
    },
  };
}

function handoffs(f: DashboardFigures): ChartSpec {
  const daily = f.total.daily;
  const totals = f.total.totals;
  return {
    id: "handoffs",
    title: T.handoffs,
    summary: T.handoffsSummary(
      count(totals.handoffs),
      minutesText(totals.medianWaitMinutes),
      minutesText(totals.longestWaitMinutes),
    ),
    config: {
      type: "bar",
      data: {
        labels: f.days.map((d) => dayLabel(d)),
        datasets: [
          { type: "bar", label: T.handoffsColumn, data: daily.handoffs, backgroundColor: PALETTE[4], yAxisID: "y" },
          {
            type: "line",
            label: T.medianColumn,
            data: daily.medianWaitMinutes,
            borderColor: PALETTE[5],
            backgroundColor: PALETTE[5],
            yAxisID: "minutes",
            spanGaps: true,
          },
          {
            type: "line",
            label: T.longestColumn,
            data: daily.longestWaitMinutes,
            borderColor: PALETTE[7],
            backgroundColor: PALETTE[7],
            borderDash: [4, 4],
            yAxisID: "minutes",
            spanGaps: true,
          },
        ],
      },
      options: {
        scales: {
          y: { beginAtZero: true, position: "left", ticks: { precision: 0 } },
          minutes: {
            beginAtZero: true,
            position: "right",
            title: { display: true, text: T.minutesAxis },
            grid: { drawOnChartArea: false },
          },
        },
      },
    },
    table: {
      caption: T.handoffs,
      columns: [T.day, T.handoffsColumn, T.medianColumn, T.longestColumn],
      rows: f.days.map((day, i) => [
        dayLabel(day, true),
        count(daily.handoffs[i]!),
        nil(daily.medianWaitMinutes[i]!),
        nil(daily.longestWaitMinutes[i]!),
      ]),
    },
  };
}

function ratings(f: DashboardFigures): ChartSpec {
  const rated = f.units.filter((u) => u.totals.averageRating !== null);
  const best = [...rated].sort((a, b) => b.totals.averageRating! - a.totals.averageRating!)[0];
  return {
    id: "ratings",
    title: T.ratings,
    summary: T.ratingsSummary(best ? `${best.name} ${decimal(best.totals.averageRating)}` : T.none),
    config: {
      type: "bar",
      data: {
        labels: f.units.map((u) => u.name),
        datasets: [
          {
            label: T.ratingColumn,
            data: f.units.map((u) => u.totals.averageRating),
            backgroundColor: f.units.map(colourOf),
          },
        ],
      },
      options: {
        indexAxis: "y",
        scales: { x: { min: 0, max: 5 } },
        plugins: { legend: { display: false } },
      },
    },
    table: {
      caption: T.ratings,
      columns: [T.unitColumn, T.ratingColumn, T.ratingsColumn],
      rows: f.units.map((u) => [u.name, nil(u.totals.averageRating), count(u.totals.ratings)]),
    },
  };
}

function due(f: DashboardFigures): ChartSpec {
  return {
    id: "due",
    title: T.due,
    summary: T.dueSummary(count(f.total.overdue), count(f.total.dueSoon)),
    note: T.dueNote(dayLabel(f.today, true)),
    config: {
      type: "bar",
      data: {
        labels: f.units.map((u) => u.name),
        datasets: [
          { label: T.overdueColumn, data: f.units.map((u) => u.overdue), backgroundColor: "#C0392B", stack: "due" },
          { label: T.dueSoonColumn, data: f.units.map((u) => u.dueSoon), backgroundColor: "#E69F00", stack: "due" },
        ],
      },
      options: {
        indexAxis: "y",
        scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } },
      },
    },
    table: {
      caption: T.due,
      columns: [T.unitColumn, T.overdueColumn, T.dueSoonColumn],
      rows: [
        ...f.units.map((u) => [u.name, count(u.overdue), count(u.dueSoon)]),
        [T.total, count(f.total.overdue), count(f.total.dueSoon)],
      ],
    },
  };
}

/**
 * The page's charts from the server's figures, in reading order: what was filed per unit and day, how
 * much of it online, how it was filed, the help asked of clerks and the waits, the ratings, the dossiers
 * late. Pure: the same figures give the same charts and tables.
 */
export function chartSpecs(figures: DashboardFigures): ChartSpec[] {
  return [volumes(figures), share(figures), methods(figures), handoffs(figures), ratings(figures), due(figures)];
}

/** The table of the units side by side, under the charts: what the 16:00 report names per unit. */
export function unitSummaryTable(f: DashboardFigures): TableModel {
  const c = T.summaryColumns;
  const row = (u: DashboardUnit) => [
    u.name,
    count(u.totals.conversations),
    count(u.totals.submitted),
    percent(u.totals.onlineShare),
    count(u.totals.withClerk),
    count(u.totals.handoffs),
    minutesText(u.totals.medianWaitMinutes),
    nil(u.totals.averageRating),
    count(u.totals.unanswered),
    count(u.overdue),
  ];
  return {
    caption: T.summary,
    columns: [
      T.unitColumn,
      c.conversations,
      c.submitted,
      c.share,
      c.withClerk,
      c.handoffs,
      c.median,
      c.rating,
      c.unanswered,
      c.overdue,
    ],
    rows: [...f.units.map(row), row({ ...f.total, name: T.total })],
  };
}
