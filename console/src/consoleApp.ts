import type { ChatMessage } from "../../server/channels/web/protocol";
import type { ConsoleSettings, ConversationView, QueueItem } from "../../server/console/clerkProtocol";
import { h } from "../../widget/shared/dom";
import { newClientMessageId } from "../../widget/shared/newClientMessageId";
import { loginForm, passwordForm } from "./accountForms";
import { ArrivalBeep } from "./arrivalBeep";
import { AuthClient, type ConsoleUser } from "./authClient";
import { ClerkConnection, type ConnectionStatus } from "./clerkConnection";
import { backedUpAlerts, holds, isUnheld, mergeTranscript, needsClerk, newArrivals, pageTitle } from "./consoleFormat";
import { ConversationPanel } from "./conversationPanel";
import { DossierListView } from "./dossierListView";
import { DOSSIER_TEXTS } from "./dossierListTexts";
import { DossierPanel } from "./dossierPanel";
import { QueuePanel } from "./queuePanel";
import { TEXTS } from "./texts";
import { ReportHistoryView } from "./reportHistoryView";
import { DASHBOARD_TAB_LABEL, DashboardTab } from "./dashboardTab";
import { PostalView } from "./postalView";
import { PrivacyView } from "./privacyView";
import { PRIVACY_TEXTS } from "./privacyTexts";
import { POSTAL_TEXTS } from "./postalTexts";
import { WorkspaceTabs } from "./workspaceTabs";

/** Waits are shown in minutes: a 30 s refresh keeps them at most half a minute behind. */
const TICK_MS = 30_000;
/** After the server refused the socket and the session still holds, wait before trying again. */
const REFUSED_RETRY_MS = 5_000;
const SOUND_KEY = "khaiho.console.sound";

/** The whole console: sign-in, then the queue, the conversation and the dossier side by side. */
export class ConsoleApp {
  private readonly auth = new AuthClient();
  private readonly beep = new ArrivalBeep(readSound());
  private user: ConsoleUser | null = null;
  private connection: ClerkConnection | null = null;
  private workspace: Workspace | null = null;

