import type {
  ChatMessage,
  Choice,
  ConversationStateEvent,
  Locale,
  SendAck,
  SendMessage,
  SessionReady,
} from "../../server/channels/web/protocol";
import { ChatConnection, type ConnectionStatus } from "./chatConnection";
import { KhaiHoChatElement, type PendingBubble, type ViewTexts } from "./chatView";
import { ConversationStore, emptyConversation, type OutboxItem, type StoredConversation } from "./conversationStore";
import { UI_TEXT, type UiText } from "./locales";
import { MessageSequence } from "./messageSequence";
import { newClientMessageId } from "../shared/newClientMessageId";
import { IDENTITY_SCAN_CHOICE, IdentityScan } from "./identityScan";
import { fetchFormHtml, fetchUnitName, openFormWindow, uploadFile } from "./serverRequests";
import { localized, type ResolvedSettings } from "./settings";
import { WidgetEvents } from "./widgetEvents";

/** A message that came early waits this long for the ones before it, then the widget reconnects to get them. */
const GAP_WAIT_MS = 1_500;
/** The bot answers in well under a second; an indicator left after this is stale. */
const TYPING_MAX_MS = 20_000;
/** The clerk's console shows "typing" for a few seconds per signal: one every 2 s while typing is enough. */
const TYPING_SIGNAL_EVERY_MS = 2_000;
const UPLOAD_TYPES = ["image/jpeg", "image/png", "application/pdf"];
const UPLOAD_EXTENSION = /\.(jpe?g|png|pdf)$/i;

/**
 * The conversation as this browser knows it: stored transcript and outbox, the socket, and
 * the view. Every citizen message goes through the outbox, sent one at a time, so messages
 * reach the server once and in the order typed, across reloads and lost connections.
 */
export class ChatWidget {
  readonly events = new WidgetEvents();
  private readonly store: ConversationStore;
  private readonly connection: ChatConnection;
  private readonly view: KhaiHoChatElement;
  private readonly sequence: MessageSequence;
  private readonly identityScan: IdentityScan;
  private record: StoredConversation;
  private locale: Locale;
  private status: { status: ConnectionStatus; detail?: string } = { status: "idle" };
  /** `conversation:open` is sent once per page, after the panel was first opened. */
  private panelOpened = false;
  private conversationOpenSent = false;
  private inFlight: number | null = null;
  private attempts = 0;
  private uploading: string | null = null;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private typingSignalAt = 0;
  private gapTimer: ReturnType<typeof setTimeout> | undefined;
  private closedNoticeShown = false;
  /**
   * The language was switched and the question is being asked again in it: until it comes, the
   * previous language's buttons are not shown (a tap on them would answer a question being replaced).
   */
  private awaitingLocaleReply = false;
  private unread = 0;
  /** A state that came while messages before it were missing: it describes them, so it waits. */
  private heldState: ConversationStateEvent | null = null;
  /** The header's unit name: the page's own, or the server's name of the page's unit. */
  private unitName: string | undefined;

  constructor(private readonly settings: ResolvedSettings) {
    this.unitName = settings.unitName;
    this.store = new ConversationStore(settings.serverOrigin);
    this.record = this.store.load();
    this.locale = this.record.locale ?? settings.locale;
    this.sequence = new MessageSequence(this.record.lastSeq);
    this.connection = new ChatConnection(
      settings.serverOrigin,
      () => ({
        ...(this.record.token ? { token: this.record.token } : {}),
        lastSeq: this.sequence.lastSeq,
        locale: this.locale,
        ...(settings.unit ? { unit: settings.unit } : {}),
      }),
      {
        status: (status, detail) => this.onStatus(status, detail),
        session: (session) => this.onSession(session),
        message: (message) => this.onMessage(message),
        state: (state) => this.onState(state),
        typing: () => this.onTyping(),
      },
    );
    this.view = new KhaiHoChatElement();
    this.view.init({
      position: settings.position,
      accent: settings.accent,
      texts: this.viewTexts(),
      handlers: {
        toggle: () => this.toggle(),
        close: () => this.close(),
        switchLocale: () => this.setLocale(this.locale === "vi" ? "en" : "vi"),
        sendText: (text) => this.enqueue({ text }, text),
        choose: (choice) => this.choose(choice),
        attach: (file) => void this.attach(file),
        openForm: (code) => void this.openForm(code),
        retryConnection: () => this.connection.retry(),
        newConversation: () => this.reset(),
        composing: () => this.onComposing(),
      },
    });
    this.identityScan = new IdentityScan({
      serverOrigin: settings.serverOrigin,
      view: this.view,
      locale: () => this.locale,
      failed: () => this.view.appendNotice(this.ui.scannerFailed, { error: true }),
      qrRead: (text) => this.enqueue({ identityQr: text }, this.ui.cardScanned),
      photoChosen: (file) => void this.attach(file, "cardPhoto"),
    });
  }

