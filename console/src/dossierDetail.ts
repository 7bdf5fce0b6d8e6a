import type { DossierDetail, DossierStatus } from "../../server/console/consoleRestProtocol";
import { h, removeChildren } from "../../widget/shared/dom";
import { openDialog } from "./actionDialog";
import type { ApiFailure } from "./authClient";
import { groupDraft } from "./consoleFormat";
import type { DossierApi } from "./dossierApi";
import { formatDateTime, provenanceLabel } from "./dossierListFormat";
import { DOSSIER_MOVE_LABELS, DOSSIER_STATUS_LABELS, DOSSIER_TEXTS } from "./dossierListTexts";
import { TEXTS } from "./texts";

export interface DossierDetailDeps {
  api: DossierApi;
  userId(): string;
  /** A call answered 401: the session is over. */
  sessionLost(): void;
  /** The dossier's status changed: the list shows the old one. */
  moved(): void;
}

type Shown =
  | { kind: "empty" }
  | { kind: "loading"; code: string }
  | { kind: "failed"; message: string }
  | { kind: "dossier"; dossier: DossierDetail };

/** The right side of the dossiers view: one submitted dossier, its fields with who gave each, its status moves. */
export class DossierDetailPanel {
  readonly element: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly sub: HTMLElement;
  private readonly body: HTMLElement;
  /** What the last status move did, until another dossier is opened; a live region that stays. */
  private readonly notice: HTMLElement;
  private shown: Shown = { kind: "empty" };
  private serial = 0;

  constructor(private readonly deps: DossierDetailDeps) {
    this.heading = h("h2", { id: "dossier-detail-title", tabindex: "-1" }, [DOSSIER_TEXTS.detailTitle]);
    this.sub = h("p", { class: "panel-sub" });
    this.body = h("div", {
      class: "panel-body dossier-body",
      "aria-busy": "false",
      tabindex: "0",
      "aria-labelledby": "dossier-detail-title",
    });
    this.notice = h("p", { class: "notice notice-info", role: "status", hidden: true });
    this.element = h("section", { class: "panel dossier-detail", "aria-labelledby": "dossier-detail-title" }, [
      h("header", { class: "panel-head" }, [this.heading, this.sub]),
      this.notice,
      this.body,
    ]);
    this.render();
  }

  get code(): string | null {
    return this.shown.kind === "dossier"
      ? this.shown.dossier.code
      : this.shown.kind === "loading"
        ? this.shown.code
        : null;
  }

  /** Loads and shows a dossier; `focus` moves the keyboard to it (opened from the list). */
  async open(code: string, focus = false): Promise<void> {
    if (code !== this.code) this.say("");
    this.shown = { kind: "loading", code };
    this.render();
    if (focus) this.heading.focus();
    await this.load(code);
  }

  private async load(code: string): Promise<void> {
    const serial = ++this.serial;
    const result = await this.deps.api.get(code);
    if (serial !== this.serial) return;
    if (!result.ok) {
      this.failed(result);
      return;
    }
    this.shown = { kind: "dossier", dossier: result.body };
    this.render();
  }

  private say(text: string): void {
    this.notice.textContent = text;
    this.notice.hidden = text === "";
  }

  private failed(failure: ApiFailure): void {
    if (failure.status === 401) this.deps.sessionLost();
    this.shown = { kind: "failed", message: failure.message };
    this.render();
  }

  private render(): void {
    removeChildren(this.body);
    const shown = this.shown;
    this.body.setAttribute("aria-busy", String(shown.kind === "loading"));
    this.sub.textContent = shown.kind === "dossier" ? shown.dossier.code : "";
    if (shown.kind === "empty") this.body.append(h("p", { class: "empty" }, [DOSSIER_TEXTS.detailEmpty]));
    else if (shown.kind === "loading") this.body.append(h("p", { class: "empty" }, [TEXTS.loading]));
    else if (shown.kind === "failed")
      this.body.append(h("p", { class: "notice notice-error", role: "alert" }, [shown.message]));
    else this.body.append(...this.dossier(shown.dossier));
  }

