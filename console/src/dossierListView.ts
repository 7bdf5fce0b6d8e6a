import type { DossierSummary } from "../../server/console/consoleRestProtocol";
import { h, removeChildren } from "../../widget/shared/dom";
import type { AuthClient } from "./authClient";
import { DossierApi } from "./dossierApi";
import { DossierDetailPanel, statusBadge } from "./dossierDetail";
import { formatDateTime } from "./dossierListFormat";
import { DOSSIER_TEXTS } from "./dossierListTexts";
import { TEXTS } from "./texts";

export interface DossierListDeps {
  auth: AuthClient;
  userId(): string;
  /** A call answered 401: the session is over. */
  sessionLost(): void;
}

type Listing =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "failed"; message: string }
  | { kind: "list"; query: string; rows: DossierSummary[] };

/**
 * The "Hồ sơ" view: submitted dossiers of the clerk's units, searched by receipt code, phone
 * or name (the server decides what matches and whose they are), and the one opened beside them.
 */
export class DossierListView {
  readonly element: HTMLElement;
  private readonly api: DossierApi;
  private readonly sessionLost: () => void;
  private readonly input: HTMLInputElement;
  private readonly count: HTMLElement;
  private readonly results: HTMLElement;
  private readonly detail: DossierDetailPanel;
  private listing: Listing = { kind: "idle" };
  private serial = 0;

  constructor(deps: DossierListDeps) {
    this.api = new DossierApi(deps.auth);
    this.sessionLost = deps.sessionLost;
    this.detail = new DossierDetailPanel({
      api: this.api,
      userId: deps.userId,
      sessionLost: deps.sessionLost,
      moved: () => void this.search(this.query(), false),
    });
    this.input = h("input", {
      type: "search",
      id: "dossier-query",
      name: "query",
      maxlength: "200",
      autocomplete: "off",
      spellcheck: "false",
      placeholder: DOSSIER_TEXTS.searchPlaceholder,
      "aria-describedby": "dossier-query-hint",
    });
    const form = h("form", { class: "dossier-search", role: "search", "aria-label": DOSSIER_TEXTS.searchLabel }, [
      h("label", { for: this.input.id }, [DOSSIER_TEXTS.searchLabel]),
      h("span", { class: "search-row" }, [
        this.input,
        h("button", { type: "submit", class: "primary" }, [DOSSIER_TEXTS.search]),
      ]),
      h("p", { class: "hint", id: "dossier-query-hint" }, [DOSSIER_TEXTS.searchHint]),
    ]);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.search(this.input.value.trim(), true);
    });
    this.count = h("p", { class: "panel-sub", id: "dossier-count", role: "status" });
    this.results = h("div", {
      class: "panel-body dossier-results",
      tabindex: "0",
      "aria-labelledby": "dossier-list-title",
    });
    const list = h("section", { class: "panel dossier-list", "aria-labelledby": "dossier-list-title" }, [
      h("header", { class: "panel-head" }, [
        h("h2", { id: "dossier-list-title" }, [DOSSIER_TEXTS.listTitle]),
        this.count,
      ]),
      form,
      this.results,
    ]);
    this.element = h("div", { class: "dossier-view" }, [list, this.detail.element]);
    this.render();
  }

  /** The view is shown: the first time, it lists the newest dossiers. */
  activate(): void {
    if (this.listing.kind === "idle") void this.search("", false);
  }

  /** Opens a dossier by its code (from a conversation's draft), with the list searched for it. */
  show(code: string): void {
    this.input.value = code;
    void this.search(code, true);
    void this.detail.open(code, true);
  }

  private query(): string {
    return this.listing.kind === "list" ? this.listing.query : this.input.value.trim();
  }

  /**
   * `fresh`: a new search, shown from empty; a refresh after a status change keeps the rows in
   * place until the new ones come. The latest search wins over any still under way.
   */
  private async search(query: string, fresh: boolean): Promise<void> {
    const serial = ++this.serial;
    if (fresh || this.listing.kind !== "list") this.listing = { kind: "loading" };
    this.render();
    const result = await this.api.search(query);
    if (serial !== this.serial) return;
    if (!result.ok && result.status === 401) this.sessionLost();
    this.listing = result.ok ? { kind: "list", query, rows: result.body } : { kind: "failed", message: result.message };
    this.render();
  }

  private render(): void {
    removeChildren(this.results);
    const listing = this.listing;
    this.count.textContent =
      listing.kind === "list"
        ? listing.query
          ? DOSSIER_TEXTS.found(listing.rows.length, listing.query)
          : DOSSIER_TEXTS.latest(listing.rows.length)
        : listing.kind === "loading"
          ? DOSSIER_TEXTS.searching
          : "";
    if (listing.kind === "loading" || listing.kind === "idle") {
      this.results.append(h("p", { class: "empty" }, [TEXTS.loading]));
      return;
    }
    if (listing.kind === "failed") {
      this.results.append(h("p", { class: "notice notice-error", role: "alert" }, [listing.message]));
      return;
    }
    if (listing.rows.length === 0) {
      this.results.append(
        h("p", { class: "empty" }, [listing.query ? DOSSIER_TEXTS.noneFound(listing.query) : DOSSIER_TEXTS.noneYet]),
      );
      return;
    }
    const { columns } = DOSSIER_TEXTS;
    const head = h("thead", {}, [
      h(
        "tr",
        {},
        [columns.code, columns.procedure, columns.unit, columns.status, columns.updated].map((name) =>
          h("th", { scope: "col" }, [name]),
        ),
      ),
    ]);
    this.results.append(
      h(
        "table",
        { class: "dossier-table", "aria-labelledby": "dossier-list-title", "aria-describedby": "dossier-count" },
        [
          head,
          h(
            "tbody",
            {},
            listing.rows.map((row) => this.row(row)),
          ),
        ],
      ),
    );
  }

  private row(dossier: DossierSummary): HTMLTableRowElement {
    const open = h(
      "button",
      { type: "button", class: "link code", "aria-label": DOSSIER_TEXTS.openLabel(dossier.code) },
      [dossier.code],
    );
    const current = dossier.code === this.detail.code;
    if (current) open.setAttribute("aria-current", "true");
    const row = h("tr", { class: current ? "current" : "" }, [
      h("th", { scope: "row" }, [open]),
      h("td", {}, [dossier.procedureName ?? dossier.procedureId]),
      h("td", {}, [dossier.unitName ?? dossier.unitId ?? TEXTS.noUnit]),
      h("td", {}, [statusBadge(dossier.status), ...dueBadge(dossier)]),
      h("td", { class: "time" }, [formatDateTime(dossier.updatedAt)]),
    ]);
    // The whole line answers a click; the button in it is the keyboard's way in.
    row.addEventListener("click", () => this.open(dossier.code));
    return row;
  }

  private open(code: string): void {
    void this.detail.open(code, true);
    this.render();
  }
}

/** The legal deadline beside the status, while it matters: overdue in red, due soon in amber. */
function dueBadge(dossier: DossierSummary): (HTMLElement | string)[] {
  if (!dossier.due || !dossier.dueDate) return [];
  const text =
    dossier.due === "overdue" ? DOSSIER_TEXTS.dueOverdue(dossier.dueDate) : DOSSIER_TEXTS.dueSoon(dossier.dueDate);
  return [" ", h("span", { class: `due-badge due-${dossier.due}` }, [text])];
}
