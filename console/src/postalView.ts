import type { PostalList, PostalRow } from "../../server/console/postalProtocol";
import { h, removeChildren } from "../../widget/shared/dom";
import { openDialog } from "./actionDialog";
import type { AuthClient } from "./authClient";
import { formatDateTime } from "./dossierListFormat";
import { PostalApi, type PostalQuery } from "./postalApi";
import { POSTAL_MOVE_LABELS, POSTAL_STATUS_LABELS, POSTAL_TEXTS } from "./postalTexts";

/** Set on `<html>` while this view is the one shown: the print stylesheet prints the list alone then. */
const SHOWN_CLASS = "postal-shown";

type Listing =
  { kind: "idle" } | { kind: "loading" } | { kind: "failed"; message: string } | { kind: "list"; list: PostalList };

/**
 * The "Bưu chính" view: the postal list of a day and unit (the server decides whose), each errand's status moved on
 * by a button (the citizen is told in their chat), printed as a clean A4 list for the post office (console/postal.css,
 * `@media print`), or downloaded as CSV.
 */
export class PostalView {
  readonly element: HTMLElement;
  private readonly api: PostalApi;
  private readonly day: HTMLInputElement;
  private readonly unit: HTMLSelectElement;
  private readonly unitField: HTMLElement;
  private readonly csv: HTMLAnchorElement;
  private readonly count: HTMLElement;
  private readonly status: HTMLElement;
  private readonly printHead: HTMLElement;
  private readonly results: HTMLElement;
  private listing: Listing = { kind: "idle" };
  private serial = 0;

  constructor(
    auth: AuthClient,
    private readonly sessionLost: () => void,
  ) {
    this.api = new PostalApi(auth);
    this.day = h("input", { type: "date", id: "postal-day", name: "day", required: true });
    this.unit = h("select", { id: "postal-unit", name: "unit" });
    this.unitField = h("span", { class: "postal-field", hidden: true }, [
      h("label", { for: this.unit.id }, [POSTAL_TEXTS.unit]),
      this.unit,
    ]);
    this.day.addEventListener("change", () => void this.load());
    this.unit.addEventListener("change", () => void this.load());
    const print = h("button", { type: "button", class: "primary" }, [POSTAL_TEXTS.print]);
    print.addEventListener("click", () => window.print());
    this.csv = h("a", { class: "button", href: this.api.csvUrl(this.query()), download: "" }, [POSTAL_TEXTS.csv]);
    const filters = h("form", { class: "postal-filters", "aria-label": POSTAL_TEXTS.filters }, [
      h("span", { class: "postal-field" }, [h("label", { for: this.day.id }, [POSTAL_TEXTS.day]), this.day]),
      this.unitField,
      h("span", { class: "postal-actions" }, [print, this.csv]),
    ]);
    filters.addEventListener("submit", (event) => event.preventDefault());
    this.count = h("p", { class: "panel-sub", id: "postal-count", role: "status" });
    this.status = h("p", { class: "vh", "aria-live": "polite" });
    this.printHead = h("div", { class: "print-only postal-print-head" });
    this.results = h("div", { class: "panel-body postal-results", tabindex: "0", "aria-labelledby": "postal-title" });
    this.element = h("section", { class: "panel postal-view", "aria-labelledby": "postal-title" }, [
      h("header", { class: "panel-head" }, [h("h2", { id: "postal-title" }, [POSTAL_TEXTS.title]), this.count]),
      filters,
      this.printHead,
      this.results,
      this.status,
    ]);
    this.render();
  }

  /** Told of every tab change: the first time it is shown, the view loads today's list. */
  selected(shown: boolean): void {
    document.documentElement.classList.toggle(SHOWN_CLASS, shown);
    if (shown && this.listing.kind === "idle") void this.load();
  }

  private query(): PostalQuery {
    return { day: this.day.value, unit: this.unit.value };
  }

  /** The latest request wins over any still under way; a reload after a move keeps the rows until it answers. */
  private async load(): Promise<void> {
    const serial = ++this.serial;
    if (this.listing.kind !== "list") this.listing = { kind: "loading" };
    this.render();
    const result = await this.api.list(this.query());
    if (serial !== this.serial) return;
    if (!result.ok && result.status === 401) this.sessionLost();
    this.listing = result.ok ? { kind: "list", list: result.body } : { kind: "failed", message: result.message };
    if (result.ok) this.showFilters(result.body);
    this.render();
  }

  /** The day the server listed (today, when none was chosen) and the units this user may choose from. */
  private showFilters(list: PostalList): void {
    this.day.value = list.day;
    if (this.unit.options.length === 0 && list.units.length > 1) {
      // For a clerk of several units, "every unit" means every one of theirs: the server shows no other.
      this.unit.append(
        h("option", { value: "" }, [POSTAL_TEXTS.allUnits]),
        ...list.units.map((unit) => h("option", { value: unit.id }, [unit.name])),
      );
      this.unitField.hidden = false;
    }
    this.unit.value = list.unitId ?? "";
    this.csv.href = this.api.csvUrl({ day: list.day, unit: list.unitId ?? "" });
  }

