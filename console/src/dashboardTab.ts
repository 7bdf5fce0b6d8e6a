import { h } from "../../widget/shared/dom";
import { DASHBOARD_GLOBAL, DASHBOARD_SCRIPT, type DashboardModule, type DashboardView } from "./dashboardContract";

export const DASHBOARD_TAB_LABEL = "Thống kê";

const TEXTS = {
  title: "Thống kê",
  loading: "Đang tải trang thống kê…",
  failed: "Không tải được trang thống kê. Kiểm tra mạng rồi thử lại.",
  retry: "Thử lại",
};

/**
 * The "Thống kê" tab in the console's first script: only a panel and a loader. The dashboard and
 * Chart.js come as a second script from this server when the tab is first opened, so the queue — what
 * clerks open all day — loads as fast as it did before there were charts.
 */
export class DashboardTab {
  readonly element: HTMLElement;
  private view: DashboardView | null = null;
  private loading: Promise<void> | null = null;

  constructor(private readonly sessionLost: () => void) {
    // Its tab names the panel (WorkspaceTabs): the heading only repeats it for the eye. It scrolls: a tab stop.
    this.element = h("section", { class: "dashboard", tabindex: "0" }, [
      h("h2", { id: "dashboard-title" }, [TEXTS.title]),
    ]);
  }

  /** The tab was opened: the first time, loads and mounts the dashboard; later, shows it as it was left. */
  activate(): void {
    if (this.view || this.loading) return;
    const status = h("p", { class: "dashboard-status", role: "status" }, [TEXTS.loading]);
    this.element.replaceChildren(h("h2", { id: "dashboard-title" }, [TEXTS.title]), status);
    this.loading = loadModule().then(
      (module) => {
        this.view = module.mount({ panel: this.element, sessionLost: this.sessionLost });
        this.loading = null;
      },
      () => {
        this.loading = null;
        const retry = h("button", { type: "button" }, [TEXTS.retry]);
        retry.addEventListener("click", () => this.activate());
        status.replaceChildren(TEXTS.failed, " ", retry);
      },
    );
  }
}

function registered(): DashboardModule | undefined {
  return (window as unknown as Record<string, DashboardModule | undefined>)[DASHBOARD_GLOBAL];
}

/** Adds the dashboard's script once (a classic script: the CSP allows 'self') and waits for it to register. */
function loadModule(): Promise<DashboardModule> {
  const ready = registered();
  if (ready) return Promise.resolve(ready);
  return new Promise((resolve, reject) => {
    const script = h("script", { src: DASHBOARD_SCRIPT, async: true });
    script.addEventListener("load", () => {
      const module = registered();
      if (module) resolve(module);
      else reject(new Error("the dashboard script did not register"));
    });
    script.addEventListener("error", () => {
      // Removed so that "retry" adds it again rather than waiting on a failed element.
      script.remove();
      reject(new Error("the dashboard script did not load"));
    });
    document.head.append(script);
  });
}
