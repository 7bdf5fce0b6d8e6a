/**
 * The clerk handoff in a real browser. Two contexts in one Debian Chromium — a
 * citizen on the demo city page (the real `widget.js`, `data-unit="an-thanh"`) and a clerk of
 * An Thạnh in the real console at `/console` — and the whole story between them: the request
 * reaching the queue live, the take-over, messages both ways, a field filled by the clerk and
 * confirmed by the citizen, the hand-back to the bot. Screenshots of the console go to `docs/`.
 */
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { HONG_NGU_UNITS_2022 } from "../../flows/units";
import { addUser } from "../../server/console/userAccounts";
import {
  type ConsoleBrowser,
  describeInChromium,
  DOCS,
  eventually,
  OFFICE_SCREEN,
  startConsoleBrowser,
} from "../support/consoleBrowser";
import { addClerk, CLERK_PASSWORD } from "../support/consoleClient";
import { Citizen, type TestServer } from "../support/testServer";

const CLERK = { username: "lan", displayName: "Nguyễn Thị Lan" };
const COLLEAGUE = { username: "mai", displayName: "Phạm Thị Mai" };
const APP_TITLE = "Khai Hộ – Bàn làm việc";
/** The draft field the clerk corrects, as the console labels it. */
const DATE_OF_BIRTH = "Ngày, tháng, năm sinh (người yêu cầu)";
const RESIDENCE_QUESTION = "Nơi cư trú của bạn";
const CANNED = "Chào anh/chị, em là cán bộ phường, em hỗ trợ mình nhé.";
const CITIZEN_REPLY = "Dạ, em cảm ơn chị. Em ghi nhầm năm sinh.";
const NOTE = "Đã xem CCCD bản gốc qua video, năm sinh đúng là 1995.";

