/**
 * The clerk handoff in a real browser. Two contexts in one Debian Chromium — a
 * citizen on the demo city page (the real `widget.js`, `data-unit="an-thanh"`) and a clerk of
 * An Thạnh in the real console at `/console` — and the whole story between them: the request
 * reaching the queue live, the take-over, messages both ways, a field filled by the clerk and
 * confirmed by the citizen, the hand-back to the bot. Screenshots of the console go to `docs/`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { buildConsole, CONSOLE_PAGE } from "../../console/build";
import { HONG_NGU_UNITS_2022 } from "../../flows/units";
import { addUser } from "../../server/console/userAccounts";
import { buildWidget } from "../../widget/build";
import { CLERK_PASSWORD } from "../support/consoleClient";
import { startTestServer, type TestServer } from "../support/testServer";

const CHROMIUM = "/usr/bin/chromium";
const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const DOCS = path.resolve(__dirname, "../../docs");
/** The office screen the console is made for (1366×768). */
const OFFICE_SCREEN = { width: 1366, height: 768 };

const CLERK = { username: "lan", displayName: "Nguyễn Thị Lan" };
const APP_TITLE = "Khai Hộ – Bàn làm việc";
/** The draft field the clerk corrects, as the console labels it. */
const DATE_OF_BIRTH = "Ngày, tháng, năm sinh (người yêu cầu)";
const RESIDENCE_QUESTION = "Nơi cư trú của bạn";
const CANNED = "Chào anh/chị, em là cán bộ phường, em hỗ trợ mình nhé.";
const CITIZEN_REPLY = "Dạ, em cảm ơn chị. Em ghi nhầm năm sinh.";

/**
 * Polls `read` until `test` holds (at most `timeoutMs`); the timeout error says what was awaited
 * and what was seen last. For what a locator cannot wait on by itself (counts, titles).
 */
