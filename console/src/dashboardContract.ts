/**
 * What `console.js` and `dashboard.js` (the dashboard with Chart.js, loaded when its tab is first opened)
 * share: the dashboard bundle puts a {@link DashboardModule} under {@link DASHBOARD_GLOBAL} when it runs,
 * and the console mounts it in its tab. Types only, besides the name, so neither bundle carries the other.
 */
export const DASHBOARD_GLOBAL = "khaiHoDashboard";

/** Where the dashboard lives in the console, and what it tells it. */
export interface DashboardHost {
  /** The tab's panel, emptied and filled by the dashboard. */
  panel: HTMLElement;
  /** A call answered 401: the session is over. */
  sessionLost(): void;
}

export interface DashboardView {
  /** Reads the figures again for the filters shown. */
  refresh(): void;
}

export interface DashboardModule {
  mount(host: DashboardHost): DashboardView;
}

/** The dashboard bundle's script, served by the console's own server. */
export const DASHBOARD_SCRIPT = "/console-dashboard.js";