  private dossier(dossier: DossierDetail): HTMLElement[] {
    const parts: HTMLElement[] = [this.facts(dossier), this.moves(dossier)];
    if (dossier.draft.length === 0) parts.push(h("p", { class: "empty" }, [DOSSIER_TEXTS.noFields]));
    for (const { group, fields } of groupDraft(dossier.draft)) {
      const rows = fields.flatMap((field) => {
        const line: Node[] = [
          field.display
            ? h("span", { class: "value" }, [field.display])
            : h("span", { class: "value none" }, [TEXTS.emptyValue]),
        ];
        if (field.source)
          line.push(
            h("span", { class: `source source-${field.source.by}` }, [
              provenanceLabel(field.source, dossier.clerks, this.deps.userId()),
            ]),
          );
        return [h("dt", {}, [field.label]), h("dd", {}, line)];
      });
      parts.push(h("section", { class: "group" }, [h("h3", {}, [group]), h("dl", {}, rows)]));
    }
    parts.push(this.attachments(dossier));
    if (dossier.documents.length > 0) {
      parts.push(
        h("section", { class: "group" }, [
          h("h3", {}, [DOSSIER_TEXTS.documents]),
          h(
            "ul",
            { class: "documents" },
            dossier.documents.map((d) => h("li", {}, [d])),
          ),
        ]),
      );
    }
    return parts;
  }

  private facts(dossier: DossierDetail): HTMLElement {
    const fact = (term: string, value: Node | string) => [h("dt", {}, [term]), h("dd", {}, [value])];
    const rows = [
      ...fact(TEXTS.receiptCode, h("strong", { class: "code" }, [dossier.code])),
      ...fact(DOSSIER_TEXTS.procedure, dossier.procedureName ?? dossier.procedureId),
      ...fact(DOSSIER_TEXTS.unit, dossier.unitName ?? dossier.unitId ?? TEXTS.noUnit),
      ...fact(DOSSIER_TEXTS.status, statusBadge(dossier.status)),
      ...(dossier.rejectionReason
        ? fact(DOSSIER_TEXTS.rejectionReason, h("span", { class: "value" }, [dossier.rejectionReason]))
        : []),
      ...(dossier.missingItems.length > 0
        ? fact(
            DOSSIER_TEXTS.missingItems,
            h(
              "ul",
              { class: "missing-items" },
              dossier.missingItems.map((item) => h("li", {}, [item])),
            ),
          )
        : []),
      ...fact(DOSSIER_TEXTS.submittedAt, formatDateTime(dossier.createdAt)),
      ...fact(DOSSIER_TEXTS.updatedAt, formatDateTime(dossier.updatedAt)),
    ];
    // Opened by the browser in a new tab: the form is a page of its own, with its own CSP.
    const print = h(
      "a",
      { class: "button-link", href: this.deps.api.formUrl(dossier.code), target: "_blank", rel: "noopener" },
      [DOSSIER_TEXTS.printForm, h("span", { class: "vh" }, [` ${DOSSIER_TEXTS.newTab}`])],
    );
    return h("div", { class: "facts" }, [h("dl", { class: "fact-list" }, rows), print]);
  }

  private moves(dossier: DossierDetail): HTMLElement {
    const buttons = dossier.next.map((status) => {
      const button = h("button", { type: "button", class: status === "rejected" ? "danger small" : "small" }, [
        DOSSIER_MOVE_LABELS[status],
      ]);
      button.addEventListener("click", () => this.confirmMove(dossier.code, status));
      return button;
    });
    const content =
      buttons.length > 0
        ? [
            h("div", { class: "actions", role: "group", "aria-label": DOSSIER_TEXTS.moveTitle }, buttons),
            h("p", { class: "hint" }, [DOSSIER_TEXTS.moveHint]),
          ]
        : [h("p", { class: "hint" }, [DOSSIER_TEXTS.finalStatus])];
    return h("section", { class: "group moves" }, [h("h3", {}, [DOSSIER_TEXTS.moveTitle]), ...content]);
  }

