/**
 * The widget keeps the citizen's place: the question to answer is in view with its buttons, the
 * receipt does not come between the rating question and its stars, the form prints from a phone,
 * a switch of language leaves no buttons of the other, and the panel passes an accessibility audit.
 * Debian's Chromium, the demo page as served by a real server, the real `widget.js`.
 */
import type { Locator, Page } from "playwright-core";
import { seriousAccessibilityViolations } from "../support/axeAudit";
import { chromiumForThisFile, describeInChromium, eventually } from "../support/consoleBrowser";
import { walkFlow } from "../support/flowWalker";
import { sendOverChat } from "../support/submitOverChat";
import { Citizen } from "../support/testServer";

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const PROCEDURE = "dang-ky-khai-sinh";

// The functions given to `page.evaluate` run in the browser; the project's type library has no DOM.
interface PageElement {
  readonly textContent: string | null;
  readonly nextElementSibling: PageElement | null;
  readonly previousElementSibling: PageElement | null;
  readonly className: string;
  readonly shadowRoot: { querySelector(selector: string): PageElement | null } | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  click(): void;
}
declare const document: { querySelector(selector: string): PageElement | null };
declare const localStorage: { getItem(key: string): string | null };
declare const window: { print: () => void; printed?: number };
declare function getComputedStyle(element: PageElement): Record<string, string>;

const widget = (page: Page) => page.locator("khai-ho-chat");
const lastBot = (page: Page) => widget(page).locator(".messages .msg-bot").last();
const choiceLabels = (page: Page) => widget(page).locator(".choices:not([hidden]) .choice").allTextContents();

/** Two animation frames: the widget scrolls the log in the frame after a batch of messages. */
const settled = (page: Page) =>
  page.evaluate("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))");

async function lastBotText(page: Page): Promise<string> {
  const text = (await lastBot(page).textContent()) ?? "";
  // The bubble begins with its hidden author ("Trợ lý: ").
  return text.replace(/^[^:]*: /, "");
}

async function waitForQuestion(page: Page, start: string): Promise<void> {
  await eventually(
    () => lastBotText(page),
    (text) => text.startsWith(start),
    `the question "${start}"`,
  );
  await settled(page);
}

/** The box of `locator` lies inside `outer` (another box, or the window). */
function inside(box: { x: number; y: number; width: number; height: number }, outer: typeof box): boolean {
  const slack = 1;
  return (
    box.y >= outer.y - slack &&
    box.y + box.height <= outer.y + outer.height + slack &&
    box.x >= outer.x - slack &&
    box.x + box.width <= outer.x + outer.width + slack
  );
}

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error("the element is not shown");
  return box;
}

