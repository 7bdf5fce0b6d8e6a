/**
 * The postal list in a real browser: a citizen asks in the chat for the post office to collect the papers and bring
 * the result home; a clerk of An Thạnh opens the "Bưu chính" tab, finds the errand with the address, phone and papers,
 * marks the papers collected (the citizen is told in the chat), and prints the list: on paper only the list shows, on
 * A4 landscape, with a column for the citizen's signature. The screenshot goes to `docs/console-postal.png`.
 */
import path from "node:path";
import {
  type ConsoleBrowser,
  describeInChromium,
  DOCS,
  OFFICE_SCREEN,
  startConsoleBrowser,
} from "../support/consoleBrowser";
import { addClerk, CLERK_PASSWORD } from "../support/consoleClient";
import { submitOverChat } from "../support/submitOverChat";

const CLERK = { username: "lan", displayName: "Nguyễn Thị Lan" };

describeInChromium("a clerk works the postal list and prints it, in Chromium", () => {
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

  it("moves an errand on, tells the citizen, and prints the list alone on A4", async () => {
    const { citizen, code } = await submitOverChat(chromium!.server.url, "dang-ky-khai-tu", {
      unitId: "an-thanh",
      answers: {
        hasDeathNotice: "không",
        requesterFullName: "Lê Thị Hoa",
        submitMethod: "Bưu điện đến nhà nhận hồ sơ",
        returnMethod: "Bưu điện trả kết quả tại nhà",
        postalAddress: "45 Trần Hưng Đạo, phường An Thạnh",
        postalPhone: "0909 123 456",
        postalTimeWindow: "Buổi sáng (7:30 – 11:30)",
      },
    });
    open.push(citizen);

    const page = await chromium!.openPage(OFFICE_SCREEN, "/console");
    await page.getByLabel("Tên đăng nhập").fill(CLERK.username);
    await page.getByLabel("Mật khẩu").fill(CLERK_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByRole("tab", { name: "Bưu chính" }).click();
    const panel = page.getByRole("tabpanel", { name: "Bưu chính" });
    const row = panel.getByRole("row", { name: new RegExp(code) });
    await row.getByText("0909123456").waitFor();
    expect(await row.innerText()).toContain("45 Trần Hưng Đạo, phường An Thạnh");
    expect(await row.innerText()).toContain("Buổi sáng (7:30 – 11:30)");
    expect(await panel.getByRole("link", { name: "Tải CSV" }).getAttribute("href")).toMatch(
      /^\/api\/console\/postal\.csv\?day=\d{4}-\d{2}-\d{2}$/,
    );

    await row.getByRole("button", { name: `Đã nhận hồ sơ – hồ sơ ${code}` }).click();
    const dialog = page.getByRole("dialog", { name: `Chuyển hồ sơ ${code} sang “bưu điện đã nhận hồ sơ tại nhà”?` });
    await dialog.getByRole("button", { name: "Xác nhận" }).click();
    await row.getByText("bưu điện đã nhận hồ sơ tại nhà").waitFor();
    await citizen.until(
      () => citizen.messages.some((m) => m.text.startsWith(`Hồ sơ ${code}: bưu điện đã nhận hồ sơ tại nhà.`)),
      "the citizen told in the chat",
    );
    // Delivery waits for the result: the next button is there, but not usable yet.
    expect(await row.getByRole("button", { name: `Giao bưu điện trả – hồ sơ ${code}` }).isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(DOCS, "console-postal.png"), animations: "disabled", caret: "hide" });

    // "In danh sách" prints the page with the print stylesheet: the list alone, a signature column, no buttons.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".topbar").isVisible()).toBe(false);
    expect(await panel.locator(".postal-filters").isVisible()).toBe(false);
    expect(await panel.getByRole("heading", { name: "DANH SÁCH BƯU CHÍNH CÔNG ÍCH" }).isVisible()).toBe(true);
    expect(await panel.getByRole("columnheader", { name: "Ký nhận" }).isVisible()).toBe(true);
    expect(await panel.getByRole("columnheader", { name: "Chuyển trạng thái" }).isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // A4 landscape from the stylesheet's @page: 297 × 210 mm is 842 × 595 points.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString("latin1"));
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([842, 595]);
    await page.emulateMedia({ media: "screen" });
    expect(chromium!.pageErrors).toEqual([]);
  }, 60_000);
});
