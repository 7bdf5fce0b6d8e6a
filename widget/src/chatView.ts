import type { ChatMessage, ChatTextLimit, Choice, Locale } from "../../server/channels/web/protocol";
import { darken } from "./accentColor";
import { h, removeChildren } from "../shared/dom";
import { icon } from "./icon";
import type { UiText } from "./locales";
import { STYLES } from "./styles";
import { fitToVisualViewport } from "./visualViewportFit";

export const ELEMENT_NAME = "khai-ho-chat";

/** The server's limit on a text (its type fails to compile if the server's changes). */
const MAX_TEXT_LENGTH: ChatTextLimit = 2000;

/** Counted as the server counts: code points, in NFC, runs of spaces made one. */
function longerThanServerTakes(text: string): boolean {
  return (
    text.length > MAX_TEXT_LENGTH && Array.from(text.normalize("NFC").replace(/\s+/g, " ")).length > MAX_TEXT_LENGTH
  );
}

/** What the citizen does in the widget; the controller decides what it means. */
export interface ViewHandlers {
  toggle(): void;
  close(): void;
  switchLocale(): void;
  sendText(text: string): void;
  choose(choice: Choice): void;
  attach(file: File): void;
  openForm(dossierCode: string): void;
  retryConnection(): void;
  newConversation(): void;
  /** The citizen typed something in the composer (not sent yet). */
  composing(): void;
}

export interface ViewTexts {
  locale: Locale;
  ui: UiText;
  title: string;
  launcher: string;
  welcome?: string;
  unitName?: string;
}

export interface PendingBubble {
  text: string;
  note: string;
}

/** Accepted by the file button; the server checks the content again. */
const ACCEPT = "image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf";
const INPUT_MAX_HEIGHT_PX = 140;
/** The space left above a message scrolled to the top of the log, and below one at its bottom. */
const GAP_PX = 8;

/**
 * `<khai-ho-chat>`: launcher, panel and everything in it, inside a shadow root so that the
 * city's stylesheet and the widget's cannot touch each other. It only displays and reports
 * what the citizen does; it keeps no conversation state.
 */
export class KhaiHoChatElement extends HTMLElement {
  private handlers!: ViewHandlers;
  private texts!: ViewTexts;
  private root!: HTMLDivElement;
  private launcher!: HTMLButtonElement;
  private launcherLabel!: HTMLSpanElement;
  private badge!: HTMLSpanElement;
  private badgeLabel!: HTMLSpanElement;
  private unread = 0;
  private panel!: HTMLElement;
  private heading!: HTMLHeadingElement;
  private unit!: HTMLSpanElement;
  private progressText!: HTMLSpanElement;
  private localeButton!: HTMLButtonElement;
  private closeButton!: HTMLButtonElement;
  private bar!: HTMLDivElement;
  private barFill!: HTMLDivElement;
  private status!: HTMLDivElement;
  private statusText!: HTMLSpanElement;
  private retryButton!: HTMLButtonElement;
  private announcer!: HTMLDivElement;
  private log!: HTMLDivElement;
  private welcome!: HTMLParagraphElement;
  private messages!: HTMLDivElement;
  private pending!: HTMLDivElement;
  private typing!: HTMLDivElement;
  private typingText!: HTMLSpanElement;
  private choices!: HTMLDivElement;
  private attachButton!: HTMLButtonElement;
  private fileInput!: HTMLInputElement;
  private inputLabel!: HTMLLabelElement;
  private input!: HTMLTextAreaElement;
  private sendButton!: HTMLButtonElement;
  private shownChoices = "[]";
  private firstUnseen: HTMLElement | null = null;
  private scrollQueued = false;
  private stopViewportFit: (() => void) | null = null;

  init(options: { position: "right" | "left"; accent: string; texts: ViewTexts; handlers: ViewHandlers }): void {
    this.handlers = options.handlers;
    const shadow = this.attachShadow({ mode: "open" });
    applyStyles(shadow);
    this.build(options.position);
    this.root.style.setProperty("--kh-accent", options.accent);
    this.root.style.setProperty("--kh-accent-dark", darken(options.accent));
    shadow.append(this.root);
    this.setTexts(options.texts);
  }

