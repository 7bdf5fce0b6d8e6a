import { PDFDocument } from "pdf-lib";
import { uploadFile, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile({ UPLOAD_MAX_BYTES: String(64 * 1024) });

async function pdfWithScript(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage([200, 200]);
  document.addJavaScript("open", "app.alert('x')");
  return Buffer.from(await document.save());
}

describe("case 42: SVG with script, HTML and a PDF running JavaScript", () => {
  it("are refused at upload, storing nothing", async () => {
    const c = await watched.citizenAtUpload();
    for (const [bytes, name, type] of [
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), "a.svg", "image/svg+xml"],
      [Buffer.from("<!doctype html><script>alert(1)</script>"), "a.html", "text/html"],
      [await pdfWithScript(), "a.pdf", "application/pdf"],
    ] as const) {
      const res = await uploadFile(watched.url, c.token, bytes, name, type);
      expect([name, res.status]).toEqual([name, 415]);
    }
    expect(watched.storedUploads()).toEqual([]);
  });
});