async function eventually<T>(read: () => Promise<T>, test: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (test(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; saw ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const chromiumMissing = !existsSync(CHROMIUM);
if (chromiumMissing && process.env.CI === "true") {
  describe("the console in Chromium on CI", () => {
    it("finds Chromium at /usr/bin/chromium", () => {
      throw new Error(`${CHROMIUM} is missing: install the Debian package with "apt-get install -y chromium" (.ci/run does it). On CI the browser tests must run.`);
    });
  });
} else if (chromiumMissing) {
  process.stderr.write("console browser test skipped: /usr/bin/chromium is missing\n");
}

(chromiumMissing ? describe.skip : describe)("a clerk takes over a citizen's conversation, in Chromium", () => {
  let server: TestServer | null = null;
  let browser: Browser | null = null;
  let buildDir: string | null = null;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    buildDir = mkdtempSync(path.join(tmpdir(), "khai-ho-e2e-console-"));
    const [widget, consoleBuild] = await Promise.all([buildWidget({ outFile: path.join(buildDir, "widget.js") }), buildConsole({ outFile: path.join(buildDir, "console.js") })]);
    server = await startTestServer(
      // Open every hour of every day: the test must not depend on when it runs.
      { ALLOWED_ORIGINS: "*", RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000", WORKING_HOURS: "sun-sat 00:00-24:00", HOLIDAYS: "" },
      undefined,
      readFileSync(widget.outFile, "utf8"),
      { html: readFileSync(CONSOLE_PAGE, "utf8"), js: readFileSync(consoleBuild.outFile, "utf8"), css: readFileSync(consoleBuild.cssFile, "utf8") },
    );
    await addUser(server.store, HONG_NGU_UNITS_2022, { username: CLERK.username, role: "clerk", unitIds: ["an-thanh"], displayName: CLERK.displayName, password: CLERK_PASSWORD }, new Date());
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, timeout: 20_000 });
  }, 30_000);

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => {})));
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  }, 15_000);

  /** A fresh context (its own cookies and storage: another person) on `url`; `before` runs before the page loads. */
  async function openPage(viewport: { width: number; height: number }, url: string, before?: (page: Page) => void): Promise<Page> {
    const context = await browser!.newContext({ viewport });
    contexts.push(context);
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(`${url}: ${error.message}`));
    before?.(page);
    await page.goto(`${server!.url}${url}`);
    return page;
  }

  it(
    "shows the request in the queue live, and carries the take-over, messages, a clerk-filled field and the hand-back to both screens",
    async () => {
      // ── 1. The clerk signs in and finds an empty queue.
      // The queue panel reads "empty" before the server has said anything: the `/clerk` socket's
      // frames tell when its first `queue:update` came, so that "empty" is the server's answer.
      const queueFrames: string[] = [];
      const clerk = await openPage(OFFICE_SCREEN, "/console", (page) =>
        page.on("websocket", (socket) =>
          socket.on("framereceived", ({ payload }) => {
            if (typeof payload === "string" && payload.startsWith("42/clerk,") && payload.includes('"queue:update"')) queueFrames.push(payload);
          }),
        ),
      );
      await clerk.getByLabel("Tên đăng nhập").fill(CLERK.username);
      await clerk.getByLabel("Mật khẩu").fill(CLERK_PASSWORD);
      await clerk.getByRole("button", { name: "Đăng nhập" }).click();
      const queue = clerk.getByRole("region", { name: "Hàng chờ" });
      await eventually(async () => queueFrames, (frames) => frames.length > 0, "the first queue:update on the /clerk socket");
      // `42/clerk,["queue:update",[],"<offset>"]`: the offset is for Socket.IO's connection recovery.
      expect(queueFrames[0]).toMatch(/^42\/clerk,\["queue:update",\[\][,\]]/);
      await queue.getByText("Chưa có công dân nào cần hỗ trợ.").waitFor();
      await queue.getByText("Không ai đang chờ").waitFor();
      await clerk.getByText(`${CLERK.displayName} · Phường An Thạnh`).waitFor();
      expect(await clerk.title()).toBe(APP_TITLE);

      // ── 2. The citizen starts a birth registration on the demo page, answers, asks for a clerk.
      const citizen = await openPage({ width: 1280, height: 800 }, "/");
      const widget = citizen.locator("khai-ho-chat");
      await widget.getByRole("button", { name: /^Hỏi thủ tục/ }).click();
      const chatLog = widget.getByRole("log", { name: "Nội dung trò chuyện" });
      const botSays = (text: string): Locator => chatLog.locator(".msg-bot", { hasText: text });
      const input = widget.getByRole("textbox", { name: "Câu trả lời của bạn" });
      const say = async (text: string, answer: string): Promise<void> => {
        await input.fill(text);
        await input.press("Enter");
        await botSays(answer).last().waitFor();
      };
      await chatLog.locator(".msg-bot").first().waitFor();
      await say("khai sinh", "Họ và tên đầy đủ của bạn");
      await say("Trần Văn Hùng", "Ngày sinh của bạn?");
      await say("12/04/1992", RESIDENCE_QUESTION);
      await say("gặp cán bộ", "Tôi đã báo cán bộ Phường An Thạnh hỗ trợ bạn.");

      // Without a reload, the request is in the clerk's queue and its count in the tab's title.
      const request = queue.getByRole("button", { name: /Yêu cầu gặp cán bộ/ });
      await request.waitFor();
      await queue.getByText("1 người đang chờ").waitFor();
      await eventually(() => clerk.title(), (title) => title === `(1) ${APP_TITLE}`, "the count in the title");
      expect(clerk.url()).toBe(`${server!.url}/console`);
      const row = await request.innerText();
      expect(row).toContain("Mới");
      expect(row).toContain("Phường An Thạnh");
      expect(row).toContain("Chưa ai nhận");
      // The procedure by its name (queue items carry it); a console that drew the row before
      // knowing names shows the id until the queue changes again.
      expect(row).toMatch(/Đăng ký khai sinh|dang-ky-khai-sinh/);

      // ── 3. The clerk opens it, reads the transcript, takes it; the citizen sees the clerk's name.
      await request.click();
      const actions = clerk.getByRole("group", { name: "Thao tác" });
      const transcript = clerk.getByRole("log", { name: "Nội dung trò chuyện" });
      await transcript.locator(".msg-citizen", { hasText: "12/04/1992" }).waitFor();
      await clerk.getByRole("heading", { name: "Đăng ký khai sinh", level: 2 }).waitFor();
      await clerk.screenshot({ path: path.join(DOCS, "console-queue.png"), animations: "disabled", caret: "hide" });

      await actions.getByRole("button", { name: "Nhận hỗ trợ" }).click();
      await clerk.getByText("Phường An Thạnh · Bạn đang hỗ trợ").waitFor();
      await widget.getByText(`Cán bộ ${CLERK.displayName} đang hỗ trợ bạn`).waitFor();
      await queue.getByRole("button", { name: /Đăng ký khai sinh.*Bạn đang hỗ trợ/ }).waitFor();
      await eventually(() => clerk.title(), (title) => title === APP_TITLE, "the title without a count once taken");

      // ── 4. Messages both ways: a canned reply to the citizen, the citizen's answer to the clerk.
      await clerk.getByRole("group", { name: "Câu trả lời mẫu" }).getByRole("button", { name: CANNED }).click();
      const composer = clerk.getByRole("textbox", { name: "Tin nhắn cho công dân" });
      expect(await composer.inputValue()).toBe(CANNED);
      await clerk.getByRole("form", { name: "Tin nhắn cho công dân" }).getByRole("button", { name: "Gửi" }).click();
      const clerkBubble = chatLog.locator(".msg-clerk", { hasText: CANNED });
      await clerkBubble.waitFor();
      expect(await clerkBubble.innerText()).toContain("Cán bộ");
      await input.fill(CITIZEN_REPLY);
      await input.press("Enter");
      const citizenLine = transcript.locator(".msg-citizen", { hasText: CITIZEN_REPLY });
      await citizenLine.waitFor();
      // Each has come across once: the clerk's line on both screens, the citizen's too (once
      // acknowledged: nothing left "sending" on either side).
      await transcript.locator(".msg-clerk:not(.local)", { hasText: CANNED }).waitFor();
      await chatLog.locator(".msg-citizen[data-seq]", { hasText: CITIZEN_REPLY }).waitFor();
      await eventually(async () => ({ widget: await chatLog.locator(".pending .outgoing").count(), console: await clerk.locator(".msg.local").count() }), (n) => n.widget === 0 && n.console === 0, "no message left pending");
      expect(await clerkBubble.count()).toBe(1);
      expect(await citizenLine.count()).toBe(1);
      expect(await clerk.locator(".msg-clerk", { hasText: CANNED }).count()).toBe(1);
      expect(await chatLog.locator(".msg-citizen", { hasText: CITIZEN_REPLY }).count()).toBe(1);

      // ── 5. The clerk corrects the date of birth: an impossible date is refused, then a real one.
      const dossier = clerk.getByRole("region", { name: "Hồ sơ nháp" });
      const dateOfBirth = dossier.locator("dt", { hasText: DATE_OF_BIRTH }).locator("xpath=following-sibling::dd[1]");
      expect(await dateOfBirth.innerText()).toContain("12/04/1992");
      await dossier.getByRole("button", { name: `Sửa ${DATE_OF_BIRTH}` }).click();
      const editor = dossier.getByRole("textbox", { name: DATE_OF_BIRTH });
      await editor.fill("31/02/1995");
      await dossier.getByRole("button", { name: "Lưu" }).click();
      await dossier.getByRole("alert").filter({ hasText: "Ngày 31/02/1995 không có trên lịch" }).waitFor();
      expect(await dossier.getByRole("alert").innerText()).not.toContain(" / ");
      expect(await editor.getAttribute("aria-invalid")).toBe("true");
      await editor.fill("12/04/1995");
      await dossier.getByRole("button", { name: "Lưu" }).click();
      await editor.waitFor({ state: "detached" });
      await dateOfBirth.getByText("12/04/1995").waitFor();

      // The citizen is asked, and confirms.
      const question = `Cán bộ ${CLERK.displayName} đã điền giúp bạn ${DATE_OF_BIRTH}: 12/04/1995. Thông tin này đúng không?`;
      await botSays(question).waitFor();
      await widget.getByRole("group", { name: "Chọn một câu trả lời" }).getByRole("button", { name: "Có", exact: true }).click();
      await botSays("Cảm ơn bạn, thông tin đã được xác nhận.").waitFor();
      await transcript.locator(".msg-citizen").last().filter({ hasText: "Có" }).waitFor();
      await transcript.getByText("Cảm ơn bạn, thông tin đã được xác nhận.").waitFor();
      // The console shows the value with the clerk's badge: this clerk's.
      expect(await dateOfBirth.locator(".source").innerText()).toBe("Cán bộ (bạn)");
      expect(await dossier.locator("dt", { hasText: "Họ, chữ đệm, tên người yêu cầu" }).locator("xpath=following-sibling::dd[1]").locator(".source").innerText()).toBe("Công dân");
      await clerk.screenshot({ path: path.join(DOCS, "console-conversation.png"), animations: "disabled", caret: "hide" });

      // ── 6. Back to the bot where the flow stood: the residence question is asked again.
      await actions.getByRole("button", { name: "Trả về trợ lý" }).click();
      const dialog = clerk.getByRole("dialog", { name: "Trả cuộc trò chuyện về trợ lý" });
      expect(await dialog.getByRole("radio", { name: "Chỗ đang dừng" }).isChecked()).toBe(true);
      await dialog.getByRole("button", { name: "Trả về trợ lý" }).click();
      await dialog.waitFor({ state: "detached" });
      await botSays("Cán bộ đã chuyển bạn về trợ lý để khai tiếp.").waitFor();
      await botSays(RESIDENCE_QUESTION).nth(1).waitFor();
      const last = await chatLog.locator(".msg[data-seq]").last().innerText();
      expect(last).toContain(RESIDENCE_QUESTION);
      await queue.getByText("Chưa có công dân nào cần hỗ trợ.").waitFor();
      expect(await queue.getByRole("button").count()).toBe(0);
      await clerk.getByText(/Phường An Thạnh · Đang khai với trợ lý/).waitFor();
      expect(await clerk.title()).toBe(APP_TITLE);

      expect(pageErrors).toEqual([]);
    },
    60_000,
  );
});
