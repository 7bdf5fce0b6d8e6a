import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SendAck } from "../../server/channels/web/protocol";
import { BUSY_TIMEOUT_MS } from "../../server/store/sqlite/openSqliteFile";
import { SQLITE_FILE_NAME } from "../../server/store/sqlite/sqliteStore";
import { type ChildServer, kill9, startChildServer } from "../support/childServer";
import { jpegPhoto } from "../support/documentFiles";
import { walkFlow } from "../support/flowWalker";
import { sendOverChat } from "../support/submitOverChat";
import { Citizen } from "../support/testServer";

// The server runs as `npm start` does (its own process, the turn writer thread), and the file is
// held by a second connection of this process: a real lock on a real file, as the sqlite3 shell
// or a second server on the same DATA_DIR would hold it.
jest.setTimeout(90_000);

let server: ChildServer;
let dataDir: string;
const open: Citizen[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-file-held-"));
  server = await startChildServer({ DATA_DIR: dataDir, LOG_LEVEL: "info" });
});
afterEach(() => open.splice(0).forEach((c) => c.close()));
afterAll(async () => {
  if (server) await kill9(server.child);
  rmSync(dataDir, { recursive: true, force: true });
});

const databaseFile = () => path.join(dataDir, SQLITE_FILE_NAME);

/** A second connection to the server's file holding its write lock until released. */
function holdTheFile(): { release(): void } {
  const holder = new Database(databaseFile());
  holder.exec("BEGIN EXCLUSIVE");
  return {
    release() {
      holder.exec("ROLLBACK");
      holder.close();
    },
  };
}

async function citizen(auth: { unit: string; locale?: "vi" | "en" }): Promise<Citizen> {
  const c = new Citizen(server.url, auth);
  open.push(c);
  return c.ready();
}

/** A message sent as the widget sends it, waiting longer than the widget's own 10 s ack timeout. */
async function send(c: Citizen, clientMessageId: string, text: string): Promise<{ ack: SendAck; ms: number }> {
  const started = Date.now();
  const ack = await c.socket.timeout(15_000).emitWithAck("message:send", { clientMessageId, text });
  return { ack, ms: Date.now() - started };
}

/** The citizen messages stored under each client message id, read from the file itself. */
function storedCitizenMessages(conversationId: string): Map<string, number> {
  const reader = new Database(databaseFile(), { readonly: true });
  try {
    const rows = reader
      .prepare<[string], { client_message_id: string; n: number }>(
        "SELECT client_message_id, COUNT(*) AS n FROM messages WHERE conversation_id = ? AND author = 'citizen' " +
          "GROUP BY client_message_id",
      )
      .all(conversationId);
    return new Map(rows.map((r) => [r.client_message_id, r.n]));
  } finally {
    reader.close();
  }
}

