/**
 * Zalo and the city's Botpress bot in the clerk console, in Debian's Chromium. A citizen on
 * Zalo (through the fake Zalo: signed webhook events in, `message/cs` out) and one on the web
 * chat ask for a clerk; the clerk of An Thạnh sees which line is Zalo, the citizen's Zalo name,
 * the answer the city's bot gave, Zalo holding her messages back and then refusing them, an OA
 * admin writing from Zalo's own tool, and the top bar's alert while Zalo's outbox is backed up.
 */
import type { Page } from "playwright-core";
import { type FakeBotpress, startFakeBotpress } from "../../fakes/botpress/fakeBotpress";
import { type FakeZalo, startFakeZalo } from "../../fakes/zalo/fakeZalo";
import type { SqliteStore } from "../../server/store/sqlite/sqliteStore";
import {
  type ConsoleBrowser,
  describeInChromium,
  eventually,
  OFFICE_SCREEN,
  startConsoleBrowser,
} from "../support/consoleBrowser";
import { addClerk, CLERK_PASSWORD } from "../support/consoleClient";
import { Citizen } from "../support/testServer";
import { until, ZALO_APP, ZaloCitizen, zaloSettings } from "../support/zaloCitizen";

const CLERK = { username: "lan", displayName: "Nguyễn Thị Lan" };
const NHUNG = { name: "Nguyễn Thị Hồng Nhung", phone: "0912345678", address: "12 Nguyễn Huệ, An Thạnh" };
/** What the fake Botpress bot answers about the opening hours (fakes/botpress). */
const OPENING_HOURS = "Bộ phận một cửa mở cửa 7:00–11:30 và 13:30–17:00";
const ADMIN_TEXT = "Chị Nhung chờ em kiểm tra hồ sơ nhé";
const CLERK_TEXT = "Chị Nhung ơi, chị để lại số điện thoại giúp em nhé.";
/** Zalo's outbox counts as backed up from 20 citizens waiting (server/channels/zalo/zaloChannel.ts). */
const BACKLOG = 20;
const EIGHT_DAYS_MS = 8 * 24 * 60 * 60_000;