  private queue: QueueItem[] = [];
  private previouslyNeeding: Set<string> | null = null;
  private unseen = new Set<string>();
  private selectedId: string | null = null;
  /** The outboxes' news and whether this node is cut from the others, shown together in the top bar. */
  private channelNews: string[] = [];
  private nodeApart = false;
  private view: ConversationView | null = null;
  private transcript: ChatMessage[] = [];
  private readonly procedureNames = new Map<string, string>();
  // Filled from the server's `console:settings` (the city's UNITS_FILE) and the queue's items.
  private readonly unitNames = new Map<string, string>();
  private tick: ReturnType<typeof setInterval> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly root: HTMLElement) {}

  async start(): Promise<void> {
    const me = await this.auth.me();
    if (me.ok) this.enter(me.user);
    else this.showLogin(me.status === 401 ? "" : me.message);
  }

  private showLogin(message: string): void {
    document.title = `${TEXTS.loginTitle} – Khai Hộ`;
    const form = loginForm(async (username, password) => {
      const result = await this.auth.login(username, password);
      if (!result.ok) return result.message;
      this.enter(result.user);
      return null;
    });
    this.root.replaceChildren(form.element);
    if (message) {
      const error = form.element.querySelector(".form-error");
      if (error) error.textContent = message;
    }
    form.focus();
  }

  /** Signed in: the forced password change first, then the workspace. */
  private enter(user: ConsoleUser): void {
    this.user = user;
    if (user.mustChangePassword) {
      this.showPasswordForm(true);
      return;
    }
    if (!this.workspace) this.workspace = this.buildWorkspace();
    this.showUserLine();
    this.root.replaceChildren(this.workspace.element);
    this.updateTitle();
    if (!this.connection) {
      this.connection = new ClerkConnection({
        status: (status) => this.onStatus(status),
        connected: () => this.onConnected(),
        queue: (items) => this.onQueue(items),
        message: (message) => this.onMessage(message),
        view: (view) => this.applyView(view),
        citizenTyping: (id) => this.workspace?.conversation.citizenTyping(id),
        note: (note) => {
          if (note.conversationId === this.selectedId) this.workspace?.conversation.addNote(note);
        },
        settings: (settings) => this.applySettings(settings),
        channels: (statuses) => {
          this.channelNews = backedUpAlerts(statuses);
          this.showAlerts();
        },
        cluster: (shared) => {
          this.nodeApart = !shared;
          this.showAlerts();
        },
      });
      this.connection.start();
      this.tick = setInterval(() => this.workspace?.queue.tick(Date.now()), TICK_MS);
    }
    this.workspace.queueHeading.focus();
  }

  private showPasswordForm(forced: boolean): void {
    document.title = `${TEXTS.changePassword} – Khai Hộ`;
    const leave = forced
      ? { label: TEXTS.logout, run: () => void this.logout() }
      : { label: TEXTS.cancel, run: () => this.enter(this.user!) };
    const form = passwordForm(
      this.user?.username ?? "",
      forced,
      async (current, next) => {
        const result = await this.auth.changePassword(current, next);
        if (!result.ok) return result.message;
        // Every other session of the account ended with the change, this socket's included.
        this.connection?.reconnect();
        this.enter(result.user);
        this.workspace?.conversation.setNotice(TEXTS.passwordChanged);
        return null;
      },
      leave,
    );
    this.root.replaceChildren(form.element);
    form.focus();
  }

  private async logout(message = ""): Promise<void> {
    if (!message) await this.auth.logout();
    this.connection?.stop();
    this.connection = null;
    clearInterval(this.tick);
    clearTimeout(this.retryTimer);
    this.workspace = null;
    this.user = null;
    this.queue = [];
    this.previouslyNeeding = null;
    this.unseen = new Set();
    this.selectedId = null;
    this.view = null;
    this.transcript = [];
    this.showLogin(message);
  }

  private buildWorkspace(): Workspace {
    const queue = new QueuePanel(
      { procedure: (item) => this.procedureName(item), unit: (id) => this.unitName(id) },
      () => this.user?.id ?? "",
      (id) => void this.select(id),
    );
    const conversation = new ConversationPanel(
      {
        take: () => this.take(),
        release: (at) => this.act((c, id) => c.release(id, at)),
        transfer: (to) => this.act((c, id) => c.transfer(id, to)),
        addNote: (text) => this.addNote(text),
        close: () => this.act((c, id) => c.close(id)),
        scanCard: (card) => this.act((c, id) => c.identityCard(id, card)),
        send: (text) => this.send(text),
        typing: () => {
          if (this.selectedId) this.connection?.typing(this.selectedId);
        },
        transferTargets: () =>
          this.selectedId && this.connection
            ? this.connection.transferTargets(this.selectedId)
            : Promise.resolve({ ok: false, code: "CONSOLE_OFFLINE", message: TEXTS.offline }),
        unitName: (id) => this.unitName(id),
      },
      () => this.user?.id ?? "",
    );
    const dossiers = new DossierListView({
      auth: this.auth,
      userId: () => this.user?.id ?? "",
      sessionLost: () => void this.checkSession(),
    });
    const dossier = new DossierPanel(
      () => this.user?.id ?? "",
      (field, text) => this.patch(field, text),
      (code) => {
        tabs.select("dossiers");
        dossiers.show(code);
      },
    );
    // The daily report covers every unit: for supervisors and administrators.
    const reports =
      this.user?.role === "clerk" ? null : new ReportHistoryView(this.auth, () => void this.checkSession());
    // For every role: the server shows a clerk their own units' figures only.
    const dashboard = new DashboardTab(() => void this.checkSession());
    const postal = new PostalView(this.auth, () => void this.checkSession());
    // A citizen's data requests are carried out by an administrator (the server refuses anyone else).
    const privacy = this.user?.role === "admin" ? new PrivacyView(this.auth, () => void this.checkSession()) : null;
    // The live view stays mounted while hidden: the socket, the sound and the title go on.
    const live = h("div", { class: "columns" }, [queue.element, conversation.element, dossier.element]);
    const tabs = new WorkspaceTabs(
      [
        { id: "queue", label: DOSSIER_TEXTS.queueTab, panel: live },
        { id: "dossiers", label: DOSSIER_TEXTS.dossiersTab, panel: dossiers.element },
        ...(reports ? [{ id: "reports", label: DOSSIER_TEXTS.reportsTab, panel: reports.element }] : []),
        { id: "dashboard", label: DASHBOARD_TAB_LABEL, panel: dashboard.element },
        { id: "postal", label: POSTAL_TEXTS.tab, panel: postal.element },
        ...(privacy ? [{ id: "privacy", label: PRIVACY_TEXTS.tab, panel: privacy.element }] : []),
      ],
      DOSSIER_TEXTS.tabsLabel,
      (id) => {
        if (id === "dossiers") dossiers.activate();
        if (id === "reports") reports?.activate();
        if (id === "dashboard") dashboard.activate();
        postal.selected(id === "postal");
      },
    );
    const sound = h("button", { type: "button", class: "ghost", "aria-pressed": String(this.beep.on) }, [
      this.beep.on ? TEXTS.soundOn : TEXTS.soundOff,
    ]);
    sound.addEventListener("click", () => {
      this.beep.on = !this.beep.on;
      writeSound(this.beep.on);
      sound.setAttribute("aria-pressed", String(this.beep.on));
      sound.textContent = this.beep.on ? TEXTS.soundOn : TEXTS.soundOff;
      if (this.beep.on) this.beep.play();
    });
    const password = h("button", { type: "button", class: "ghost" }, [TEXTS.changePassword]);
    password.addEventListener("click", () => this.showPasswordForm(false));
    const logout = h("button", { type: "button", class: "ghost" }, [TEXTS.logout]);
    logout.addEventListener("click", () => void this.logout());
    const userLine = h("span", { class: "user" });
    const connectionLine = h("p", { class: "connection", role: "status", hidden: true });
    const retry = h("button", { type: "button", class: "small" }, [TEXTS.retry]);
    retry.addEventListener("click", () => this.connection?.reconnect());
    const connectionText = h("span");
    connectionLine.append(connectionText, retry);
    const announcer = h("p", { class: "vh", "aria-live": "assertive" });
    // Always in the page, empty when all is well: a live region added with its news is not read out.
    const channelAlerts = h("p", { class: "channel-alerts", role: "status" });
    const queueHeading = queue.element.querySelector<HTMLElement>("#queue-title")!;
    queueHeading.setAttribute("tabindex", "-1");
    const element = h("div", { class: "workspace" }, [
      h("header", { class: "topbar" }, [
        h("h1", { class: "brand" }, ["Khai Hộ ", h("span", {}, ["Bàn làm việc"])]),
        tabs.element,
        channelAlerts,
        userLine,
        h("nav", { class: "topbar-actions", "aria-label": "Tài khoản" }, [sound, password, logout]),
      ]),
      connectionLine,
      h("main", { class: "views" }, [
        live,
        dossiers.element,
        ...(reports ? [reports.element] : []),
        dashboard.element,
        postal.element,
        ...(privacy ? [privacy.element] : []),
      ]),
      announcer,
    ]);
    return {
      element,
      tabs,
      queue,
      conversation,
      dossier,
      userLine,
      connectionLine,
      connectionText,
      channelAlerts,
      announcer,
      queueHeading,
    };
  }

  private onStatus(status: ConnectionStatus): void {
    const ws = this.workspace;
    if (!ws) return;
    clearTimeout(this.retryTimer);
    const offline = status === "reconnecting" || status === "refused";
    ws.connectionLine.hidden = !offline;
    ws.connectionText.textContent = status === "refused" ? TEXTS.refused : TEXTS.offline;
    if (status === "refused") void this.checkSession();
  }

  /** The socket was refused or cut by the server: an ended session goes back to the login. */
  private async checkSession(): Promise<void> {
    const me = await this.auth.me();
    if (!me.ok && me.status === 401) {
      await this.logout(TEXTS.sessionEnded);
      return;
    }
    if (me.ok && me.user.mustChangePassword) {
      this.enter(me.user);
      return;
    }
    this.retryTimer = setTimeout(() => this.connection?.reconnect(), REFUSED_RETRY_MS);
  }

  private applySettings(settings: ConsoleSettings): void {
    this.workspace?.conversation.setCannedReplies(settings.cannedReplies);
    for (const unit of Array.isArray(settings.units) ? settings.units : []) {
      if (typeof unit?.id === "string" && typeof unit.name === "string") this.unitNames.set(unit.id, unit.name);
    }
    this.showUserLine();
  }

  /** A badge per backed-up outbox ("Hàng đợi Zalo đang ùn: 23 công dân chờ gửi"); nothing otherwise. */
  /** The top bar's news: outboxes backed up, and this node cut from the others. */
  private showAlerts(): void {
    const ws = this.workspace;
    if (!ws) return;
    const alerts = [...(this.nodeApart ? [TEXTS.nodeApart] : []), ...this.channelNews];
    // Sent again on every reconnection: the same news is not read out twice.
    if (alerts.join("\n") === Array.from(ws.channelAlerts.children, (c) => c.textContent).join("\n")) return;
    ws.channelAlerts.replaceChildren(...alerts.map((text) => h("span", { class: "channel-alert" }, [text])));
  }

  private showUserLine(): void {
    if (this.workspace && this.user)
      this.workspace.userLine.textContent = `${this.user.displayName} · ${this.unitsOf(this.user)}`;
  }

  /** A new socket knows nothing of what was watched: watch it again, which also resyncs it. */
  private onConnected(): void {
    if (this.selectedId) void this.refresh();
  }

  private onQueue(items: QueueItem[]): void {
    for (const item of items) {
      if (item.procedureId && item.procedureName) this.procedureNames.set(item.procedureId, item.procedureName);
      if (item.unitId && item.unitName) this.unitNames.set(item.unitId, item.unitName);
    }
    const userId = this.user?.id ?? "";
    const arrivals = newArrivals(this.previouslyNeeding, items, userId);
    this.previouslyNeeding = new Set(items.filter((i) => needsClerk(i, userId)).map((i) => i.conversationId));
    const present = new Set(items.map((i) => i.conversationId));
    this.unseen = new Set([...this.unseen, ...arrivals].filter((id) => present.has(id) && id !== this.selectedId));
    this.queue = items;
    this.workspace?.queue.update(items, this.unseen);
    this.updateTitle();
    if (arrivals.length > 0) {
      this.beep.play();
      if (this.workspace) this.workspace.announcer.textContent = TEXTS.arrivals(arrivals.length);
    }
  }

  private updateTitle(): void {
    const waiting = this.queue.filter(isUnheld).length;
    document.title = pageTitle(waiting);
    this.workspace?.tabs.setCount("queue", waiting);
  }

  private async select(conversationId: string): Promise<void> {
    const ws = this.workspace;
    if (!ws || !this.connection) return;
    if (this.unseen.delete(conversationId)) ws.queue.update(this.queue, this.unseen);
    if (conversationId === this.selectedId && this.view) return;
    this.selectedId = conversationId;
    this.view = null;
    this.transcript = [];
    ws.queue.select(conversationId);
    ws.conversation.showEmpty(TEXTS.loading);
    ws.dossier.show(null, false);
    await this.refresh();
  }

  /** Watches the selected conversation again; when that is refused, leaves it with the reason. */
  private async refresh(): Promise<void> {
    const id = this.selectedId;
    if (!id || !this.connection) return;
    const result = await this.connection.watch(id);
    if (id !== this.selectedId) return;
    if (result.ok) {
      this.applyView(result.view);
      return;
    }
    if (this.view) {
      this.workspace?.conversation.setNotice(result.message, "error");
      return;
    }
    this.workspace?.conversation.showEmpty(result.message);
  }

  private applyView(view: ConversationView): void {
    const ws = this.workspace;
    if (!ws || !this.user || view.conversationId !== this.selectedId) return;
    if (view.procedureId && view.procedureName) this.procedureNames.set(view.procedureId, view.procedureName);
    this.view = view;
    this.transcript = mergeTranscript(this.transcript, view.transcript);
    ws.conversation.show(view, this.transcript);
    ws.dossier.show(view, holds(view, this.user.id));
  }

  private onMessage(message: ChatMessage): void {
    if (message.conversationId !== this.selectedId || !this.view) return;
    this.transcript = mergeTranscript(this.transcript, [message]);
    this.workspace?.conversation.show(this.view, this.transcript);
    if (message.author === "citizen") this.workspace?.conversation.citizenSent();
  }

  private async take(): Promise<string | null> {
    const id = this.selectedId;
    if (!id || !this.connection) return TEXTS.offline;
    const result = await this.connection.take(id);
    if (!result.ok) {
      // Whoever won, the view is stale: show who has it now.
      void this.refresh();
      return result.message;
    }
    this.applyView(result.view);
    return null;
  }

  /** Release, transfer, close: the server changes the conversation, the view is fetched anew. */
  private async act(
    run: (
      connection: ClerkConnection,
      conversationId: string,
    ) => Promise<{ ok: true } | { ok: false; message: string }>,
  ): Promise<string | null> {
    const id = this.selectedId;
    if (!id || !this.connection) return TEXTS.offline;
    const result = await run(this.connection, id);
    if (!result.ok) return result.message;
    await this.refresh();
    return null;
  }

  private async send(text: string): Promise<string | null> {
    const id = this.selectedId;
    if (!id || !this.connection) return TEXTS.offline;
    const clientMessageId = newClientMessageId();
    const result = await this.connection.send(id, clientMessageId, text);
    if (!result.ok) return result.message;
    // Shown under its seq now; the server's own copy, when it comes, takes the place.
    if (id === this.selectedId && this.view && !this.transcript.some((m) => m.seq === result.seq)) {
      this.onMessage({
        id: clientMessageId,
        seq: result.seq,
        conversationId: id,
        author: "clerk",
        text,
        at: new Date().toISOString(),
      });
    }
    return null;
  }

  private async addNote(text: string): Promise<string | null> {
    const id = this.selectedId;
    if (!id || !this.connection) return TEXTS.offline;
    const result = await this.connection.note(id, text);
    if (!result.ok) return result.message;
    if (id === this.selectedId) this.workspace?.conversation.addNote(result.note);
    return null;
  }

  private async patch(field: string, text: string): Promise<string | null> {
    const id = this.selectedId;
    if (!id || !this.connection) return TEXTS.offline;
    const result = await this.connection.patch(id, field, text);
    if (!result.ok) return result.message;
    this.applyView(result.view);
    return null;
  }

  private procedureName(item: QueueItem): string {
    if (item.procedureName) return item.procedureName;
    if (!item.procedureId) return TEXTS.noProcedure;
    return this.procedureNames.get(item.procedureId) ?? item.procedureId;
  }

  private unitName(unitId: string | null): string {
    return unitId ? (this.unitNames.get(unitId) ?? unitId) : TEXTS.noUnit;
  }

  private unitsOf(user: ConsoleUser): string {
    if (user.role !== "clerk") return "Tất cả đơn vị";
    return user.unitIds.map((id) => this.unitName(id)).join(", ") || TEXTS.noUnit;
  }
}

interface Workspace {
  element: HTMLElement;
  tabs: WorkspaceTabs;
  queue: QueuePanel;
  conversation: ConversationPanel;
  dossier: DossierPanel;
  userLine: HTMLElement;
  connectionLine: HTMLElement;
  connectionText: HTMLElement;
  channelAlerts: HTMLElement;
  announcer: HTMLElement;
  queueHeading: HTMLElement;
}

function readSound(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) !== "off";
  } catch {
    return true;
  }
}

function writeSound(on: boolean): void {
  try {
    localStorage.setItem(SOUND_KEY, on ? "on" : "off");
  } catch {
    // Storage blocked by policy: the choice lasts until the page is reloaded.
  }
}
