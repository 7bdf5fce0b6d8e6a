/**
 * The widget in a real browser. Debian's Chromium (never a downloaded one), the
 * demo city page as served by a real server, the real `widget.js`, a citizen's clicks and keys.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import type { Choice } from "../../server/channels/web/protocol";
import { initialState } from "../../server/engine/conversationState";
import type { EngineInput } from "../../server/engine/engineIO";
import { transition } from "../../server/engine/transition";
import { buildWidget } from "../../widget/build";
import { jpegPhoto } from "../support/documentFiles";
import { catalogue, walkFlow } from "../support/flowWalker";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";

const CHROMIUM = "/usr/bin/chromium";
const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const DOCS = path.resolve(__dirname, "../../docs");
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
// DPR 2: a phone screenshot at 1× is too coarse to read the Vietnamese diacritics.
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

const PROCEDURE = "dang-ky-khai-sinh";
/** The demo page's `data-unit`. */
const UNIT = "an-thanh";
/** What a father registering his daughter answers; the other questions get the walker's samples. */
const ANSWERS: Readonly<Record<string, string>> = {
  requesterFullName: "Trần Văn Hùng",
  requesterDateOfBirth: "12/04/1992",
  requesterIdNumber: "087092012345",
  requesterIdIssueDate: "10/06/2021",
  requesterIdIssuer: "Cục Cảnh sát QLHC về TTXH",
  childFullName: "Trần Bảo Ngọc",
  // Before the walker's fixed clock (2026-11-27), so never in the future for the real one.
  childDateOfBirth: "15/11/2026",
  childGender: "Nữ",
  childPlaceOfBirth: "Bệnh viện Đa khoa khu vực Hồng Ngự, Đồng Tháp",
  childHometown: "xã Tân Hội, tỉnh Đồng Tháp",
  motherFullName: "Lê Thị Mai",
  motherBirthDateOrYear: "1995",
  motherIdNumber: "087195001234",
  parentsMarriageCertNumber: "15",
  parentsMarriageCertBook: "01/2018",
  parentsMarriageRegDate: "20/05/2018",
  parentsMarriageRegPlace: "UBND phường An Thạnh, Đồng Tháp",
};
/** The page is reloaded after this many answers, on the child's gender: a question with buttons. */
const RELOAD_AFTER = 11;
/** A real photo: the server decodes and re-encodes every image it accepts. */
let JPEG: Buffer;

// The functions given to `page.evaluate` run in the browser. The project's type library has
// no DOM (the server must not use it): these declarations name the little that they touch.
interface PageElement {
  readonly tagName: string;
  readonly id: string;
  readonly className: string;
  readonly hidden: boolean;
  readonly textContent: string | null;
  readonly firstChild: { readonly textContent: string | null } | null;
  readonly shadowRoot: PageShadowRoot | null;
  readonly parentElement: PageElement | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  getBoundingClientRect(): { x: number; y: number; width: number; height: number };
  setAttribute(name: string, value: string): void;
  append(...nodes: (PageElement | string)[]): void;
}
interface PageShadowRoot {
  readonly activeElement: PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}
declare const document: {
  readonly activeElement: PageElement | null;
  readonly body: PageElement;
  querySelector(selector: string): PageElement | null;
  createElement(tag: string): PageElement;
};
declare const localStorage: { getItem(key: string): string | null };
declare const location: { readonly origin: string };
declare function getComputedStyle(element: PageElement): Record<string, string>;

interface Line {
  seq: number;
  author: string;
  text: string;
}

/** What the citizen sees in the widget, read in one go. */
interface WidgetView {
  open: boolean;
  /** The transcript: bubbles with a `seq`, without the hidden author prefix. */
  messages: Line[];
  /** The citizen's messages not yet acknowledged, with their note (“Đang gửi…”). */
  pending: { text: string; note: string }[];
  choices: string[];
  attachVisible: boolean;
  /** The status line (“Đang kết nối lại…”); null when connected. */
  status: string | null;
  progress: string;
  /** The codes on the receipt cards, in the order shown. */
  receiptCodes: string[];
  /** Lines from the widget itself (errors, notices). */
  notices: string[];
  /** Where the keyboard focus is: `launcher`, `input`… inside the widget, `page:A` outside. */
  focus: string;
}

