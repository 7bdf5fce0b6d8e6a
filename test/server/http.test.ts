import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { inspectUpload } from "../../server/uploads/inspectUpload";
import { jpegPhoto, pdfScan, pixelFloodPng, pngScreenshot } from "../support/documentFiles";
import { walkFlow } from "../support/flowWalker";
import { temporaryDataDir } from "../support/storeUnderTest";
import { rawRequest } from "../support/rawHttp";
import { sendOverChat } from "../support/submitOverChat";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
const citizens: Citizen[] = [];

const UPLOAD_ENV = { UPLOAD_MAX_BYTES: String(64 * 1024) };

beforeEach(async () => {
  server = await startTestServer(UPLOAD_ENV);
});
afterEach(async () => {
  citizens.splice(0).forEach((c) => c.close());
  await server.stop();
});

async function newCitizen(): Promise<Citizen> {
  const c = new Citizen(server.url, { unit: "an-thanh" });
  citizens.push(c);
  return c.ready();
}

/** A citizen filing a birth registration, at the question that asks for the birth notice photo. */
async function citizenAtUploadStep(): Promise<Citizen> {
  const c = await newCitizen();
  await sendOverChat(
    c,
    walkFlow("dang-ky-khai-sinh", { clock: { now: new Date() }, unitId: "an-thanh", stopAt: "birthCertificatePhoto" })
      .inputs,
  );
  await c.until(() => c.lastBot?.input?.kind === "upload", "the question asking for the birth notice photo");
  return c;
}