describeInChromium("a clerk serves a Zalo citizen, in Chromium", () => {
  let zalo: FakeZalo;
  let botpress: FakeBotpress;
  let app: ConsoleBrowser;
  let store: SqliteStore;
  let url: string;
  const citizens: Citizen[] = [];

  beforeAll(async () => {
    [zalo, botpress] = await Promise.all([
      startFakeZalo({ ...ZALO_APP }),
      startFakeBotpress({ token: "bp-token", botId: "bp-bot", replyDelayMs: 50 }),
    ]);
    app = await startConsoleBrowser({
      ...zaloSettings(zalo),
      BOTPRESS_API_URL: botpress.url,
      BOTPRESS_TOKEN: "bp-token",
      BOTPRESS_BOT_ID: "bp-bot",
    });
    ({ store, url } = app.server);
    zalo.webhookUrl = `${url}/webhooks/zalo`;
    await addClerk(store, CLERK);
  }, 30_000);

  afterAll(async () => {
    citizens.splice(0).forEach((citizen) => citizen.close());
    await app?.stop();
    await zalo?.close();
    await botpress?.close();
  }, 15_000);

  async function signIn(): Promise<Page> {
    const page = await app.openPage(OFFICE_SCREEN, "/console");
    await page.getByLabel("Tên đăng nhập").fill(CLERK.username);
    await page.getByLabel("Mật khẩu").fill(CLERK_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByText("Chưa có công dân nào cần hỗ trợ.").waitFor();
    return page;
  }

  it(
    "marks the Zalo line and header, labels the city bot's and the OA admin's messages, and warns when Zalo " +
      "holds back or refuses messages",
    async () => {
      // ── 1. Twenty Zalo users follow the OA (their welcome is delivered); the clerk signs in.
      let users = 0;
      const newUser = () => new ZaloCitizen(zalo, store, `24684588352919${String(8000 + (users += 1))}`);
      const followers = Array.from({ length: BACKLOG }, newUser);
      const [clerk] = await Promise.all([signIn(), ...followers.map((follower) => follower.follow())]);
      const alerts = clerk.locator(".topbar").getByRole("status");
      expect(await alerts.innerText()).toBe("");

      // ── 2. Nhung, on Zalo, shares her name, starts a death registration, asks the opening hours
      // (the city's bot answers) and asks for a clerk; a citizen on the web chat asks too.
      const nhung = newUser();
      await nhung.follow();
      const shared = await nhung.lastSeq();
      expect((await zalo.submitInfo(nhung.userId, NHUNG)).status).toBe(200);
      await nhung.settled(shared);
      await nhung.say("khai tử");
      await nhung.say("mấy giờ phường mở cửa?");
      await nhung.say("gặp cán bộ");
      const web = new Citizen(url, { unit: "an-thanh" });
      citizens.push(web);
      await web.ready();
      await web.say("khai sinh");
      await web.say("gặp cán bộ");

      // ── 3. The queue: the Zalo line says so in words; the web line does not.
      const queue = clerk.getByRole("region", { name: "Hàng chờ" });
      await queue.getByText("2 người đang chờ").waitFor();
      const zaloLine = queue.getByRole("button", { name: /Đăng ký khai tử/ });
      const webLine = queue.getByRole("button", { name: /Đăng ký khai sinh/ });
      expect(await zaloLine.innerText()).toMatch(/Yêu cầu gặp cán bộ\s+Zalo\s+Mới/);
      expect(await zaloLine.getByText("Zalo", { exact: true }).getAttribute("title")).toBe("Công dân nhắn qua Zalo");
      expect(await webLine.innerText()).not.toContain("Zalo");

      // ── 4. The header: the badge and her name on Zalo; everything delivered, nothing to warn of.
      await zaloLine.click();
      const head = clerk.locator(".conversation-head");
      await head.getByRole("heading", { name: "Đăng ký khai tử", level: 2 }).waitFor();
      await head.getByText(NHUNG.name, { exact: true }).waitFor();
      expect(await head.getByText("Zalo", { exact: true }).isVisible()).toBe(true);
      expect(await head.getByRole("alert").isVisible()).toBe(false);

      // The city bot's answer is labelled "Botpress"; the assistant's own messages are not.
      const transcript = clerk.getByRole("log", { name: "Nội dung trò chuyện" });
      const answer = transcript.locator(".msg-bot", { hasText: OPENING_HOURS });
      const label = answer.getByText("Botpress", { exact: true });
      await label.waitFor();
      expect(await label.getAttribute("title")).toBe("Trả lời từ bot hỏi đáp của thành phố");
      expect(await transcript.locator(".msg").getByText("Botpress", { exact: true }).count()).toBe(1);

      // ── 5. Zalo is down when the clerk takes over: her message to Nhung waits, and the header says so.
      zalo.setDown(true);
      await clerk.getByRole("group", { name: "Thao tác" }).getByRole("button", { name: "Nhận hỗ trợ" }).click();
      await head.getByText("Phường An Thạnh · Bạn đang hỗ trợ").waitFor();
      await head.getByRole("status").filter({ hasText: "Đang chờ gửi qua Zalo…" }).waitFor();

      // ── 6. Zalo comes back, but Nhung has not written for eight days: Zalo refuses. The clerk's
      // next message brings the warning, with Zalo's reason in Vietnamese.
      zalo.setLastInteraction(nhung.userId, Date.now() - EIGHT_DAYS_MS);
      zalo.setDown(false);
      const conversationId = await nhung.conversationId();
      await until(
        async () => (await store.getZaloContactByConversation(conversationId))?.unreachable != null,
        "Zalo refusing Nhung",
      );
      const composer = clerk.getByRole("textbox", { name: "Tin nhắn cho công dân" });
      await composer.fill(CLERK_TEXT);
      await composer.press("Enter");
      await transcript.locator(".msg-clerk:not(.local)", { hasText: CLERK_TEXT }).waitFor();
      const warning = head.getByRole("alert");
      await warning.waitFor();
      expect(await warning.innerText()).toBe(
        "Không gửi được tin qua Zalo: Quá 7 ngày không tương tác — gọi điện cho công dân nếu cần",
      );
      // Nothing "pending" beside a warning that says it will not go at all.
      expect(await head.getByText("Đang chờ gửi qua Zalo…").count()).toBe(0);

      // ── 7. An OA admin writes to Nhung from Zalo's own tool: it shows, labelled, in the transcript.
      expect((await zalo.adminEcho(nhung.userId, ADMIN_TEXT, "555000111")).status).toBe(200);
      const adminLine = transcript.locator(".msg", { hasText: ADMIN_TEXT });
      await adminLine.getByText("Nhắn từ Zalo OA", { exact: true }).waitFor();

      // ── 8. Zalo goes down again and the twenty followers write: the top bar warns of the backlog
      // (Nhung, refused, is not counted), and the warning goes once Zalo has delivered.
      zalo.setDown(true);
      for (const follower of followers) expect((await zalo.sendText(follower.userId, "khai sinh")).status).toBe(200);
      const backedUp = alerts.getByText(`Hàng đợi Zalo đang ùn: ${BACKLOG} công dân chờ gửi`, { exact: true });
      await backedUp.waitFor({ timeout: 12_000 });
      zalo.setDown(false);
      await backedUp.waitFor({ state: "detached", timeout: 15_000 });
      await eventually(
        () => alerts.innerText(),
        (text) => text === "",
        "no alert in the top bar",
      );
      expect(app.pageErrors).toEqual([]);
    },
    60_000,
  );
});