describeInChromium("a clerk takes over a citizen's conversation, in Chromium", () => {
  let chromium: ConsoleBrowser | null = null;
  let server: TestServer | null = null;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    chromium = await startConsoleBrowser();
    server = chromium.server;
    pageErrors = chromium.pageErrors;
    await addClerk(server.store, CLERK);
  }, 30_000);

  afterAll(async () => {
    await chromium?.stop();
  }, 15_000);

  function openPage(
    viewport: { width: number; height: number },
    url: string,
    before?: (page: Page) => void,
  ): Promise<Page> {
    return chromium!.openPage(viewport, url, before);
  }

  it(
    "shows the request in the queue live, and carries the take-over, messages, a clerk-filled field and the " +
      "hand-back to both screens",
    async () => {
      // ── 1. The clerk signs in and finds an empty queue.
      // The queue panel reads "empty" before the server has said anything: the `/clerk` socket's
      // frames tell when its first `queue:update` came, so that "empty" is the server's answer.
      const queueFrames: string[] = [];
      const clerk = await openPage(OFFICE_SCREEN, "/console", (page) =>
        page.on("websocket", (socket) =>
          socket.on("framereceived", ({ payload }) => {
            if (typeof payload === "string" && payload.startsWith("42/clerk,") && payload.includes('"queue:update"'))
              queueFrames.push(payload);
          }),
        ),
      );
      await clerk.getByLabel("Tên đăng nhập").fill(CLERK.username);
      await clerk.getByLabel("Mật khẩu").fill(CLERK_PASSWORD);
      await clerk.getByRole("button", { name: "Đăng nhập" }).click();
      const queue = clerk.getByRole("region", { name: "Hàng chờ" });
      await eventually(
        async () => queueFrames,
        (frames) => frames.length > 0,
        "the first queue:update on the /clerk socket",
      );
      // `42/clerk,["queue:update",[]]`, with an offset after the list when Socket.IO's connection recovery is on.
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
      await eventually(
        () => clerk.title(),
        (title) => title === `(1) ${APP_TITLE}`,
        "the count in the title",
      );
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
      await eventually(
        () => clerk.title(),
        (title) => title === APP_TITLE,
        "the title without a count once taken",
      );

      // ── 4. Messages both ways: a canned reply to the citizen, the citizen's answer to the clerk.
      await clerk.getByRole("group", { name: "Câu trả lời mẫu" }).getByRole("button", { name: CANNED }).click();
      const composer = clerk.getByRole("textbox", { name: "Tin nhắn cho công dân" });
      expect(await composer.inputValue()).toBe(CANNED);
      await clerk
        .getByRole("form", { name: "Tin nhắn cho công dân" })
        .getByRole("button", { name: "Gửi", exact: true })
        .click();
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
      await eventually(
        async () => ({
          widget: await chatLog.locator(".pending .outgoing").count(),
          console: await clerk.locator(".msg.local").count(),
        }),
        (n) => n.widget === 0 && n.console === 0,
        "no message left pending",
      );
      expect(await clerkBubble.count()).toBe(1);
      expect(await citizenLine.count()).toBe(1);
      expect(await clerk.locator(".msg-clerk", { hasText: CANNED }).count()).toBe(1);
      expect(await chatLog.locator(".msg-citizen", { hasText: CITIZEN_REPLY }).count()).toBe(1);

      // Typing shows both ways: the citizen's in the console, the clerk's in the widget.
      await input.fill("Dạ");
      await clerk.getByText("Công dân đang nhập…").waitFor();
      await input.fill("");
      await composer.fill("Chị chờ em");
      const typing = chatLog.locator(".typing:not([hidden])");
      await typing.waitFor();
      expect(await typing.textContent()).toContain("Cán bộ đang nhập…");
      await composer.fill("");

      // A note for the other clerks: kept in the console, never in the citizen's chat.
      const notes = clerk.locator("details.notes");
      await notes.locator("summary").click();
      await clerk.getByRole("textbox", { name: "Ghi chú nội bộ" }).fill(NOTE);
      await notes.getByRole("button", { name: "Thêm ghi chú" }).click();
      await notes.locator(".note-text", { hasText: NOTE }).waitFor();
      expect(await notes.locator("summary").innerText()).toContain("Ghi chú nội bộ (1)");
      expect(await notes.locator(".note-meta").innerText()).toContain(CLERK.displayName);

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
      const question =
        `Cán bộ ${CLERK.displayName} đã điền giúp bạn ` + `${DATE_OF_BIRTH}: 12/04/1995. Thông tin này đúng không?`;
      await botSays(question).waitFor();
      await widget
        .getByRole("group", { name: "Chọn một câu trả lời" })
        .getByRole("button", { name: "Có", exact: true })
        .click();
      await botSays("Cảm ơn bạn, thông tin đã được xác nhận.").waitFor();
      await transcript.locator(".msg-citizen").last().filter({ hasText: "Có" }).waitFor();
      await transcript.getByText("Cảm ơn bạn, thông tin đã được xác nhận.").waitFor();
      // The console shows the value with the clerk's badge: this clerk's.
      expect(await dateOfBirth.locator(".source").innerText()).toBe("Cán bộ (bạn)");
      expect(
        await dossier
          .locator("dt", { hasText: "Họ, chữ đệm, tên người yêu cầu" })
          .locator("xpath=following-sibling::dd[1]")
          .locator(".source")
          .innerText(),
      ).toBe("Công dân");
      await clerk.screenshot({
        path: path.join(DOCS, "console-conversation.png"),
        animations: "disabled",
        caret: "hide",
      });

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

      expect(await chatLog.innerText()).not.toContain(NOTE);
      expect(pageErrors).toEqual([]);
    },
    60_000,
  );

  it(
    "passes a conversation to a colleague who is signed in: it arrives on their screen, announced, and the citizen " +
      "is told who",
    async () => {
      await addUser(
        server!.store,
        HONG_NGU_UNITS_2022,
        {
          username: COLLEAGUE.username,
          role: "clerk",
          unitIds: ["an-thanh"],
          displayName: COLLEAGUE.displayName,
          password: CLERK_PASSWORD,
        },
        new Date(),
      );
      const signIn = async (username: string): Promise<Page> => {
        const page = await openPage(OFFICE_SCREEN, "/console");
        await page.getByLabel("Tên đăng nhập").fill(username);
        await page.getByLabel("Mật khẩu").fill(CLERK_PASSWORD);
        await page.getByRole("button", { name: "Đăng nhập" }).click();
        await page.getByRole("region", { name: "Hàng chờ" }).waitFor();
        return page;
      };
      const lan = await signIn(CLERK.username);
      const mai = await signIn(COLLEAGUE.username);

      const citizen = new Citizen(server!.url, { unit: "an-thanh" });
      try {
        await citizen.ready();
        await citizen.say("khai sinh");
        await citizen.say("gặp cán bộ");

        await lan
          .getByRole("region", { name: "Hàng chờ" })
          .getByRole("button", { name: /Yêu cầu gặp cán bộ/ })
          .click();
        await lan.getByRole("group", { name: "Thao tác" }).getByRole("button", { name: "Nhận hỗ trợ" }).click();
        await lan.getByText("Phường An Thạnh · Bạn đang hỗ trợ").waitFor();
        await lan.getByRole("group", { name: "Thao tác" }).getByRole("button", { name: "Chuyển" }).click();
        const dialog = lan.getByRole("dialog", { name: "Chuyển cuộc trò chuyện" });
        expect(await dialog.getByRole("radio", { name: "Một cán bộ của đơn vị (nhận ngay)" }).isChecked()).toBe(true);
        await dialog
          .getByRole("combobox", { name: "Một cán bộ của đơn vị (nhận ngay)" })
          .selectOption({ label: COLLEAGUE.displayName });
        await dialog.getByRole("button", { name: "Chuyển" }).click();
        await dialog.waitFor({ state: "detached" });

        await citizen.until(
          () =>
            citizen.messages.some((m) => m.text.startsWith(`Cán bộ ${COLLEAGUE.displayName} sẽ tiếp tục hỗ trợ bạn`)),
          "the colleague's name",
        );
        const maiQueue = mai.getByRole("region", { name: "Hàng chờ" });
        const arrived = maiQueue.getByRole("button", { name: /Đăng ký khai sinh.*Bạn đang hỗ trợ/ });
        await arrived.waitFor();
        expect(await arrived.innerText()).toContain("Mới");
        // The arrival is announced (and the beep played) as for a new citizen in the queue.
        expect(await mai.locator(".vh[aria-live='assertive']").textContent()).toBe("Có 1 công dân mới cần hỗ trợ.");
        await lan.getByText(`Phường An Thạnh · ${COLLEAGUE.displayName} đang hỗ trợ`).waitFor();
        expect(await lan.getByRole("textbox", { name: "Tin nhắn cho công dân" }).isDisabled()).toBe(true);
      } finally {
        citizen.close();
      }
      expect(pageErrors).toEqual([]);
    },
    60_000,
  );
});
