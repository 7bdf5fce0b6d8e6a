import type { ConversationView, DraftField } from "../../server/console/clerkProtocol";
import { h, removeChildren } from "../../widget/shared/dom";
import { groupDraft } from "./consoleFormat";
import { DOSSIER_TEXTS } from "./dossierListTexts";
import { SOURCE_LABELS, TEXTS } from "./texts";

/** Answers `null` once the server took the value, or its refusal ("Ngày sinh không thể ở tương lai"). */
export type PatchField = (field: string, text: string) => Promise<string | null>;

interface Editing {
  key: string;
  text: string;
  error: string;
  busy: boolean;
}

/** The right column: the draft dossier grouped like the paper form, with who gave each value. */
export class DossierPanel {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly sub: HTMLElement;
  private view: ConversationView | null = null;
  private canEdit = false;
  /** Survives re-renders: a citizen's answer arriving must not wipe what the clerk is typing. */
  private editing: Editing | null = null;

  constructor(
    private readonly userId: () => string,
    private readonly onPatch: PatchField,
    /** Shows a submitted dossier in the dossiers view, where its status is moved. */
    private readonly onOpenDossier: (code: string) => void,
  ) {
    this.sub = h("p", { class: "panel-sub" });
    this.body = h("div", { class: "panel-body dossier-body", tabindex: "0", "aria-labelledby": "dossier-title" });
    this.element = h("section", { class: "panel dossier", "aria-labelledby": "dossier-title" }, [
      h("header", { class: "panel-head" }, [h("h2", { id: "dossier-title" }, [TEXTS.dossierTitle]), this.sub]),
      this.body,
    ]);
    this.show(null, false);
  }

  show(view: ConversationView | null, canEdit: boolean): void {
    if (view?.conversationId !== this.view?.conversationId || !canEdit) this.editing = null;
    this.view = view;
    this.canEdit = canEdit;
    this.render();
  }