  get isOpen(): boolean {
    return !this.panel.hidden;
  }

  /** Where a panel over the chat goes (the ID-card scanner): inside the widget's panel and shadow root. */
  get overlayHost(): HTMLElement {
    return this.panel;
  }

  /** The element the keyboard focus is on inside the widget, to give it back when an overlay closes. */
  get focusedElement(): HTMLElement | null {
    const focused = this.shadowRoot?.activeElement;
    return focused instanceof HTMLElement ? focused : null;
  }

  /** Back to `element` when it is still shown (the button that opened the overlay), else to the composer. */
  returnFocus(element: HTMLElement | null): void {
    if (!this.isOpen) return;
    if (element && element.isConnected && element.offsetParent !== null) element.focus();
    else this.focusComposer();
  }

  setTexts(texts: ViewTexts): void {
    this.texts = texts;
    const { ui } = texts;
    this.root.lang = texts.locale;
    this.launcherLabel.textContent = texts.launcher;
    if (this.unread > 0) this.setUnread(this.unread);
    this.heading.textContent = texts.title;
    this.unit.textContent = texts.unitName ?? "";
    this.unit.hidden = !texts.unitName;
    this.localeButton.textContent = ui.otherLocaleName;
    this.localeButton.setAttribute("aria-label", ui.otherLocaleLabel);
    this.closeButton.setAttribute("aria-label", ui.close);
    this.retryButton.textContent = ui.retry;
    this.log.setAttribute("aria-label", ui.logLabel);
    this.welcome.textContent = texts.welcome ?? "";
    this.welcome.hidden = !texts.welcome;
    this.typingText.textContent = ui.typing;
    this.choices.setAttribute("aria-label", ui.choicesLabel);
    this.attachButton.setAttribute("aria-label", ui.attach);
    this.attachButton.title = ui.attach;
    this.inputLabel.textContent = ui.inputLabel;
    this.input.placeholder = ui.placeholder;
    this.sendButton.setAttribute("aria-label", ui.send);
  }

  /**
   * `focus`: move the keyboard focus into the panel when opening, back to the launcher when
   * closing (so that Escape never leaves it on an element that has just been hidden).
   */
  setOpen(open: boolean, focus: boolean): void {
    this.panel.hidden = !open;
    this.root.classList.toggle("open", open);
    this.launcher.setAttribute("aria-expanded", String(open));
    if (open) {
      this.stopViewportFit = fitToVisualViewport(this.panel);
      this.log.scrollTop = this.log.scrollHeight;
      if (focus) this.focusComposer();
    } else {
      this.stopViewportFit?.();
      this.stopViewportFit = null;
      if (focus) this.launcher.focus();
    }
  }

  clearTranscript(): void {
    removeChildren(this.messages);
    this.firstUnseen = null;
  }

  /** Messages that came while the panel was closed (a clerk's answer): counted on the launcher. */
  setUnread(count: number): void {
    this.unread = count;
    this.badge.hidden = count === 0;
    this.badge.textContent = count === 0 ? "" : count > 9 ? "9+" : String(count);
    this.badgeLabel.textContent = count === 0 ? "" : `, ${this.texts.ui.unread(count)}`;
  }

  /** After the transcript is drawn again (reload, language switch): the latest message shows. */
  scrollToEnd(): void {
    this.firstUnseen = null;
    this.queueScroll();
  }

  appendMessage(message: ChatMessage): void {
    const { author } = message;
    const bubble = h("div", { class: `msg msg-${author}`, "data-seq": String(message.seq) }, [
      h("span", { class: author === "clerk" ? "author" : "vh" }, [`${this.texts.ui.author[author] ?? ""}: `]),
      message.text,
    ]);
    // The citizen knows what they wrote: the scroll goes to the answer, not to their own words.
    this.addToLog(bubble, author !== "citizen");
  }

