import { h } from "../../widget/shared/dom";
import { TEXTS } from "./texts";

/** Answers `null` when it worked, or the message to show under the form. */
export type Submit<A extends unknown[]> = (...args: A) => Promise<string | null>;

/** The server's floor (`server/console/passwordStrength.ts`): said before the clerk types, not after. */
const MIN_PASSWORD_LENGTH = 12;

function field(label: string, input: HTMLInputElement, hint?: string): HTMLElement {
  const hintElement = hint ? h("p", { class: "hint", id: `${input.id}-hint` }, [hint]) : null;
  if (hintElement) input.setAttribute("aria-describedby", hintElement.id);
  return h("div", { class: "field" }, [
    h("label", { for: input.id }, [label]),
    input,
    ...(hintElement ? [hintElement] : []),
  ]);
}

function card(title: string, intro: string, form: HTMLFormElement): HTMLElement {
  return h("main", { class: "account" }, [
    h("div", { class: "account-card" }, [
      h("p", { class: "brand" }, ["Khai Hộ"]),
      h("h1", { id: "account-title" }, [title]),
      h("p", { class: "intro" }, [intro]),
      form,
    ]),
  ]);
}

/** Disables the form while the request runs, and shows its answer. */
async function run(
  form: HTMLFormElement,
  button: HTMLButtonElement,
  busyLabel: string,
  error: HTMLElement,
  attempt: () => Promise<string | null>,
): Promise<void> {
  const label = button.textContent ?? "";
  const controls = Array.from(form.elements).filter(
    (e): e is HTMLInputElement | HTMLButtonElement => e instanceof HTMLInputElement || e instanceof HTMLButtonElement,
  );
  controls.forEach((c) => (c.disabled = true));
  button.textContent = busyLabel;
  error.textContent = "";
  const problem = await attempt();
  controls.forEach((c) => (c.disabled = false));
  button.textContent = label;
  if (problem) error.textContent = problem;
}

export function loginForm(submit: Submit<[username: string, password: string]>): {
  element: HTMLElement;
  focus(): void;
} {
  const username = h("input", {
    id: "login-username",
    name: "username",
    autocomplete: "username",
    required: true,
    maxlength: "100",
    autocapitalize: "none",
    spellcheck: "false",
  });
  const password = h("input", {
    id: "login-password",
    name: "password",
    type: "password",
    autocomplete: "current-password",
    required: true,
    maxlength: "500",
  });
  const button = h("button", { type: "submit", class: "primary" }, [TEXTS.login]);
  const error = h("p", { class: "form-error", role: "alert" });
  const form = h("form", { "aria-labelledby": "account-title", novalidate: true }, [
    field(TEXTS.username, username),
    field(TEXTS.password, password),
    error,
    button,
  ]);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!username.value.trim() || !password.value) {
      error.textContent = "Vui lòng nhập tên đăng nhập và mật khẩu.";
      (username.value.trim() ? password : username).focus();
      return;
    }
    void run(form, button, TEXTS.loggingIn, error, async () => {
      const problem = await submit(username.value.trim(), password.value);
      if (problem) {
        password.value = "";
        password.focus();
      }
      return problem;
    });
  });
  return { element: card(TEXTS.loginTitle, TEXTS.loginIntro, form), focus: () => username.focus() };
}

/**
 * Forced after a login with a password someone else chose (`leave` then logs out); otherwise
 * opened from the header (`leave` goes back to work).
 */
export function passwordForm(
  username: string,
  forced: boolean,
  submit: Submit<[current: string, next: string]>,
  leave: { label: string; run(): void },
): { element: HTMLElement; focus(): void } {
  // For password managers, which save the new password under this name.
  const account = h("input", {
    type: "text",
    class: "vh",
    autocomplete: "username",
    value: username,
    readonly: true,
    tabindex: "-1",
    "aria-hidden": "true",
  });
  const current = h("input", {
    id: "pw-current",
    type: "password",
    autocomplete: "current-password",
    required: true,
    maxlength: "500",
  });
  const next = h("input", {
    id: "pw-new",
    type: "password",
    autocomplete: "new-password",
    required: true,
    minlength: String(MIN_PASSWORD_LENGTH),
    maxlength: "200",
  });
  const again = h("input", {
    id: "pw-again",
    type: "password",
    autocomplete: "new-password",
    required: true,
    maxlength: "200",
  });
  const button = h("button", { type: "submit", class: "primary" }, [TEXTS.save]);
  const error = h("p", { class: "form-error", role: "alert" });
  const actions = h("div", { class: "form-actions" }, [button]);
  const back = h("button", { type: "button" }, [leave.label]);
  back.addEventListener("click", () => leave.run());
  actions.append(back);
  const form = h("form", { "aria-labelledby": "account-title", novalidate: true }, [
    account,
    field(TEXTS.currentPassword, current),
    field(
      TEXTS.newPassword,
      next,
      `Ít nhất ${MIN_PASSWORD_LENGTH} ký tự, không dựa vào tên của bạn hay tên thành phố; một câu dài dễ nhớ là ` +
        `tốt nhất.`,
    ),
    field(TEXTS.repeatPassword, again),
    error,
    actions,
  ]);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!current.value || !next.value) {
      error.textContent = "Vui lòng nhập mật khẩu hiện tại và mật khẩu mới.";
      (current.value ? next : current).focus();
      return;
    }
    if (Array.from(next.value).length < MIN_PASSWORD_LENGTH) {
      error.textContent = `Mật khẩu mới cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
      next.focus();
      return;
    }
    if (next.value !== again.value) {
      error.textContent = TEXTS.passwordsDiffer;
      again.focus();
      return;
    }
    void run(form, button, TEXTS.save, error, () => submit(current.value, next.value));
  });
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !forced) leave.run();
  });
  const intro = forced ? TEXTS.mustChangePassword : "Đổi mật khẩu sẽ đăng xuất tài khoản này ở các máy khác.";
  return { element: card(TEXTS.changePassword, intro, form), focus: () => current.focus() };
}
