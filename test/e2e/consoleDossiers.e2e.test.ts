/**
 * The console's dossiers view in a real browser: two citizens submit death registrations
 * through the real chat (one helped by a colleague, who fills a field), and a clerk of An Thạnh
 * opens the first from the conversation she watched, finds both in the "Hồ sơ" tab by receipt
 * code, name and phone, reads who gave each field, opens the printable form, and moves their
 * statuses — each move told to the citizen in their chat and shown by the public status
 * lookup — while the live queue goes on behind the tab. The screenshot goes to
 * `docs/console-dossiers.png`.
 */
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import {
  APP_TITLE,
  type ConsoleBrowser,
  describeInChromium,
  DOCS,
  eventually,
  OFFICE_SCREEN,
  startConsoleBrowser,
} from "../support/consoleBrowser";
import { addClerk, Clerk, CLERK_PASSWORD } from "../support/consoleClient";
import { submitOverChat } from "../support/submitOverChat";
import type { Citizen } from "../support/testServer";

const CLERK = { username: "lan", displayName: "Nguyễn Thị Lan" };
const COLLEAGUE = { username: "minh", displayName: "Trần Văn Minh" };
/** The citizen whose dossier moves on: found by name and phone, one field filled by the colleague. */
const HOA = {
  requesterFullName: "Lê Thị Hoa",
  deceasedFullName: "Trần Văn Bảy",
  contactPhone: "0909 123 456",
  hasDeathNotice: "không",
};
/** The citizen whose dossier is rejected. */
const TAM = {
  requesterFullName: "Phạm Văn Tâm",
  deceasedFullName: "Phạm Văn Sáu",
  contactPhone: "0918 765 432",
  hasDeathNotice: "không",
};
const CAUSE = { label: "Nguyên nhân chết", value: "Tai biến mạch máu não" };
const REJECTION = "Thiếu giấy báo tử hoặc giấy tờ thay thế giấy báo tử.";