  /**
   * The confirmation step; a rejection asks for its reason, a request for more for the list of what is missing:
   * the citizen reads either word for word, in the chat and in status lookup.
   */
  private confirmMove(code: string, status: DossierStatus): void {
    const label = DOSSIER_STATUS_LABELS[status];
    const note =
      status === "rejected"
        ? { id: "reject-reason", label: DOSSIER_TEXTS.reasonLabel, required: DOSSIER_TEXTS.reasonRequired }
        : status === "needs_more_info"
          ? { id: "missing-items", label: DOSSIER_TEXTS.missingLabel, required: DOSSIER_TEXTS.missingRequired }
          : null;
    const hintId = "missing-items-hint";
    const text = note
      ? h("textarea", {
          id: note.id,
          rows: status === "needs_more_info" ? "5" : "3",
          maxlength: status === "needs_more_info" ? "3000" : "1000",
          "aria-required": "true",
          ...(status === "needs_more_info" ? { "aria-describedby": hintId } : {}),
        })
      : null;
    openDialog({
      title: DOSSIER_TEXTS.confirmTitle(code, label),
      intro: DOSSIER_TEXTS.confirmIntro,
      body:
        note && text
          ? [
              h("div", { class: "field" }, [
                h("label", { for: note.id }, [note.label]),
                ...(status === "needs_more_info"
                  ? [h("p", { class: "hint", id: hintId }, [DOSSIER_TEXTS.missingHint])]
                  : []),
                text,
              ]),
            ]
          : [],
      confirmLabel: status === "rejected" ? DOSSIER_MOVE_LABELS.rejected : DOSSIER_TEXTS.confirm,
      confirm: async () => {
        const written = text ? text.value.trim() : "";
        const problem =
          note && text && !written
            ? note.required
            : status === "needs_more_info" && !fitsMissingList(missingItemsOf(written))
              ? DOSSIER_TEXTS.missingTooLong
              : null;
        if (text && problem) {
          text.setAttribute("aria-invalid", "true");
          text.focus();
          return problem;
        }
        const result = await this.deps.api.move(
          code,
          status,
          status === "rejected"
            ? { reason: written }
            : status === "needs_more_info"
              ? { missingItems: missingItemsOf(written) }
              : null,
        );
        if (!result.ok) {
          if (result.status === 401) this.deps.sessionLost();
          return result.message;
        }
        if (this.code === code) this.say(DOSSIER_TEXTS.moved(code, DOSSIER_STATUS_LABELS[result.body.status]));
        this.deps.moved();
        if (this.code === code) void this.load(code).then(() => this.heading.focus());
        return null;
      },
    });
  }

  private attachments(dossier: DossierDetail): HTMLElement {
    const labels = new Map(dossier.draft.map((f) => [f.key, f.label]));
    const items = Object.entries(dossier.attachments).map(([stepId, attachmentId]) => {
      const label = labels.get(stepId) ?? stepId;
      return h("li", {}, [
        h(
          "a",
          {
            href: this.deps.api.attachmentUrl(dossier.code, attachmentId),
            download: "",
            "aria-label": DOSSIER_TEXTS.download(label),
          },
          [label],
        ),
      ]);
    });
    return h("section", { class: "group" }, [
      h("h3", {}, [DOSSIER_TEXTS.attachments]),
      items.length
        ? h("ul", { class: "attachments" }, items)
        : h("p", { class: "empty" }, [DOSSIER_TEXTS.noAttachments]),
    ]);
  }
}

/** A status as a coloured label: the colour says how far along it is, the words say which. */
export function statusBadge(status: DossierStatus): HTMLElement {
  return h("span", { class: `status-badge status-${status}` }, [DOSSIER_STATUS_LABELS[status]]);
}

/** The server's bounds on a list of what is missing (`consoleRoutes.ts`): said in the dialog, before sending. */
const MISSING_ITEMS_MAX = 20;
const MISSING_ITEM_MAX_CHARS = 300;

function fitsMissingList(items: readonly string[]): boolean {
  return items.length <= MISSING_ITEMS_MAX && items.every((item) => item.length <= MISSING_ITEM_MAX_CHARS);
}

/** One item a line, as the clerk typed them; list marks they typed ("-", "1.") are the console's to add, not theirs. */
export function missingItemsOf(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.replace(/^\s*(?:[-*\u2022+]|\d{1,2}[.)])\s*/, "").trim())
    .filter(Boolean);
}