  private render(): void {
    const view = this.view;
    const focused = document.activeElement;
    const refocus =
      focused instanceof HTMLElement && this.body.contains(focused) ? focused.dataset.focusKey : undefined;
    removeChildren(this.body);
    this.sub.textContent = view?.procedureName ?? "";
    if (!view) {
      this.body.append(h("p", { class: "empty" }, [TEXTS.dossierEmpty]));
      return;
    }
    this.body.append(this.summary(view));
    if (view.draft.length === 0) this.body.append(h("p", { class: "empty" }, [TEXTS.dossierNoFields]));
    for (const { group, fields } of groupDraft(view.draft)) {
      this.body.append(
        h("section", { class: "group" }, [
          h("h3", {}, [group]),
          h(
            "dl",
            {},
            fields.flatMap((field) => this.row(field)),
          ),
        ]),
      );
    }
    this.body.append(this.attachments(view));
    if (refocus) this.body.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(refocus)}"]`)?.focus();
  }

  private summary(view: ConversationView): HTMLElement {
    const parts: Node[] = [];
    if (view.progress) {
      const { step, total } = view.progress;
      const fill = h("span", { class: "bar-fill" });
      // CSSOM, not a style attribute: the CSP forbids inline styles in markup only.
      fill.style.width = `${total > 0 ? Math.min(100, Math.round((step / total) * 100)) : 0}%`;
      parts.push(
        h("p", { class: "progress-label" }, [TEXTS.progress(step, total)]),
        h(
          "span",
          {
            class: "bar",
            role: "progressbar",
            "aria-valuemin": "0",
            "aria-valuemax": String(total),
            "aria-valuenow": String(step),
            "aria-label": TEXTS.progress(step, total),
          },
          [fill],
        ),
      );
    }
    if (view.dossierCode) {
      const code = view.dossierCode;
      const open = h("button", { type: "button", class: "link", "data-focus-key": "open-dossier" }, [
        DOSSIER_TEXTS.openDossier,
      ]);
      open.addEventListener("click", () => this.onOpenDossier(code));
      parts.push(h("p", { class: "receipt" }, [`${TEXTS.receiptCode}: `, h("strong", {}, [code]), " ", open]));
    }
    return h("div", { class: "summary" }, parts);
  }

  private row(field: DraftField): HTMLElement[] {
    const label = h("dt", {}, [field.label]);
    if (this.editing?.key === field.key) return [label, h("dd", {}, [this.editor(field, this.editing)])];
    const value = field.display
      ? h("span", { class: "value" }, [field.display])
      : h("span", { class: "value none" }, [TEXTS.emptyValue]);
    const line: Node[] = [value];
    if (field.source) {
      const mine = field.source.by === "clerk" && field.source.clerkId === this.userId();
      line.push(
        h("span", { class: `source source-${field.source.by}` }, [
          mine ? `${SOURCE_LABELS.clerk} (${TEXTS.yourself})` : SOURCE_LABELS[field.source.by],
        ]),
      );
    }
    if (field.editable && this.canEdit) {
      const edit = h(
        "button",
        {
          type: "button",
          class: "link",
          "aria-label": TEXTS.editLabel(field.label),
          "data-focus-key": `edit:${field.key}`,
        },
        [TEXTS.edit],
      );
      edit.addEventListener("click", () => {
        this.editing = { key: field.key, text: field.display, error: "", busy: false };
        this.render();
        this.body.querySelector<HTMLInputElement>(`input[data-focus-key="input:${CSS.escape(field.key)}"]`)?.select();
      });
      line.push(edit);
    }
    return [label, h("dd", {}, line)];
  }

  private editor(field: DraftField, editing: Editing): HTMLElement {
    const inputId = `edit-${field.key}`;
    const input = h("input", {
      id: inputId,
      value: editing.text,
      "aria-label": field.label,
      "aria-describedby": `${inputId}-hint ${inputId}-error`,
      "data-focus-key": `input:${field.key}`,
      autocomplete: "off",
    });
    input.value = editing.text;
    input.disabled = editing.busy;
    if (editing.error) input.setAttribute("aria-invalid", "true");
    input.addEventListener("input", () => (editing.text = input.value));
    const save = h("button", { type: "submit", class: "primary small" }, [TEXTS.save]);
    const cancel = h("button", { type: "button", class: "small" }, [TEXTS.cancel]);
    save.disabled = cancel.disabled = editing.busy;
    const stop = () => {
      this.editing = null;
      this.render();
      this.body.querySelector<HTMLElement>(`[data-focus-key="edit:${CSS.escape(field.key)}"]`)?.focus();
    };
    cancel.addEventListener("click", stop);
    const form = h("form", { class: "edit" }, [
      input,
      h("span", { class: "edit-actions" }, [save, cancel]),
      h("p", { class: "hint", id: `${inputId}-hint` }, [TEXTS.editHint]),
      h("p", { class: "form-error", id: `${inputId}-error`, role: "alert" }, [editing.error]),
    ]);
    form.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        stop();
      }
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (!text || editing.busy) return;
      editing.busy = true;
      editing.error = "";
      this.render();
      void this.onPatch(field.key, text).then((problem) => {
        if (this.editing !== editing) return;
        if (problem) {
          editing.busy = false;
          editing.error = problem;
          this.render();
          this.body.querySelector<HTMLInputElement>(`input[data-focus-key="input:${CSS.escape(field.key)}"]`)?.focus();
        } else stop();
      });
    });
    return form;
  }

  private attachments(view: ConversationView): HTMLElement {
    const labels = new Map(view.draft.map((f) => [f.key, f.label]));
    const items = view.attachments.map((a) =>
      h("li", {}, [
        labels.get(a.stepId) ?? a.stepId,
        h("span", { class: "muted" }, [` · ${a.attachmentId.slice(0, 8)}`]),
      ]),
    );
    return h("section", { class: "group" }, [
      h("h3", {}, [TEXTS.attachments]),
      items.length ? h("ul", { class: "attachments" }, items) : h("p", { class: "empty" }, [TEXTS.noAttachments]),
    ]);
  }
}