describeInChromium("a clerk finds submitted dossiers and moves their status, in Chromium", () => {
  let chromium: ConsoleBrowser | null = null;
  const open: { close(): void }[] = [];

  beforeAll(async () => {
    chromium = await startConsoleBrowser();
    await addClerk(chromium.server.store, CLERK);
  }, 30_000);

  afterAll(async () => {
    open.splice(0).forEach((c) => c.close());
    await chromium?.stop();
  }, 15_000);

  /** What the status lookup of `docs/protocol.md` tells the citizen, by code and phone. */
  async function lookup(code: string, phone: string): Promise<{ status?: string; statusText?: string }> {
    const res = await fetch(`${chromium!.server.url}/api/status`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code, phone }),
    });
    return (await res.json()) as { status?: string; statusText?: string };
  }

  async function toldInChat(citizen: Citizen, text: string): Promise<void> {
    await citizen.until(
      () => citizen.messages.some((m) => m.author === "system" && m.text.includes(text)),
      `"${text}" in the citizen's chat`,
    );
  }

  it(
    "searches by code, name and phone, shows each field's " + "provenance, and moves statuses that reach the citizen",
    async () => {
      const server = chromium!.server;
      // ── 1. The clerk signs in; a colleague helps Hoa at her review, and the clerk watches.
      const clerk = await chromium!.openPage(OFFICE_SCREEN, "/console");
      await clerk.getByLabel("Tên đăng nhập").fill(CLERK.username);
      await clerk.getByLabel("Mật khẩu").fill(CLERK_PASSWORD);
      await clerk.getByRole("button", { name: "Đăng nhập" }).click();
      const queue = clerk.getByRole("region", { name: "Hàng chờ" });
      await queue.getByText("Chưa có công dân nào cần hỗ trợ.").waitFor();
      const colleague = await Clerk.login(server, COLLEAGUE.username, "clerk", ["an-thanh"], COLLEAGUE.displayName);
      open.push(colleague);
      const draft = clerk.getByRole("region", { name: "Hồ sơ nháp" });
      const watch = async (): Promise<void> => {
        await queue.getByRole("button", { name: new RegExp(`${COLLEAGUE.displayName} đang hỗ trợ`) }).click();
        await draft.getByText("Họ, chữ đệm, tên người yêu cầu").waitFor();
      };
      const hoa = await submitOverChat(server.url, "dang-ky-khai-tu", {
        unitId: "an-thanh",
        answers: HOA,
        clerkFills: { clerk: colleague, field: "causeOfDeath", text: CAUSE.value, whileHeld: watch },
      });
      open.push(hoa.citizen);
      const tam = await submitOverChat(server.url, "dang-ky-khai-tu", { unitId: "an-thanh", answers: TAM });
      open.push(tam.citizen);

      // ── 2. Her receipt code comes into the draft watched; it opens the dossier in "Hồ sơ".
      const queueTab = clerk.getByRole("tab", { name: "Hàng chờ" });
      const dossiersTab = clerk.getByRole("tab", { name: "Hồ sơ" });
      expect(await queueTab.getAttribute("aria-selected")).toBe("true");
      await draft.getByText(hoa.code).waitFor();
      await draft.getByRole("button", { name: "Mở trong danh sách hồ sơ" }).click();
      expect(await dossiersTab.getAttribute("aria-selected")).toBe("true");
      expect(await queueTab.getAttribute("aria-selected")).toBe("false");
      expect(await queue.isVisible()).toBe(false);
      const search = clerk.getByRole("searchbox", { name: "Tìm theo mã hồ sơ, số điện thoại hoặc họ tên" });
      expect(await search.inputValue()).toBe(hoa.code);
      const detail = clerk.getByRole("region", { name: "Chi tiết hồ sơ" });
      const valueOf = (list: Locator, term: string | RegExp): Locator =>
        list.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]");
      const facts = detail.locator(".fact-list");
      await valueOf(facts, "Mã hồ sơ").getByText(hoa.code).waitFor();

      // The tabs answer the keyboard: arrows move between them and show theirs.
      await dossiersTab.press("ArrowLeft");
      expect(await queueTab.getAttribute("aria-selected")).toBe("true");
      expect(await clerk.locator("#tab-queue:focus").count()).toBe(1);
      await queueTab.press("ArrowRight");
      expect(await dossiersTab.getAttribute("aria-selected")).toBe("true");

      // ── 3. Empty search: what the law makes urgent first (a death registration is due the day it is received,
      // or the next working day), then the newest; with the procedure, the unit, the status and the due day.
      const table = clerk.getByRole("table", { name: "Hồ sơ đã nộp" });
      const rows = table.locator("tbody tr");
      const rowTexts = async (): Promise<string[][]> =>
        Promise.all((await rows.all()).map((row) => row.locator("th, td").allInnerTexts()));
      await search.fill("");
      await search.press("Enter");
      await clerk.getByText("2 hồ sơ mới nhất").waitFor();
      const latest = await rowTexts();
      const dueSoon = /^Đã nộp, chờ tiếp nhận Sắp đến hạn: \d{2}\/\d{2}\/\d{4}$/;
      expect(latest.map((cells) => cells.slice(0, 3))).toEqual([
        [hoa.code, "Đăng ký khai tử", "Phường An Thạnh"],
        [tam.code, "Đăng ký khai tử", "Phường An Thạnh"],
      ]);
      expect(latest.map((cells) => cells[3])).toEqual([expect.stringMatching(dueSoon), expect.stringMatching(dueSoon)]);
      expect(latest[0]![4]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

      // ── 4. Search: by receipt code (typed in lower case), by name without diacritics, by phone.
      const searchFor = async (query: string, count: string): Promise<void> => {
        await search.fill(query);
        await search.press("Enter");
        await clerk.getByText(count).waitFor();
      };
      await searchFor(hoa.code.toLowerCase(), `1 hồ sơ khớp với “${hoa.code.toLowerCase()}”`);
      expect((await rowTexts()).map((cells) => cells[0])).toEqual([hoa.code]);
      await searchFor("le thi hoa", "1 hồ sơ khớp với “le thi hoa”");
      expect((await rowTexts()).map((cells) => cells[0])).toEqual([hoa.code]);
      await searchFor("+84 918 765 432", "1 hồ sơ khớp với “+84 918 765 432”");
      expect((await rowTexts()).map((cells) => cells[0])).toEqual([tam.code]);
      await search.fill("nguyen thi khong co");
      await search.press("Enter");
      await clerk.getByText("Không tìm thấy hồ sơ nào khớp với “nguyen thi khong co”.", { exact: false }).waitFor();
      expect(await table.count()).toBe(0);

      // ── 5. Hoa's dossier: the facts, each field with who gave it, the printable form.
      await searchFor("le thi hoa", "1 hồ sơ khớp với “le thi hoa”");
      await table.getByRole("button", { name: `Mở hồ sơ ${hoa.code}` }).click();
      await valueOf(facts, "Mã hồ sơ").getByText(hoa.code).waitFor();
      expect(await valueOf(facts, "Thủ tục").innerText()).toBe("Đăng ký khai tử");
      expect(await valueOf(facts, "Đơn vị").innerText()).toBe("Phường An Thạnh");
      expect(await valueOf(facts, "Trạng thái").innerText()).toBe("Đã nộp, chờ tiếp nhận");
      const cause = valueOf(detail, CAUSE.label);
      expect(await cause.locator(".value").innerText()).toBe(CAUSE.value);
      expect(await cause.locator(".source").innerText()).toBe(`Cán bộ ${COLLEAGUE.displayName}`);
      const requester = valueOf(detail, /^Họ, chữ đệm, tên người yêu cầu$/);
      expect(await requester.locator(".value").innerText()).toBe(HOA.requesterFullName);
      expect(await requester.locator(".source").innerText()).toBe("Công dân");
      expect(await detail.locator(".source-bot").first().innerText()).toBe("Trợ lý");
      // Fields stand in the paper form's groups.
      expect((await detail.locator("section.group h3").allInnerTexts()).length).toBeGreaterThan(3);

      const formLink = detail.getByRole("link", { name: /Xem tờ khai để in/ });
      expect(await formLink.getAttribute("target")).toBe("_blank");
      const [form] = await Promise.all([clerk.context().waitForEvent("page"), formLink.click()]);
      await form.waitForLoadState();
      expect(form.url()).toBe(`${server.url}/api/console/dossiers/${hoa.code}/form`);
      expect(await form.locator("body").innerText()).toContain(HOA.requesterFullName);
      await form.close();

      // ── 6. Received, then processing: confirmed each time, told to Hoa, seen by status lookup.
      const moves = detail.getByRole("group", { name: "Chuyển trạng thái" });
      const moveButtons = (): Promise<string[]> => moves.getByRole("button").allInnerTexts();
      expect(await moveButtons()).toEqual(["Tiếp nhận", "Từ chối hồ sơ"]);
      const move = async (button: string, status: string): Promise<void> => {
        await moves.getByRole("button", { name: button }).click();
        const dialog = clerk.getByRole("dialog", { name: `Chuyển hồ sơ ${hoa.code} sang “${status}”?` });
        await dialog.getByRole("button", { name: "Xác nhận" }).click();
        await dialog.waitFor({ state: "detached" });
        await detail
          .getByRole("status")
          .filter({ hasText: `Đã chuyển hồ sơ ${hoa.code} sang “${status}”. Công dân đã được báo.` })
          .waitFor();
        await valueOf(facts, "Trạng thái").getByText(status, { exact: true }).waitFor();
        await rows.filter({ hasText: hoa.code }).getByText(status, { exact: true }).waitFor();
      };
      await move("Tiếp nhận", "Đã tiếp nhận");
      await toldInChat(hoa.citizen, `Hồ sơ ${hoa.code}: đã tiếp nhận.`);
      expect((await lookup(hoa.code, HOA.contactPhone)).status).toBe("received");
      await move("Chuyển xử lý", "Đang xử lý");
      await toldInChat(hoa.citizen, `Hồ sơ ${hoa.code}: đang xử lý.`);
      expect(await lookup(hoa.code, "0909123456")).toMatchObject({ status: "processing" });
      expect(await moveButtons()).toEqual(["Yêu cầu bổ sung", "Báo đã có kết quả", "Từ chối hồ sơ"]);

      // ── 7. Tâm's dossier is rejected: not without a reason, which Tâm then reads.
      await searchFor(TAM.contactPhone, `1 hồ sơ khớp với “${TAM.contactPhone}”`);
      await rows.filter({ hasText: tam.code }).locator("td").first().click();
      await valueOf(facts, "Mã hồ sơ").getByText(tam.code).waitFor();
      await moves.getByRole("button", { name: "Từ chối hồ sơ" }).click();
      const reject = clerk.getByRole("dialog", { name: `Chuyển hồ sơ ${tam.code} sang “Bị từ chối”?` });
      await reject.getByRole("button", { name: "Từ chối hồ sơ" }).click();
      await reject.getByRole("alert").filter({ hasText: "Ghi lý do từ chối để công dân biết cần làm gì." }).waitFor();
      expect(tam.citizen.messages.some((m) => m.text.startsWith(`Hồ sơ ${tam.code}:`))).toBe(false);
      await reject.getByRole("textbox", { name: "Lý do từ chối (công dân sẽ đọc lý do này)" }).fill(REJECTION);
      await reject.getByRole("button", { name: "Từ chối hồ sơ" }).click();
      await reject.waitFor({ state: "detached" });
      await valueOf(facts, "Trạng thái").getByText("Bị từ chối", { exact: true }).waitFor();
      expect(await valueOf(facts, "Lý do từ chối").innerText()).toBe(REJECTION);
      await detail.getByText("Hồ sơ đã ở trạng thái cuối, không chuyển tiếp được nữa.").waitFor();
      expect(await moves.count()).toBe(0);
      await toldInChat(tam.citizen, REJECTION);
      expect(await lookup(tam.code, TAM.contactPhone)).toMatchObject({ status: "rejected" });

      // ── 8. The queue runs on behind the tab: Hoa asks for a clerk, the tab and the title count her.
      await hoa.citizen.say("gặp cán bộ");
      await queueTab.getByText("1", { exact: true }).waitFor();
      await eventually(
        () => clerk.title(),
        (title) => title === `(1) ${APP_TITLE}`,
        "the count in the title",
      );
      expect(await dossiersTab.getAttribute("aria-selected")).toBe("true");

      // The latest of both, Hoa's open, on the office screen.
      await search.fill("");
      await search.press("Enter");
      await clerk.getByText("2 hồ sơ mới nhất").waitFor();
      await table.getByRole("button", { name: `Mở hồ sơ ${hoa.code}` }).click();
      await valueOf(facts, "Mã hồ sơ").getByText(hoa.code).waitFor();
      // Hoa's is still open and due soon; Tâm's, rejected, has no deadline left.
      expect((await rowTexts()).map((cells) => [cells[0], cells[3]])).toEqual([
        [hoa.code, expect.stringMatching(/^Đang xử lý Sắp đến hạn: /)],
        [tam.code, "Bị từ chối"],
      ]);
      await screenshot(clerk);
      expect(chromium!.pageErrors).toEqual([]);
    },
    90_000,
  );
});

async function screenshot(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(DOCS, "console-dossiers.png"), animations: "disabled", caret: "hide" });
}
