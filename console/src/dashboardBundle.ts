/**
 * `dashboard.js`: the "Thống kê" page and Chart.js, loaded by the console when the tab is first opened
 * (`dashboardTab.ts`). Running it only registers the page; the console mounts it in the tab's panel.
 */
import { DASHBOARD_GLOBAL, type DashboardModule } from "./dashboardContract";
import { DashboardPage } from "./dashboardView";

const dashboard: DashboardModule = { mount: (host) => new DashboardPage(host) };
(window as unknown as Record<string, DashboardModule>)[DASHBOARD_GLOBAL] = dashboard;
