/**
 * A citizen's data request in a real browser: an administrator looks the citizen up by receipt code in the
 * "Dữ liệu cá nhân" tab, sees what is held with the CCCD and phone masked, downloads the copy of everything for
 * the citizen, and erases it once the code is typed again; the citizen's data is gone from the store afterwards.
 * A clerk's console has no such tab.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { HONG_NGU_UNITS_2022 } from "../../flows/units";
import { addUser } from "../../server/console/userAccounts";
import { seriousAccessibilityViolations } from "../support/axeAudit";
import { type ConsoleBrowser, describeInChromium, OFFICE_SCREEN, startConsoleBrowser } from "../support/consoleBrowser";
import { addClerk, CLERK_PASSWORD, Clerk, consoleRequest } from "../support/consoleClient";
import { submitOverChat } from "../support/submitOverChat";

const ADMIN = { username: "quan.tri", displayName: "Phạm Văn Quản" };
const CLERK = { username: "lan", displayName: "Nguyễn Thị Lan" };
const CCCD = "079203004417";
const PHONE = "0938 441 702";

describeInChromium("an administrator carries out a citizen's data request, in Chromium", () => {
  let chromium: ConsoleBrowser | null = null;
  const open: { close(): void }[] = [];

  beforeAll(async () => {
    chromium = await startConsoleBrowser();
    const { store } = chromium.server;
    await addClerk(store, CLERK);
    await addUser(
      store,
      HONG_NGU_UNITS_2022,
      { ...ADMIN, role: "admin", unitIds: [], password: CLERK_PASSWORD },
      new Date(),
    );
  }, 30_000);

  afterAll(async () => {
    open.splice(0).forEach((c) => c.close());
    await chromium?.stop();
  }, 15_000);

  async function signIn(who: { username: string }): Promise<Page> {
    const page = await chromium!.openPage(OFFICE_SCREEN, "/console");
    await page.getByLabel("Tên đăng nhập").fill(who.username);
    await page.getByLabel("Mật khẩu").fill(CLERK_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByRole("tab", { name: "Hồ sơ" }).waitFor();
    return page;
  }

  it("looks up, exports and erases a citizen's data, masked on screen, for administrators only", async () => {
    const { server } = chromium!;
    const { citizen, code } = await submitOverChat(server.url, "dang-ky-khai-tu", {
      unitId: "an-thanh",
      answers: { hasDeathNotice: "không", requesterIdNumber: CCCD, contactPhone: PHONE },
    });
    open.push(citizen);
    const conversationId = citizen.conversationId!;

    const clerkPage = await signIn(CLERK);
    expect(await clerkPage.getByRole("tab").allInnerTexts()).not.toContainEqual(
      expect.stringContaining("Dữ liệu cá nhân"),
    );
    await clerkPage.context().close();

    const page = await signIn(ADMIN);
    await page.getByRole("tab", { name: "Dữ liệu cá nhân" }).click();
    const panel = page.getByRole("tabpanel", { name: "Dữ liệu cá nhân" });
    await panel.getByLabel("Mã hồ sơ hoặc mã cuộc trò chuyện").fill(code.toLowerCase());
    await panel.getByRole("button", { name: "Tra cứu" }).click();
    const row = panel.getByRole("table", { name: "Hồ sơ" }).getByRole("row", { name: new RegExp(code) });
    await row.waitFor();
    expect(await row.innerText()).toContain("0792******17");
    expect(await row.innerText()).toContain("093****702");
    const shown = await panel.innerText();
    expect(shown).not.toContain(CCCD);
    expect(shown.replace(/\s/g, "")).not.toContain(PHONE.replace(/\s/g, ""));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The copy for the citizen holds everything, in full.
    const downloading = page.waitForEvent("download");
    await panel.getByRole("link", { name: "Tải bản sao dữ liệu (JSON)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`du-lieu-ca-nhan_${code.toLowerCase()}.json`);
    const copy = JSON.parse(readFileSync((await download.path())!, "utf8")) as {
      conversation: { id: string; answers: Record<string, unknown> };
      dossiers: { code: string }[];
    };
    expect(copy.conversation).toMatchObject({ id: conversationId, answers: { requesterIdNumber: CCCD } });
    expect(copy.dossiers.map((d) => d.code)).toEqual([code]);

    // Erasure needs the code typed again, and waits for the office's answer to the dossier.
    const confirm = panel.getByLabel("Gõ lại mã để xác nhận");
    const erase = panel.getByRole("button", { name: "Xóa vĩnh viễn" });
    await confirm.fill("HN-khac");
    await erase.click();
    await panel.getByRole("alert").getByText("Mã gõ lại chưa khớp").waitFor();
    await confirm.fill(code);
    await erase.click();
    await panel.getByRole("alert").getByText(`Hồ sơ ${code} đang được giải quyết`).waitFor();
    expect(await server.store.getDossier(code)).not.toBeNull();

    const lan = await Clerk.login(server, "lan.tu.choi", "clerk", ["an-thanh"], "Lan");
    open.push(lan);
    const rejected = await consoleRequest(server.url, lan, `/api/console/dossiers/${code}/status`, {
      status: "rejected",
      reason: "Người yêu cầu rút hồ sơ",
    });
    expect(rejected.status).toBe(200);
    await erase.click();
    await panel.getByRole("status").getByText("Đã xóa dữ liệu của công dân: 1 hồ sơ").waitFor();

    expect(await server.store.getDossier(code)).toBeNull();
    expect(await server.store.getConversation(conversationId)).toBeNull();
    expect(await server.store.listMessages(conversationId, 0, 10)).toEqual([]);
    await panel.getByRole("button", { name: "Tra cứu" }).click();
    await panel.getByRole("alert").getByText("Không có hồ sơ hay cuộc trò chuyện nào với mã này").waitFor();
    const audit = await server.store.listAudit({ conversationId }, 10);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["privacy.lookup", "privacy.export", "privacy.erase"]),
    );
    expect(chromium!.pageErrors).toEqual([]);
  }, 90_000);
});
