import QRCode from "qrcode";
import sharp from "sharp";
import { decodeCardPhoto } from "../../server/identity/decodeCardPhoto";
import { readCccdQr } from "../../server/identity/readCccdQr";
import { syntheticCards } from "../support/syntheticCards";

jest.setTimeout(120_000);

async function qrPhoto(text: string, damage?: (png: Buffer) => Promise<Buffer>): Promise<Buffer> {
  const qr = await QRCode.toBuffer(text, { errorCorrectionLevel: "M", margin: 4, width: 400 });
  const photo = damage ? await damage(qr) : qr;
  return sharp(photo).jpeg({ quality: 85 }).toBuffer();
}

describe("a photo of an ID card's front", () => {
  it("gives the card's QR text, which reads as the person on the card", async () => {
    const [card] = await syntheticCards(1, 7);
    const decoded = await decodeCardPhoto(card!.photo);
    expect(decoded).toEqual({ ok: true, text: card!.qrText });
    expect(readCccdQr(card!.qrText)).toMatchObject({ ok: true, identity: card!.person });
  });

  it("with a QR code that is a link is read, and then refused as no ID card", async () => {
    const decoded = await decodeCardPhoto(await qrPhoto("https://dichvucong.gov.vn/p/home"));
    expect(decoded).toEqual({ ok: true, text: "https://dichvucong.gov.vn/p/home" });
    expect(readCccdQr((decoded as { text: string }).text)).toEqual({ ok: false, reason: "notIdCard" });
  });

  it("with a QR code torn in half, or no QR code at all, gives no code", async () => {
    const torn = await qrPhoto("087195001234||Nguyễn Thị Hồng Nhung|12041995|Nữ|Khóm 3|15082021", (png) =>
      sharp(png)
        .composite([
          { input: { create: { width: 400, height: 200, channels: 3, background: "#fff" } }, top: 0, left: 0 },
        ])
        .png()
        .toBuffer(),
    );
    expect(await decodeCardPhoto(torn)).toEqual({ ok: false, reason: "noCode" });
    const blank = await sharp({ create: { width: 1200, height: 900, channels: 3, background: "#c8b89a" } })
      .jpeg()
      .toBuffer();
    expect(await decodeCardPhoto(blank)).toEqual({ ok: false, reason: "noCode" });
  });

  it("refuses bytes that are no picture, and a picture past the pixel limit before decoding it", async () => {
    expect(await decodeCardPhoto(Buffer.from("%PDF-1.7 not a photo"))).toEqual({ ok: false, reason: "notImage" });
    // 8,000 × 6,000 = 48 MP of one colour: a few kilobytes of PNG that would take 192 MB decoded.
    const huge = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: "#fff" } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(await decodeCardPhoto(huge)).toEqual({ ok: false, reason: "tooManyPixels" });
  });
});