describeInChromium("the widget keeps the citizen's place", () => {
  const chromium = chromiumForThisFile();
  afterEach(() => {
    expect(chromium().pageErrors.splice(0)).toEqual([]);
  });

  async function openChat(viewport: { width: number; height: number }): Promise<Page> {
    const page = await chromium().openPage(viewport, "/");
    await widget(page).locator(".launcher").click();
    await eventually(
      () => choiceLabels(page),
      (labels) => labels.includes("Đăng ký khai sinh"),
      "the menu",
    );
    return page;
  }

  /** The conversation's bearer token, as the widget stored it. */
  async function storedToken(page: Page): Promise<string> {
    const raw = await eventually(
      () => page.evaluate((key) => localStorage.getItem(key), `khaiho:${chromium().server.url}`),
      (stored) => stored !== null && stored.includes('"token"'),
      "the conversation's token in the page's storage",
    );
    return (JSON.parse(raw!) as { token: string }).token;
  }

  /** A second connection of the page's conversation (its token) answers for the citizen, as far as `stopAt`. */
  async function answerUpTo(page: Page, stopAt: string): Promise<void> {
    const token = await storedToken(page);
    const helper = new Citizen(chromium().server.url, { token, lastSeq: 0 });
    try {
      await helper.ready();
      const walk = walkFlow(PROCEDURE, {
        clock: { now: new Date() },
        unitId: "an-thanh",
        stopAt,
        answers: { birthCertificatePhoto: { kind: "choice", value: "skip" } },
      });
      await sendOverChat(helper, walk.inputs);
    } finally {
      helper.close();
    }
  }

  it.each([
    ["a desktop (1366×768)", DESKTOP],
    ["a phone (390×844)", PHONE],
  ])(
    "shows the first question whole, with its answer box, once a procedure is chosen, on %s",
    async (_n, size) => {
      const page = await openChat(size);
      await widget(page).locator(".choices").getByRole("button", { name: "Đăng ký khai sinh", exact: true }).click();
      await waitForQuestion(page, "Họ và tên đầy đủ của bạn");
      const screen = { x: 0, y: 0, width: size.width, height: size.height };
      const log = await boxOf(widget(page).locator(".log"));
      const question = await boxOf(lastBot(page));
      expect({ question, log, inLog: inside(question, log) }).toMatchObject({ inLog: true });
      expect(inside(question, screen)).toBe(true);
      expect(inside(await boxOf(widget(page).locator("textarea")), screen)).toBe(true);
    },
    30_000,
  );

  it("counts the questions left, switches language without leaving the other's buttons, and passes axe", async () => {
    const page = await openChat(DESKTOP);
    expect(await seriousAccessibilityViolations(page, "khai-ho-chat")).toEqual([]);
    await answerUpTo(page, "requesterIdType");
    await waitForQuestion(page, "Bạn dùng giấy tờ tùy thân nào?");
    const vietnamese = await choiceLabels(page);
    expect(vietnamese).toContain("Chứng minh nhân dân");
    expect(await widget(page).locator(".sub span + span").textContent()).toMatch(/^Còn khoảng \d+ câu$/);
    expect(await seriousAccessibilityViolations(page, "khai-ho-chat")).toEqual([]);

    // What the panel shows the instant the language button is pressed, before the server answers.
    const atSwitch = await page.evaluate(() => {
      const root = document.querySelector("khai-ho-chat")!.shadowRoot!;
      root.querySelector(".lang")!.click();
      const choices = root.querySelector(".choices")!;
      return getComputedStyle(choices).display === "none"
        ? []
        : Array.from(choices.querySelectorAll(".choice")).map((b) => b.textContent ?? "");
    });
    expect(atSwitch.filter((label) => vietnamese.includes(label))).toEqual([]);

    await waitForQuestion(page, "Which ID document do you use?");
    const english = await eventually(
      () => choiceLabels(page),
      (labels) => labels.length > 0,
      "the English buttons",
    );
    expect(english).toContain("Old ID card (CMND)");
    expect(english.filter((label) => vietnamese.includes(label))).toEqual([]);
    expect(await widget(page).locator(".sub span + span").textContent()).toMatch(/^About \d+ questions left$/);
    expect(await seriousAccessibilityViolations(page, "khai-ho-chat")).toEqual([]);
  }, 30_000);

  it("shows the launcher's focus ring, and names the language button with its visible text", async () => {
    const page = await chromium().openPage(DESKTOP, "/");
    const launcher = widget(page).locator(".launcher");
    await launcher.waitFor({ state: "visible" });
    await eventually(
      async () => {
        await page.keyboard.press("Tab");
        return launcher.evaluate(
          (el) => el === (el.getRootNode() as unknown as { activeElement: unknown }).activeElement,
        );
      },
      (focused) => focused,
      "the launcher reached with Tab",
    );
    const ring = await launcher.evaluate((el) => {
      const style = getComputedStyle(el as unknown as PageElement);
      return { style: style.outlineStyle!, width: parseFloat(style.outlineWidth!), color: style.outlineColor! };
    });
    expect(ring.style).toBe("solid");
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(ring.color).not.toMatch(/rgba\(.*, 0\)|transparent/);

    await page.keyboard.press("Enter");
    const language = widget(page).locator(".lang");
    for (const visible of ["English", "Tiếng Việt"]) {
      await eventually(
        () => language.textContent(),
        (text) => text === visible,
        `the language button "${visible}"`,
      );
      expect(await language.getAttribute("aria-label")).toContain(visible);
      expect(await widget(page).getByRole("button", { name: visible }).count()).toBe(1);
      await language.click();
    }
  }, 30_000);

  it("keeps the rating question next to its stars, and prints the form from a phone", async () => {
    const page = await openChat(PHONE);
    await answerUpTo(page, "review");
    await waitForQuestion(page, "Thông tin đã đúng chưa?");
    expect(await seriousAccessibilityViolations(page, "khai-ho-chat")).toEqual([]);
    await widget(page).locator(".choices").getByRole("button", { name: "Xác nhận và nộp" }).click();
    await widget(page).locator(".done-code").waitFor();
    await waitForQuestion(page, "Bạn chấm điểm dịch vụ");

    const order = await page.evaluate(() => {
      const root = document.querySelector("khai-ho-chat")!.shadowRoot!;
      const rating = root.querySelector(".messages")!.querySelectorAll(".msg-bot");
      const last = rating[rating.length - 1]!;
      return {
        afterRating: last.nextElementSibling?.className ?? null,
        beforeRating: last.previousElementSibling?.className ?? null,
        beforeCard: root.querySelector(".done")!.previousElementSibling?.textContent ?? "",
      };
    });
    expect(order.afterRating).toBeNull();
    expect(order.beforeRating).toBe("done");
    expect(order.beforeCard).toContain("Mã hồ sơ của bạn");
    const stars = await boxOf(widget(page).locator(".choices"));
    const rating = await boxOf(lastBot(page));
    expect(inside(rating, { x: 0, y: 0, width: PHONE.width, height: PHONE.height })).toBe(true);
    expect(stars.y - (rating.y + rating.height)).toBeGreaterThanOrEqual(0);
    expect(stars.y - (rating.y + rating.height)).toBeLessThan(40);

    const popup = page.waitForEvent("popup");
    await widget(page).getByRole("button", { name: "Xem/in tờ khai" }).click();
    const form = await popup;
    await form.waitForURL(/^blob:/);
    await form.evaluate(() => {
      window.printed = 0;
      window.print = () => {
        window.printed = (window.printed ?? 0) + 1;
      };
    });
    const print = form.getByRole("button", { name: /In \/ Lưu PDF/ });
    expect(await print.isVisible()).toBe(true);
    expect(inside(await boxOf(print), { x: 0, y: 0, width: PHONE.width, height: PHONE.height })).toBe(true);
    // The widget gives the button its handler: the city page's policy, which the blob keeps, forbids inline ones.
    await form.waitForFunction(() => !document.querySelector("[data-print]")!.hasAttribute("onclick"));
    await print.click();
    expect(await form.evaluate(() => window.printed)).toBe(1);
    await form.emulateMedia({ media: "print" });
    expect(await print.isVisible()).toBe(false);
  }, 45_000);

  it("prints the form served by the server itself, under its own security policy", async () => {
    const page = await openChat(PHONE);
    await answerUpTo(page, "review");
    await waitForQuestion(page, "Thông tin đã đúng chưa?");
    await widget(page).locator(".choices").getByRole("button", { name: "Xác nhận và nộp" }).click();
    const code = (await widget(page).locator(".done-code").textContent())!;
    const token = await storedToken(page);
    // The form page as the server sends it (its Content-Security-Policy header), at an address of its own.
    const formPage = await chromium().openPage(PHONE, "/health");
    await formPage.route(`${chromium().server.url}/form-as-served`, async (route) =>
      route.fulfill({
        response: await route.fetch({
          url: `${chromium().server.url}/api/dossiers/${code}/form`,
          headers: { Authorization: `Bearer ${token}` },
        }),
      }),
    );
    const response = await formPage.goto(`${chromium().server.url}/form-as-served`);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'unsafe-hashes'");
    await formPage.evaluate(() => {
      window.printed = 0;
      window.print = () => {
        window.printed = (window.printed ?? 0) + 1;
      };
    });
    await formPage.getByRole("button", { name: /In \/ Lưu PDF/ }).click();
    expect(await formPage.evaluate(() => window.printed)).toBe(1);
  }, 45_000);
});