function readWidgetInPage(): WidgetView | null {
  const root = document.querySelector("khai-ho-chat")?.shadowRoot;
  if (!root) return null;
  const all = (selector: string): PageElement[] => Array.from(root.querySelectorAll(selector));
  const shown = (selector: string): boolean => {
    const element = root.querySelector(selector);
    for (let el = element; el; el = el.parentElement) if (el.hidden) return false;
    return element !== null;
  };
  const bubbleText = (el: PageElement): string =>
    (el.textContent ?? "").slice((el.firstChild?.textContent ?? "").length);
  const active = document.activeElement;
  let focus = active ? `page:${active.tagName}` : "none";
  if (active?.tagName === "KHAI-HO-CHAT") {
    const inner = root.activeElement;
    focus =
      inner === null
        ? "widget"
        : inner.id === "kh-input"
          ? "input"
          : (inner.className.split(" ")[0] ?? "") || inner.tagName;
  }
  const status = root.querySelector(".status");
  return {
    open: shown(".panel"),
    messages: all(".messages .msg[data-seq]").map((el) => ({
      seq: Number(el.getAttribute("data-seq")),
      author: /msg-(\w+)/.exec(el.className)?.[1] ?? "",
      text: bubbleText(el),
    })),
    pending: all(".pending .outgoing").map((el) => ({
      text: bubbleText(el.querySelector(".msg")!),
      note: el.querySelector(".meta")?.textContent ?? "",
    })),
    choices: shown(".choices") ? all(".choices .choice").map((el) => el.textContent ?? "") : [],
    attachVisible: shown(".attach"),
    status: status && !status.hidden ? (status.firstChild?.textContent ?? "") : null,
    progress: shown(".sub span + span") ? (root.querySelector(".sub span + span")?.textContent ?? "") : "",
    receiptCodes: all(".done-code").map((el) => el.textContent ?? ""),
    notices: all(".messages .msg-system:not([data-seq])").map((el) => el.textContent ?? ""),
    focus,
  };
}

async function readWidget(page: Page): Promise<WidgetView> {
  const view = await page.evaluate(readWidgetInPage);
  if (!view) throw new Error("the page has no <khai-ho-chat> element");
  return view;
}

/**
 * Waits until the widget shows what `test` expects, reading it as it changes. On timeout the
 * error says what was awaited and what the widget showed instead.
 */
