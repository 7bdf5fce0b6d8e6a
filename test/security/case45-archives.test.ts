import { deflateRawSync } from "node:zlib";
import { uploadFile, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile({ UPLOAD_MAX_BYTES: String(64 * 1024) });

/** A one-entry ZIP archive (local header only), the entry named `name`: a bomb when `content` is large. */
function zip(name: string, content: Buffer): Buffer {
  const data = deflateRawSync(content);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([header, Buffer.from(name), data]);
}

describe("case 45: archives — bombs, zip slip, DOCX", () => {
  it("refuses every archive by its content, unpacking nothing", async () => {
    const c = await watched.citizenAtUpload();
    for (const [bytes, name, type] of [
      [zip("bomb.txt", Buffer.alloc(50 * 1024 * 1024)), "cccd.zip", "application/zip"],
      [zip("../../x.sh", Buffer.from("rm -rf /")), "a.jpg", "image/jpeg"],
      [
        zip("word/document.xml", Buffer.from("<w:document/>")),
        "don.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ],
    ] as const) {
      const res = await uploadFile(watched.url, c.token, bytes, name, type);
      expect([name, res.status]).toEqual([name, 415]);
    }
    expect(watched.storedUploads()).toEqual([]);
  });
});
