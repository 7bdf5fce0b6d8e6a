import type { DailyReportSummary, DailyReportView } from "../../server/console/consoleRestProtocol";
import { h, removeChildren } from "../../widget/shared/dom";
import type { AuthClient } from "./authClient";
import { formatDateTime } from "./dossierListFormat";
import { TEXTS } from "./texts";

const REPORT_TEXTS = {
  title: "Báo cáo ngày (16:00)",
  none: "Chưa có báo cáo nào. Báo cáo được lập lúc 16:00 mỗi ngày (REPORT_CRON), hoặc bằng lệnh npm run report.",
  late: "gửi muộn",
  posting: {
    posted: "Đã gửi nhóm Zalo",
    pending: "Đang chờ gửi",
    not_configured: "Chưa cấu hình nhóm Zalo",
  } satisfies Record<DailyReportSummary["posting"], string>,
  sent: (sent: number, total: number) => `${sent}/${total} tin`,
  chartAlt: (day: string) => `Biểu đồ tỷ lệ nộp trực tuyến và hồ sơ quá hạn theo đơn vị, ngày ${day}`,
  choose: "Chọn một ngày để xem báo cáo.",
  detailLabel: "Nội dung báo cáo",
};

/** "2026-12-04" → "04/12/2026". */
const dayVi = (day: string) => day.split("-").reverse().join("/");

/**
 * The "Báo cáo" view, for supervisors and administrators: the daily reports as made and posted to the
 * leaders' Zalo group, newest first, and the one chosen with its text and chart as the group read them.
 */
export class ReportHistoryView {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly detail: HTMLElement;
  private loaded = false;

  constructor(
    private readonly auth: AuthClient,
    private readonly sessionLost: () => void,
  ) {
    this.list = h("div", { class: "panel-body report-days", tabindex: "0", "aria-labelledby": "report-list-title" });
    this.detail = h(
      "section",
      {
        class: "panel report-detail",
        "aria-live": "polite",
        "aria-label": REPORT_TEXTS.detailLabel,
        tabindex: "0",
      },
      [h("p", { class: "empty" }, [REPORT_TEXTS.choose])],
    );
    this.element = h("div", { class: "report-view" }, [
      h("section", { class: "panel report-list", "aria-labelledby": "report-list-title" }, [
        h("header", { class: "panel-head" }, [h("h2", { id: "report-list-title" }, [REPORT_TEXTS.title])]),
        this.list,
      ]),
      this.detail,
    ]);
  }

  /** The view is shown: the list is read the first time and each time after, as reports come daily. */
  activate(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.loaded) this.list.replaceChildren(h("p", { class: "empty" }, [TEXTS.loading]));
    const result = await this.auth.request<{ reports: DailyReportSummary[] }>("GET", "/api/console/reports");
    if (!result.ok) {
      if (result.status === 401) this.sessionLost();
      this.list.replaceChildren(h("p", { class: "notice notice-error", role: "alert" }, [result.message]));
      return;
    }
    this.loaded = true;
    removeChildren(this.list);
    if (result.body.reports.length === 0) {
      this.list.append(h("p", { class: "empty" }, [REPORT_TEXTS.none]));
      return;
    }
    this.list.append(
      h(
        "ul",
        { class: "report-days-list" },
        result.body.reports.map((report) => {
          const open = h("button", { type: "button", class: "link" }, [dayVi(report.day)]);
          open.addEventListener("click", () => void this.open(report.day));
          return h("li", {}, [
            open,
            " ",
            h("span", { class: `report-posting report-${report.posting}` }, [REPORT_TEXTS.posting[report.posting]]),
            report.late ? h("span", { class: "report-late" }, [` · ${REPORT_TEXTS.late}`]) : "",
          ]);
        }),
      ),
    );
  }

  private async open(day: string): Promise<void> {
    this.detail.replaceChildren(h("p", { class: "empty" }, [TEXTS.loading]));
    const result = await this.auth.request<{ report: DailyReportView }>(
      "GET",
      `/api/console/reports/${encodeURIComponent(day)}`,
    );
    if (!result.ok) {
      if (result.status === 401) this.sessionLost();
      this.detail.replaceChildren(h("p", { class: "notice notice-error", role: "alert" }, [result.message]));
      return;
    }
    const report = result.body.report;
    this.detail.replaceChildren(
      h("header", { class: "panel-head" }, [
        h("h2", {}, [`Báo cáo ngày ${dayVi(report.day)}`]),
        h("p", { class: "panel-sub" }, [
          `${REPORT_TEXTS.posting[report.posting]} (${REPORT_TEXTS.sent(report.sentMessages, report.messages)})` +
            (report.sentAt ? ` · ${formatDateTime(report.sentAt)}` : "") +
            (report.lastError ? ` · ${report.lastError}` : ""),
        ]),
      ]),
      h("pre", { class: "report-text" }, [report.text]),
      report.hasChart
        ? h("img", {
            class: "report-chart",
            src: `/api/console/reports/${encodeURIComponent(report.day)}/chart.png`,
            alt: REPORT_TEXTS.chartAlt(dayVi(report.day)),
          })
        : "",
    );
  }
}
