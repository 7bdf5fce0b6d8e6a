import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { initialState } from "../../server/engine/conversationState";
import type { ConversationRecord } from "../../server/store/store";
import { SQLITE_FILE_NAME, SQLITE_MIGRATIONS, SqliteStore } from "../../server/store/sqlite/sqliteStore";
import { temporaryDataDir } from "../support/storeUnderTest";

function conversation(id: string): ConversationRecord {
  return {
    id,
    tokenHash: `hash-of-${id}`,
    channel: "terminal",
    locale: "vi",
    unitId: null,
    state: initialState(),
    status: "bot",
    procedureId: null,
    lastSeq: 0,
    version: 0,
    createdAt: "2026-03-02T01:00:00.000Z",
    updatedAt: "2026-03-02T01:00:00.000Z",
  };
}

describe("SqliteStore on disk", () => {
  let dataDir: string;
  let store: SqliteStore;

  beforeEach(async () => {
    dataDir = temporaryDataDir("store");
    store = new SqliteStore({ dataDir });
    await store.open();
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps one file, khai-ho.sqlite, in WAL mode", () => {
    expect(store.filePath).toBe(path.join(dataDir, SQLITE_FILE_NAME));
    const reader = new Database(store.filePath, { readonly: true });
    try {
      expect(reader.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(reader.pragma("user_version", { simple: true })).toBe(SQLITE_MIGRATIONS.length);
    } finally {
      reader.close();
    }
  });

  it("gives a new SqliteStore on the same directory everything the first one wrote", async () => {
    await store.createConversation(conversation("conv-restart"));
    await store.close();

    const restarted = new SqliteStore({ dataDir });
    await restarted.open();
    try {
      expect(await restarted.getConversation("conv-restart")).toEqual(conversation("conv-restart"));
    } finally {
      await restarted.close();
    }
  });

  it("refuses to open a file whose schema is newer than this release", async () => {
    await store.close();
    const writer = new Database(path.join(dataDir, SQLITE_FILE_NAME));
    writer.pragma("user_version = 99");
    writer.close();

    await expect(new SqliteStore({ dataDir }).open()).rejects.toMatchObject({
      name: "StoreError",
      code: "STORE_SCHEMA_NEWER",
    });
  });

  it("refuses an upload id with ../ and writes no file outside uploads/", async () => {
    await store.createConversation(conversation("conv-upload"));
    const bytes = Buffer.from("%PDF-1.7 escape attempt");
    const record = {
      id: "../escaped-upload",
      conversationId: "conv-upload",
      mimeType: "application/pdf" as const,
      size: bytes.length,
      createdAt: "2026-03-02T01:00:00.000Z",
    };

    await expect(store.saveUpload(record, bytes)).rejects.toMatchObject({ code: "STORE_UPLOAD_ID_INVALID" });
    await expect(store.getUpload("../khai-ho.sqlite")).rejects.toMatchObject({ code: "STORE_UPLOAD_ID_INVALID" });

    expect(fs.existsSync(path.join(dataDir, "escaped-upload"))).toBe(false);
    expect(fs.readdirSync(path.join(dataDir, "uploads"))).toEqual([]);
  });

  it("leaves only the final file in uploads/ after saveUpload, readable by its owner only", async () => {
    await store.createConversation(conversation("conv-upload"));
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
    await store.saveUpload(
      {
        id: "photo-0001abcd",
        conversationId: "conv-upload",
        mimeType: "image/jpeg",
        size: bytes.length,
        createdAt: "2026-03-02T01:00:00.000Z",
      },
      bytes,
    );

    expect(fs.readdirSync(path.join(dataDir, "uploads"))).toEqual(["photo-0001abcd"]);
    expect(fs.statSync(path.join(dataDir, "uploads", "photo-0001abcd")).mode & 0o077).toBe(0);
  });

  it("removes at open the temporary files a killed upload left behind", async () => {
    await store.close();
    const leftover = path.join(dataDir, "uploads", ".photo-0001abcd.1a2b3c4d5e6f.tmp");
    fs.writeFileSync(leftover, "half a photo");

    await store.open();

    expect(fs.existsSync(leftover)).toBe(false);
  });

  it("removes the bytes of a deleted unattached upload, and old files no row names, left by a crash", async () => {
    await store.createConversation(conversation("conv-upload"));
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
    await store.saveUpload(
      {
        id: "photo-0001abcd",
        conversationId: "conv-upload",
        mimeType: "image/jpeg",
        size: bytes.length,
        createdAt: "2026-03-02T01:00:00.000Z",
      },
      bytes,
    );
    const uploads = path.join(dataDir, "uploads");
    // Linked by a save killed before its row was written: an hour old, and one just written.
    const crashed = path.join(uploads, "photo-0002abcd");
    fs.writeFileSync(crashed, bytes);
    const hourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(crashed, hourAgo, hourAgo);
    fs.writeFileSync(path.join(uploads, "photo-0003abcd"), bytes);

    expect(await store.deleteUnattachedUploads(new Date(Date.now() - 60_000).toISOString())).toBe(1);

    expect(fs.readdirSync(uploads)).toEqual(["photo-0003abcd"]);
  });

  it("keeps every turn acknowledged before a kill -9 of the writing process, each once, and no half turn", async () => {
    await store.close();
    const acked = await runWriterAndKill(dataDir, 40);

    await store.open();
    const stored = await store.getConversation("conv-crash");
    const messages = await store.listMessages("conv-crash", 0, 100_000);
    expect(stored!.version).toBeGreaterThanOrEqual(acked);
    // A turn writes two messages with its version bump, or nothing.
    expect(messages).toHaveLength(stored!.version * 2);
    expect(stored!.lastSeq).toBe(messages.length);
    expect(messages.map((message) => message.seq)).toEqual(messages.map((_, index) => index + 1));
    for (let turn = 0; turn < acked; turn += 1) {
      expect(await store.findDedupe("conv-crash", `client-${turn}`)).toMatchObject({ seq: turn * 2 + 1 });
    }
  }, 20_000);
});

/**
 * Starts a child process that commits turns as fast as it can and prints an ack after each,
 * kills it with SIGKILL once `acks` acks were read (the kill lands at an arbitrary point of a
 * later turn) and resolves with the number of acks read.
 */
function runWriterAndKill(dataDir: string, acks: number): Promise<number> {
  const writer = `
    const { SqliteStore } = require(${JSON.stringify(require.resolve("../../server/store/sqlite/sqliteStore"))});
    const { initialState } = require(${JSON.stringify(require.resolve("../../server/engine/conversationState"))});
    const at = "2026-03-02T01:00:00.000Z";
    const id = "conv-crash";
    (async () => {
      const store = new SqliteStore({ dataDir: process.argv[1] });
      await store.open();
      await store.createConversation({
        id, tokenHash: "hash-crash", channel: "terminal", locale: "vi", unitId: null, state: initialState(),
        status: "bot", procedureId: null, lastSeq: 0, version: 0, createdAt: at, updatedAt: at,
      });
      for (let turn = 0; ; turn += 1) {
        const seq = turn * 2 + 1;
        const clientMessageId = "client-" + turn;
        const citizen = {
          id: "m" + seq, conversationId: id, seq, author: "citizen", text: "câu trả lời " + turn, clientMessageId, at,
        };
        const bot = { id: "m" + (seq + 1), conversationId: id, seq: seq + 1, author: "bot", text: "Câu hỏi tiếp", at };
        const dedupe = { conversationId: id, clientMessageId, contentHash: "h", messageId: citizen.id, seq, at };
        const result = await store.commitTurn({
          conversationId: id, expectedVersion: turn, state: initialState(), messages: [citizen, bot],
          dedupe, dossier: null,
        });
        if (!result.ok) throw new Error("unexpected " + result.reason);
        process.stdout.write("ack " + turn + "\\n");
      }
    })();
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", "tsx/cjs", "-e", writer, dataDir], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let seen = 0;
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on("data", (chunk: Buffer) => {
      seen += (chunk.toString().match(/^ack \d+$/gm) ?? []).length;
      if (seen >= acks && child.exitCode === null) child.kill("SIGKILL");
    });
    child.on("error", reject);
    // "close", not "exit": every ack written before the kill has been read by then.
    child.on("close", (_code, signal) => {
      if (signal === "SIGKILL") resolve(seen);
      else reject(new Error(`the writer exited before the kill: ${stderr}`));
    });
  });
}
