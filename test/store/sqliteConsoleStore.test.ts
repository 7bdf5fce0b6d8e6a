import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { initialState } from "../../server/engine/conversationState";
import type { ConversationRecord } from "../../server/store/store";
import { SQLITE_FILE_NAME, SQLITE_MIGRATIONS, SqliteStore } from "../../server/store/sqlite/sqliteStore";
import { describeConsoleStoreContract } from "./consoleStoreContract";
import { sqliteStoreUnderTest, temporaryDataDir } from "../support/storeUnderTest";

describeConsoleStoreContract("SqliteStore", sqliteStoreUnderTest("console-store"));

const AT = "2026-03-02T01:00:00.000Z";

function conversation(id: string): ConversationRecord {
  return {
    id,
    tokenHash: `hash-of-${id}`,
    channel: "web",
    locale: "vi",
    unitId: "an-thanh",
    state: initialState("vi", "an-thanh"),
    status: "bot",
    procedureId: null,
    lastSeq: 0,
    version: 0,
    createdAt: AT,
    updatedAt: AT,
  };
}

/** A data folder as the release before the console left it: schema version 1, one conversation. */
function writeVersion1File(dataDir: string, record: ConversationRecord): void {
  fs.mkdirSync(path.join(dataDir, "uploads"), { recursive: true });
  const db = new Database(path.join(dataDir, SQLITE_FILE_NAME));
  try {
    db.exec(SQLITE_MIGRATIONS[0]!);
    db.pragma("user_version = 1");
    db.prepare(`
      INSERT INTO conversations (id, token_hash, channel, locale, unit_id, state, status, procedure_id,
                                 last_seq, version, created_at, updated_at)
      VALUES (@id, @tokenHash, @channel, @locale, @unitId, @state, @status, @procedureId,
              @lastSeq, @version, @createdAt, @updatedAt)`).run({ ...record, state: JSON.stringify(record.state) });
  } finally {
    db.close();
  }
}

function tableNames(file: string): string[] {
  const reader = new Database(file, { readonly: true });
  try {
    return reader
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => row.name);
  } finally {
    reader.close();
  }
}

describe("SqliteStore schema upgrade", () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = temporaryDataDir("console-store");
  });

  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("upgrades a version 1 file in place on open: its conversations stay, the console tables appear", async () => {
    const record = conversation("conv-before-upgrade");
    writeVersion1File(dataDir, record);
    const store = new SqliteStore({ dataDir });

    await store.open();
    try {
      expect(await store.getConversation(record.id)).toEqual(record);
      expect(await store.findConversationByTokenHash(record.tokenHash)).toEqual(record);
      await store.createUser({
        id: "user-lan",
        username: "lan.nguyen",
        displayName: "Nguyễn Thị Lan",
        role: "clerk",
        unitIds: ["an-thanh"],
        passwordHash: "scrypt$32768$8$3$c2FsdA$aGFzaA",
        disabled: false,
        mustChangePassword: true,
        createdAt: AT,
        updatedAt: AT,
      });
      expect(await store.countUsers()).toBe(1);
    } finally {
      await store.close();
    }

    const reader = new Database(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    try {
      expect(reader.pragma("user_version", { simple: true })).toBe(SQLITE_MIGRATIONS.length);
    } finally {
      reader.close();
    }
    expect(tableNames(path.join(dataDir, SQLITE_FILE_NAME))).toEqual(
      expect.arrayContaining(["audit", "conversations", "sessions", "users"]),
    );
  });

  it("opens an upgraded file again without migrating twice", async () => {
    writeVersion1File(dataDir, conversation("conv-before-upgrade"));
    const first = new SqliteStore({ dataDir });
    await first.open();
    await first.appendAudit({ id: "audit-1", at: AT, actorId: "user-lan", action: "dossier.read", conversationId: "conv-before-upgrade" });
    await first.close();

    const second = new SqliteStore({ dataDir });
    await second.open();
    try {
      expect(await second.listAudit({ conversationId: "conv-before-upgrade" }, 10)).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
