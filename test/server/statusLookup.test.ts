import { Writable } from "node:stream";
import { createDossier } from "../../server/dossier/createDossier";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
const citizens: Citizen[] = [];
const logLines: string[] = [];

async function start(env: Record<string, string> = {}): Promise<void> {
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (logLines.push(chunk.toString()), done()) });
  server = await startTestServer({ RATE_LIMIT_STATUS_PER_MINUTE: "50", ...env }, undefined, undefined, undefined, {
    logSink: sink,
  });
}

afterEach(async () => {
  citizens.splice(0).forEach((c) => c.close());
  logLines.length = 0;
  await server.stop();
});

async function newCitizen(): Promise<Citizen> {
  const c = new Citizen(server.url, { unit: "an-thanh" });
  citizens.push(c);
  return c.ready();
}

/**
 * A dossier stored under `code`, with 0912 345 678 as its contact phone (as a release before this one stored it, for
 * old codes).
 */
async function storedDossier(code: string): Promise<void> {
  const owner = await newCitizen();
  const record = (await server.store.getConversation(owner.conversationId!))!;
  const draft = {
    procedureId: "dang-ky-khai-tu",
    unitId: "an-thanh",
    fields: { contactPhone: "0912345678" },
    sources: {},
    attachments: {},
    locale: "vi" as const,
  };
  const commit = await server.store.commitTurn({
    conversationId: record.id,
    expectedVersion: record.version,
    state: record.state,
    messages: [],
    dedupe: null,
    dossier: createDossier(draft, code, new Date()),
  });
  expect(commit.ok).toBe(true);
}

function lookUp(body: unknown): Promise<Response> {
  return fetch(`${server.url}/api/status`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** A status lookup in the web chat: the code, then the phone; the bot's answer to the phone. */
async function lookUpInChat(code: string, phone: string): Promise<string> {
  const c = await newCitizen();
  await c.say(`tra cứu ${code}`);
  return (await c.say(phone)).map((m) => m.text).join("\n");
}

const CODE = "HN-20261127-0042-K7QM";

describe("status lookup over HTTP", () => {
  it("finds a dossier by POST with its code and phone in a JSON body, however the phone is written", async () => {
    await start();
    await storedDossier(CODE);
    const res = await lookUp({ code: "hn 20261127 0042 k7qm", phone: "+84 912 345 678" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toMatchObject({
      ok: true,
      found: true,
      code: CODE,
      procedureId: "dang-ky-khai-tu",
      status: "submitted",
    });
  });

  it("still finds a dossier whose code was given before codes had a random part", async () => {
    await start();
    await storedDossier("HN-20250105-0007");
    const res = await lookUp({ code: "HN-20250105-0007", phone: "0912345678" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ found: true, code: "HN-20250105-0007" });
  });

  it("answers an unknown code and a wrong phone alike", async () => {
    await start();
    await storedDossier(CODE);
    const wrongPhone = await lookUp({ code: CODE, phone: "0987654321" });
    const unknownCode = await lookUp({ code: "HN-20261127-0043-K7QM", phone: "0912345678" });
    expect(wrongPhone.status).toBe(404);
    expect(await wrongPhone.json()).toEqual(await unknownCode.json());
  });

  it("refuses a malformed code, a body that is not JSON and a body too long, in Vietnamese and English", async () => {
    await start();
    const malformed = await lookUp({ code: "xyz", phone: "0912345678" });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      ok: false,
      error: { code: "STATUS_RECEIPT_CODE_INVALID", message: expect.stringContaining("HN-20261127-0042-K7QM") },
    });
    const notJson = await fetch(`${server.url}/api/status`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{code:",
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({
      error: { code: "STATUS_REQUEST_INVALID", message: expect.stringContaining(" / ") },
    });
    expect((await lookUp({ code: CODE })).status).toBe(400);
    expect((await lookUp({ code: CODE, phone: "0912345678", padding: "x".repeat(2000) })).status).toBe(413);
  });

  it("looks nothing up for a GET with the phone in the URL, tells to POST instead, and logs no phone", async () => {
    await start();
    await storedDossier(CODE);
    const res = await fetch(`${server.url}/api/status/${CODE}?phone=0912345678`);
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    const body = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body).toEqual({
      ok: false,
      error: { code: "STATUS_USE_POST", message: expect.stringContaining("POST /api/status") },
    });
    expect(JSON.stringify(body)).not.toContain("submitted");
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join("")).not.toMatch(/0912345678|912345678/);
  });
});

describe("status lookup limits, shared by every way in", () => {
  it(
    "locks a code after 5 wrong phones given over HTTP and in the chat, with how long, then refuses even the right " +
      "phone",
    async () => {
      await start();
      await storedDossier(CODE);
      for (let i = 0; i < 3; i++) expect((await lookUp({ code: CODE, phone: "0987654321" })).status).toBe(404);
      for (let i = 0; i < 2; i++) expect(await lookUpInChat(CODE, "0987654321")).toContain("chưa khớp nhau");

      const http = await lookUp({ code: CODE, phone: "0912345678" });
      expect(http.status).toBe(429);
      expect(http.headers.get("retry-after")).toBe(String(30 * 60));
      const body = (await http.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("STATUS_LOCKED");
      expect(body.error.message).toContain("30 phút");
      expect(body.error.message).toContain("30 min");
      const chat = await lookUpInChat(CODE, "0912345678");
      expect(chat).toContain("tạm khóa tra cứu");
      expect(chat).toContain("30 phút");
      expect(chat).not.toContain("đã nộp");
    },
  );

  it("locks a code that does not exist exactly like one that does, so a lock tells nothing", async () => {
    await start();
    await storedDossier(CODE);
    const unknown = "HN-20261127-0077-BCDF";
    for (let i = 0; i < 5; i++) {
      await lookUp({ code: CODE, phone: "0987654321" });
      await lookUp({ code: unknown, phone: "0987654321" });
    }
    const existing = await lookUp({ code: CODE, phone: "0912345678" });
    const missing = await lookUp({ code: unknown, phone: "0912345678" });
    expect(existing.status).toBe(429);
    expect(missing.status).toBe(existing.status);
    expect(await missing.json()).toEqual(await existing.json());
  });

  it("counts random parts tried for one dossier number against that number's lock", async () => {
    await start();
    await storedDossier(CODE);
    for (const guess of ["BCDF", "BCDG", "BCDH", "BCDJ", "BCDK"])
      await lookUp({ code: `HN-20261127-0042-${guess}`, phone: "0912345678" });
    const res = await lookUp({ code: CODE, phone: "0912345678" });
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ error: { code: "STATUS_LOCKED" } });
  });

  it("limits the lookups of one address per minute, HTTP and chat together", async () => {
    await start({ RATE_LIMIT_STATUS_PER_MINUTE: "3" });
    expect((await lookUp({ code: "HN-20261127-0001-BCDF", phone: "0912345678" })).status).toBe(404);
    expect((await lookUp({ code: "HN-20261127-0002-BCDF", phone: "0912345678" })).status).toBe(404);
    expect(await lookUpInChat("HN-20261127-0003-BCDF", "0912345678")).toContain("chưa khớp nhau");

    const refused = await lookUp({ code: "HN-20261127-0004-BCDF", phone: "0912345678" });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({
      error: { code: "STATUS_RATE_LIMITED", message: expect.stringContaining("1 phút") },
    });
    expect(await lookUpInChat("HN-20261127-0005-BCDF", "0912345678")).toContain("Bạn tra cứu nhiều quá");
  });
});
