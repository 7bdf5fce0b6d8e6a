import { jpegPhoto } from "../support/documentFiles";
import { uploadFile, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile({ UPLOAD_MAX_BYTES: String(64 * 1024) });

const PHP = Buffer.from("<?php system($_GET['c']); ?>");

describe("case 41: files lying about their type", () => {
  it("refuses HTML, PHP and a PDF named .jpg, a.jpg.php and a.php%00.jpg, storing nothing", async () => {
    const c = await watched.citizenAtUpload();
    for (const [bytes, name, type] of [
      [Buffer.from("<html><script>alert(1)</script></html>"), "cccd.jpg", "image/jpeg"],
      [PHP, "a.jpg.php", "image/jpeg"],
      [PHP, "a.php%00.jpg", "image/jpeg"],
      [Buffer.from("%PDF-1.7\n%%EOF"), "a.jpg", "image/jpeg"],
    ] as const) {
      const res = await uploadFile(watched.url, c.token, bytes, name, type);
      expect([name, res.status]).toEqual([name, 415]);
    }
    expect(watched.storedUploads()).toEqual([]);
  });

  it("refuses a real JPEG declared as application/x-php or text/html, with the words of any refused file", async () => {
    const c = await watched.citizenAtUpload();
    const photo = await jpegPhoto();
    const byContent = await (await uploadFile(watched.url, c.token, PHP, "a.jpg", "image/jpeg")).json();
    for (const type of ["application/x-php", "text/html", "image/svg+xml"]) {
      const res = await uploadFile(watched.url, c.token, photo, "cccd.jpg", type);
      expect([type, res.status]).toEqual([type, 415]);
      expect(await res.json()).toEqual(byContent);
    }
    expect(watched.storedUploads()).toEqual([]);
  });

  it("takes a real JPEG by its content whatever its name, declared as a photo or as unknown bytes", async () => {
    const c = await watched.citizenAtUpload();
    for (const type of ["application/octet-stream", "image/JPEG", "image/jpg"]) {
      const res = await uploadFile(watched.url, c.token, await jpegPhoto(), "a.jpg.php", type);
      expect([type, res.status]).toEqual([type, 201]);
      expect(((await res.json()) as { mimeType: string }).mimeType).toBe("image/jpeg");
    }
    expect(watched.storedUploads().join("")).not.toMatch(/php|\.jpg/);
  });
});