/** The longest the server took to answer `/health`, polled every 50 ms while `during` runs. */
async function longestHealthAnswer<T>(during: () => Promise<T>): Promise<{ result: T; longestMs: number }> {
  let longestMs = 0;
  let running = true;
  const polling = (async () => {
    while (running) {
      const started = Date.now();
      await fetch(`${server.url}/health`);
      longestMs = Math.max(longestMs, Date.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    return { result: await during(), longestMs };
  } finally {
    running = false;
    await polling;
  }
}

async function readiness(): Promise<{ status: number; body: string }> {
  const res = await fetch(`${server.url}/ready`);
  return { status: res.status, body: await res.text() };
}

async function untilReady(ms: number): Promise<void> {
  const started = Date.now();
  while ((await readiness()).status !== 200) {
    if (Date.now() - started > ms) throw new Error("the server did not become ready again");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the store's file held by another process while citizens chat", () => {
  it("refuses each message with a retryable code, says not ready, and stores the retries once when freed", async () => {
    const mai = await citizen({ unit: "an-thanh" });
    await mai.say("khai sinh");
    const john = await citizen({ unit: "an-loc", locale: "en" });
    await john.say("khai tu");
    const uploader = await citizen({ unit: "an-thanh" });
    const walk = walkFlow("dang-ky-khai-sinh", {
      clock: { now: new Date() },
      unitId: "an-thanh",
      stopAt: "birthCertificatePhoto",
    });
    await sendOverChat(uploader, walk.inputs);
    await uploader.until(() => uploader.lastBot?.input?.kind === "upload", "the question asking for a photo");
    const before = {
      mai: storedCitizenMessages(mai.conversationId!).size,
      john: storedCitizenMessages(john.conversationId!).size,
    };

    const held = holdTheFile();
    let released = false;
    try {
      const { result, longestMs } = await longestHealthAnswer(async () => {
        const [first, second] = await Promise.all([
          send(mai, "m-1", "Trần Thị Mai"),
          send(john, "j-1", "Nguyễn Văn An"),
        ]);
        // Now known held: a second try is told at once, instead of waiting behind the first.
        const again = await send(mai, "m-1", "Trần Thị Mai");
        const ready = await readiness();
        const form = new FormData();
        form.append("file", new Blob([await jpegPhoto()], { type: "image/jpeg" }), "giay-chung-sinh.jpg");
        const upload = await fetch(`${server.url}/api/uploads`, {
          method: "POST",
          body: form,
          headers: { Authorization: `Bearer ${uploader.token}` },
        });
        return { first, second, again, ready, upload: { status: upload.status, body: await upload.text() } };
      });
      const { first, second, again, ready, upload } = result;

      expect(first.ack).toMatchObject({ ok: false, error: { code: "CHAT_UNAVAILABLE" } });
      expect(second.ack).toMatchObject({ ok: false, error: { code: "CHAT_UNAVAILABLE" } });
      expect(!first.ack.ok && first.ack.error.message).toMatch(/chưa lưu được tin nhắn.*gửi lại/);
      expect(!second.ack.ok && second.ack.error.message).toMatch(/could not save the message.*send it again/);
      // No citizen waits longer than one busy timeout (and so within the widget's 10 s ack timeout).
      expect(Math.max(first.ms, second.ms)).toBeLessThan(BUSY_TIMEOUT_MS + 1_500);
      expect(again.ack).toMatchObject({ ok: false, error: { code: "CHAT_UNAVAILABLE" } });
      expect(again.ms).toBeLessThan(1_000);

      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.body)).toEqual({ status: "store not accepting writes" });
      expect(ready.body).not.toMatch(/sqlite|locked|busy|\//i);

      expect(upload.status).toBe(503);
      expect(JSON.parse(upload.body)).toMatchObject({ error: { code: "UPLOAD_UNAVAILABLE" } });

      // The sockets' thread never waited on the file: every other request kept being answered.
      expect(longestMs).toBeLessThan(1_000);

      // Nothing refused was written.
      expect(storedCitizenMessages(mai.conversationId!).size).toBe(before.mai);
      expect(storedCitizenMessages(john.conversationId!).size).toBe(before.john);

      held.release();
      released = true;
    } finally {
      if (!released) held.release();
    }

    // Ready again by itself, with no restart and before anyone writes.
    await untilReady(5_000);

    // The widget sends each refused message again under the same id (twice here, as two tabs would).
    const retried = await Promise.all([
      send(mai, "m-1", "Trần Thị Mai"),
      send(mai, "m-1", "Trần Thị Mai"),
      send(john, "j-1", "Nguyễn Văn An"),
    ]);
    for (const { ack } of retried) expect(ack.ok).toBe(true);
    expect(retried[0]!.ack).toEqual(retried[1]!.ack);
    expect(storedCitizenMessages(mai.conversationId!).get("m-1")).toBe(1);
    expect(storedCitizenMessages(john.conversationId!).get("j-1")).toBe(1);
    await mai.until(
      () => mai.messages.some((m) => m.author === "bot" && m.seq > (retried[0]!.ack as { seq: number }).seq),
      "the bot's answer",
    );
    expect(server.logs()).not.toContain("Trần Thị Mai");
  });

  it("withholds the acknowledgement of a write that waits for the file, and stores it once it commits", async () => {
    const c = await citizen({ unit: "an-binh-a" });
    await c.say("khai sinh");
    const held = holdTheFile();
    let acknowledgedAt: number | null = null;
    const sending = send(c, "slow-1", "Lê Văn Tâm").then((sent) => ((acknowledgedAt = Date.now()), sent));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(acknowledgedAt).toBeNull();
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const releasedAt = Date.now();
    held.release();
    const { ack } = await sending;
    expect(ack.ok).toBe(true);
    expect(acknowledgedAt!).toBeGreaterThanOrEqual(releasedAt);
    expect(storedCitizenMessages(c.conversationId!).get("slow-1")).toBe(1);
    expect((await readiness()).status).toBe(200);
  });
});
