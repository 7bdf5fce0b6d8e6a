/**
 * "Quét CCCD" in the widget, on a phone-sized page (390×844) in Debian's Chromium: the scanner opens
 * over the chat, reads a card's QR code from the camera (Chromium's fake camera playing a video of a
 * card), or sends a chosen photo through the upload; the camera refused leaves the photo, said plainly.
 * Its scripts and WebAssembly come from the widget's own server and nothing else is fetched.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import sharp from "sharp";
import { buildWidget } from "../../widget/build";
import { seriousAccessibilityViolations } from "../support/axeAudit";
import { CHROMIUM, describeInChromium, eventually } from "../support/consoleBrowser";
import { syntheticCards, type SyntheticCard } from "../support/syntheticCards";
import { startTestServer, type TestServer } from "../support/testServer";

const PHONE = { width: 390, height: 844 };
const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

const widget = (page: Page) => page.locator("khai-ho-chat");
const scanner = (page: Page) => widget(page).locator(".scanner");
const lastBotText = async (page: Page) =>
  ((await widget(page).locator(".messages .msg-bot").last().textContent()) ?? "").replace(/^[^:]*: /, "");

/**
 * A Y4M video (what Chromium's fake camera plays, in a loop) of `photo` filling a 640×480 frame, in grey:
 * the QR reader reads luminance only.
 */
async function cameraVideo(photo: Buffer, file: string): Promise<void> {
  const width = 640;
  const height = 480;
  const luma = await sharp(photo)
    .rotate()
    .resize(width, height, { fit: "contain", background: "#777" })
    .greyscale()
    .raw()
    .toBuffer();
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma.subarray(0, width * height), chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, frame, frame, frame, frame, frame]));
}

