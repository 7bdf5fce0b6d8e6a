/**
 * The console for a clerk who works by keyboard and screen reader, in Chromium: axe-core finds no serious or
 * critical violation with citizens waiting in the queue, a conversation open, the dossier list, the daily reports
 * and the dashboard; the queue is a list whose entries Tab reaches and Enter opens, and a citizen who closed the
 * chat leaves it on screen; and every panel that scrolls (the transcript, the lists) takes the keyboard's focus
 * under a name, so its content can be scrolled without a mouse. The administrator's view of a citizen's data
 * request passes the same audit.
 */
import type { Page } from "playwright-core";
import { seriousAccessibilityViolations } from "../support/axeAudit";
import {
  type ConsoleBrowser,
  describeInChromium,
  eventually,
  OFFICE_SCREEN,
  startConsoleBrowser,
} from "../support/consoleBrowser";
import { CLERK_PASSWORD, Clerk } from "../support/consoleClient";
import { submitOverChat } from "../support/submitOverChat";
import { Citizen } from "../support/testServer";

/** What the page's code below reads of the DOM: the test files are compiled without the browser's types. */
interface PageElement {
  readonly tagName: string;
  readonly className: string;
  readonly clientWidth: number;
  matches(selector: string): boolean;
  checkVisibility(): boolean;
  getAttribute(name: string): string | null;
}
declare const document: { querySelectorAll(selector: string): ArrayLike<PageElement> };
declare function getComputedStyle(element: PageElement): { overflowX: string; overflowY: string };

const SUPERVISOR = { username: "thu", displayName: "Võ Thị Thu" };
/** What three citizens say before asking for a clerk: a procedure, and a question or two of it. */
const WAITING = [["khai sinh", "Trần Văn Hùng"], ["khai tử", "Lê Thị Hoa"], ["kết hôn"]];

