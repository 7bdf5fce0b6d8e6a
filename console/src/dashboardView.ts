import type { DashboardFigures } from "../../server/console/dashboardProtocol";
import { h } from "../../widget/shared/dom";
import { AuthClient } from "./authClient";
import { chartFigure, type ChartFigure } from "./dashboardCharts";
import { chartSpecs, unitSummaryTable } from "./dashboardChartSpecs";
import type { DashboardHost, DashboardView } from "./dashboardContract";
import {
  count,
  dayLabel,
  decimal,
  type DashboardFilter,
  filterQuery,
  hasActivity,
  minutesText,
  percent,
} from "./dashboardFormat";
import { dashboardTable } from "./dashboardTable";
import { DASHBOARD_TEXTS as T } from "./dashboardTexts";

const API = "/api/console/dashboard";

/**
 * The "Thống kê" page: a date range and a unit (the server decides which units the user may see),
 * tiles with the range's totals, the charts with their tables, the units side by side, and the CSV
 * downloads of what is shown.
 */
export class DashboardPage implements DashboardView {
  private readonly auth = new AuthClient();
  private readonly from: HTMLInputElement;
  private readonly to: HTMLInputElement;
  private readonly unit: HTMLSelectElement;
  private readonly status: HTMLElement;
  private readonly exports: HTMLElement;
  private readonly content: HTMLElement;
  private charts: ChartFigure[] = [];
  private choicesShown = false;
  private serial = 0;

  constructor(private readonly host: DashboardHost) {
    this.from = h("input", { type: "date", id: "dashboard-from", name: "from", required: true });
    this.to = h("input", { type: "date", id: "dashboard-to", name: "to", required: true });
    this.unit = h("select", { id: "dashboard-unit", name: "unit" });
    const form = h("form", { class: "dashboard-filters", "aria-label": T.filtersLabel }, [
      h("label", { for: this.from.id }, [T.from]),
      this.from,
      h("label", { for: this.to.id }, [T.to]),
      this.to,
      h("label", { for: this.unit.id }, [T.unit]),
      this.unit,
      h("button", { type: "submit", class: "primary" }, [T.show]),
    ]);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.refresh();
    });
    this.status = h("p", { class: "dashboard-status", role: "status" });
    this.exports = h("nav", { class: "dashboard-exports", "aria-label": T.exportsLabel });
    this.content = h("div", { class: "dashboard-content" });
    host.panel.replaceChildren(
      h("h2", { id: "dashboard-title" }, [T.title]),
      form,
      this.status,
      this.exports,
      this.content,
    );
    this.refresh();
  }

  refresh(): void {
    void this.load({ from: this.from.value, to: this.to.value, unit: this.unit.value });
  }

  private async load(filter: DashboardFilter): Promise<void> {
    const serial = ++this.serial;
    this.status.textContent = T.loading;
    this.host.panel.setAttribute("aria-busy", "true");
    const result = await this.auth.request<{ figures: DashboardFigures }>("GET", `${API}${filterQuery(filter)}`);
    // A later request was made meanwhile: its answer is the one to show.
    if (serial !== this.serial) return;
    this.host.panel.removeAttribute("aria-busy");
    if (!result.ok) {
      if (result.status === 401) this.host.sessionLost();
      this.status.textContent = result.message;
      return;
    }
    const figures = result.body.figures;
    this.showFilters(figures, filter.unit);
    this.status.textContent = T.loaded(dayLabel(figures.from, true), dayLabel(figures.to, true), figures.days.length);
    this.showExports(figures, { from: figures.from, to: figures.to, unit: filter.unit });
    this.showFigures(figures);
  }

  /** The range the server settled on (its defaults, the first time), and the units it lets this user pick. */
  private showFilters(figures: DashboardFigures, unit: string): void {
    this.from.value = figures.from;
    this.to.value = figures.to;
    if (this.choicesShown) return;
    this.choicesShown = true;
    // One unit (a clerk of one ward): nothing to choose, the select just names it.
    this.unit.replaceChildren(
      h("option", { value: "" }, [figures.choices.length === 1 ? figures.choices[0]!.name : T.allUnits]),
      ...(figures.choices.length > 1 ? figures.choices.map((c) => h("option", { value: c.id }, [c.name])) : []),
    );
    this.unit.value = unit;
  }

  /** Links to the files of exactly what is shown: the browser saves them as they stream in. */
  private showExports(figures: DashboardFigures, filter: DashboardFilter): void {
    const link = (path: string, label: string, extra: Record<string, string> = {}) =>
      h("a", { href: `${API}/${path}${filterQuery(filter, extra)}`, download: "", class: "button-link" }, [label]);
    this.exports.replaceChildren(
      h("span", { class: "exports-label" }, [T.exportsLabel]),
      link("figures.csv", T.exportFigures),
      link("dossiers.csv", T.exportDossiers),
      ...(figures.mayExportFull
        ? [link("dossiers.csv", T.exportFull, { full: "1" }), h("span", { class: "exports-note" }, [T.exportFullNote])]
        : []),
    );
  }

  private showFigures(figures: DashboardFigures): void {
    for (const chart of this.charts) chart.destroy();
    this.charts = [];
    if (!hasActivity(figures)) {
      this.content.replaceChildren(h("p", { class: "dashboard-empty" }, [T.nothing]));
      return;
    }
    this.charts = chartSpecs(figures).map(chartFigure);
    this.content.replaceChildren(
      tiles(figures),
      h(
        "div",
        { class: "charts" },
        this.charts.map((chart) => chart.element),
      ),
      // Wider than a narrow screen: it scrolls sideways, a tab stop under the table's caption.
      h("div", { class: "summary-table", tabindex: "0", "aria-label": T.summary }, [
        dashboardTable(unitSummaryTable(figures)),
      ]),
    );
    // Drawn once in the page: Chart.js sizes each canvas to its box.
    for (const chart of this.charts) chart.draw();
  }
}

/** The range's headline figures, the online share first: the figure the city is judged by. */
function tiles(figures: DashboardFigures): HTMLElement {
  const t = figures.total.totals;
  const tile = (label: string, value: string, detail: string) =>
    h("div", { class: "tile" }, [
      h("dt", {}, [label]),
      h("dd", { class: "tile-value" }, [value]),
      h("dd", { class: "tile-detail" }, [detail]),
    ]);
  return h("dl", { class: "tiles", "aria-label": T.kpiLabel }, [
    tile(T.kpi.onlineShare, percent(t.onlineShare), T.kpi.onlineOf(count(t.submittedBy.online), count(t.submitted))),
    tile(T.kpi.submitted, count(t.submitted), `${count(t.conversations)} ${T.kpi.conversations.toLowerCase()}`),
    tile(
      T.kpi.handoffs,
      count(t.handoffs),
      T.kpi.wait(minutesText(t.medianWaitMinutes), minutesText(t.longestWaitMinutes)),
    ),
    tile(T.kpi.rating, decimal(t.averageRating), T.kpi.ratings(count(t.ratings))),
    tile(
      T.kpi.overdue,
      count(figures.total.overdue),
      T.kpi.dueSoon(count(figures.total.dueSoon), dayLabel(figures.dueSoonBy, true)),
    ),
  ]);
}
