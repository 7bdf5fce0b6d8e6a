/**
 * A clerk asks a citizen for more in the console's dialog, in Chromium: the dialog asks what is missing, one item a
 * line, and will not send the request without it; the citizen reads the list in their chat, status lookup shows the
 * same words, and the dossier's facts list it for the clerks. The open dialog has no serious accessibility
 * violation.
 */
import { seriousAccessibilityViolations } from "../support/axeAudit";
import { type ConsoleBrowser, describeInChromium, OFFICE_SCREEN, startConsoleBrowser } from "../support/consoleBrowser";
import { addClerk, CLERK_PASSWORD } from "../support/consoleClient";
import { submitOverChat } from "../support/submitOverChat";

const CLERK = { username: "lan", displayName: "Nguyễn Thị Lan" };
const PHONE = "0912 345 678";
/** As the clerk types it: list marks of their own, a blank line. */
const TYPED = "- Giấy báo tử (bản chính)\n\n2. Bản sao CCCD của người đi khai tử";
const TOLD =
  "Cần bổ sung:\n- Giấy báo tử (bản chính)\n- Bản sao CCCD của người đi khai tử\n" +
  "Vui lòng bổ sung tại Bộ phận Một cửa hoặc liên hệ cán bộ.";

describeInChromium("a clerk asks a citizen for more, in Chromium", () => {
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

  it("writes what is missing in the dialog, and the citizen reads it in the chat and in status lookup", async () => {
    const server = chromium!.server;
    const { citizen, code } = await submitOverChat(server.url, "dang-ky-khai-tu", {
      unitId: "an-thanh",
      answers: { hasDeathNotice: "không" },
    });
    open.push(citizen);

    const page = await chromium!.openPage(OFFICE_SCREEN, "/console");
    await page.getByLabel("Tên đăng nhập").fill(CLERK.username);
    await page.getByLabel("Mật khẩu").fill(CLERK_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByRole("tab", { name: "Hồ sơ" }).click();
    await page.getByRole("button", { name: `Mở hồ sơ ${code}` }).click();
    const detail = page.getByRole("region", { name: "Chi tiết hồ sơ" });
    const moves = detail.getByRole("group", { name: "Chuyển trạng thái" });
    const confirmed = async (button: string, status: string) => {
      await moves.getByRole("button", { name: button }).click();
      const dialog = page.getByRole("dialog", { name: `Chuyển hồ sơ ${code} sang “${status}”?` });
      await dialog.getByRole("button", { name: "Xác nhận" }).click();
      await dialog.waitFor({ state: "detached" });
      await detail
        .getByRole("status")
        .filter({ hasText: `sang “${status}”` })
        .waitFor();
    };
    await confirmed("Tiếp nhận", "Đã tiếp nhận");

    await moves.getByRole("button", { name: "Yêu cầu bổ sung" }).click();
    const dialog = page.getByRole("dialog", { name: `Chuyển hồ sơ ${code} sang “Cần bổ sung”?` });
    const missing = dialog.getByRole("textbox", { name: "Cần bổ sung những gì (công dân sẽ đọc danh sách này)" });
    await missing.waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Not without the list: the citizen would come back without what they lack.
    await dialog.getByRole("button", { name: "Xác nhận" }).click();
    await dialog.getByRole("alert").filter({ hasText: "Ghi những gì cần bổ sung" }).waitFor();
    expect(await missing.getAttribute("aria-invalid")).toBe("true");
    await missing.fill(TYPED);
    await dialog.getByRole("button", { name: "Xác nhận" }).click();
    await dialog.waitFor({ state: "detached" });

    const facts = detail.locator(".fact-list");
    const listed = facts.locator("dt", { hasText: "Cần bổ sung" }).locator("xpath=following-sibling::dd[1]");
    expect(await listed.getByRole("listitem").allInnerTexts()).toEqual([
      "Giấy báo tử (bản chính)",
      "Bản sao CCCD của người đi khai tử",
    ]);
    await citizen.until(
      () => citizen.messages.some((m) => m.author === "system" && m.text.includes(TOLD)),
      "the list in the citizen's chat",
    );
    const looked = await fetch(`${server.url}/api/status`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code, phone: PHONE }),
    });
    expect(((await looked.json()) as { statusText: { next: { vi: string } } }).statusText.next.vi).toBe(TOLD);
    expect(chromium!.pageErrors).toEqual([]);
  }, 90_000);
});