describeInChromium("the console by keyboard and screen reader, in Chromium", () => {
  let chromium: ConsoleBrowser | null = null;
  const open: { close(): void }[] = [];

  beforeAll(async () => {
    // Three seconds: a citizen who closes the chat leaves the queue on screen while the test watches.
    chromium = await startConsoleBrowser({ QUEUE_ABANDON_MINUTES: "0.05" });
  }, 30_000);

  afterAll(async () => {
    open.splice(0).forEach((c) => c.close());
    await chromium?.stop();
  }, 15_000);

  async function audit(page: Page, what: string): Promise<void> {
    const violations = await seriousAccessibilityViolations(page);
    expect({ what, violations }).toEqual({ what, violations: [] });
  }

  it("has no serious violation in the queue, a conversation, the dossiers, the reports and the dashboard", async () => {
    const server = chromium!.server;
    // A supervisor sees every unit's queue and the daily reports' tab too.
    const supervisor = await Clerk.login(server, SUPERVISOR.username, "supervisor", [], SUPERVISOR.displayName);
    supervisor.close();
    const submitted = await submitOverChat(server.url, "dang-ky-khai-tu", {
      unitId: "an-thanh",
      answers: { hasDeathNotice: "không" },
    });
    open.push(submitted.citizen);
    for (const messages of WAITING) {
      const citizen = new Citizen(server.url, { unit: "an-thanh" });
      open.push(citizen);
      await citizen.ready();
      for (const text of messages) await citizen.say(text);
      await citizen.say("gặp cán bộ");
    }

    const page = await chromium!.openPage(OFFICE_SCREEN, "/console");
    await page.getByLabel("Tên đăng nhập").fill(SUPERVISOR.username);
    await page.getByLabel("Mật khẩu").fill(CLERK_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    const queue = page.getByRole("region", { name: "Hàng chờ" });
    await queue.getByText("3 người đang chờ").waitFor();
    await audit(page, "the queue");

    // A fourth citizen asks, then closes the chat: the queue on screen drops them once their time is up.
    const leaving = new Citizen(server.url, { unit: "an-thanh" });
    open.push(leaving);
    await leaving.ready();
    await leaving.say("khai sinh");
    await leaving.say("gặp cán bộ");
    await queue.getByText("4 người đang chờ").waitFor();
    leaving.close();
    await queue.getByText("3 người đang chờ").waitFor({ timeout: 10_000 });
    expect(await queue.locator(`[data-id="${leaving.conversationId}"]`).count()).toBe(0);

    // The queue is a list of its entries, each reached by Tab and opened by Enter.
    const list = queue.getByRole("list", { name: "Hàng chờ" });
    const entries = list.getByRole("listitem");
    expect(await entries.count()).toBe(3);
    const entryButtons = list.getByRole("button");
    await page.locator("#tab-queue").focus();
    const reached: string[] = [];
    for (let i = 0; i < 40 && reached.length < 3; i++) {
      await page.keyboard.press("Tab");
      const id = await page.locator(":focus").getAttribute("data-id");
      if (id && !reached.includes(id)) reached.push(id);
    }
    expect(reached).toEqual(
      await Promise.all((await entryButtons.all()).map((button) => button.getAttribute("data-id"))),
    );
    await entryButtons.nth(1).focus();
    await page.keyboard.press("Enter");
    const transcript = page.getByRole("log", { name: "Nội dung trò chuyện" });
    await transcript.locator(".msg-citizen", { hasText: "Lê Thị Hoa" }).waitFor();
    await audit(page, "a conversation open");

    // The panels that scroll take the focus, under a name: the transcript, the queue, the draft, the notes.
    expect(await unnamedScrollers(page)).toEqual([]);
    const transcriptBox = page.locator(".transcript");
    expect(await transcriptBox.getAttribute("tabindex")).toBe("0");
    expect(await list.getAttribute("tabindex")).toBe("0");
    await transcriptBox.focus();
    expect(await page.locator(":focus").getAttribute("aria-label")).toBe("Nội dung trò chuyện");

    await page.getByRole("tab", { name: "Hồ sơ" }).click();
    await page.getByRole("table", { name: "Hồ sơ đã nộp" }).waitFor();
    await page.getByRole("button", { name: `Mở hồ sơ ${submitted.code}` }).click();
    await page.getByRole("region", { name: "Chi tiết hồ sơ" }).getByText("Đăng ký khai tử").first().waitFor();
    await audit(page, "the dossiers");
    expect(await unnamedScrollers(page)).toEqual([]);

    await page.getByRole("tab", { name: "Báo cáo" }).click();
    await eventually(
      () => page.locator("[role=tabpanel]:not([hidden])").innerText(),
      (text) => text.trim().length > 0,
      "the reports' panel",
    );
    await audit(page, "the daily reports");
    expect(await unnamedScrollers(page)).toEqual([]);

    await page.getByRole("tab", { name: "Thống kê" }).click();
    await page.locator(".dashboard canvas").first().waitFor();
    await audit(page, "the dashboard");
    expect(await unnamedScrollers(page)).toEqual([]);
    expect(chromium!.pageErrors).toEqual([]);
  }, 90_000);

  it("has no serious violation in the administrator's view of a citizen's data request", async () => {
    const server = chromium!.server;
    const admin = await Clerk.login(server, "quan.tri", "admin", [], "Quản trị");
    admin.close();
    const submitted = await submitOverChat(server.url, "dang-ky-khai-tu", {
      unitId: "an-thanh",
      answers: { hasDeathNotice: "không" },
    });
    open.push(submitted.citizen);
    const page = await chromium!.openPage(OFFICE_SCREEN, "/console");
    await page.getByLabel("Tên đăng nhập").fill("quan.tri");
    await page.getByLabel("Mật khẩu").fill(CLERK_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByRole("tab", { name: "Dữ liệu cá nhân" }).click();
    const panel = page.getByRole("tabpanel", { name: "Dữ liệu cá nhân" });
    await audit(page, "the data requests, empty");
    await panel.getByRole("searchbox", { name: "Mã hồ sơ hoặc mã cuộc trò chuyện" }).fill(submitted.code);
    await panel.getByRole("button", { name: "Tra cứu" }).click();
    await panel.getByRole("button", { name: "Xóa vĩnh viễn" }).waitFor();
    await audit(page, "the data held about a citizen");
    expect(await unnamedScrollers(page)).toEqual([]);
    expect(chromium!.pageErrors).toEqual([]);
  }, 60_000);
});

/**
 * The boxes shown that scroll by their style (a text box scrolls by itself and is focusable already) and are not a
 * tab stop with a name: the keyboard could not scroll them, or a screen reader would not say what they hold.
 */
function unnamedScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll("body *"))
      .filter((element) => {
        if (element.matches("textarea, select, input") || !element.checkVisibility()) return false;
        const style = getComputedStyle(element);
        // Visually hidden text (a chart's table for screen readers) is one pixel wide: nothing to scroll on screen.
        return /(auto|scroll)/.test(style.overflowY + style.overflowX) && element.clientWidth > 1;
      })
      .filter(
        (element) =>
          element.getAttribute("tabindex") !== "0" ||
          !(element.getAttribute("aria-label") || element.getAttribute("aria-labelledby")),
      )
      .map((element) => `${element.tagName.toLowerCase()}.${element.className.replace(/ /g, ".")}`),
  );
}