function upload(token: string | null, bytes: Buffer, name: string, type: string): Promise<Response> {
  const form = new FormData();
  form.append("file", new Blob([bytes], { type }), name);
  return fetch(`${server.url}/api/uploads`, {
    method: "POST",
    body: form,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

function storedUploads(): string[] {
  try {
    return readdirSync(path.join(server.dataDir, "uploads"));
  } catch {
    return [];
  }
}

describe("uploads", () => {
  it("stores a JPEG photo re-encoded, under a server-generated name, and accepts it at an upload step", async () => {
    const c = await citizenAtUploadStep();
    const photo = await jpegPhoto();
    const res = await upload(c.token, photo, "giay-chung-sinh.jpg", "image/jpeg");
    expect(res.status).toBe(201);
    const body = (await res.json()) as { ok: true; attachmentId: string; mimeType: string; size: number };
    const stored = await server.store.getUpload(body.attachmentId);
    expect(body).toMatchObject({ ok: true, mimeType: "image/jpeg", size: stored!.bytes.length });
    expect(stored!.bytes.equals(photo)).toBe(false);
    expect(storedUploads()).toContain(body.attachmentId);
    expect(storedUploads().join()).not.toContain("giay-chung-sinh");
    expect((await c.send({ attachmentId: body.attachmentId })).ok).toBe(true);
  });

  it("stores a phone photo without its EXIF block and GPS position", async () => {
    const c = await citizenAtUploadStep();
    const res = await upload(c.token, await jpegPhoto({ gps: true }), "cccd.jpg", "image/jpeg");
    expect(res.status).toBe(201);
    const { attachmentId } = (await res.json()) as { attachmentId: string };
    const stored = await server.store.getUpload(attachmentId);
    expect((await sharp(stored!.bytes).metadata()).exif).toBeUndefined();
    expect(stored!.bytes.includes("PhoneMaker")).toBe(false);
  });

  it("accepts a PNG image and a PDF scan", async () => {
    const c = await citizenAtUploadStep();
    expect(await (await upload(c.token, await pngScreenshot(), "anh.png", "image/png")).json()).toMatchObject({
      ok: true,
      mimeType: "image/png",
    });
    const pdf = await pdfScan();
    expect(await (await upload(c.token, pdf, "scan.pdf", "application/pdf")).json()).toMatchObject({
      ok: true,
      mimeType: "application/pdf",
      size: pdf.length,
    });
  });

  it("refuses an upload while the current question asks for no document, and stores nothing", async () => {
    const c = await newCitizen();
    const res = await upload(c.token, await jpegPhoto(), "a.jpg", "image/jpeg");
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      ok: false,
      error: { code: "UPLOAD_NOT_EXPECTED", message: expect.stringContaining("chưa cần gửi tệp") },
    });
    expect(storedUploads()).toEqual([]);
  });

  it("refuses a file too large, with the limit in the message, leaving nothing behind", async () => {
    const c = await citizenAtUploadStep();
    const res = await upload(
      c.token,
      Buffer.concat([await jpegPhoto(), Buffer.alloc(70 * 1024)]),
      "big.jpg",
      "image/jpeg",
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      ok: false,
      error: { code: "UPLOAD_TOO_LARGE", message: expect.stringContaining("64 KB") },
    });
    expect(storedUploads()).toEqual([]);
  });

  it("refuses a script disguised as a photo by its name and header", async () => {
    const c = await citizenAtUploadStep();
    const res = await upload(c.token, Buffer.from("<script>alert(1)</script>"), "cccd.jpg", "image/jpeg");
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({
      ok: false,
      error: { code: "UPLOAD_TYPE_REFUSED", message: expect.stringContaining("JPG, PNG") },
    });
    expect(storedUploads()).toEqual([]);
  });

  it(
    "refuses HTML named .jpg, an SVG, a cut-off JPEG and a " + "PDF header followed by garbage, storing nothing",
    async () => {
      const c = await citizenAtUploadStep();
      const photo = await jpegPhoto();
      const sent: [Buffer, string, string, string][] = [
        [
          Buffer.from("<!doctype html><html><body onload=alert(1)></body></html>"),
          "cccd.jpg",
          "image/jpeg",
          "UPLOAD_TYPE_REFUSED",
        ],
        [
          Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
          "a.svg",
          "image/svg+xml",
          "UPLOAD_TYPE_REFUSED",
        ],
        [
          Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("<?php system($_GET['c']); ?>")]),
          "a.jpg",
          "image/jpeg",
          "UPLOAD_FILE_DAMAGED",
        ],
        [photo.subarray(0, Math.floor(photo.length * 0.9)), "cut.jpg", "image/jpeg", "UPLOAD_FILE_DAMAGED"],
        [
          Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(3000, "garbage ")]),
          "scan.pdf",
          "application/pdf",
          "UPLOAD_FILE_DAMAGED",
        ],
      ];
      for (const [bytes, name, type, code] of sent) {
        const res = await upload(c.token, bytes, name, type);
        expect([name, res.status, await res.json()]).toEqual([
          name,
          415,
          { ok: false, error: { code, message: expect.any(String) } },
        ]);
      }
      expect(storedUploads()).toEqual([]);
    },
  );

  it("refuses a 14000×14000 PNG as too many pixels", async () => {
    const c = await citizenAtUploadStep();
    const res = await upload(c.token, pixelFloodPng(), "flood.png", "image/png");
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: "UPLOAD_IMAGE_TOO_LARGE" } });
    expect(storedUploads()).toEqual([]);
  });

  it("refuses an upload without a conversation token", async () => {
    expect((await upload(null, await jpegPhoto(), "a.jpg", "image/jpeg")).status).toBe(401);
  });

  it("refuses to attach another conversation's upload", async () => {
    const owner = await citizenAtUploadStep();
    const other = await newCitizen();
    const { attachmentId } = (await (await upload(owner.token, await jpegPhoto(), "a.jpg", "image/jpeg")).json()) as {
      attachmentId: string;
    };
    expect(await other.send({ attachmentId })).toMatchObject({ ok: false, error: { code: "CHAT_ATTACHMENT_UNKNOWN" } });
  });
});