describeInChromium("scanning an ID card in the widget, on a phone", () => {
  let dir: string;
  let server: TestServer;
  let browser: Browser;
  let card: SyntheticCard;
  const contexts: BrowserContext[] = [];
  /** Every address a page asked for: the server's own, and nothing else. */
  const requested: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "khai-ho-e2e-scanner-"));
    [card] = (await syntheticCards(1, 7)) as [SyntheticCard];
    // The card filling the frame, as a citizen holds it up to the camera.
    const held = await sharp(card.photo).rotate().trim({ threshold: 60 }).jpeg({ quality: 90 }).toBuffer();
    await cameraVideo(held, path.join(dir, "card.y4m"));
    const built = await buildWidget({ outFile: path.join(dir, "widget.js") });
    server = await startTestServer(
      { ALLOWED_ORIGINS: "*", RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000" },
      undefined,
      readFileSync(built.outFile, "utf8"),
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        ...LAUNCH_ARGS,
        "--use-fake-device-for-media-stream",
        `--use-file-for-fake-video-capture=${path.join(dir, "card.y4m")}`,
      ],
      timeout: 20_000,
    });
  }, 120_000);
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => {})));
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }, 20_000);
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
    expect(requested.splice(0).filter((url) => !url.startsWith(server.url))).toEqual([]);
  });

  /** The demo page on a phone, at the requester's name with its "Quét CCCD" button. */
  async function atFirstIdentityQuestion(camera: boolean): Promise<Page> {
    const context = await browser.newContext({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      ...(camera ? { permissions: ["camera"] } : {}),
    });
    contexts.push(context);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(`${server.url}/`);
    await widget(page).locator(".launcher").click();
    const choices = widget(page).locator(".choices");
    await choices.getByRole("button", { name: "Đăng ký khai sinh", exact: true }).click();
    // The demo page is An Thạnh's (`data-unit`): the unit is not asked.
    await choices.getByRole("button", { name: "Quét CCCD" }).waitFor();
    return page;
  }

  it("opens over the chat with the focus in it, says the camera is refused, passes axe, and closes back", async () => {
    const page = await atFirstIdentityQuestion(false);
    const scanButton = widget(page).locator(".choices").getByRole("button", { name: "Quét CCCD" });
    await scanButton.click();
    const dialog = widget(page).getByRole("dialog", { name: "Quét CCCD" });
    await dialog.waitFor();
    await eventually(
      () => scanner(page).locator(".scanner-status").textContent(),
      (text) => text?.includes("Máy ảnh chưa được cho phép dùng") === true,
      "the camera refused, said plainly",
    );
    const photo = scanner(page).getByRole("button", { name: "Chọn ảnh" });
    expect(await photo.isVisible()).toBe(true);
    expect(await scanner(page).locator("video").isVisible()).toBe(false);
    expect(
      await photo.evaluate((el) => el === (el.getRootNode() as unknown as { activeElement: unknown }).activeElement),
    ).toBe(true);
    // It covers the phone's screen, under the launcher's place.
    const box = (await scanner(page).boundingBox())!;
    expect(box).toMatchObject({ x: 0, y: 0, width: PHONE.width, height: PHONE.height });
    expect(await seriousAccessibilityViolations(page, "khai-ho-chat")).toEqual([]);

    // Tab stays inside; Escape closes the scanner (not the chat) and gives the focus back to the button.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(
      await photo.evaluate((el) => el === (el.getRootNode() as unknown as { activeElement: unknown }).activeElement),
    ).toBe(true);
    await page.keyboard.press("Escape");
    await scanner(page).waitFor({ state: "detached" });
    expect(await widget(page).locator(".panel").isVisible()).toBe(true);
    expect(
      await scanButton.evaluate(
        (el) => el === (el.getRootNode() as unknown as { activeElement: unknown }).activeElement,
      ),
    ).toBe(true);
    expect(await lastBotText(page)).toMatch(/^Họ và tên đầy đủ của bạn/);

    // The close button does the same; the first load had none of the scanner's code.
    await scanButton.click();
    await scanner(page).getByRole("button", { name: "Đóng, quay lại câu hỏi" }).click();
    await scanner(page).waitFor({ state: "detached" });
    expect(requested.filter((url) => url.includes("/widget-scanner.js"))).toHaveLength(1);
  }, 60_000);

  it("reads the card's QR code from the live camera, with the server's own QR reader, and sends it", async () => {
    const page = await atFirstIdentityQuestion(true);
    const hasNativeReader = await page.evaluate(() => "BarcodeDetector" in globalThis);
    await widget(page).locator(".choices").getByRole("button", { name: "Quét CCCD" }).click();
    await scanner(page).waitFor();
    await widget(page).locator(".msg-citizen", { hasText: "Đã quét mã QR trên CCCD" }).waitFor({ timeout: 30_000 });
    expect(await scanner(page).count()).toBe(0);
    // The server reads the text the camera gave and shows the card's holder.
    await eventually(
      () => lastBotText(page),
      (text) => text.includes(card.person.idNumber) && text.includes(card.person.fullName),
      "the card read back",
      15_000,
    );
    if (!hasNativeReader) expect(requested.filter((url) => url.endsWith("/widget-qr-reader.wasm"))).toHaveLength(1);
  }, 60_000);

  it("sends a chosen photo of the card through the upload, and the server reads it", async () => {
    const page = await atFirstIdentityQuestion(false);
    await widget(page).locator(".choices").getByRole("button", { name: "Quét CCCD" }).click();
    const input = scanner(page).locator('input[type="file"]');
    expect(await input.getAttribute("accept")).toBe("image/*");
    expect(await input.getAttribute("capture")).toBe("environment");
    await input.setInputFiles({ name: "cccd.jpg", mimeType: "image/jpeg", buffer: card.photo });
    await widget(page).locator(".msg-citizen", { hasText: "Đã gửi ảnh mặt trước CCCD" }).waitFor();
    await eventually(
      () => lastBotText(page),
      (text) => text.includes(card.person.idNumber) && text.includes(card.person.fullName),
      "the card read back",
      15_000,
    );
    expect(requested.filter((url) => url.endsWith("/api/uploads"))).toHaveLength(1);
  }, 60_000);
});
