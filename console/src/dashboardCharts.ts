// Chart.js 4 draws the dashboard: bar, line and doughnut charts (and bars with lines on a second axis)
// in one well-kept library, on a canvas — 366 days × 8 units stay one element per chart, where an SVG
// library adds thousands of nodes. uPlot draws lines only; ECharts weighs about three times as much.
// A canvas says nothing to a screen reader, so every chart carries a sentence (role="img") and its
// data table. Only the parts used are registered, so the bundle holds these charts and nothing else.
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import { h } from "../../widget/shared/dom";
import type { ChartSpec } from "./dashboardChartSpecs";
import { dashboardTable } from "./dashboardTable";
import { DASHBOARD_TEXTS as T } from "./dashboardTexts";

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);
// No animation: figures appear at once (no motion for readers it bothers) and a screenshot is the same
// every time. The box around each canvas sets its size, not the canvas's aspect ratio.
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.locale = "vi-VN";
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

/** A chart in its figure, with its sentence, note and table; `draw` once the figure is in the page. */
export interface ChartFigure {
  element: HTMLElement;
  draw(): void;
  destroy(): void;
}

export function chartFigure(spec: ChartSpec): ChartFigure {
  const titleId = `chart-${spec.id}-title`;
  const canvas = h("canvas", { role: "img", "aria-label": `${spec.title}. ${spec.summary}` }, [spec.summary]);
  // The table is always in the page for screen readers (a closed <details> would hide it from them);
  // the button only shows it to the eye as well.
  const data = h("div", { class: "chart-data vh", id: `chart-${spec.id}-data`, "aria-labelledby": titleId }, [
    dashboardTable(spec.table),
  ]);
  const toggle = h(
    "button",
    { type: "button", class: "small link", "aria-controls": data.id, "aria-expanded": "false" },
    [T.showTable],
  );
  toggle.addEventListener("click", () => {
    const shown = data.classList.toggle("vh") === false;
    // Shown, the table scrolls in its box: a tab stop then, never while only a screen reader has it.
    if (shown) data.setAttribute("tabindex", "0");
    else data.removeAttribute("tabindex");
    toggle.setAttribute("aria-expanded", String(shown));
    toggle.textContent = shown ? T.hideTable : T.showTable;
  });
  const element = h("figure", { class: `chart chart-${spec.id}`, "aria-labelledby": titleId }, [
    h("h3", { id: titleId }, [spec.title]),
    h("div", { class: "chart-box" }, [canvas]),
    ...(spec.note ? [h("p", { class: "chart-note" }, [spec.note])] : []),
    toggle,
    data,
  ]);
  let chart: Chart | null = null;
  return {
    element,
    draw() {
      chart ??= new Chart(canvas, spec.config);
    },
    destroy() {
      chart?.destroy();
      chart = null;
    },
  };
}
