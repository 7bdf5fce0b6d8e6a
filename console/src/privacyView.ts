import type { PrivacySubject } from "../../server/console/consoleRestProtocol";
import { h } from "../../widget/shared/dom";
import type { AuthClient } from "./authClient";
import { statusBadge } from "./dossierDetail";
import { formatDateTime } from "./dossierListFormat";
import { PrivacyApi } from "./privacyApi";
import { PRIVACY_TEXTS } from "./privacyTexts";

/** The reference as the server compares it when confirming an erasure: trimmed, in capitals. */
const sameReference = (typed: string, ref: string) => typed.trim().toUpperCase() === ref.trim().toUpperCase();

/**
 * The "Dữ liệu cá nhân" view, for administrators only: a citizen's request about their data looked up by
 * receipt code or conversation id, what is held shown as counts and masked identifiers, the copy of it all
 * downloaded for the citizen, and its erasure once the reference is typed again. The server audits each.
 */
export class PrivacyView {
  readonly element: HTMLElement;
  private readonly api: PrivacyApi;
  private readonly input: HTMLInputElement;
  private readonly result: HTMLElement;
  private serial = 0;

  constructor(
    auth: AuthClient,
    private readonly sessionLost: () => void,
  ) {
    this.api = new PrivacyApi(auth);
    this.input = h("input", {
      type: "search",
      id: "privacy-ref",
      name: "ref",
      maxlength: "100",
      autocomplete: "off",
      spellcheck: "false",
      required: true,
      "aria-describedby": "privacy-ref-hint",
    });
    const form = h("form", { class: "dossier-search", role: "search", "aria-label": PRIVACY_TEXTS.lookupForm }, [
      h("label", { for: this.input.id }, [PRIVACY_TEXTS.lookupLabel]),
      h("span", { class: "search-row" }, [
        this.input,
        h("button", { type: "submit", class: "primary" }, [PRIVACY_TEXTS.lookup]),
      ]),
      h("p", { class: "hint", id: "privacy-ref-hint" }, [PRIVACY_TEXTS.lookupHint]),
    ]);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const ref = this.input.value.trim();
      if (ref) void this.lookup(ref);
    });
    this.result = h("div", { class: "privacy-result", "aria-live": "polite" });
    this.element = h("div", { class: "privacy-view" }, [
      h("section", { class: "panel", "aria-labelledby": "privacy-title" }, [
        h("header", { class: "panel-head" }, [
          h("h2", { id: "privacy-title" }, [PRIVACY_TEXTS.title]),
          h("p", { class: "panel-sub" }, [PRIVACY_TEXTS.intro]),
        ]),
        // It scrolls: a tab stop under the view's name, so the keyboard can scroll it.
        h("div", { class: "panel-body privacy-body", tabindex: "0", "aria-labelledby": "privacy-title" }, [
          form,
          this.result,
        ]),
      ]),
    ]);
  }

  private async lookup(ref: string): Promise<void> {
    const serial = ++this.serial;
    this.result.replaceChildren(h("p", { class: "empty" }, [PRIVACY_TEXTS.loading]));
    const found = await this.api.lookup(ref);
    if (serial !== this.serial) return;
    if (!found.ok) {
      if (found.status === 401) this.sessionLost();
      this.result.replaceChildren(h("p", { class: "notice notice-error", role: "alert" }, [found.message]));
      return;
    }
    this.result.replaceChildren(...this.held(found.body), this.exportLink(ref), this.eraseForm(ref));
  }

  /** What is held: the conversation's counts, and each dossier with the filer's identifiers masked. */
  private held(subject: PrivacySubject): Node[] {
    const fact = (term: string, value: string) => [h("dt", {}, [term]), h("dd", {}, [value])];
    const columns = PRIVACY_TEXTS.dossierColumns;
    const dossiers =
      subject.dossiers.length === 0
        ? h("p", { class: "empty" }, [PRIVACY_TEXTS.noDossier])
        : h("table", { class: "dossier-table", "aria-label": PRIVACY_TEXTS.dossiers }, [
            h("thead", {}, [
              h("tr", {}, [
                ...[columns.code, columns.procedure, columns.status, columns.idNumber, columns.phone].map((c) =>
                  h("th", { scope: "col" }, [c]),
                ),
              ]),
            ]),
            h(
              "tbody",
              {},
              subject.dossiers.map((d) =>
                h("tr", {}, [
                  h("th", { scope: "row", class: "code" }, [d.code]),
                  h("td", {}, [d.procedureId]),
                  h("td", {}, [statusBadge(d.status)]),
                  h("td", {}, [d.idNumberMasked ?? PRIVACY_TEXTS.hidden]),
                  h("td", {}, [d.phoneMasked ?? PRIVACY_TEXTS.hidden]),
                ]),
              ),
            ),
          ]);
    return [
      h("h3", {}, [PRIVACY_TEXTS.heldTitle]),
      h("dl", { class: "facts" }, [
        ...fact(PRIVACY_TEXTS.conversation, subject.conversationId),
        ...fact(PRIVACY_TEXTS.channel, subject.channel),
        ...fact(PRIVACY_TEXTS.since, formatDateTime(subject.createdAt)),
        ...fact(PRIVACY_TEXTS.lastActivity, formatDateTime(subject.updatedAt)),
        ...fact(PRIVACY_TEXTS.messages, String(subject.messages)),
        ...fact(PRIVACY_TEXTS.uploads, String(subject.uploads)),
        ...fact(PRIVACY_TEXTS.dossiers, String(subject.dossiers.length)),
      ]),
      dossiers,
    ];
  }

  private exportLink(ref: string): HTMLElement {
    return h("p", { class: "privacy-export" }, [
      h("a", { href: this.api.exportUrl(ref), download: "", "aria-describedby": "privacy-export-hint" }, [
        PRIVACY_TEXTS.export,
      ]),
      h("span", { class: "hint", id: "privacy-export-hint" }, [` ${PRIVACY_TEXTS.exportHint}`]),
    ]);
  }

  /** Erasure takes the reference typed again: a second, deliberate act, never one click. */
  private eraseForm(ref: string): HTMLElement {
    const confirm = h("input", {
      type: "text",
      id: "privacy-confirm",
      name: "confirm",
      autocomplete: "off",
      spellcheck: "false",
      required: true,
      "aria-describedby": "privacy-erase-intro",
    });
    const error = h("p", { class: "form-error", role: "alert" });
    const submit = h("button", { type: "submit", class: "danger" }, [PRIVACY_TEXTS.erase]);
    const form = h("form", { class: "privacy-erase", "aria-labelledby": "privacy-erase-title" }, [
      h("h3", { id: "privacy-erase-title" }, [PRIVACY_TEXTS.eraseTitle]),
      h("p", { id: "privacy-erase-intro" }, [PRIVACY_TEXTS.eraseIntro(ref)]),
      h("label", { for: confirm.id }, [PRIVACY_TEXTS.eraseLabel]),
      h("span", { class: "search-row" }, [confirm, submit]),
      error,
    ]);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      error.textContent = "";
      if (!sameReference(confirm.value, ref)) {
        error.textContent = PRIVACY_TEXTS.eraseMismatch;
        confirm.focus();
        return;
      }
      submit.disabled = true;
      void this.erase(ref, confirm.value, error).finally(() => (submit.disabled = false));
    });
    return form;
  }

  private async erase(ref: string, typed: string, error: HTMLElement): Promise<void> {
    const serial = ++this.serial;
    const erased = await this.api.erase(ref, typed.trim());
    if (serial !== this.serial) return;
    if (!erased.ok) {
      if (erased.status === 401) this.sessionLost();
      error.textContent = erased.message;
      return;
    }
    const { dossiers, uploads } = erased.body.erased;
    this.result.replaceChildren(
      h("p", { class: "notice notice-info", role: "status" }, [PRIVACY_TEXTS.erased(dossiers, uploads)]),
    );
    this.input.focus();
  }
}
