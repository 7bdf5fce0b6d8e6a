import sharp from "sharp";
import { pixelFloodPng } from "../support/documentFiles";
import { uploadFile, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile({ UPLOAD_MAX_BYTES: String(1024 * 1024) });

/** A JPEG whose header claims 60000×60000 pixels over a tiny real image's data. */
async function hugeDimensionJpeg(): Promise<Buffer> {
  const jpeg = Buffer.from(
    await sharp({ create: { width: 8, height: 8, channels: 3, background: "#fff" } })
      .jpeg()
      .toBuffer(),
  );
  for (let i = 2; i < jpeg.length - 8; i++)
    if (jpeg[i] === 0xff && (jpeg[i + 1] === 0xc0 || jpeg[i + 1] === 0xc2)) {
      jpeg.writeUInt16BE(60000, i + 5);
      jpeg.writeUInt16BE(60000, i + 7);
      break;
    }
  return jpeg;
}

describe("case 44: pixel floods", () => {
  it("refuses a 14000×14000 PNG and a JPEG claiming 60000×60000, storing nothing", async () => {
    const c = await watched.citizenAtUpload();
    expect((await uploadFile(watched.url, c.token, pixelFloodPng(), "a.png", "image/png")).status).toBe(413);
    expect(
      (await uploadFile(watched.url, c.token, await hugeDimensionJpeg(), "a.jpg", "image/jpeg")).status,
    ).toBeGreaterThanOrEqual(413);
    expect(watched.storedUploads()).toEqual([]);
  });
});
