import { readdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
const citizens: Citizen[] = [];

beforeEach(async () => {
  server = await startTestServer({ UPLOAD_MAX_BYTES: String(64 * 1024) });
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

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]), Buffer.alloc(2000, 7)]);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

function upload(token: string | null, bytes: Buffer, name: string, type: string): Promise<Response> {
  const form = new FormData();
  form.append("file", new Blob([bytes], { type }), name);
  return fetch(`${server.url}/api/uploads`, { method: "POST", body: form, headers: token ? { Authorization: `Bearer ${token}` } : {} });
}

function storedUploads(): string[] {
  try {
    return readdirSync(path.join(server.dataDir, "uploads"));
  } catch {
    return [];
  }
}

describe("uploads", () => {
  it("stores a JPEG photo under a server-generated name and accepts it at an upload step", async () => {
    const c = await newCitizen();
    const res = await upload(c.token, JPEG, "giay-chung-sinh.jpg", "image/jpeg");
    expect(res.status).toBe(201);
    const body = (await res.json()) as { ok: true; attachmentId: string; mimeType: string };
    expect(body).toMatchObject({ ok: true, mimeType: "image/jpeg", size: JPEG.length });
    expect(storedUploads()).toContain(body.attachmentId);
    expect(storedUploads().join()).not.toContain("giay-chung-sinh");
    expect((await c.send({ attachmentId: body.attachmentId })).ok).toBe(true);
  });

  it("accepts a PDF scan", async () => {
    const c = await newCitizen();
    expect((await upload(c.token, PDF, "scan.pdf", "application/pdf")).status).toBe(201);
  });

  it("refuses a file too large, with the limit in the message, leaving nothing behind", async () => {
    const c = await newCitizen();
    const res = await upload(c.token, Buffer.concat([JPEG, Buffer.alloc(70 * 1024)]), "big.jpg", "image/jpeg");
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: "UPLOAD_TOO_LARGE" } });
    expect(storedUploads()).toEqual([]);
  });

  it("refuses a script disguised as a photo by its name and header", async () => {
    const c = await newCitizen();
    const res = await upload(c.token, Buffer.from("<script>alert(1)</script>"), "cccd.jpg", "image/jpeg");
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: "UPLOAD_TYPE_REFUSED", message: expect.stringContaining("JPG, PNG") } });
    expect(storedUploads()).toEqual([]);
  });

  it("refuses an upload without a conversation token", async () => {
    expect((await upload(null, JPEG, "a.jpg", "image/jpeg")).status).toBe(401);
  });

  it("refuses to attach another conversation's upload", async () => {
    const owner = await newCitizen();
    const other = await newCitizen();
    const { attachmentId } = (await (await upload(owner.token, JPEG, "a.jpg", "image/jpeg")).json()) as { attachmentId: string };
    expect(await other.send({ attachmentId })).toMatchObject({ ok: false, error: { code: "CHAT_ATTACHMENT_UNKNOWN" } });
  });
});

/** Sends raw bytes and resolves with the status line of the answer (or "closed"). */
function rawRequest(port: number, head: string, body: string): Promise<string> {
  return new Promise((resolve) => {
    let answer = "";
    const socket = net.connect(port, "127.0.0.1", () => socket.write(head + body));
    socket.on("data", (d) => (answer += d.toString()));
    const timer = setTimeout(() => socket.destroy(), 3000);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(answer.split("\r\n")[0] || "closed");
    });
    socket.on("error", () => undefined);
  });
}

describe("a multipart body cut off before its closing boundary", () => {
  it("gets 400 and the server goes on serving", async () => {
    const c = await newCitizen();
    const body = '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff\xe0 cut';
    const head = `POST /api/uploads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${c.token}\r\nContent-Type: multipart/form-data; boundary=XX\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
    expect(await rawRequest(Number(new URL(server.url).port), head, body)).toBe("HTTP/1.1 400 Bad Request");
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
    const allowed = await fetch(`${server.url}/api/status/x`, { method: "OPTIONS", headers: { Origin: `http://localhost:0` } });
    expect(allowed.status).toBe(204);
    const evil = await fetch(`${server.url}/api/status/x`, { method: "OPTIONS", headers: { Origin: "https://evil.example" } });
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
  });
});