  mount(): void {
    document.body.append(this.view);
    this.renderAll();
    // The units are the city's configuration, so their names come from the server, not the bundle.
    if (this.settings.unit && this.unitName === undefined) {
      void fetchUnitName(this.settings.serverOrigin, this.settings.unit).then((name) => {
        if (name === null) return;
        this.unitName = name;
        this.view.setTexts(this.viewTexts());
      });
    }
    // A stored token means a conversation to resume: connect now, so that its new messages
    // (a clerk's answer) are there when the citizen opens the panel.
    if (this.record.token) this.connection.start();
    if (this.record.open) this.open(false);
  }

  open(focus = true): void {
    if (this.view.isOpen) return;
    this.view.setOpen(true, focus);
    this.unread = 0;
    this.view.setUnread(0);
    this.panelOpened = true;
    this.save({ open: true });
    this.connection.start();
    this.openConversation();
    this.events.emit("open", undefined);
  }

  close(): void {
    if (!this.view.isOpen) return;
    this.identityScan.close();
    this.view.setOpen(false, true);
    this.save({ open: false });
    this.events.emit("close", undefined);
  }

  toggle(): void {
    if (this.view.isOpen) this.close();
    else this.open();
  }

  /** Forgets the token, the transcript and the outbox; the next connection starts a new conversation. */
  reset(): void {
    this.identityScan.close();
    this.connection.stop();
    this.store.clear();
    this.record = { ...emptyConversation(), locale: this.record.locale, open: this.view.isOpen };
    this.sequence.reset(0);
    this.heldState = null;
    this.conversationOpenSent = false;
    this.inFlight = null;
    this.closedNoticeShown = false;
    this.save({});
    this.renderAll();
    if (this.view.isOpen) this.connection.start();
  }

  setLocale(locale: Locale): void {
    if (locale !== "vi" && locale !== "en") return;
    if (locale === this.locale) return;
    this.identityScan.close();
    this.locale = locale;
    this.save({ locale });
    // Asked again, the server answers the current question in the new language (not while a clerk
    // holds the conversation: the clerk goes on in their own words).
    const status = this.record.state?.status;
    this.awaitingLocaleReply = this.conversationOpenSent && status !== "with_clerk" && status !== "waiting_clerk";
    this.view.setTexts(this.viewTexts());
    this.renderAll();
    if (this.conversationOpenSent) this.connection.openConversation(locale, () => {});
  }

  private onStatus(status: ConnectionStatus, detail?: string): void {
    this.status = detail === undefined ? { status } : { status, detail };
    if (status !== "online") {
      this.stopTyping();
      // Its ack will not come on this connection: the message goes again on the next one.
      this.inFlight = null;
    }
    this.renderStatus();
    this.renderPending();
  }

  private onSession(session: SessionReady): void {
    if (this.record.conversationId !== null && this.record.conversationId !== session.conversationId) {
      // The stored token was not accepted (expired, or the server's data was reset).
      const hadConversation = this.record.messages.length > 0 || this.record.outbox.length > 0;
      this.record = { ...emptyConversation(), locale: this.record.locale, open: this.record.open };
      this.sequence.reset(0);
      this.heldState = null;
      this.conversationOpenSent = false;
      this.renderAll();
      if (hadConversation) this.view.appendNotice(this.ui.conversationReplaced);
    }
    this.save({ token: session.token, conversationId: session.conversationId });
    this.openConversation();
    this.pump();
  }

  private onMessage(message: ChatMessage): void {
    const { ready, gap } = this.sequence.accept(message);
    for (const next of ready) this.show(next);
    if (ready.length > 0) {
      this.save({ lastSeq: this.sequence.lastSeq });
      this.renderControls();
    }
    if (gap) this.waitForGap();
    else if (this.heldState) {
      const state = this.heldState;
      this.heldState = null;
      this.onState(state);
    }
  }

  private show(message: ChatMessage): void {
    this.record.messages.push(message);
    if (message.author === "bot" || message.author === "clerk") {
      this.awaitingLocaleReply = false;
      this.stopTyping();
      if (!this.view.isOpen) this.view.setUnread(++this.unread);
    }
    if (message.progress !== undefined) this.renderHeader(message.progress);
    this.view.appendMessage(message);
    this.events.emit("message", message);
  }

