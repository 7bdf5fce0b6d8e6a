import type { ChatMessage } from "../../server/channels/web/protocol";
import type { ClerkNote, ConversationView, TransferTargets } from "../../server/console/clerkProtocol";
import { h, removeChildren } from "../../widget/shared/dom";
import { openDialog, radio } from "./actionDialog";
import { openCardScanDialog, type ScannedCard } from "./cardScanDialog";
import type { ActionResult, TransferTo } from "./clerkConnection";
import { contactNotice, formatClock, REVIEW_STEP_ID, releaseAt, type ReleaseAt } from "./consoleFormat";
import { localMessageElement, TranscriptList } from "./transcriptList";
import { STATUS_LABELS, TEXTS } from "./texts";
import { zaloBadge } from "./zaloBadge";

/** Each answers `null` when done, or the message to show. */
export interface ConversationActions {
  take(): Promise<string | null>;
  release(at: ReleaseAt): Promise<string | null>;
  transfer(to: TransferTo): Promise<string | null>;
  addNote(text: string): Promise<string | null>;
  close(): Promise<string | null>;
  /** A card read at the counter, for the citizen to confirm. */
  scanCard(card: ScannedCard): Promise<string | null>;
  send(text: string): Promise<string | null>;
  typing(): void;
  /** Other units, and the unit's clerks, for the transfer dialog. */
  transferTargets(): Promise<ActionResult<TransferTargets>>;
  unitName(unitId: string | null): string;
}

/** The citizen's "typing…" fades after this long without a new signal. */
const TYPING_SHOWN_MS = 5_000;
/** Above what a clerk writes in one message; the server holds its own limit. */
const MESSAGE_MAX_CHARS = 2_000;

