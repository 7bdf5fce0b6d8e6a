import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Dossier } from "../../server/dossier/dossier";
import { initialState } from "../../server/engine/conversationState";
import type { ConversationRecord } from "../../server/store/store";
import { SQLITE_FILE_NAME, SQLITE_MIGRATIONS, SqliteStore } from "../../server/store/sqlite/sqliteStore";
import { newDossier } from "./storeRecords";
import { temporaryDataDir } from "../support/storeUnderTest";

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
    db.prepare(
      `
      INSERT INTO conversations (id, token_hash, channel, locale, unit_id, state, status, procedure_id,
                                 last_seq, version, created_at, updated_at)
      VALUES (@id, @tokenHash, @channel, @locale, @unitId, @state, @status, @procedureId,
              @lastSeq, @version, @createdAt, @updatedAt)`,
    ).run({ ...record, state: JSON.stringify(record.state) });
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
    await first.appendAudit({
      id: "audit-1",
      at: AT,
      actorId: "user-lan",
      action: "dossier.read",
      conversationId: "conv-before-upgrade",
    });
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

/** The schema version of the release before the console's lists: the console accounts, no search. */
const VERSION_BEFORE_SEARCH = 2;

/** A data folder as the release before the search left it, holding these dossiers (each with its own conversation). */
function writeFileBeforeSearch(dataDir: string, dossiers: Dossier[]): void {
  fs.mkdirSync(path.join(dataDir, "uploads"), { recursive: true });
  const db = new Database(path.join(dataDir, SQLITE_FILE_NAME));
  try {
    for (const sql of SQLITE_MIGRATIONS.slice(0, VERSION_BEFORE_SEARCH)) db.exec(sql);
    db.pragma(`user_version = ${VERSION_BEFORE_SEARCH}`);
    for (const dossier of dossiers) {
      const conversationId = `conv-${dossier.code}`;
      db.prepare(
        `
        INSERT INTO conversations (id, token_hash, channel, locale, unit_id, state, status, procedure_id,
                                   last_seq, version, created_at, updated_at)
        VALUES (?, ?, 'web', 'vi', ?, ?, 'completed', NULL, 0, 1, ?, ?)`,
      ).run(
        conversationId,
        `hash-of-${conversationId}`,
        dossier.unitId,
        JSON.stringify({ ...initialState("vi", dossier.unitId), status: "completed" }),
        AT,
        AT,
      );
      db.prepare(
        `
        INSERT INTO dossiers (code, conversation_id, status, dossier, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(
        dossier.code,
        conversationId,
        dossier.status,
        JSON.stringify(dossier),
        dossier.createdAt,
        dossier.updatedAt,
      );
    }
  } finally {
    db.close();
  }
}

describe("SqliteStore query schema upgrade", () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = temporaryDataDir("query-store");
  });

  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("finds dossiers written before the search existed, by code, phone and name, within their unit", async () => {
    expect(SQLITE_MIGRATIONS.length).toBeGreaterThan(VERSION_BEFORE_SEARCH);
    const older = newDossier("AT-20260301-0001", {
      createdAt: "2026-03-01T02:00:00.000Z",
      updatedAt: "2026-03-01T02:00:00.000Z",
    });
    const newer = newDossier("TH-20260301-0001", {
      unitId: "tan-hoi",
      fields: { ownerFullName: "Đặng Thị Huệ", ownerPhone: "0977 123 456" },
      createdAt: "2026-03-01T03:00:00.000Z",
      updatedAt: "2026-03-01T03:00:00.000Z",
    });
    writeFileBeforeSearch(dataDir, [older, newer]);
    const store = new SqliteStore({ dataDir });

    await store.open();
    try {
      const codes = async (query: string | undefined, unitIds: string[] | null) =>
        (await store.listDossiers({ unitIds, query, limit: 10 })).map((entry) => entry.dossier.code);
      expect(await codes(undefined, null)).toEqual(["TH-20260301-0001", "AT-20260301-0001"]);
      expect(await codes("at-20260301-0001", ["an-thanh"])).toEqual(["AT-20260301-0001"]);
      expect(await codes("+84 912 345 678", ["an-thanh"])).toEqual(["AT-20260301-0001"]);
      expect(await codes("nguyen van an", ["an-thanh"])).toEqual(["AT-20260301-0001"]);
      expect(await codes("hue dang", ["tan-hoi"])).toEqual(["TH-20260301-0001"]);
      expect(await codes("84977123456", null)).toEqual(["TH-20260301-0001"]);
      expect(await codes("hue dang", ["an-thanh"])).toEqual([]);
      expect(await store.listDossiers({ unitIds: ["an-thanh"], query: "nguyen van an", limit: 10 })).toEqual([
        { dossier: older, conversationId: "conv-AT-20260301-0001" },
      ]);
      expect(await store.listConversations({ unitIds: ["tan-hoi"], statuses: ["completed"], limit: 10 })).toHaveLength(
        1,
      );
    } finally {
      await store.close();
    }
  });

  it("opens an upgraded file again without migrating twice, and keeps its search keys", async () => {
    writeFileBeforeSearch(dataDir, [newDossier("AT-20260301-0001")]);
    const first = new SqliteStore({ dataDir });
    await first.open();
    await first.close();

    const second = new SqliteStore({ dataDir });
    await second.open();
    try {
      expect(
        (await second.listDossiers({ unitIds: null, query: "nguyen van an", limit: 10 })).map(
          (entry) => entry.dossier.code,
        ),
      ).toEqual(["AT-20260301-0001"]);
    } finally {
      await second.close();
    }
    const reader = new Database(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    try {
      expect(reader.pragma("user_version", { simple: true })).toBe(SQLITE_MIGRATIONS.length);
      const keys = reader.prepare<[], { count: number }>("SELECT COUNT(*) AS count FROM dossier_search").get();
      expect(keys!.count).toBeGreaterThan(0);
    } finally {
      reader.close();
    }
  });

  it("looks searches and the queue up through indexes, without reading every dossier", async () => {
    const store = new SqliteStore({ dataDir });
    await store.open();
    await store.close();
    const reader = new Database(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    try {
      const plan = (sql: string, ...params: string[]) =>
        reader
          .prepare<string[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
          .all(...params)
          .map((row) => row.detail)
          .join("\n");
      expect(plan("SELECT code FROM dossier_search WHERE key = ?", "name:an")).toMatch(
        /SEARCH dossier_search USING PRIMARY KEY/,
      );
      expect(plan("SELECT * FROM dossiers WHERE unit_id = ? ORDER BY created_at DESC, code DESC", "an-thanh")).toMatch(
        /SEARCH dossiers USING INDEX dossiers_by_unit/,
      );
      expect(
        plan(
          "SELECT * FROM conversations WHERE status = ? AND unit_id = ? ORDER BY updated_at",
          "waiting_clerk",
          "an-thanh",
        ),
      ).toMatch(/SEARCH conversations USING INDEX conversations_by_status_unit/);
    } finally {
      reader.close();
    }
  });
});