  private onState(state: ConversationStateEvent): void {
    if (this.sequence.hasGap) {
      this.heldState = state;
      return;
    }
    this.save({ state });
    this.renderHeader(state.progress);
    const { receipts } = this.record;
    if (state.dossierCode && !receipts.some((r) => r.dossierCode === state.dossierCode)) {
      const afterSeq = this.seqTelling(state.dossierCode);
      this.save({ receipts: [...receipts, { dossierCode: state.dossierCode, afterSeq }] });
      this.view.appendReceipt(state.dossierCode, afterSeq);
      this.events.emit("submitted", { dossierCode: state.dossierCode, conversationId: this.record.conversationId });
    }
    if (state.status === "closed" && !this.closedNoticeShown) {
      this.closedNoticeShown = true;
      this.view.appendNotice(this.ui.conversationClosed, {
        action: { label: this.ui.newConversation, run: () => this.reset() },
      });
    }
  }

  /** The message that gave the receipt code: the card goes under it, before the questions after it. */
  private seqTelling(dossierCode: string): number {
    const messages = this.record.messages;
    for (let i = messages.length - 1; i >= 0; i--) {
      const message = messages[i]!;
      if (message.author === "bot" && message.text.includes(dossierCode)) return message.seq;
    }
    return this.sequence.lastSeq;
  }