describe("upload quotas", () => {
  it("refuses a file past the conversation's file count, storing nothing; others still upload", async () => {
    await server.stop();
    server = await startTestServer({ ...UPLOAD_ENV, UPLOAD_MAX_FILES_PER_CONVERSATION: "2" });
    const c = await citizenAtUploadStep();
    const photo = await jpegPhoto();
    expect((await upload(c.token, photo, "1.jpg", "image/jpeg")).status).toBe(201);
    expect((await upload(c.token, photo, "2.jpg", "image/jpeg")).status).toBe(201);
    const res = await upload(c.token, photo, "3.jpg", "image/jpeg");
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      ok: false,
      error: { code: "UPLOAD_QUOTA_FILES", message: expect.stringContaining("2 tệp") },
    });
    expect(storedUploads()).toHaveLength(2);
    const other = await citizenAtUploadStep();
    expect((await upload(other.token, photo, "1.jpg", "image/jpeg")).status).toBe(201);
  });

  it(
    "refuses a file that would take the conversation past its " + "bytes, counted as stored, and stores nothing",
    async () => {
      const photo = await jpegPhoto();
      const inspected = await inspectUpload(photo);
      if (!inspected.ok) throw new Error("the sample photo is refused");
      await server.stop();
      server = await startTestServer({
        ...UPLOAD_ENV,
        UPLOAD_MAX_BYTES_PER_CONVERSATION: String(Math.floor(inspected.bytes.length * 1.5)),
      });
      const c = await citizenAtUploadStep();
      expect((await upload(c.token, photo, "1.jpg", "image/jpeg")).status).toBe(201);
      const res = await upload(c.token, photo, "2.jpg", "image/jpeg");
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: "UPLOAD_QUOTA_BYTES" } });
      expect(storedUploads()).toHaveLength(1);
    },
  );
});

describe("uploads never attached", () => {
  it("are deleted, record and bytes, once UPLOAD_UNATTACHED_TTL_MINUTES have passed; attached ones stay", async () => {
    await server.stop();
    const dataDir = temporaryDataDir("uploads-ttl");
    try {
      // Sent two hours ago: one photo attached to the answer, one never.
      server = await startTestServer(UPLOAD_ENV, dataDir, undefined, undefined, {
        now: () => new Date(Date.now() - 2 * 3_600_000),
      });
      const c = await citizenAtUploadStep();
      const sent = async () =>
        ((await (await upload(c.token, await jpegPhoto(), "a.jpg", "image/jpeg")).json()) as { attachmentId: string })
          .attachmentId;
      const forgotten = await sent();
      const attached = await sent();
      expect((await c.send({ attachmentId: attached })).ok).toBe(true);
      await server.server.close();

      // Closing waits for the sweep the server runs at start.
      server = await startTestServer({ ...UPLOAD_ENV, UPLOAD_UNATTACHED_TTL_MINUTES: "60" }, dataDir);
      await server.server.close();
      expect(readdirSync(path.join(dataDir, "uploads"))).toEqual([attached]);

      server = await startTestServer(UPLOAD_ENV, dataDir);
      expect(await server.store.getUpload(forgotten)).toBeNull();
      expect(await server.store.getUpload(attached)).not.toBeNull();
      await server.server.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    server = await startTestServer(UPLOAD_ENV);
  });
});

describe("a multipart body cut off before its closing boundary", () => {
  it("gets 400 and the server goes on serving", async () => {
    const c = await citizenAtUploadStep();
    const body =
      '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: ' +
      "image/jpeg\r\n\r\n\xff\xd8\xff\xe0 cut";
    const head =
      `POST /api/uploads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${c.token}\r\nContent-Type: ` +
      `multipart/form-data; boundary=XX\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
    expect((await rawRequest(Number(new URL(server.url).port), head + body)).status).toBe(400);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(storedUploads()).toEqual([]);
  });
});

describe("HTTP basics", () => {
  it("reports health and readiness", async () => {
    expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: "ok" });
    expect(await (await fetch(`${server.url}/ready`)).json()).toEqual({ status: "ready" });
  });

  it("serves the widget embeddable from any site and everything else same-origin", async () => {
    const widget = await fetch(`${server.url}/widget.js`);
    expect(widget.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(widget.headers.get("content-type")).toContain("javascript");
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await page.text()).toContain('src="/widget.js"');
  });

  it("answers an unknown path with a bilingual error and no stack trace", async () => {
    const res = await fetch(`${server.url}/api/nothing`);
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).toContain("HTTP_NOT_FOUND");
    expect(body).not.toMatch(/at .*\.ts:\d+/);
  });

  it("lets an allowed portal call the API across origins and nobody else", async () => {
    const allowed = await fetch(`${server.url}/api/status/x`, {
      method: "OPTIONS",
      headers: { Origin: `http://localhost:0` },
    });
    expect(allowed.status).toBe(204);
    const evil = await fetch(`${server.url}/api/status/x`, {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example" },
    });
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
  });
});
