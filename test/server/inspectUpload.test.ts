import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import sharp from "sharp";
import { inspectUpload } from "../../server/uploads/inspectUpload";
import { jpegPhoto, pdfScan, pixelFloodPng, pngScreenshot } from "../support/documentFiles";

describe("inspectUpload", () => {
  it("accepts a real JPEG photo, re-encoded, upright by its EXIF orientation", async () => {
    const inspected = await inspectUpload(await jpegPhoto({ width: 120, height: 80, gps: true }));
    expect(inspected).toMatchObject({ ok: true, mimeType: "image/jpeg" });
    if (!inspected.ok) return;
    // Orientation 6 (taken with the phone held upright): stored turned, 80 wide and 120 high.
    expect(await sharp(inspected.bytes).metadata()).toMatchObject({ format: "jpeg", width: 80, height: 120 });
  });

  it("drops the EXIF block of a photo, GPS position and camera included", async () => {
    const sent = await jpegPhoto({ gps: true });
    expect((await sharp(sent).metadata()).exif).toBeDefined();
    expect(sent.includes("PhoneMaker")).toBe(true);
    const inspected = await inspectUpload(sent);
    if (!inspected.ok) throw new Error(`refused: ${inspected.refusal}`);
    const stored = await sharp(inspected.bytes).metadata();
    expect(stored.exif).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
    expect(inspected.bytes.includes("PhoneMaker")).toBe(false);
    expect(inspected.bytes.includes("Exif")).toBe(false);
  });

  it("accepts a real PNG and a real PDF", async () => {
    expect(await inspectUpload(await pngScreenshot())).toMatchObject({ ok: true, mimeType: "image/png" });
    const pdf = await pdfScan();
    expect(await inspectUpload(pdf)).toEqual({ ok: true, mimeType: "application/pdf", bytes: pdf });
  });

  it("refuses a 14000×14000 PNG from its header, before decoding it", async () => {
    const flood = pixelFloodPng();
    expect(flood.length).toBeLessThan(64 * 1024);
    expect(await inspectUpload(flood)).toEqual({ ok: false, refusal: "tooManyPixels" });
  });

  it("refuses HTML named .jpg, an SVG with a script, and PHP", async () => {
    expect(await inspectUpload(Buffer.from("<html><body><script>alert(1)</script></body></html>"))).toEqual({
      ok: false,
      refusal: "type",
    });
    expect(
      await inspectUpload(
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'),
      ),
    ).toEqual({ ok: false, refusal: "type" });
    expect(await inspectUpload(Buffer.from("<?php system($_GET['c']); ?>"))).toEqual({ ok: false, refusal: "type" });
  });

  it("refuses text behind a JPEG's first bytes, and a JPEG cut off in its image data", async () => {
    expect(
      await inspectUpload(
        Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("<script>alert(1)</script>")]),
      ),
    ).toEqual({ ok: false, refusal: "damaged" });
    const photo = await jpegPhoto();
    expect(await inspectUpload(photo.subarray(0, Math.floor(photo.length * 0.9)))).toEqual({
      ok: false,
      refusal: "damaged",
    });
  });

  it("refuses a PDF header followed by garbage, and a PDF cut off", async () => {
    const garbage = Buffer.concat([
      Buffer.from("%PDF-1.7\n"),
      Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 31) & 0xff)),
    ]);
    expect(await inspectUpload(garbage)).toEqual({ ok: false, refusal: "damaged" });
    expect(await inspectUpload(Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"))).toEqual({
      ok: false,
      refusal: "damaged",
    });
    const pdf = await pdfScan();
    expect(await inspectUpload(pdf.subarray(0, 300))).toEqual({ ok: false, refusal: "damaged" });
  });

  it("refuses a PDF that runs JavaScript when opened", async () => {
    const document = await PDFDocument.create();
    document.addPage();
    const action = document.context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of("app.alert(1)") });
    document.catalog.set(PDFName.of("OpenAction"), action);
    expect(await inspectUpload(Buffer.from(await document.save()))).toEqual({ ok: false, refusal: "activeContent" });
  });

  it("refuses a PDF locked with a password", async () => {
    const document = await PDFDocument.create();
    document.addPage();
    // An /Encrypt entry in the trailer is what marks a PDF as encrypted.
    const text = Buffer.from(await document.save({ useObjectStreams: false })).toString("latin1");
    const locked = Buffer.from(
      text.replace(
        /trailer\s*<</,
        (m) => `${m}\n/Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <00> /U <00> >>`,
      ),
      "latin1",
    );
    expect(await inspectUpload(locked)).toEqual({ ok: false, refusal: "encrypted" });
  });
});
