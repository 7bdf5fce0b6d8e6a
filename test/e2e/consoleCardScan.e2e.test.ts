/**
 * "Quét CCCD" in the real console, in Chromium: a clerk holding a birth registration at the mother's name
 * chooses a photo of her card (headless Chromium has no webcam, as an office PC without one), the citizen is
 * shown the card and confirms, and the console's draft marks the mother's fields as read from the card.
 */
import { addClerk, CLERK_PASSWORD } from "../support/consoleClient";
import { describeInChromium, chromiumForThisFile, OFFICE_SCREEN } from "../support/consoleBrowser";
import { type SyntheticCard, syntheticCards } from "../support/syntheticCards";
import type { Citizen } from "../support/testServer";
import { grandmotherAt } from "../identity/identityChatDriver";

jest.setTimeout(90_000);

const CLERK = { username: "lan", displayName: "Nguyễn Thị Lan" };

describeInChromium("a clerk scans the citizen's ID card in the console, in Chromium", () => {
  const browser = chromiumForThisFile();
  let citizen: Citizen | null = null;
  let mother: SyntheticCard;

  beforeAll(async () => {
    [mother] = (await syntheticCards(1, 4)) as [SyntheticCard];
    await addClerk(browser().server.store, CLERK);
  });
  afterAll(() => citizen?.close());

  it("sends a photo of the card to the citizen, whose confirmation fills the mother's fields", async () => {
    const { server, pageErrors } = browser();
    citizen = await grandmotherAt(server.url);
    await citizen.say("gặp cán bộ");

    const clerk = await browser().openPage(OFFICE_SCREEN, "/console");
    await clerk.getByLabel("Tên đăng nhập").fill(CLERK.username);
    await clerk.getByLabel("Mật khẩu").fill(CLERK_PASSWORD);
    await clerk.getByRole("button", { name: "Đăng nhập" }).click();
    await clerk
      .getByRole("region", { name: "Hàng chờ" })
      .getByRole("button", { name: /Yêu cầu gặp cán bộ/ })
      .click();
    const actions = clerk.getByRole("group", { name: "Thao tác" });
    const scan = actions.getByRole("button", { name: "Quét CCCD" });
    // Offered only to the clerk holding the conversation.
    await actions.getByRole("button", { name: "Nhận hỗ trợ" }).waitFor();
    expect(await scan.isHidden()).toBe(true);
    await actions.getByRole("button", { name: "Nhận hỗ trợ" }).click();
    await scan.click();

    const dialog = clerk.getByRole("dialog", { name: "Quét CCCD của người mẹ" });
    await dialog.getByText("Không có webcam", { exact: false }).waitFor();
    await dialog.locator('input[type="file"]').setInputFiles({
      name: "cccd.jpg",
      mimeType: "image/jpeg",
      buffer: mother.photo,
    });
    await clerk.getByText("Đã gửi thông tin thẻ cho công dân xác nhận.").waitFor();
    expect(await dialog.count()).toBe(0);

    await citizen.until(
      () => citizen!.messages.some((m) => m.choices?.some((c) => c.value === "identity:confirm")),
      "the card shown to the citizen",
    );
    const shown = citizen.messages.find((m) => m.choices?.some((c) => c.value === "identity:confirm"))!;
    expect(shown.text.normalize("NFC")).toContain(mother.person.fullName.normalize("NFC"));
    expect(shown.text).toContain(`CCCD ${mother.person.idNumber}`);
    await citizen.send({ choice: "identity:confirm" });

    const draft = clerk.getByRole("region", { name: /Hồ sơ/ });
    await draft.getByText(mother.person.idNumber).waitFor();
    expect(await draft.getByText("CCCD (mã QR)").count()).toBeGreaterThanOrEqual(3);
    expect(pageErrors).toEqual([]);
  });
});