  /** A line from the widget itself (not from the server), optionally with one button. */
  appendNotice(text: string, options: { error?: boolean; action?: { label: string; run: () => void } } = {}): void {
    const notice = h("div", { class: `msg msg-system${options.error ? " msg-error" : ""}` }, [text]);
    if (options.action) {
      const { run } = options.action;
      const button = h("button", { type: "button" }, [options.action.label]);
      button.addEventListener("click", () => run());
      notice.append(button);
    }
    this.addToLog(notice);
  }

  /**
   * The receipt card, right after the message `afterSeq` (the one giving the code) when it is
   * shown: the questions that came after it (the rating) stay next to their buttons.
   */
  appendReceipt(dossierCode: string, afterSeq?: number): void {
    const { ui } = this.texts;
    const formButton = h("button", { type: "button", class: "done-form" }, [ui.openForm]);
    formButton.addEventListener("click", () => this.handlers.openForm(dossierCode));
    const card = h("div", { class: "done" }, [
      h("p", { class: "done-title" }, [ui.doneTitle]),
      h("p", { class: "done-label" }, [ui.doneCode]),
      h("p", { class: "done-code" }, [dossierCode]),
      formButton,
      h("p", { class: "done-hint" }, [ui.doneHint]),
    ]);
    const after = afterSeq === undefined ? null : this.messages.querySelector(`[data-seq="${afterSeq}"]`);
    if (after && after.nextElementSibling) {
      after.after(card);
      this.queueScroll();
    } else {
      this.addToLog(card);
    }
  }

  /** The citizen's messages not yet acknowledged, each with what is happening to it. */
  setPending(bubbles: readonly PendingBubble[]): void {
    removeChildren(this.pending);
    for (const bubble of bubbles) {
      const item = h("div", { class: "outgoing" }, [
        h("div", { class: "msg msg-citizen" }, [
          h("span", { class: "vh" }, [`${this.texts.ui.author.citizen}: `]),
          bubble.text,
        ]),
        h("span", { class: "meta" }, [bubble.note]),
      ]);
      this.pending.append(item);
    }
    this.queueScroll();
  }

  /** Shows or hides the typing dots; `who` is read out to screen readers ("Cán bộ đang nhập…"). */
  setTyping(typing: boolean, who?: string): void {
    if (who !== undefined) this.typingText.textContent = who;
    if (this.typing.hidden === !typing) return;
    this.typing.hidden = !typing;
    if (typing) this.queueScroll();
  }

  setChoices(choices: readonly Choice[]): void {
    // Redrawn only when they change: a clerk's message must not pull the focus off a choice.
    const key = JSON.stringify(choices);
    if (key === this.shownChoices) return;
    this.shownChoices = key;
    this.keepFocusIn(this.choices, () => {
      removeChildren(this.choices);
      for (const choice of choices) {
        const button = h("button", { type: "button", class: "choice" }, [choice.label]);
        button.addEventListener("click", () => this.handlers.choose(choice));
        this.choices.append(button);
      }
      this.choices.hidden = choices.length === 0;
    });
    this.queueScroll();
  }

  setAttachVisible(visible: boolean): void {
    this.keepFocusIn(this.attachButton, () => {
      this.attachButton.hidden = !visible;
    });
  }

  /** `progress` null hides the step counter and the bar; `note` replaces the counter (clerk states). */
  setProgress(progress: { step: number; total: number } | null, note: string | null): void {
    const text = note ?? (progress ? this.texts.ui.progress(progress.step, progress.total) : "");
    this.progressText.textContent = text;
    this.progressText.hidden = text === "";
    const fraction = progress && progress.total > 0 ? Math.min(1, progress.step / progress.total) : 0;
    this.barFill.style.width = `${Math.round(fraction * 100)}%`;
    this.bar.hidden = progress === null;
  }

