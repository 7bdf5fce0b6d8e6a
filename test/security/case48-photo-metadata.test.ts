import sharp from "sharp";
import { jpegPhoto } from "../support/documentFiles";
import { uploadFile, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile({ UPLOAD_MAX_BYTES: String(256 * 1024) });

describe("case 48: a photo carrying its GPS position and the phone's model", () => {
  it("is stored re-encoded without EXIF, GPS or device data", async () => {
    const c = await watched.citizenAtUpload();
    const res = await uploadFile(watched.url, c.token, await jpegPhoto({ gps: true }), "a.jpg", "image/jpeg");
    expect(res.status).toBe(201);
    const { attachmentId } = (await res.json()) as { attachmentId: string };
    const stored = (await watched.server.store.getUpload(attachmentId))!;
    const metadata = await sharp(stored.bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(stored.bytes.includes(Buffer.from("PhoneMaker"))).toBe(false);
  });
});
