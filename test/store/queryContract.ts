import { createHash, randomBytes } from "node:crypto";
import type { Dossier } from "../../server/dossier/dossier";
import { initialState, type ConversationStatus } from "../../server/engine/conversationState";
import type { ConversationRecord, Store } from "../../server/store/store";
import { openForEachTest, type StoreUnderTest } from "../support/storeUnderTest";


const T0 = Date.parse("2026-03-02T01:00:00.000Z");

/** A filter value a request could smuggle in; both adapters must treat it as a plain string. */
const OPERATOR = { $ne: null } as unknown as string;

/** Minute `minute` after T0, so a higher number is later. */
function at(minute: number): string {
  return new Date(T0 + minute * 60_000).toISOString();
}

function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString("hex")}`;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function newConversation(unitId: string | null, status: ConversationStatus, updatedMinute: number): ConversationRecord {
  const id = uniqueId("conv");
  return {
    id,
    tokenHash: sha256(`token of ${id}`),
    channel: "web",
    locale: "vi",
    unitId,
    state: { ...initialState("vi", unitId), status },
    status,
    procedureId: null,
    lastSeq: 0,
    version: 0,
    createdAt: at(0),
    updatedAt: at(updatedMinute),
  };
}

/** Nguyễn Văn An's birth registration in An Thạnh, unless `overrides` says otherwise. */
export function newDossier(code: string, overrides: Partial<Dossier> = {}): Dossier {
  return {
    code,
    procedureId: "dang-ky-khai-sinh",
    unitId: "an-thanh",
    status: "submitted",
    fields: {
      requesterFullName: "Nguyễn Văn An",
      childFullName: "Nguyễn Thị Ánh Dương",
      contactPhone: "0912345678",
      // "Bình" and "Lợi" appear here only: an address is not a name.
      permanentAddress: "12 Lê Lợi, phường Bình Thạnh",
      ngaySinh: "05/03/2026",
      thanhVien: [{ memberFullName: "Trần Văn Cường", memberPhone: "0987 654 321", quanHe: "ông" }],
    },
    provenance: { requesterFullName: { by: "citizen" } },
    submission: { submitMethod: "postal", returnMethod: "postal", postalAddress: "34 Hai Bà Trưng", postalPhone: "+84 388 111 222" },
    documents: ["Giấy chứng sinh"],
    attachments: {},
    locale: "vi",
    createdAt: at(10),
    updatedAt: at(10),
    ...overrides,
  };
}

/**
 * The console's lists over every `Store` adapter: the queue of conversations and the dossier
 * search behave the same in SQLite and MongoDB.
 *
 * @example
 * describeQueryContract("SqliteStore", async () => {
 *   const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "khai-ho-"));
 *   const store = new SqliteStore({ dataDir });
 *   return { store, cleanup: async () => { await store.close(); fs.rmSync(dataDir, { recursive: true }); } };
 * });
 */
export function describeQueryContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} (query contract)`, () => {
    let store: Store;
    openForEachTest(makeStore, (opened) => {
      store = opened;
    });

    async function created(unitId: string | null, status: ConversationStatus, updatedMinute: number): Promise<ConversationRecord> {
      const conversation = newConversation(unitId, status, updatedMinute);
      await store.createConversation(conversation);
      return conversation;
    }

    /** Commits one turn of `conversation` that writes `dossier`; returns the conversation's new version. */
    async function write(conversation: ConversationRecord, dossier: Dossier, expectedVersion = 0): Promise<number> {
      const result = await store.commitTurn({
        conversationId: conversation.id,
        expectedVersion,
        state: { ...initialState("vi", dossier.unitId), status: "completed", dossierCode: dossier.code },
        messages: [],
        dedupe: null,
        dossier,
      });
      if (!result.ok) throw new Error(`the turn was refused: ${result.reason}`);
      return result.version;
    }

    /** A dossier submitted by a conversation of its own unit. */
    async function submitted(dossier: Dossier): Promise<ConversationRecord> {
      const conversation = await created(dossier.unitId, "completed", 0);
      await write(conversation, dossier);
      return conversation;
    }

    async function codesFound(query: string | undefined, unitIds: readonly string[] | null = null, limit = 50): Promise<string[]> {
      const found = await store.listDossiers({ unitIds, query, limit });
      return found.map((entry) => entry.dossier.code);
    }

    describe("listConversations", () => {
      it("returns only the asked units and statuses, the longest-waiting first", async () => {
        const a3 = await created("an-thanh", "waiting_clerk", 3);
        const a1 = await created("an-thanh", "waiting_clerk", 1);
        const a2 = await created("an-thanh", "with_clerk", 2);
        const b0 = await created("tan-hoi", "waiting_clerk", 0);
        await created("binh-minh", "waiting_clerk", -5);
        await created("an-thanh", "bot", -10);
        await created(null, "waiting_clerk", -20);

        const waiting = await store.listConversations({ unitIds: ["an-thanh", "tan-hoi"], statuses: ["waiting_clerk"], limit: 50 });
        expect(waiting.map((conversation) => conversation.id)).toEqual([b0.id, a1.id, a3.id]);
        expect(waiting[1]).toEqual(a1);

        const held = await store.listConversations({ unitIds: ["an-thanh"], statuses: ["waiting_clerk", "with_clerk"], limit: 50 });
        expect(held.map((conversation) => conversation.id)).toEqual([a1.id, a2.id, a3.id]);
      });

      it("returns every unit's conversations for null units, those without a unit included", async () => {
        const a = await created("an-thanh", "waiting_clerk", 2);
        const b = await created("tan-hoi", "waiting_clerk", 1);
        const none = await created(null, "waiting_clerk", 0);
        await created("tan-hoi", "closed", -1);

        const all = await store.listConversations({ unitIds: null, statuses: ["waiting_clerk"], limit: 50 });
        expect(all.map((conversation) => conversation.id)).toEqual([none.id, b.id, a.id]);
      });

      it("returns nothing for an empty list of units or of statuses", async () => {
        await created("an-thanh", "waiting_clerk", 0);

        expect(await store.listConversations({ unitIds: [], statuses: ["waiting_clerk"], limit: 50 })).toEqual([]);
        expect(await store.listConversations({ unitIds: null, statuses: [], limit: 50 })).toEqual([]);
      });

      it("returns at most `limit` conversations, the longest-waiting, and none for a limit of 0 or less", async () => {
        const oldest = await created("an-thanh", "waiting_clerk", 0);
        const middle = await created("an-thanh", "waiting_clerk", 1);
        await created("an-thanh", "waiting_clerk", 2);

        const two = await store.listConversations({ unitIds: ["an-thanh"], statuses: ["waiting_clerk"], limit: 2 });
        expect(two.map((conversation) => conversation.id)).toEqual([oldest.id, middle.id]);
        expect(await store.listConversations({ unitIds: ["an-thanh"], statuses: ["waiting_clerk"], limit: 0 })).toEqual([]);
        expect(await store.listConversations({ unitIds: ["an-thanh"], statuses: ["waiting_clerk"], limit: -1 })).toEqual([]);
        expect(await store.listConversations({ unitIds: ["an-thanh"], statuses: ["waiting_clerk"], limit: Number.NaN })).toEqual([]);
      });

      it("moves a conversation between units' lists when a turn changes its unit", async () => {
        const conversation = await created("an-thanh", "waiting_clerk", 0);
        const result = await store.commitTurn({
          conversationId: conversation.id,
          expectedVersion: 0,
          state: { ...initialState("vi", "tan-hoi"), status: "waiting_clerk" },
          messages: [],
          dedupe: null,
          dossier: null,
        });
        expect(result).toEqual({ ok: true, version: 1 });

        expect(await store.listConversations({ unitIds: ["an-thanh"], statuses: ["waiting_clerk"], limit: 50 })).toEqual([]);
        const moved = await store.listConversations({ unitIds: ["tan-hoi"], statuses: ["waiting_clerk"], limit: 50 });
        expect(moved.map((record) => [record.id, record.unitId, record.version])).toEqual([[conversation.id, "tan-hoi", 1]]);
      });

      it("moves a conversation between statuses' lists when a turn changes its status", async () => {
        const conversation = await created("an-thanh", "waiting_clerk", 0);
        await store.commitTurn({
          conversationId: conversation.id,
          expectedVersion: 0,
          state: { ...initialState("vi", "an-thanh"), status: "with_clerk" },
          messages: [],
          dedupe: null,
          dossier: null,
        });

        expect(await store.listConversations({ unitIds: ["an-thanh"], statuses: ["waiting_clerk"], limit: 50 })).toEqual([]);
        expect(await store.listConversations({ unitIds: ["an-thanh"], statuses: ["with_clerk"], limit: 50 })).toHaveLength(1);
      });

      it("treats unit ids and statuses as plain strings", async () => {
        await created("an-thanh", "waiting_clerk", 0);

        expect(await store.listConversations({ unitIds: [OPERATOR], statuses: ["waiting_clerk"], limit: 50 })).toEqual([]);
        expect(
          await store.listConversations({ unitIds: null, statuses: [OPERATOR as unknown as ConversationStatus], limit: 50 }),
        ).toEqual([]);
      });

      it("refuses a unit filter that is neither a list nor null", async () => {
        await created("an-thanh", "waiting_clerk", 0);
        const missing = undefined as unknown as null;

        await expect(store.listConversations({ unitIds: missing, statuses: ["waiting_clerk"], limit: 50 })).rejects.toThrow(
          "STORE_FILTER_INVALID",
        );
      });
    });

    describe("listDossiers", () => {
      it("lists the newest first with their conversation ids, at most `limit`, and none for a limit of 0 or less", async () => {
        const older = await submitted(newDossier("AT-20260302-0001", { createdAt: at(1), updatedAt: at(1) }));
        const newest = await submitted(newDossier("AT-20260302-0003", { createdAt: at(3), updatedAt: at(3) }));
        const middle = await submitted(newDossier("AT-20260302-0002", { createdAt: at(2), updatedAt: at(2) }));

        const all = await store.listDossiers({ unitIds: null, limit: 50 });
        expect(all.map((entry) => [entry.dossier.code, entry.conversationId])).toEqual([
          ["AT-20260302-0003", newest.id],
          ["AT-20260302-0002", middle.id],
          ["AT-20260302-0001", older.id],
        ]);
        expect(all[0]!.dossier).toEqual(newDossier("AT-20260302-0003", { createdAt: at(3), updatedAt: at(3) }));
        expect(await codesFound(undefined, null, 2)).toEqual(["AT-20260302-0003", "AT-20260302-0002"]);
        expect(await codesFound("  ", null, 2)).toEqual(["AT-20260302-0003", "AT-20260302-0002"]);
        expect(await store.listDossiers({ unitIds: null, limit: 0 })).toEqual([]);
        expect(await store.listDossiers({ unitIds: null, limit: -3 })).toEqual([]);
      });

      it("finds a dossier by its whole receipt code in any case", async () => {
        await submitted(newDossier("AT-20260302-0001"));
        await submitted(newDossier("AT-20260302-0002"));

        expect(await codesFound("AT-20260302-0001")).toEqual(["AT-20260302-0001"]);
        expect(await codesFound("at-20260302-0001")).toEqual(["AT-20260302-0001"]);
        expect(await codesFound(" At-20260302-0002 ")).toEqual(["AT-20260302-0002"]);
        expect(await codesFound("AT-20260302")).toEqual([]);
      });

      it("finds a code with its random part and a code given before codes had one", async () => {
        await submitted(newDossier("HN-20260302-0001"));
        await submitted(newDossier("HN-20260302-0002-K7QM"));

        expect(await codesFound("HN-20260302-0001")).toEqual(["HN-20260302-0001"]);
        expect(await codesFound("hn-20260302-0002-k7qm")).toEqual(["HN-20260302-0002-K7QM"]);
      });

      it("finds a dossier by a phone written in other shapes", async () => {
        await submitted(newDossier("AT-20260302-0001"));
        await submitted(
          newDossier("AT-20260302-0002", {
            fields: { requesterFullName: "Lê Thị Hoa", contactPhone: "0909 000 111" },
            submission: { submitMethod: "counter", returnMethod: "counter" },
          }),
        );

        for (const phone of ["0912345678", "+84 912 345 678", "84912345678", "(+84) 912-345-678", "0912.345.678", "0084 912 345 678"]) {
          expect(await codesFound(phone)).toEqual(["AT-20260302-0001"]);
        }
        // The postal phone and a phone in a table row count too.
        expect(await codesFound("0388 111 222")).toEqual(["AT-20260302-0001"]);
        expect(await codesFound("+84987654321")).toEqual(["AT-20260302-0001"]);
        expect(await codesFound("+84 909 000 111")).toEqual(["AT-20260302-0002"]);
        expect(await codesFound("0912 345")).toEqual([]);
      });

      it("finds a dossier by a name typed without diacritics and in another case", async () => {
        await submitted(newDossier("AT-20260302-0001"));
        await submitted(newDossier("AT-20260302-0002", { fields: { requesterFullName: "Phạm Thu Hà" } }));

        expect(await codesFound("nguyen van an")).toEqual(["AT-20260302-0001"]);
        expect(await codesFound("NGUYỄN VĂN AN")).toEqual(["AT-20260302-0001"]);
        expect(await codesFound("pham thu ha")).toEqual(["AT-20260302-0002"]);
        // A decomposed (NFD) query, as some keyboards send it.
        expect(await codesFound("Phạm Thu Hà".normalize("NFD"))).toEqual(["AT-20260302-0002"]);
      });

      it("finds a dossier by two words of a name in any order", async () => {
        await submitted(newDossier("AT-20260302-0001"));

        expect(await codesFound("an nguyen")).toEqual(["AT-20260302-0001"]);
        expect(await codesFound("Dương ánh")).toEqual(["AT-20260302-0001"]);
        // A name in a table row (household members).
        expect(await codesFound("cuong tran")).toEqual(["AT-20260302-0001"]);
      });

      it("does not find a dossier unless every word of the query is in a name", async () => {
        await submitted(newDossier("AT-20260302-0001"));

        expect(await codesFound("nguyen van binh")).toEqual([]);
        expect(await codesFound("nguyen an hoa")).toEqual([]);
      });

      it("does not find a dossier by a word that appears only in another field", async () => {
        await submitted(newDossier("AT-20260302-0001"));

        expect(await codesFound("binh")).toEqual([]);
        expect(await codesFound("le loi")).toEqual([]);
        expect(await codesFound("hai ba trung")).toEqual([]);
        expect(await codesFound("05/03/2026")).toEqual([]);
        expect(await codesFound("ông")).toEqual([]);
      });

      it("returns only the dossiers of the asked units, every unit for null and none for an empty list", async () => {
        await submitted(newDossier("AT-20260302-0001", { createdAt: at(1), updatedAt: at(1) }));
        await submitted(newDossier("TH-20260302-0001", { unitId: "tan-hoi", createdAt: at(2), updatedAt: at(2) }));
        await submitted(newDossier("XX-20260302-0001", { unitId: null, createdAt: at(3), updatedAt: at(3) }));

        expect(await codesFound("nguyen van an", ["an-thanh"])).toEqual(["AT-20260302-0001"]);
        expect(await codesFound("0912345678", ["tan-hoi"])).toEqual(["TH-20260302-0001"]);
        expect(await codesFound("AT-20260302-0001", ["tan-hoi"])).toEqual([]);
        expect(await codesFound(undefined, ["an-thanh", "tan-hoi"])).toEqual(["TH-20260302-0001", "AT-20260302-0001"]);
        expect(await codesFound("nguyen van an", null)).toEqual(["XX-20260302-0001", "TH-20260302-0001", "AT-20260302-0001"]);
        expect(await codesFound("nguyen van an", [])).toEqual([]);
        expect(await codesFound(undefined, [])).toEqual([]);
      });

      it("finds a dossier rewritten by a later turn by its new contents only, under its new unit", async () => {
        const conversation = await created("an-thanh", "completed", 0);
        const first = newDossier("AT-20260302-0001");
        const version = await write(conversation, first);
        await write(
          conversation,
          {
            ...first,
            unitId: "tan-hoi",
            status: "received",
            fields: { ...first.fields, requesterFullName: "Nguyễn Văn Bảo", contactPhone: "0933 444 555" },
            updatedAt: at(20),
          },
          version,
        );

        expect(await codesFound("nguyen van an")).toEqual([]);
        expect(await codesFound("0912345678")).toEqual([]);
        expect(await codesFound("nguyen van bao", ["tan-hoi"])).toEqual(["AT-20260302-0001"]);
        expect(await codesFound("0933444555", ["tan-hoi"])).toEqual(["AT-20260302-0001"]);
        expect(await codesFound(undefined, ["an-thanh"])).toEqual([]);
        const [found] = await store.listDossiers({ unitIds: ["tan-hoi"], query: "AT-20260302-0001", limit: 5 });
        expect(found).toMatchObject({ conversationId: conversation.id, dossier: { status: "received", createdAt: at(10) } });
      });

      it("treats the query and the unit ids as plain strings", async () => {
        await submitted(newDossier("AT-20260302-0001"));

        expect(await codesFound(OPERATOR)).toEqual([]);
        expect(await codesFound(undefined, [OPERATOR])).toEqual([]);
        expect(await codesFound(".*")).toEqual([]);
        expect(await codesFound("nguy.*")).toEqual([]);
      });

      it("refuses a unit filter that is neither a list nor null", async () => {
        const missing = undefined as unknown as null;

        await expect(store.listDossiers({ unitIds: missing, limit: 50 })).rejects.toThrow("STORE_FILTER_INVALID");
      });
    });
  });
}