  /** `text` null hides the status line (connected). */
  setStatus(text: string | null, canRetry: boolean): void {
    this.keepFocusIn(this.status, () => {
      this.status.hidden = text === null;
      this.statusText.textContent = text ?? "";
      this.retryButton.hidden = !canRetry;
    });
    if (this.announcer.textContent !== (text ?? "")) this.announcer.textContent = text ?? "";
  }

  get composerText(): string {
    return this.input.value;
  }

  set composerText(text: string) {
    this.input.value = text;
    this.fitInput();
  }

  private build(position: "right" | "left"): void {
    this.launcherLabel = h("span");
    this.badge = h("span", { class: "badge", "aria-hidden": "true", hidden: true });
    this.badgeLabel = h("span", { class: "vh" });
    this.launcher = h(
      "button",
      { type: "button", class: "launcher", "aria-expanded": "false", "aria-controls": "kh-panel" },
      [icon("chat"), this.launcherLabel, this.badgeLabel, this.badge],
    );
    this.launcher.addEventListener("click", () => this.handlers.toggle());

    this.heading = h("h2", { class: "title", id: "kh-title" });
    this.unit = h("span");
    this.progressText = h("span", { hidden: true });
    this.localeButton = h("button", { type: "button", class: "lang" });
    this.localeButton.addEventListener("click", () => this.handlers.switchLocale());
    this.closeButton = h("button", { type: "button", class: "close" }, [icon("close")]);
    this.closeButton.addEventListener("click", () => this.handlers.close());
    const header = h("div", { class: "header" }, [
      h("div", { class: "heading" }, [this.heading, h("p", { class: "sub" }, [this.unit, this.progressText])]),
      this.localeButton,
      this.closeButton,
    ]);
    this.barFill = h("div", { class: "bar-fill" });
    this.bar = h("div", { class: "bar", "aria-hidden": "true", hidden: true }, [this.barFill]);

    this.statusText = h("span");
    this.retryButton = h("button", { type: "button", hidden: true });
    this.retryButton.addEventListener("click", () => this.handlers.retryConnection());
    this.status = h("div", { class: "status", hidden: true }, [this.statusText, this.retryButton]);
    // The visible line disappears when connected; a live region must stay in the page to be read.
    this.announcer = h("div", { class: "vh", role: "status" });

    this.welcome = h("p", { class: "welcome", hidden: true });
    this.messages = h("div", { class: "messages" });
    this.pending = h("div", { class: "pending" });
    this.typingText = h("span", { class: "vh" });
    this.typing = h("div", { class: "typing", hidden: true }, [
      this.typingText,
      h("span", { class: "dot" }),
      h("span", { class: "dot" }),
      h("span", { class: "dot" }),
    ]);
    this.log = h("div", { class: "log", role: "log", "aria-live": "polite", tabindex: "0" }, [
      this.welcome,
      this.messages,
      this.pending,
      this.typing,
    ]);

    this.choices = h("div", { class: "choices", role: "group", hidden: true });

    this.attachButton = h("button", { type: "button", class: "icon-button attach", hidden: true }, [icon("attach")]);
    this.fileInput = h("input", { type: "file", accept: ACCEPT, hidden: true, tabindex: "-1" });
    this.attachButton.addEventListener("click", () => this.fileInput.click());
    this.fileInput.addEventListener("change", () => {
      const file = this.fileInput.files?.[0];
      this.fileInput.value = "";
      if (file) this.handlers.attach(file);
    });
    this.inputLabel = h("label", { class: "vh", for: "kh-input" });
    // No autofill: on a shared computer at the one-stop shop it would offer the last citizen's CCCD.
    this.input = h("textarea", {
      id: "kh-input",
      class: "input",
      rows: "1",
      enterkeyhint: "send",
      autocomplete: "off",
    });
    this.input.addEventListener("input", () => {
      this.fitInput();
      if (this.input.value.trim()) this.handlers.composing();
    });
    this.input.addEventListener("keydown", (event) => {
      // Vietnamese IMEs (Telex, VNI) compose on macOS and phones: Enter there ends the word.
      if (event.key !== "Enter" || event.shiftKey || event.isComposing || event.keyCode === 229) return;
      event.preventDefault();
      this.submit();
    });
    this.sendButton = h("button", { type: "submit", class: "icon-button send" }, [icon("send")]);
    const composer = h("form", { class: "composer", novalidate: true }, [
      this.attachButton,
      this.fileInput,
      this.inputLabel,
      this.input,
      this.sendButton,
    ]);
    composer.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submit();
    });

    this.panel = h(
      "section",
      {
        class: "panel",
        id: "kh-panel",
        role: "dialog",
        "aria-modal": "false",
        "aria-labelledby": "kh-title",
        hidden: true,
      },
      [header, this.bar, this.status, this.log, this.choices, composer],
    );
    this.root = h("div", { class: position === "left" ? "root left" : "root" }, [
      this.launcher,
      this.panel,
      this.announcer,
    ]);
    this.root.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || event.isComposing || !this.isOpen) return;
      event.stopPropagation();
      this.handlers.close();
    });
  }

  /**
   * A clicked choice disappears with the question it answered; the keyboard focus would fall to
   * the page's body, out of the panel, where Escape no longer closes it. It goes to the composer.
   */
  private keepFocusIn(container: HTMLElement, update: () => void): void {
    const focused = this.shadowRoot?.activeElement;
    const hadFocus = focused instanceof HTMLElement && container.contains(focused);
    update();
    if (!hadFocus || !this.isOpen) return;
    const still = this.shadowRoot?.activeElement;
    if (still instanceof HTMLElement && container.contains(still) && still.offsetParent !== null) return;
    this.focusComposer();
  }

  /** The text box, except on touch screens, where focusing it would raise the keyboard over the question. */
  private focusComposer(): void {
    (matchMedia("(pointer: coarse)").matches ? this.log : this.input).focus();
  }

  private submit(): void {
    const text = this.input.value.trim();
    if (text === "") return;
    // A text past the server's limit is refused (CHAT_TEXT_TOO_LONG, its message shown): it stays
    // in the box, so nothing the citizen typed is lost while they shorten it.
    if (!longerThanServerTakes(text)) this.composerText = "";
    this.handlers.sendText(text);
  }

  private fitInput(): void {
    this.input.style.height = "auto";
    this.input.style.height = `${Math.min(this.input.scrollHeight + 2, INPUT_MAX_HEIGHT_PX)}px`;
  }

  private addToLog(element: HTMLElement, readFromTop = true): void {
    this.messages.append(element);
    if (readFromTop) this.firstUnseen = this.firstUnseen ?? element;
    this.queueScroll();
  }

  /**
   * After a batch of messages, scrolls to show it from its first message, as far as the last one
   * (the question to answer) stays whole in view: after a long introduction of the procedure, its
   * end and the first question show, and the citizen scrolls up for the rest.
   */
  private queueScroll(): void {
    if (this.scrollQueued) return;
    this.scrollQueued = true;
    requestAnimationFrame(() => {
      this.scrollQueued = false;
      const first = this.firstUnseen?.offsetParent ? this.firstUnseen : null;
      this.firstUnseen = null;
      if (!this.isOpen) return;
      const end = this.log.scrollHeight - this.log.clientHeight;
      if (!first) {
        this.log.scrollTop = end;
        return;
      }
      const last = this.messages.lastElementChild;
      const lastBottom = last instanceof HTMLElement ? last.offsetTop + last.offsetHeight + GAP_PX : end;
      this.log.scrollTop = Math.min(end, Math.max(first.offsetTop - GAP_PX, lastBottom - this.log.clientHeight));
    });
  }
}

function applyStyles(shadow: ShadowRoot): void {
  // A constructed stylesheet is not an inline style: pages with a strict `style-src` accept it.
  if ("adoptedStyleSheets" in shadow && "replaceSync" in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    shadow.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement("style");
  style.textContent = STYLES;
  shadow.append(style);
}
