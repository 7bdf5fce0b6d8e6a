import { rawRequest, requestHead } from "../support/rawHttp";
import { stillServes, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile({ UPLOAD_MAX_BYTES: String(64 * 1024) });

describe("case 46: malformed multipart bodies", () => {
  it("answers an empty field name, a missing boundary and a truncated part with 4xx, and stays up", async () => {
    const c = await watched.citizenAtUpload();
    const send = (contentType: string, body: string) =>
      rawRequest(
        watched.port,
        requestHead("POST", "/api/uploads", {
          Authorization: `Bearer ${c.token}`,
          "Content-Type": contentType,
          "Content-Length": Buffer.byteLength(body, "latin1"),
        }) + body,
      );
    const answers = [
      await send(
        "multipart/form-data; boundary=XX",
        '--XX\r\nContent-Disposition: form-data; name=""; filename="a.jpg"\r\n\r\n\xff\xd8\r\n--XX--\r\n',
      ),
      await send("multipart/form-data", '--XX\r\nContent-Disposition: form-data; name="file"\r\n\r\nx\r\n--XX--\r\n'),
      await send(
        "multipart/form-data; boundary=XX",
        '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n\xff\xd8',
      ),
      await send("multipart/form-data; boundary=XX", "--XX\r\nContent-Disposition\r\n\r\n--XX--"),
    ];
    for (const answer of answers)
      expect(answer.status === "closed" || (answer.status >= 400 && answer.status < 500)).toBe(true);
    expect(watched.storedUploads()).toEqual([]);
    await stillServes(watched);
  });
});