/** The centre column: who, where, the transcript, the composer and the clerk's actions. */
export class ConversationPanel {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private readonly sub: HTMLElement;
  private readonly channelLine: HTMLElement;
  private readonly contactName: HTMLElement;
  private readonly contactNameText: HTMLElement;
  private readonly contactPending: HTMLElement;
  private readonly contactWarning: HTMLElement;
  private readonly actionsBar: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly transcript = new TranscriptList();
  private readonly pending: HTMLElement;
  private readonly typingLine: HTMLElement;
  private readonly composer: HTMLFormElement;
  private readonly textarea: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly composerHint: HTMLElement;
  private cannedButtons: HTMLButtonElement[] = [];
  private readonly cannedList: HTMLElement;
  private readonly notesBox: HTMLDetailsElement;
  private readonly notesSummary: HTMLElement;
  private readonly notesList: HTMLOListElement;
  private readonly noteInput: HTMLTextAreaElement;
  private notes: ClerkNote[] = [];
  private readonly buttons: {
    take: HTMLButtonElement;
    release: HTMLButtonElement;
    transfer: HTMLButtonElement;
    close: HTMLButtonElement;
    scanCard: HTMLButtonElement;
  };
  private readonly content: HTMLElement;
  private readonly placeholder: HTMLElement;
  private view: ConversationView | null = null;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly actions: ConversationActions,
    private readonly userId: () => string,
  ) {
    this.title = h("h2", { id: "conversation-title" });
    this.sub = h("p", { class: "panel-sub" });
    this.contactNameText = h("span");
    this.contactName = h("span", { class: "contact-name" }, [
      h("span", { class: "vh" }, [`${TEXTS.zaloName} `]),
      this.contactNameText,
    ]);
    this.contactPending = h("span", { class: "channel-pending", role: "status" });
    this.channelLine = h("p", { class: "channel-line", hidden: true }, [
      zaloBadge(),
      this.contactName,
      this.contactPending,
    ]);
    // An alert: the clerk may be about to write messages that will not reach the citizen.
    this.contactWarning = h("p", { class: "channel-warning", role: "alert", hidden: true });
    this.buttons = {
      take: h("button", { type: "button", class: "primary" }, [TEXTS.take]),
      release: h("button", { type: "button" }, [TEXTS.release]),
      transfer: h("button", { type: "button" }, [TEXTS.transfer]),
      close: h("button", { type: "button", class: "danger" }, [TEXTS.close]),
      scanCard: h("button", { type: "button", hidden: true }, [TEXTS.scanCard]),
    };
    this.actionsBar = h(
      "div",
      { class: "actions", role: "group", "aria-label": "Thao tác" },
      Object.values(this.buttons),
    );
    this.notice = h("p", { class: "notice", role: "status", hidden: true });
    this.pending = h("ol", { class: "transcript-pending", "aria-live": "polite" });
    this.typingLine = h("p", { class: "typing", "aria-live": "polite" });

    this.textarea = h("textarea", {
      id: "composer-text",
      rows: "2",
      maxlength: String(MESSAGE_MAX_CHARS),
      "aria-describedby": "composer-hint",
      placeholder: "Nhắn cho công dân…",
    });
    this.sendButton = h("button", { type: "submit", class: "primary" }, [TEXTS.send]);
    this.composerHint = h("p", { class: "hint", id: "composer-hint" });
    // One row that scrolls sideways, its buttons disabled until the clerk holds the conversation: a tab stop itself.
    this.cannedList = h("div", {
      class: "canned-list",
      role: "group",
      "aria-label": TEXTS.cannedTitle,
      tabindex: "0",
    });
    this.composer = h("form", { class: "composer", "aria-label": TEXTS.composerLabel }, [
      this.cannedList,
      h("div", { class: "composer-row" }, [
        h("label", { for: "composer-text", class: "vh" }, [TEXTS.composerLabel]),
        this.textarea,
        this.sendButton,
      ]),
      this.composerHint,
    ]);

    this.notesSummary = h("summary");
    this.notesList = h("ol", { class: "notes-list", "aria-label": TEXTS.notesTitle, tabindex: "0" });
    this.noteInput = h("textarea", {
      id: "note-text",
      rows: "1",
      maxlength: String(MESSAGE_MAX_CHARS),
      placeholder: TEXTS.notePlaceholder,
    });
    const noteForm = h("form", { class: "note-form" }, [
      h("label", { for: "note-text", class: "vh" }, [TEXTS.notesTitle]),
      this.noteInput,
      h("button", { type: "submit" }, [TEXTS.addNote]),
    ]);
    noteForm.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.submitNote();
    });
    this.notesBox = h("details", { class: "notes" }, [this.notesSummary, this.notesList, noteForm]);

    this.placeholder = h("p", { class: "empty centre-empty" }, [TEXTS.noSelection]);
    this.content = h("div", { class: "conversation-content", hidden: true }, [
      this.notice,
      h("div", { class: "transcript-wrap" }, [this.transcript.element, this.pending]),
      this.typingLine,
      this.notesBox,
      this.composer,
    ]);
    this.element = h("section", { class: "panel conversation", "aria-labelledby": "conversation-title" }, [
      h("header", { class: "panel-head conversation-head" }, [
        h("div", { class: "heading" }, [this.title, this.sub, this.channelLine, this.contactWarning]),
        this.actionsBar,
      ]),
      this.placeholder,
      this.content,
    ]);
    this.wire();
    this.setCannedReplies([]);
    this.show(null, []);
  }

  /** The configured canned replies (CANNED_REPLIES), sent by the server on every connection. */
  setCannedReplies(replies: readonly string[]): void {
    this.cannedButtons = replies.map((text) => {
      // Shortened on screen when long: the whole reply shows on hover and is read out in full.
      const button = h("button", { type: "button", class: "canned", title: text }, [text]);
      button.addEventListener("click", () => this.insert(text));
      return button;
    });
    this.cannedList.replaceChildren(...this.cannedButtons);
    this.cannedList.hidden = replies.length === 0;
    this.refreshControls();
  }

  /** A colleague's note on the conversation shown, as it arrives. */
  addNote(note: ClerkNote): void {
    if (this.notes.some((n) => n.id === note.id)) return;
    this.notes = [...this.notes, note];
    this.renderNotes();
  }

  /** The conversation (null: none selected) and its transcript, merged by the app. */
  show(view: ConversationView | null, transcript: readonly ChatMessage[]): void {
    const switched = view?.conversationId !== this.view?.conversationId;
    this.view = view;
    if (switched) {
      this.transcript.clear();
      removeChildren(this.pending);
      this.textarea.value = "";
      this.setNotice("");
      this.typingLine.textContent = "";
      this.noteInput.value = "";
      // Notes of a conversation are opened by default when there are any: they are why it was handed on.
      this.notesBox.open = (view?.notes.length ?? 0) > 0;
    }
    if (view) {
      this.notes = view.notes;
      this.renderNotes();
    }
    this.placeholder.hidden = view !== null;
    this.placeholder.textContent = TEXTS.noSelection;
    this.content.hidden = view === null;
    this.actionsBar.hidden = view === null;
    this.showChannel(view);
    if (!view) {
      this.title.textContent = TEXTS.conversationTitle;
      this.sub.textContent = "";
      return;
    }
    this.title.textContent = view.procedureName ?? TEXTS.noProcedure;
    const holder =
      view.status === "with_clerk" && view.clerk
        ? view.clerk.id === this.userId()
          ? TEXTS.heldByYou
          : TEXTS.heldBy(view.clerk.name)
        : STATUS_LABELS[view.status];
    this.sub.textContent = `${this.actions.unitName(view.unitId)} · ${holder}`;
    // Controls first: the composer's hint changes its height, and with it where the end is.
    this.refreshControls();
    this.transcript.update(transcript);
    if (switched) this.transcript.scrollToEnd();
  }

  /** No conversation shown: why (none chosen yet, loading, refused). */
  showEmpty(text: string): void {
    this.show(null, []);
    this.placeholder.textContent = text;
  }

  /** What came of an action: `alert` for refusals (read out at once), `status` otherwise. */
  setNotice(text: string, kind: "info" | "error" = "info"): void {
    this.notice.textContent = text;
    this.notice.hidden = text === "";
    this.notice.className = `notice notice-${kind}`;
    this.notice.setAttribute("role", kind === "error" ? "alert" : "status");
  }

  citizenTyping(conversationId: string): void {
    if (conversationId !== this.view?.conversationId) return;
    this.typingLine.textContent = TEXTS.citizenTyping;
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => (this.typingLine.textContent = ""), TYPING_SHOWN_MS);
  }

  /** The citizen's message arrived: they have stopped typing. */
  citizenSent(): void {
    clearTimeout(this.typingTimer);
    this.typingLine.textContent = "";
  }

  /** A Zalo citizen: the badge, their name in Zalo, and whether Zalo delivers to them now. */
  private showChannel(view: ConversationView | null): void {
    const zalo = view?.channel === "zalo";
    this.channelLine.hidden = !zalo;
    const name = (zalo && view.contact?.displayName) || "";
    setText(this.contactNameText, name);
    this.contactName.hidden = name === "";
    const notice = zalo ? contactNotice(view.contact) : null;
    setText(this.contactPending, notice?.kind === "pending" ? notice.text : "");
    setText(this.contactWarning, notice?.kind === "unreachable" ? notice.text : "");
    this.contactWarning.hidden = notice?.kind !== "unreachable";
  }

  private renderNotes(): void {
    this.notesSummary.textContent = TEXTS.notesSummary(this.notes.length);
    this.notesList.replaceChildren(
      ...this.notes.map((note) =>
        h("li", {}, [
          h("span", { class: "note-meta" }, [`${note.author.name} · ${formatClock(note.at)}`]),
          h("p", { class: "note-text" }, [note.text]),
        ]),
      ),
    );
  }

  private async submitNote(): Promise<void> {
    const text = this.noteInput.value.trim();
    if (!text) return;
    const problem = await this.actions.addNote(text);
    if (problem) {
      this.setNotice(problem, "error");
      return;
    }
    this.noteInput.value = "";
  }

  private holding(): boolean {
    const view = this.view;
    return view !== null && view.status === "with_clerk" && view.clerk?.id === this.userId();
  }

  private refreshControls(): void {
    const view = this.view;
    if (!view) return;
    const mine = this.holding();
    const over = view.status === "completed" || view.status === "closed";
    const heldByOther = view.status === "with_clerk" && !mine;
    this.buttons.take.hidden = mine;
    this.buttons.take.disabled = over || heldByOther;
    this.buttons.release.disabled = !mine;
    this.buttons.close.disabled = !mine;
    this.buttons.scanCard.hidden = !mine || view.identityAsked === null;
    this.buttons.scanCard.title = view.identityAsked ? TEXTS.scanCardHint(view.identityAsked.person) : "";
    this.buttons.transfer.disabled = over || heldByOther;
    this.textarea.disabled = !mine;
    this.sendButton.disabled = !mine;
    for (const button of this.cannedButtons) button.disabled = !mine;
    this.composerHint.textContent = mine
      ? TEXTS.composerHint
      : over
        ? STATUS_LABELS[view.status]
        : heldByOther
          ? TEXTS.heldBy(view.clerk?.name ?? "")
          : TEXTS.composerLocked;
  }

  private wire(): void {
    this.buttons.take.addEventListener("click", () => void this.take());
    this.buttons.release.addEventListener("click", () => this.openRelease());
    this.buttons.transfer.addEventListener("click", () => void this.openTransfer());
    this.buttons.close.addEventListener("click", () =>
      openDialog({
        title: TEXTS.closeTitle,
        intro: TEXTS.closeIntro,
        confirmLabel: TEXTS.close,
        confirm: () => this.afterAction(TEXTS.close, this.actions.close()),
      }),
    );
    this.buttons.scanCard.addEventListener("click", () => this.openCardScan());
    this.composer.addEventListener("submit", (event) => {
      event.preventDefault();
      this.sendCurrent();
    });
    this.textarea.addEventListener("keydown", (event) => {
      // `isComposing`: Enter that ends an IME composition (Vietnamese input methods) is not a send.
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.sendCurrent();
      }
    });
    this.textarea.addEventListener("input", () => {
      if (this.view && this.textarea.value.trim()) this.actions.typing();
    });
  }

  private async take(): Promise<void> {
    this.buttons.take.disabled = true;
    const problem = await this.actions.take();
    if (problem) {
      // CONSOLE_TAKEN says who has it: "Chị Lan đã nhận cuộc trò chuyện này."
      this.setNotice(problem, "error");
      this.refreshControls();
      return;
    }
    this.setNotice("");
    if (this.holding()) this.textarea.focus();
  }

  private openCardScan(): void {
    const person = this.view?.identityAsked?.person;
    if (!person) return;
    openCardScanDialog({
      person,
      send: (card) => this.actions.scanCard(card),
      sent: () => this.setNotice(TEXTS.scanCardSent),
    });
  }

  private async afterAction(label: string, pending: Promise<string | null>): Promise<string | null> {
    const problem = await pending;
    if (!problem) this.setNotice(TEXTS.done(label));
    return problem;
  }

  private openRelease(): void {
    const view = this.view;
    if (!view) return;
    const name = "release-at";
    const current = radio(name, "current", TEXTS.releaseCurrent, true);
    const options: Node[] = [current.element];
    const hasReview = view.releaseTargets.some((t) => t.stepId === REVIEW_STEP_ID);
    const review = hasReview ? radio(name, REVIEW_STEP_ID, TEXTS.releaseReview) : null;
    if (review) options.push(review.element);
    const steps = view.releaseTargets.filter((t) => t.stepId !== REVIEW_STEP_ID);
    const select = h(
      "select",
      { id: "release-step", "aria-label": "Bước" },
      steps.map((t) => h("option", { value: t.stepId }, [t.label])),
    );
    const step = steps.length ? radio(name, "step", TEXTS.releaseStep) : null;
    if (step) {
      select.disabled = true;
      options.push(h("div", { class: "choice-with-select" }, [step.element, select]));
      // Picking a step in the list picks "a step" too; the list follows the radios.
      select.addEventListener("change", () => (step.input.checked = true));
      for (const input of [current.input, review?.input, step.input])
        input?.addEventListener("change", () => (select.disabled = !step.input.checked));
    }
    openDialog({
      title: TEXTS.releaseTitle,
      intro: TEXTS.releaseIntro,
      body: [h("fieldset", { class: "choices" }, [h("legend", { class: "vh" }, [TEXTS.releaseIntro]), ...options])],
      confirmLabel: TEXTS.release,
      confirm: () => {
        const choice = step?.input.checked ? select.value : review?.input.checked ? REVIEW_STEP_ID : "current";
        return this.afterAction(TEXTS.release, this.actions.release(releaseAt(choice)));
      },
    });
  }

  /** To a colleague of the unit who is signed in (they hold it at once), or to another unit's queue. */
  private async openTransfer(): Promise<void> {
    if (!this.view) return;
    const targets = await this.actions.transferTargets();
    if (!targets.ok) {
      this.setNotice(targets.message, "error");
      return;
    }
    const name = "transfer-to";
    const toClerk = radio(
      name,
      "clerk",
      TEXTS.transferToClerk,
      targets.clerks.some((c) => c.online),
    );
    const toUnit = radio(name, "unit", TEXTS.transferToUnit, !targets.clerks.some((c) => c.online));
    const clerks = h(
      "select",
      { id: "transfer-clerk", "aria-label": TEXTS.transferToClerk },
      targets.clerks.map((c) =>
        h("option", { value: c.id, ...(c.online ? {} : { disabled: true }) }, [
          c.online ? c.name : `${c.name} (${TEXTS.notSignedIn})`,
        ]),
      ),
    );
    const units = h(
      "select",
      { id: "transfer-unit", "aria-label": TEXTS.transferToUnit },
      targets.units.map((u) => h("option", { value: u.id }, [u.name])),
    );
    // Each list goes with its radio: picking in one picks the radio too.
    clerks.addEventListener("change", () => (toClerk.input.checked = true));
    units.addEventListener("change", () => (toUnit.input.checked = true));
    openDialog({
      title: TEXTS.transferTitle,
      intro: TEXTS.transferIntro,
      body: [
        h("fieldset", { class: "choices" }, [
          h("legend", { class: "vh" }, [TEXTS.transferIntro]),
          h("div", { class: "choice-with-select" }, [toClerk.element, clerks]),
          h("div", { class: "choice-with-select" }, [toUnit.element, units]),
        ]),
      ],
      confirmLabel: TEXTS.transfer,
      confirm: () => {
        if (toClerk.input.checked) {
          const chosen = targets.clerks.find((c) => c.id === clerks.value && c.online);
          return chosen
            ? this.afterAction(TEXTS.transfer, this.actions.transfer({ clerkId: chosen.id }))
            : Promise.resolve(TEXTS.chooseClerk);
        }
        return units.value
          ? this.afterAction(TEXTS.transfer, this.actions.transfer({ unitId: units.value }))
          : Promise.resolve(TEXTS.chooseUnit);
      },
    });
  }

  private insert(text: string): void {
    const current = this.textarea.value.trim();
    this.textarea.value = current ? `${current} ${text}` : text;
    this.textarea.focus();
    this.textarea.setSelectionRange(this.textarea.value.length, this.textarea.value.length);
  }

  /** Shown at once as "đang gửi…"; the transcript takes it over once the server acks it. */
  private sendCurrent(): void {
    const text = this.textarea.value.trim();
    if (!text || !this.holding()) return;
    this.textarea.value = "";
    const local = localMessageElement(text, TEXTS.sending);
    this.pending.append(local);
    this.transcript.scrollToEnd();
    void this.actions.send(text).then((problem) => {
      local.remove();
      if (!problem) return;
      // Nothing typed since: the text comes back, ready to send again.
      if (!this.textarea.value) this.textarea.value = text;
      this.setNotice(problem, "error");
    });
  }
}

/** Live regions read a text again when it is set again: views come often, news does not. */
function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
