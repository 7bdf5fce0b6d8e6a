import { csvTable, attachmentHeader } from "../../server/exports/csvTable";
import { htmlSinks } from "./browserSinks";
import { jpegPhoto } from "../support/documentFiles";
import { uploadFile, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile({ UPLOAD_MAX_BYTES: String(64 * 1024) });

const XSS = '<img src=x onerror=alert(1)>"';

describe("case 28: script in names, addresses, file names, exports and notifications", () => {
  it("keeps an upload's file name out of everything stored and served: the name is the server's", async () => {
    const c = await watched.citizenAtUpload();
    const res = await uploadFile(watched.url, c.token, await jpegPhoto(), `${XSS}.jpg`, "image/jpeg");
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(JSON.stringify(body)).not.toContain("onerror");
    expect(watched.storedUploads().join("")).not.toContain("onerror");
  });

  it("puts the payload in a CSV cell as text, and in a download name without quotes or markup", () => {
    const csv = csvTable(["Họ tên", "Địa chỉ"], [[XSS, `=HYPERLINK("http://x","${XSS}")`]]);
    expect(csv).toContain('"<img src=x onerror=alert(1)>"""');
    expect(csv).toContain(`"'=HYPERLINK(`);
    expect(attachmentHeader(`${XSS}.csv`)).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''[^"<>]*$/);
  });

  it("reaches the clerk's console from a clerk's display name as data, shown without HTML sinks", async () => {
    const clerk = await watched.clerk("xss", ["an-thanh"]);
    expect(clerk.settings).not.toBeNull();
    expect(htmlSinks()).toEqual([]);
  });
});
