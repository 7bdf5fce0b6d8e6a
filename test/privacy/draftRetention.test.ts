import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { submitOverChat } from "../support/submitOverChat";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";

jest.setTimeout(30_000);

const DAY_MS = 24 * 60 * 60_000;

let dataDir: string;
let server: TestServer | null = null;
const open: Citizen[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-retention-"));
});

afterEach(async () => {
  open.splice(0).forEach((c) => c.close());
  await server?.stop();
  server = null;
  rmSync(dataDir, { recursive: true, force: true });
});

/** The server on the shared data folder, its clock `days` ahead of the real one, with its log kept. */
async function serverDaysLater(days: number): Promise<{ log: string[] }> {
  await server?.stop();
  const log: string[] = [];
  const sink = new PassThrough();
  sink.on("data", (chunk: Buffer) => log.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
  server = await startTestServer({ RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000" }, dataDir, undefined, undefined, {
    now: () => new Date(Date.now() + days * DAY_MS),
    logSink: sink,
  });
  return { log };
}

/** A citizen who starts a birth registration, gives their name, then leaves. */
async function leftDraft(): Promise<{ token: string; conversationId: string }> {
  const citizen = new Citizen(server!.url, { unit: "an-thanh" });
  open.push(citizen);
  await citizen.ready();
  await citizen.say("đăng ký khai sinh");
  await citizen.say("Nguyễn Thị Hồng Nhung");
  citizen.close();
  return { token: citizen.token!, conversationId: citizen.conversationId! };
}

describe("drafts left alone", () => {
  it("are deleted with their messages once DRAFT_RETENTION_DAYS have passed, and a dossier filed is kept", async () => {
    await serverDaysLater(0);
    const draft = await leftDraft();
    const filed = await submitOverChat(server!.url, "dang-ky-khai-tu", {
      unitId: "an-thanh",
      answers: { hasDeathNotice: "không" },
    });
    filed.citizen.close();

    // Day 29: still there.
    await serverDaysLater(29);
    expect(await server!.store.getConversation(draft.conversationId)).not.toBeNull();

    // Day 31: the sweep that runs at start deletes it.
    const { log } = await serverDaysLater(31);
    const store = server!.store;
    await eventually(async () => (await store.getConversation(draft.conversationId)) === null);
    expect(await store.listMessages(draft.conversationId, 0, 100)).toEqual([]);
    expect(await store.getDossier(filed.code)).not.toBeNull();

    // The citizen who comes back starts afresh: nothing of the draft is shown to them.
    const back = new Citizen(server!.url, { token: draft.token, unit: "an-thanh" });
    open.push(back);
    await back.ready();
    expect(back.conversationId).not.toBe(draft.conversationId);
    expect(back.messages.map((m) => m.text).join("\n")).not.toContain("Hồng Nhung");

    const swept = log
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((l) => l.event === "draft.retentionSwept");
    expect(swept).toMatchObject({ conversations: 1 });
    expect(log.join("\n")).not.toMatch(/Nhung/);
  });

  it("are kept longer when DRAFT_RETENTION_DAYS says so", async () => {
    await serverDaysLater(0);
    const draft = await leftDraft();
    const laterBy = async (days: number) => {
      await server!.stop();
      server = await startTestServer({ DRAFT_RETENTION_DAYS: "90" }, dataDir, undefined, undefined, {
        now: () => new Date(Date.now() + days * DAY_MS),
      });
      return server.store;
    };
    const at60 = await laterBy(60);
    // The sweep at start has had ample time to run (it deletes within milliseconds below).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await at60.getConversation(draft.conversationId)).not.toBeNull();
    const at91 = await laterBy(91);
    await eventually(async () => (await at91.getConversation(draft.conversationId)) === null);
  });
});

async function eventually(test: () => Promise<boolean>, ms = 5000): Promise<void> {
  const started = Date.now();
  while (!(await test())) {
    if (Date.now() - started > ms) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