async function until(
  page: Page,
  test: (view: WidgetView) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<WidgetView> {
  const deadline = Date.now() + timeoutMs;
  let view: WidgetView | null = null;
  for (;;) {
    view = await page.evaluate(readWidgetInPage);
    if (view && test(view)) return view;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const shown = view ? { ...view, messages: view.messages.slice(-4) } : null;
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}; the widget showed ${JSON.stringify(shown, null, 1)}`,
  );
}

const lastMessage = (view: WidgetView): Line | undefined => view.messages[view.messages.length - 1];
const firstLine = (text: string): string => text.split("\n")[0]!.trim();
const sameAnswer = (a: string, b: string): boolean =>
  a.normalize("NFC").trim().toLocaleLowerCase("vi") === b.normalize("NFC").trim().toLocaleLowerCase("vi");

/** One answer of the walk, with what the citizen sees around it. */
interface Turn {
  input: EngineInput;
  /** The button to click for a `choice` input: the label the bot offered for its value. */
  label?: string;
  /** First line of the bot's last message in answer; null when the answer files the dossier. */
  next: string | null;
}

/**
 * The birth registration as the flow walker answers it, replayed through the engine from the
 * greeting (the server's first message) to know, for each answer, the question it leads to.
 */
function birthRegistration(): { turns: Turn[]; childName: string } {
  // The widget talks to a server on the real clock: the walk and its replay run on it too.
  const clock = { now: new Date() };
  const walk = walkFlow(PROCEDURE, { unitId: UNIT, answers: ANSWERS, clock });
  if (!walk.draft) throw new Error(`the walker did not reach the submission of ${PROCEDURE}`);
  const cat = catalogue();
  const start = transition(cat, initialState("vi", UNIT), { kind: "start", locale: "vi", unitId: UNIT }, clock);
  let state = start.state;
  let offered: Choice[] = start.replies.flatMap((r) => r.choices ?? []);
  const turns = walk.inputs.map((input): Turn => {
    const label = input.kind === "choice" ? offered.find((c) => c.value === input.value)?.label : undefined;
    if (input.kind === "choice" && label === undefined) throw new Error(`no button offers the choice "${input.value}"`);
    const result = transition(cat, state, input, clock);
    state = result.state;
    offered = result.replies.flatMap((r) => r.choices ?? []);
    const last = result.replies[result.replies.length - 1];
    return { input, ...(label === undefined ? {} : { label }), next: last ? firstLine(last.text) : null };
  });
  return { turns, childName: String(walk.draft.fields.childFullName) };
}

const widgetLocator = (page: Page) => page.locator("khai-ho-chat");

async function clickChoice(page: Page, label: string): Promise<void> {
  await widgetLocator(page).locator(".choices").getByRole("button", { name: label, exact: true }).click();
}

async function typeAndSend(page: Page, text: string): Promise<void> {
  const input = widgetLocator(page).locator("textarea");
  await input.fill(text);
  await input.press("Enter");
}

/** Answers as a citizen: the bot's button when it offers one with that label, the keyboard otherwise. */
async function answer(page: Page, turn: Turn): Promise<"clicked" | "typed" | "uploaded"> {
  const before = await readWidget(page);
  const lastSeq = lastMessage(before)?.seq ?? 0;
  const { input } = turn;
  let how: "clicked" | "typed" | "uploaded";
  if (input.kind === "choice") {
    await clickChoice(page, turn.label!);
    how = "clicked";
  } else if (input.kind === "attachment") {
    expect(before.attachVisible).toBe(true);
    const chooser = page.waitForEvent("filechooser");
    await widgetLocator(page).locator(".attach").click();
    await (await chooser).setFiles({ name: "giay-chung-sinh.jpg", mimeType: "image/jpeg", buffer: JPEG });
    how = "uploaded";
  } else if (input.kind === "text") {
    const label = before.choices.find((choice) => sameAnswer(choice, input.text));
    if (label === undefined) await typeAndSend(page, input.text);
    else await clickChoice(page, label);
    how = label === undefined ? "typed" : "clicked";
  } else {
    throw new Error(`a citizen cannot send a ${input.kind} input`);
  }
  const answered = turn.next ? ` and answered with "${turn.next}"` : "";
  const what = `${how} ${JSON.stringify(input)} to be acknowledged${answered}`;
  await until(
    page,
    (view) => {
      if (view.pending.length > 0 || !view.messages.some((m) => m.author === "citizen" && m.seq > lastSeq))
        return false;
      const last = lastMessage(view);
      return turn.next === null || (last?.author === "bot" && last.text.startsWith(turn.next));
    },
    what,
  );
  return how;
}

/** Every message once, in `seq` order, numbered without gaps. */
function expectWholeTranscript(lines: readonly Line[]): void {
  const seqs = lines.map((line) => line.seq);
  expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
}

/** The conversation's token, as the widget stored it (to ask the server for its own transcript). */
async function storedToken(page: Page): Promise<string> {
  const raw = await page.evaluate(() => localStorage.getItem(`khaiho:${location.origin}`));
  const token = (JSON.parse(raw ?? "{}") as { token?: unknown }).token;
  if (typeof token !== "string") throw new Error("the widget stored no token");
  return token;
}

/** The whole conversation as the server has it, read by a second client with the token. */
async function serverTranscript(url: string, token: string): Promise<Line[]> {
  const reader = new Citizen(url, { token, lastSeq: 0 });
  try {
    await reader.ready();
    return reader.messages.map((m) => ({ seq: m.seq, author: m.author, text: m.text }));
  } finally {
    reader.close();
  }
}

/** Today's date in Vietnam, as in receipt codes: "20261127". */
const vietnamDay = (): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date()).replace(/-/g, "");

const chromiumMissing = !existsSync(CHROMIUM);
if (chromiumMissing && process.env.CI === "true") {
  describe("browser tests on CI", () => {
    it("find Chromium at /usr/bin/chromium", () => {
      throw new Error(
        `${CHROMIUM} is missing: install the Debian package with "apt-get install -y chromium" (.ci/run does it). ` +
          `On CI the browser tests must run.`,
      );
    });
  });
} else if (chromiumMissing) {
  process.stderr.write("browser tests skipped: /usr/bin/chromium is missing\n");
}

(chromiumMissing ? describe.skip : describe)("the widget on the demo page, in Chromium", () => {
  let server: TestServer | null = null;
  let browser: Browser | null = null;
  let buildDir: string | null = null;
  let contexts: BrowserContext[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    JPEG = await jpegPhoto();
    buildDir = mkdtempSync(path.join(tmpdir(), "khai-ho-e2e-"));
    const built = await buildWidget({ outFile: path.join(buildDir, "widget.js") });
    const widget = readFileSync(built.outFile, "utf8");
    // The page's origin is 127.0.0.1 on a port chosen at listen time; the birth registration
    // alone sends about 40 messages in a few seconds.
    server = await startTestServer(
      { ALLOWED_ORIGINS: "*", RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000" },
      undefined,
      widget,
    );
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, timeout: 20_000 });
  }, 30_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  }, 15_000);

  afterEach(async () => {
    const open = contexts;
    contexts = [];
    await Promise.all(open.map((context) => context.close().catch(() => {})));
    const errors = pageErrors;
    pageErrors = [];
    expect(errors).toEqual([]);
  }, 10_000);

  /** A fresh context (its own localStorage: a new citizen) on the demo page, the widget loaded. */
  async function openDemoPage(options: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser!.newContext(options);
    contexts.push(context);
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${server!.url}/`);
    await widgetLocator(page).locator(".launcher").waitFor({ state: "visible" });
    return { context, page };
  }

  async function openChat(page: Page): Promise<WidgetView> {
    await widgetLocator(page).locator(".launcher").click();
    return until(
      page,
      (view) => view.open && view.status === null && view.choices.length > 0,
      "the greeting and its menu",
    );
  }

  it("completes a birth registration by clicks and typing, each message once and in order over a reload", async () => {
    const { turns, childName } = birthRegistration();
    const firstDay = vietnamDay();
    const { page } = await openDemoPage(DESKTOP);
    await openChat(page);
    const ways: string[] = [];

    for (const [i, turn] of turns.entries()) {
      if (i === RELOAD_AFTER) {
        const before = await readWidget(page);
        await page.reload();
        const after = await until(
          page,
          (view) => view.open && view.status === null && view.messages.length > 0,
          "the panel, reopened and connected after the reload",
        );
        expect(after.messages).toEqual(before.messages);
        expectWholeTranscript(after.messages);
        expect(lastMessage(after)?.text.startsWith(turns[i - 1]!.next!)).toBe(true);
        expect(after.choices).toEqual(before.choices);
        expect(after.progress).toBe(before.progress);
        // Nothing came in twice, nothing is missing: the server's transcript is the same.
        const onServer = await serverTranscript(server!.url, await storedToken(page));
        expect(onServer.map(({ seq, author }) => ({ seq, author }))).toEqual(
          after.messages.map(({ seq, author }) => ({ seq, author })),
        );
        await page.screenshot({ path: path.join(DOCS, "widget-desktop.png"), animations: "disabled", caret: "hide" });
      }
      ways.push(await answer(page, turn));
    }

    const done = await until(page, (view) => view.receiptCodes.length > 0, "the receipt code card");
    expect(done.receiptCodes).toEqual([expect.stringMatching(/^HN-\d{8}-0001-[23456789BCDFGHJKMNPQRSTVWXZ]{4}$/)]);
    const code = done.receiptCodes[0]!;
    // The filing date, in Vietnam; either side of midnight if the test ran across it.
    expect([firstDay, vietnamDay()]).toContain(code.slice(3, 11));
    expectWholeTranscript(done.messages);
    expect(done.notices).toEqual([]);
    expect(done.messages.filter((m) => m.author === "citizen")).toHaveLength(turns.length);
    expect(ways.filter((w) => w === "clicked").length).toBeGreaterThanOrEqual(8);
    expect(ways.filter((w) => w === "typed").length).toBeGreaterThanOrEqual(10);
    expect(ways).toContain("uploaded");

    const popup = page.waitForEvent("popup");
    await widgetLocator(page).getByRole("button", { name: "Xem/in tờ khai" }).click();
    const form = await popup;
    await form.waitForURL(/^blob:/);
    const formText = await form.locator("body").innerText();
    expect(formText).toContain("TỜ KHAI ĐĂNG KÝ KHAI SINH");
    expect(formText).toContain(childName.toLocaleUpperCase("vi"));
    expect(formText).toContain(code);

    // Reloaded at the end, the conversation and its one receipt card are still there.
    await page.reload();
    const reloaded = await until(
      page,
      (view) => view.open && view.status === null,
      "the panel, reopened and connected after the last reload",
    );
    expect(reloaded.messages).toEqual(done.messages);
    expect(reloaded.receiptCodes).toEqual([code]);
  }, 45_000);

  it("sends a message typed while offline once, when the connection is back, and gets its answer", async () => {
    const { context, page } = await openDemoPage(DESKTOP);
    const greeted = await openChat(page);
    const lastSeq = lastMessage(greeted)!.seq;
    const text = "Tôi muốn đăng ký khai sinh cho con";

    await context.setOffline(true);
    await until(page, (view) => view.status !== null, "the status line saying the connection is lost");
    await typeAndSend(page, text);
    const waiting = await until(page, (view) => view.pending.length === 1, "the message waiting to be sent");
    expect(waiting.pending).toEqual([{ text, note: "Chưa gửi — chờ kết nối" }]);
    expect(waiting.messages.filter((m) => m.seq > lastSeq)).toEqual([]);

    await context.setOffline(false);
    // Socket.IO reconnects after its backoff (1 to 5 s).
    const answered = await until(
      page,
      (view) =>
        view.status === null &&
        view.pending.length === 0 &&
        lastMessage(view)?.author === "bot" &&
        lastMessage(view)!.seq > lastSeq + 1,
      "the message delivered and answered after reconnecting",
      12_000,
    );
    expect(answered.messages.filter((m) => m.author === "citizen" && m.text === text)).toHaveLength(1);
    expectWholeTranscript(answered.messages);
    const stored = await serverTranscript(server!.url, await storedToken(page));
    expect(stored.filter((m) => m.author === "citizen" && m.text === text)).toHaveLength(1);
  }, 20_000);

  it("works with the keyboard alone: Tab reaches the launcher, Enter opens and sends, Escape closes", async () => {
    const { page } = await openDemoPage(DESKTOP);
    let focus = "";
    for (let presses = 0; presses < 30 && focus !== "launcher"; presses++) {
      await page.keyboard.press("Tab");
      focus = (await readWidget(page)).focus;
    }
    expect(focus).toBe("launcher");

    await page.keyboard.press("Enter");
    const greeted = await until(
      page,
      (view) => view.open && view.choices.length > 0,
      "the panel open with the greeting",
    );
    expect(greeted.focus).toBe("input");

    const text = "khai sinh";
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
    const lastSeq = lastMessage(greeted)!.seq;
    const answered = await until(
      page,
      (view) =>
        view.pending.length === 0 && lastMessage(view)?.author === "bot" && lastMessage(view)!.seq > lastSeq + 1,
      "the typed message sent and answered",
    );
    expect(answered.messages.filter((m) => m.seq > lastSeq)[0]).toMatchObject({ author: "citizen", text });
    expect(answered.focus).toBe("input");

    await page.keyboard.press("Escape");
    const closed = await until(page, (view) => !view.open, "the panel closed");
    expect(closed.focus).toBe("launcher");
  }, 15_000);

  it("keeps its own look under the demo page's hostile CSS and leaks none of it into the page", async () => {
    const { page } = await openDemoPage(DESKTOP);
    await openChat(page);
    // The launcher was just clicked: moved off it, it shows its resting colour, not its hover one.
    await page.mouse.move(0, 0);
    const styles = await page.evaluate(() => {
      const root = document.querySelector("khai-ho-chat")!.shadowRoot!;
      const pick = (el: PageElement) => {
        const s = getComputedStyle(el);
        return {
          fontFamily: s.fontFamily!,
          fontSize: s.fontSize!,
          position: s.position!,
          borderTopWidth: s.borderTopWidth!,
          borderTopColor: s.borderTopColor!,
          backgroundColor: s.backgroundColor!,
          borderRadius: s.borderTopLeftRadius!,
          boxSizing: s.boxSizing!,
        };
      };
      // A button of the page's own, with the widget's class names: the widget's rules must not reach it.
      const own = document.createElement("button");
      own.setAttribute("class", "launcher choice");
      own.append("page button");
      document.body.append(own);
      return {
        launcher: pick(root.querySelector(".launcher")!),
        choice: pick(root.querySelector(".choice")!),
        bubble: pick(root.querySelector(".msg-bot")!),
        input: pick(root.querySelector("textarea")!),
        pageButton: pick(own),
      };
    });
    // `button { all: unset; font: 700 22px "Courier New" }`, `div { border: 3px solid red }`,
    // `textarea { font-size: 11px !important }` and `* { box-sizing: content-box !important }` on the page.
    expect(styles.launcher).toMatchObject({
      fontSize: "16px",
      position: "fixed",
      backgroundColor: "rgb(11, 92, 171)",
      borderRadius: "26px",
      boxSizing: "border-box",
    });
    expect(styles.launcher.fontFamily).not.toMatch(/courier/i);
    expect(styles.choice).toMatchObject({
      borderTopWidth: "2px",
      borderTopColor: "rgb(11, 92, 171)",
      borderRadius: "22px",
    });
    expect(styles.bubble).toMatchObject({
      borderTopWidth: "1px",
      backgroundColor: "rgb(255, 255, 255)",
      fontSize: "16px",
    });
    expect(styles.input.fontSize).toBe("16px");
    expect(styles.pageButton.fontFamily).toMatch(/courier/i);
    expect(styles.pageButton).toMatchObject({
      fontSize: "22px",
      position: "static",
      backgroundColor: "rgba(0, 0, 0, 0)",
    });
  }, 15_000);

  it("fills a phone's screen, with a 16px composer the keyboard does not zoom", async () => {
    const { page } = await openDemoPage(PHONE);
    await widgetLocator(page).locator(".launcher").tap();
    await until(
      page,
      (view) => view.open && view.status === null && view.choices.length > 0,
      "the greeting and its menu",
    );
    const { turns } = birthRegistration();
    // The procedure, the name, the date of birth, the residence: the next question has five buttons.
    for (const turn of turns.slice(0, 4)) await answer(page, turn);

    const layout = await page.evaluate(() => {
      const root = document.querySelector("khai-ho-chat")!.shadowRoot!;
      const panel = root.querySelector(".panel")!.getBoundingClientRect();
      const composer = root.querySelector(".composer")!.getBoundingClientRect();
      return {
        panel: { x: panel.x, y: panel.y, width: panel.width, height: panel.height },
        launcherDisplay: getComputedStyle(root.querySelector(".launcher")!).display!,
        inputFontSize: getComputedStyle(root.querySelector("textarea")!).fontSize!,
        composerBottom: composer.y + composer.height,
      };
    });
    expect(layout.panel).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    expect(layout.launcherDisplay).toBe("none");
    expect(parseFloat(layout.inputFontSize)).toBeGreaterThanOrEqual(16);
    expect(layout.composerBottom).toBeLessThanOrEqual(844);
    await page.screenshot({ path: path.join(DOCS, "widget-phone.png"), animations: "disabled", caret: "hide" });
  }, 20_000);
});
