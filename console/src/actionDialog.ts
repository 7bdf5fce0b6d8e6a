import { h } from "../../widget/shared/dom";
import { TEXTS } from "./texts";

export interface DialogSpec {
  title: string;
  intro: string;
  /** The choices inside the form (radios, a select). */
  body?: Node[];
  confirmLabel: string;
  /** `null` closes the dialog; a message stays in it, for the clerk to read and retry or cancel. */
  confirm(): Promise<string | null>;
}

let serial = 0;

/**
 * A modal `<dialog>`: the browser traps focus in it, Esc cancels it, and focus goes back to the
 * button that opened it on close.
 */
export function openDialog(spec: DialogSpec): void {
  const id = `dialog-${++serial}`;
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const error = h("p", { class: "form-error", role: "alert" });
  const ok = h("button", { type: "submit", class: "primary" }, [spec.confirmLabel]);
  const cancel = h("button", { type: "button" }, [TEXTS.cancel]);
  const form = h("form", {}, [
    h("p", { class: "intro", id: `${id}-intro` }, [spec.intro]),
    ...(spec.body ?? []),
    error,
    h("div", { class: "form-actions" }, [ok, cancel]),
  ]);
  const dialog = h("dialog", { "aria-labelledby": `${id}-title`, "aria-describedby": `${id}-intro` }, [
    h("h2", { id: `${id}-title` }, [spec.title]),
    form,
  ]);
  const finish = () => {
    dialog.close();
    dialog.remove();
    if (opener?.isConnected && !(opener as HTMLButtonElement).disabled) opener.focus();
  };
  cancel.addEventListener("click", finish);
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    finish();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    ok.disabled = true;
    error.textContent = "";
    void spec.confirm().then((problem) => {
      ok.disabled = false;
      if (problem) error.textContent = problem;
      else finish();
    });
  });
  document.body.append(dialog);
  dialog.showModal();
}

/** A radio with its label; `checked` for the default. */
export function radio(
  name: string,
  value: string,
  label: string,
  checked = false,
): { element: HTMLElement; input: HTMLInputElement } {
  const input = h("input", { type: "radio", name, value, id: `${name}-${value}`, checked });
  return { input, element: h("label", { class: "choice", for: input.id }, [input, h("span", {}, [label])]) };
}