  private onTyping(): void {
    this.view.setTyping(true, this.record.state?.status === "with_clerk" ? this.ui.clerkTyping : this.ui.typing);
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.stopTyping(), TYPING_MAX_MS);
  }

  /** Only a clerk reads along as the citizen types; the bot waits for the message. */
  private onComposing(): void {
    if (this.record.state?.status !== "with_clerk" || Date.now() - this.typingSignalAt < TYPING_SIGNAL_EVERY_MS) return;
    this.typingSignalAt = Date.now();
    this.connection.sendTyping();
  }

  private stopTyping(): void {
    clearTimeout(this.typingTimer);
    this.view.setTyping(false);
  }

  private waitForGap(): void {
    if (this.gapTimer !== undefined) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined;
      if (this.sequence.hasGap) this.connection.resync();
    }, GAP_WAIT_MS);
  }

  private openConversation(): void {
    if (!this.panelOpened || this.conversationOpenSent || !this.connection.ready) return;
    this.conversationOpenSent = true;
    this.connection.openConversation(this.locale, (confirmed) => {
      // Lost with the connection: asked again on the next one. Merely unacknowledged: the
      // server may not ack it, and asking twice would repeat the question.
      if (!confirmed && !this.connection.ready) this.conversationOpenSent = false;
    });
  }

  private choose(choice: Choice): void {
    if (choice.value === IDENTITY_SCAN_CHOICE) {
      void this.identityScan.open();
      return;
    }
    this.enqueue({ choice: choice.value }, choice.label);
  }

  private enqueue(content: Omit<SendMessage, "clientMessageId">, display: string): void {
    // A message sent ends the typing: the next keystroke is news to the clerk at once.
    this.typingSignalAt = 0;
    const item: OutboxItem = { payload: { clientMessageId: newClientMessageId(), ...content }, display };
    this.save({ outbox: [...this.record.outbox, item] });
    this.renderPending();
    this.renderControls();
    this.renderStatus();
    if (!this.connection.started) this.connection.start();
    this.pump();
  }

  /** Sends the oldest unacknowledged message, and only it: the next goes when it is acknowledged. */
  private pump(): void {
    const item = this.record.outbox[0];
    if (!item || this.inFlight !== null || !this.connection.ready) return;
    const attempt = ++this.attempts;
    this.inFlight = attempt;
    this.renderPending();
    this.connection.send(item.payload, (result) => this.onAck(attempt, item, result));
  }

  private onAck(attempt: number, item: OutboxItem, result: SendAck | "timeout"): void {
    if (this.inFlight === attempt) this.inFlight = null;
    const id = item.payload.clientMessageId;
    if (result === "timeout") {
      // Sent again under the same id: the server answers a duplicate with the first ack.
      this.pump();
      return;
    }
    const outbox = this.record.outbox.filter((o) => o.payload.clientMessageId !== id);
    if (outbox.length === this.record.outbox.length) return;
    this.save({ outbox });
    if (result.ok) {
      if (result.seq > this.sequence.lastSeq) {
        // The server sends the citizen's message to the conversation's other tabs only: here,
        // the ack says where it stands.
        this.onMessage({
          id: result.messageId,
          seq: result.seq,
          conversationId: this.record.conversationId ?? "",
          author: "citizen",
          text: item.display,
          at: new Date().toISOString(),
        });
      }
    } else {
      this.view.appendNotice(result.error.message || this.ui.sendFailed, { error: true });
      if (item.payload.text !== undefined && this.view.composerText === "") this.view.composerText = item.payload.text;
    }
    this.renderPending();
    this.renderControls();
    this.renderStatus();
    this.pump();
  }

  /** A document for an upload step, or a photo of an ID card's front to be read on the server. */
  private async attach(file: File, purpose: "document" | "cardPhoto" = "document"): Promise<void> {
    if (!UPLOAD_TYPES.includes(file.type) && !UPLOAD_EXTENSION.test(file.name)) {
      this.view.appendNotice(this.ui.uploadWrongType, { error: true });
      return;
    }
    const token = this.record.token;
    if (!token || this.uploading !== null) {
      if (!token) this.view.appendNotice(this.ui.uploadFailed, { error: true });
      return;
    }
    this.uploading = file.name;
    this.renderPending();
    this.renderControls();
    const result = await uploadFile(this.settings.serverOrigin, token, file);
    this.uploading = null;
    if (result.ok && purpose === "cardPhoto") this.enqueue({ cardPhotoId: result.attachmentId }, this.ui.cardPhotoSent);
    else if (result.ok) this.enqueue({ attachmentId: result.attachmentId }, this.ui.fileSent(file.name));
    else {
      this.view.appendNotice(result.message ?? this.ui.uploadFailed, { error: true });
      this.renderPending();
      this.renderControls();
    }
  }

  private async openForm(dossierCode: string): Promise<void> {
    const token = this.record.token;
    const show = openFormWindow();
    const html = token ? await fetchFormHtml(this.settings.serverOrigin, token, dossierCode) : null;
    show(html, `to-khai-${dossierCode}.html`);
    if (html === null) this.view.appendNotice(this.ui.formFailed, { error: true });
  }

  private renderAll(): void {
    this.view.clearTranscript();
    const { receipts } = this.record;
    const firstSeq = this.record.messages[0]?.seq ?? Infinity;
    for (const receipt of receipts) if (receipt.afterSeq < firstSeq) this.view.appendReceipt(receipt.dossierCode);
    for (const message of this.record.messages) {
      this.view.appendMessage(message);
      for (const receipt of receipts)
        if (receipt.afterSeq === message.seq) this.view.appendReceipt(receipt.dossierCode);
    }
    this.view.scrollToEnd();
    this.renderHeader(this.record.state?.progress ?? null);
    this.renderPending();
    this.renderControls();
    this.renderStatus();
  }

  private renderHeader(progress: { step: number; total: number } | null): void {
    const status = this.record.state?.status;
    const note = status === "waiting_clerk" ? this.ui.waitingClerk : status === "with_clerk" ? this.ui.withClerk : null;
    this.view.setProgress(status === "completed" || status === "closed" ? null : progress, note);
  }

  private renderPending(): void {
    const ready = this.connection.ready;
    const bubbles: PendingBubble[] = this.record.outbox.map((item) => ({
      text: item.display,
      note: ready ? this.ui.sending : this.ui.notSentYet,
    }));
    if (this.uploading !== null) bubbles.push({ text: this.uploading, note: this.ui.uploading });
    this.view.setPending(bubbles);
  }

  /** Choices and the file button belong to the question asked after the citizen's last message. */
  private renderControls(): void {
    let choices: Choice[] = [];
    let upload = false;
    const messages = this.record.messages;
    for (let i = messages.length - 1; i >= 0; i--) {
      const message = messages[i]!;
      if (message.author === "citizen") break;
      if (message.author !== "bot" && message.author !== "clerk") continue;
      if (choices.length === 0 && message.choices?.length) choices = message.choices;
      if (message.input?.kind === "upload") upload = true;
    }
    const answered = this.record.outbox.length > 0 || this.uploading !== null;
    this.view.setChoices(answered || this.awaitingLocaleReply ? [] : choices);
    this.view.setAttachVisible(upload && this.uploading === null);
  }

  private renderStatus(): void {
    const { status, detail } = this.status;
    const ui = this.ui;
    const queued = this.record.outbox.length > 0 ? ` ${ui.queued}` : "";
    if (status === "connecting") this.view.setStatus(ui.connecting, false);
    else if (status === "reconnecting") this.view.setStatus(ui.reconnecting + queued, false);
    else if (status === "refused") this.view.setStatus((detail ?? ui.refused) + queued, true);
    else this.view.setStatus(null, false);
  }

  private save(change: Partial<StoredConversation>): void {
    this.record = { ...this.record, ...change };
    this.store.save(this.record);
  }

  private get ui(): UiText {
    return UI_TEXT[this.locale];
  }

  private viewTexts(): ViewTexts {
    const { settings, locale } = this;
    const ui = UI_TEXT[locale];
    const welcome = settings.welcome === undefined ? undefined : localized(settings.welcome, locale, "");
    return {
      locale,
      ui,
      title: localized(settings.title, locale, ui.title),
      launcher: localized(settings.launcherTitle, locale, ui.launcher),
      ...(welcome ? { welcome } : {}),
      ...(this.unitName ? { unitName: this.unitName } : {}),
    };
  }
}