  private render(): void {
    removeChildren(this.results);
    removeChildren(this.printHead);
    const listing = this.listing;
    this.count.textContent =
      listing.kind === "list" ? POSTAL_TEXTS.count(listing.list.rows.length, carried(listing.list)) : "";
    if (listing.kind === "idle" || listing.kind === "loading") {
      this.results.append(h("p", { class: "empty" }, [POSTAL_TEXTS.loading]));
      return;
    }
    if (listing.kind === "failed") {
      this.results.append(h("p", { class: "notice notice-error", role: "alert" }, [listing.message]));
      return;
    }
    const { list } = listing;
    this.printHead.append(...printHead(list));
    if (list.truncated) this.results.append(h("p", { class: "notice notice-info" }, [POSTAL_TEXTS.truncated]));
    if (list.rows.length === 0) {
      this.results.append(h("p", { class: "empty" }, [POSTAL_TEXTS.none]));
      return;
    }
    const { columns } = POSTAL_TEXTS;
    const headings = [
      columns.index,
      columns.code,
      columns.citizen,
      columns.address,
      columns.phone,
      columns.window,
      columns.errand,
      columns.status,
    ];
    this.results.append(
      h("table", { class: "postal-table", "aria-labelledby": "postal-title", "aria-describedby": "postal-count" }, [
        h("thead", {}, [
          h("tr", {}, [
            ...headings.map((name) => h("th", { scope: "col" }, [name])),
            h("th", { scope: "col", class: "screen-only" }, [columns.action]),
            h("th", { scope: "col", class: "print-only" }, [columns.signature]),
          ]),
        ]),
        h(
          "tbody",
          {},
          list.rows.map((row, index) => this.row(row, index)),
        ),
      ]),
      h("div", { class: "print-only postal-signatures" }, [
        h("p", {}, [h("strong", {}, [POSTAL_TEXTS.handOver]), h("br"), POSTAL_TEXTS.signHint]),
        h("p", {}, [h("strong", {}, [POSTAL_TEXTS.postman]), h("br"), POSTAL_TEXTS.signHint]),
      ]),
    );
  }

  private row(row: PostalRow, index: number): HTMLTableRowElement {
    const errand: (Node | string)[] = [];
    if (row.pickUp)
      errand.push(
        h("p", {}, [h("strong", {}, [POSTAL_TEXTS.collect])]),
        h(
          "ul",
          { class: "postal-papers" },
          row.toCollect.map((paper) => h("li", {}, [paper])),
        ),
      );
    if (row.toDeliver) errand.push(h("p", {}, [h("strong", {}, [POSTAL_TEXTS.deliver]), ` ${row.toDeliver}`]));
    return h("tr", { class: row.carriedOver ? "carried" : "" }, [
      h("td", { class: "num" }, [String(index + 1)]),
      h("th", { scope: "row" }, [
        h("span", { class: "code" }, [row.code]),
        h("span", { class: "sub" }, [row.procedureName ?? ""]),
      ]),
      h("td", {}, [
        row.name ?? "",
        ...(row.idNumberMasked ? [h("span", { class: "sub" }, [POSTAL_TEXTS.idNumber(row.idNumberMasked)])] : []),
      ]),
      h("td", {}, [row.address ?? ""]),
      h("td", { class: "phone" }, [row.phone ?? ""]),
      h("td", {}, [row.timeWindow ?? ""]),
      h("td", { class: "errand" }, errand),
      h("td", {}, [
        h("span", { class: `postal-badge postal-${row.status}` }, [row.statusText]),
        ...(row.carriedOver
          ? [h("span", { class: "sub" }, [`${POSTAL_TEXTS.carriedOver} (${formatDateTime(row.createdAt)})`])]
          : []),
      ]),
      h("td", { class: "screen-only" }, [this.moveButton(row)]),
      h("td", { class: "print-only signature" }),
    ]);
  }

  private moveButton(row: PostalRow): Node {
    if (row.next === null) return h("span", { class: "sub" }, [POSTAL_TEXTS.lastStep]);
    const next = row.next;
    const label = POSTAL_MOVE_LABELS[next];
    const button = h(
      "button",
      { type: "button", class: "small", "aria-label": POSTAL_TEXTS.moveLabel(label, row.code) },
      [label],
    );
    if (row.waitingForResult) {
      button.disabled = true;
      return h("span", {}, [button, h("span", { class: "sub" }, [POSTAL_TEXTS.waitingForResult])]);
    }
    button.addEventListener("click", () =>
      openDialog({
        title: POSTAL_TEXTS.confirmTitle(row.code, POSTAL_STATUS_LABELS[next]),
        intro: POSTAL_TEXTS.confirmIntro,
        confirmLabel: POSTAL_TEXTS.confirm,
        confirm: async () => {
          const result = await this.api.move(row.code, next);
          if (!result.ok) {
            if (result.status === 401) this.sessionLost();
            return result.message;
          }
          this.status.textContent = POSTAL_TEXTS.moved(row.code, result.body.statusText);
          await this.load();
          return null;
        },
      }),
    );
    return button;
  }
}

function carried(list: PostalList): number {
  return list.rows.filter((row) => row.carriedOver).length;
}

/** The printout's heading: what, which unit, which day, how many errands, when printed. */
function printHead(list: PostalList): Node[] {
  const unit =
    list.units.find((u) => u.id === list.unitId)?.name ??
    (list.units.length === 1 ? list.units[0]!.name : POSTAL_TEXTS.allUnits);
  const [year, month, date] = list.day.split("-");
  return [
    h("h1", {}, [POSTAL_TEXTS.printTitle]),
    h("p", {}, [`${unit} · ${POSTAL_TEXTS.dayLine(`${date}/${month}/${year}`)}`]),
    h("p", {}, [
      `${POSTAL_TEXTS.summary(
        list.rows.filter((row) => row.pickUp).length,
        list.rows.filter((row) => row.deliver).length,
      )} · ${POSTAL_TEXTS.printedAt(formatDateTime(new Date().toISOString()))}`,
    ]),
  ];
}
