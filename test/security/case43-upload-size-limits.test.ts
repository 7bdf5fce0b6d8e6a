import { jpegPhoto } from "../support/documentFiles";
import { rawRequest, requestHead } from "../support/rawHttp";
import { stillServes, uploadFile, watchedServerForThisFile } from "./securityHarness";

const MAX = 64 * 1024;
const watched = watchedServerForThisFile({ UPLOAD_MAX_BYTES: String(MAX), UPLOAD_MAX_FILES_PER_CONVERSATION: "2" });

describe("case 43: uploads past the size limit, endless, or many files at once", () => {
  it("refuses the limit plus one byte with 413, storing nothing", async () => {
    const c = await watched.citizenAtUpload();
    const photo = await jpegPhoto();
    const res = await uploadFile(
      watched.url,
      c.token,
      Buffer.concat([photo, Buffer.alloc(MAX + 1 - photo.length)]),
      "a.jpg",
      "image/jpeg",
    );
    expect(res.status).toBe(413);
    expect(watched.storedUploads()).toEqual([]);
  });

  it("stops a chunked upload without Content-Length at the limit", async () => {
    const c = await watched.citizenAtUpload();
    const head = requestHead("POST", "/api/uploads", {
      Authorization: `Bearer ${c.token}`,
      "Content-Type": "multipart/form-data; boundary=XX",
      "Transfer-Encoding": "chunked",
    });
    const part =
      '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n';
    const chunk = (data: Buffer) =>
      Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from("\r\n")]);
    const body = [chunk(Buffer.from(part)), ...Array.from({ length: 8 }, () => chunk(Buffer.alloc(64 * 1024, 1)))];
    const answer = await rawRequest(watched.port, Buffer.concat([Buffer.from(head), ...body]), "half-close");
    expect(answer.status === "closed" || answer.status === 413 || answer.status === 400).toBe(true);
    expect(watched.storedUploads()).toEqual([]);
  });

  it("stores at most one file of a request carrying 50, and at most the conversation's quota", async () => {
    const c = await watched.citizenAtUpload();
    const photo = await jpegPhoto();
    const form = new FormData();
    for (let i = 0; i < 50; i++) form.append("file", new Blob([photo], { type: "image/jpeg" }), `${i}.jpg`);
    const res = await fetch(`${watched.url}/api/uploads`, {
      method: "POST",
      body: form,
      headers: { Authorization: `Bearer ${c.token}` },
    });
    expect(res.status).toBeLessThan(500);
    expect(watched.storedUploads().length).toBeLessThanOrEqual(1);
    await uploadFile(watched.url, c.token, photo, "b.jpg", "image/jpeg");
    expect((await uploadFile(watched.url, c.token, photo, "c.jpg", "image/jpeg")).status).toBe(413);
    expect(watched.storedUploads().length).toBe(2);
    await stillServes(watched);
  });
});
