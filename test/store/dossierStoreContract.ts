import type { Dossier } from "../../server/dossier/dossier";
import { initialState, type ConversationStatus } from "../../server/engine/conversationState";
import type { ConversationRecord, Store, UploadRecord } from "../../server/store/store";
import {
  at,
  createdConversation,
  newConversation,
  newDossier,
  newUpload,
  OPERATOR,
  queuedConversation,
  sampleBytes,
  T1,
  turnFor,
  uniqueId,
} from "./storeRecords";
import { openForEachTest, type StoreUnderTest } from "../support/storeUnderTest";
import { describePostalListContract } from "./postalListContract";

/**
 * Dossiers and uploads over every adapter: the dossier a turn writes, the console's list and
 * search, the uploaded documents, their quota and retention — identical in SQLite and MongoDB.
 *
 * @example
 * describeDossierStoreContract("SqliteStore", sqliteStoreUnderTest("dossiers"));
 */
export function describeDossierStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} (dossier store contract)`, () => {
    let store: Store;
    openForEachTest(makeStore, (opened) => {
      store = opened;
    });

    const created = () => createdConversation(store);

    async function createdIn(
      unitId: string | null,
      status: ConversationStatus,
      updatedMinute: number,
    ): Promise<ConversationRecord> {
      const conversation = queuedConversation(unitId, status, updatedMinute);
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
      const conversation = await createdIn(dossier.unitId, "completed", 0);
      await write(conversation, dossier);
      return conversation;
    }

    async function codesFound(
      query: string | undefined,
      unitIds: readonly string[] | null = null,
      limit = 50,
    ): Promise<string[]> {
      const found = await store.listDossiers({ unitIds, query, limit });
      return found.map((entry) => entry.dossier.code);
    }

    describe("dossiers", () => {
      it("getDossier and getDossierOwner return the committed dossier and its conversation", async () => {
        const conversation = await created();
        const code = uniqueId("HN");
        const write = turnFor(conversation, { dossierCode: code });
        await store.commitTurn(write);

        expect(await store.getDossier(code)).toEqual(write.dossier);
        expect(await store.getDossierOwner(code)).toEqual({ dossier: write.dossier, conversationId: conversation.id });
      });

      it("getDossier and getDossierOwner of an unknown code are null", async () => {
        expect(await store.getDossier("HN-20260302-9999")).toBeNull();
        expect(await store.getDossierOwner("HN-20260302-9999")).toBeNull();
      });
    });

    describe("listDossiers", () => {
      it(
        "lists the newest first with their conversation ids, at " + "most `limit`, and none for a limit of 0 or less",
        async () => {
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
        },
      );

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

        for (const phone of [
          "0912345678",
          "+84 912 345 678",
          "84912345678",
          "(+84) 912-345-678",
          "0912.345.678",
          "0084 912 345 678",
        ]) {
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
        expect(await codesFound("nguyen van an", null)).toEqual([
          "XX-20260302-0001",
          "TH-20260302-0001",
          "AT-20260302-0001",
        ]);
        expect(await codesFound("nguyen van an", [])).toEqual([]);
        expect(await codesFound(undefined, [])).toEqual([]);
      });

      it("finds a dossier rewritten by a later turn by its new contents only, under its new unit", async () => {
        const conversation = await createdIn("an-thanh", "completed", 0);
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
        expect(found).toMatchObject({
          conversationId: conversation.id,
          dossier: { status: "received", createdAt: at(10) },
        });
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

        await expect(store.listDossiers({ unitIds: missing, limit: 50 })).rejects.toMatchObject({
          name: "StoreError",
          code: "STORE_FILTER_INVALID",
        });
      });
    });

    describe("uploads", () => {
      it("round-trips bytes and metadata", async () => {
        const conversation = await created();
        const bytes = sampleBytes();
        const record = newUpload(conversation.id, bytes);
        await store.saveUpload(record, bytes);

        const stored = await store.getUpload(record.id);
        expect(stored?.record).toEqual(record);
        expect(stored?.bytes.equals(bytes)).toBe(true);
      });

      it("round-trips an empty file", async () => {
        const conversation = await created();
        const record = newUpload(conversation.id, Buffer.alloc(0));
        await store.saveUpload(record, Buffer.alloc(0));
        expect(await store.getUpload(record.id)).toEqual({ record, bytes: Buffer.alloc(0) });
      });

      it("getUpload of an unknown id is null", async () => {
        expect(await store.getUpload("unknownUpload01")).toBeNull();
      });

      it("refuses an id that is not 8 to 64 letters, digits, '_' or '-'", async () => {
        const conversation = await created();
        const bytes = Buffer.from("%PDF-1.7");
        for (const id of [
          "../../etc/passwd",
          "../uploadAbcdef",
          "short",
          "a".repeat(65),
          "with space 123",
          "dot.dot.dot.dot",
        ]) {
          await expect(store.saveUpload({ ...newUpload(conversation.id, bytes), id }, bytes)).rejects.toMatchObject({
            name: "StoreError",
            code: "STORE_UPLOAD_ID_INVALID",
          });
          await expect(store.getUpload(id)).rejects.toMatchObject({
            name: "StoreError",
            code: "STORE_UPLOAD_ID_INVALID",
          });
        }
      });

      it("refuses a second upload with the same id and keeps the first one's bytes", async () => {
        const conversation = await created();
        const bytes = sampleBytes();
        const record = newUpload(conversation.id, bytes);
        await store.saveUpload(record, bytes);

        const other = Buffer.from("other bytes");
        await expect(store.saveUpload({ ...record, size: other.length }, other)).rejects.toMatchObject({
          name: "StoreError",
          code: "STORE_UPLOAD_EXISTS",
        });

        const stored = await store.getUpload(record.id);
        expect(stored?.record).toEqual(record);
        // Buffer.equals: toEqual walks 600 KB byte by byte (over 2 s).
        expect(stored?.bytes.equals(bytes)).toBe(true);
      });

      it("lets exactly one of two concurrent saves of one id through, with its own bytes", async () => {
        const conversation = await created();
        const first = Buffer.from("first photo bytes");
        const second = Buffer.from("second, longer photo bytes");
        const record = newUpload(conversation.id, first);

        const results = await Promise.allSettled([
          store.saveUpload(record, first),
          store.saveUpload({ ...record, size: second.length }, second),
        ]);

        expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
        const refused = results.find((result) => result.status === "rejected");
        expect(String(refused?.status === "rejected" && refused.reason)).toContain("STORE_UPLOAD_EXISTS");
        const stored = await store.getUpload(record.id);
        const winner = results[0]?.status === "fulfilled" ? first : second;
        expect(stored?.bytes.equals(winner)).toBe(true);
        expect(stored?.record.size).toBe(winner.length);
      });

      it("refuses an upload whose record gives another size than its bytes", async () => {
        const conversation = await created();
        const bytes = Buffer.from("%PDF-1.7");
        const record = { ...newUpload(conversation.id, bytes), size: bytes.length + 1 };
        await expect(store.saveUpload(record, bytes)).rejects.toMatchObject({
          name: "StoreError",
          code: "STORE_UPLOAD_SIZE_MISMATCH",
        });
        expect(await store.getUpload(record.id)).toBeNull();
      });

      it("refuses an upload for an unknown conversation and stores nothing", async () => {
        const bytes = Buffer.from("%PDF-1.7");
        const record = newUpload("conv-unknown", bytes);
        await expect(store.saveUpload(record, bytes)).rejects.toMatchObject({
          name: "StoreError",
          code: "STORE_CONVERSATION_NOT_FOUND",
        });
        expect(await store.getUpload(record.id)).toBeNull();
      });
    });

    describe("upload retention and quota", () => {
      const HOUR_AGO = "2026-03-02T00:00:05.000Z";

      async function savedUpload(conversationId: string, bytes: Buffer, createdAt: string): Promise<UploadRecord> {
        const record = { ...newUpload(conversationId, bytes), createdAt };
        await store.saveUpload(record, bytes);
        return record;
      }

      /** Commits a citizen message that attaches `uploadId`, as the turn of an upload step does. */
      async function attach(conversation: ConversationRecord, uploadId: string): Promise<void> {
        const write = turnFor(conversation);
        write.messages[0] = { ...write.messages[0]!, attachmentId: uploadId };
        expect(await store.commitTurn(write)).toMatchObject({ ok: true });
      }

      it("counts a conversation's uploads and their bytes, and no other conversation's", async () => {
        const conversation = await created();
        const other = await created();
        expect(await store.uploadUsage(conversation.id)).toEqual({ files: 0, bytes: 0 });
        await savedUpload(conversation.id, Buffer.alloc(1000, 1), T1);
        await savedUpload(conversation.id, Buffer.alloc(2500, 2), T1);
        await savedUpload(other.id, Buffer.alloc(700, 3), T1);
        expect(await store.uploadUsage(conversation.id)).toEqual({ files: 2, bytes: 3500 });
        expect(await store.uploadUsage(other.id)).toEqual({ files: 1, bytes: 700 });
      });

      it("deletes old uploads no message refers to, bytes included, and keeps attached and recent ones", async () => {
        const conversation = await created();
        const bytes = Buffer.from("photo bytes");
        const forgotten = await savedUpload(conversation.id, bytes, HOUR_AGO);
        const attached = await savedUpload(conversation.id, bytes, HOUR_AGO);
        const recent = await savedUpload(conversation.id, bytes, T1);
        await attach(conversation, attached.id);

        expect(await store.deleteUnattachedUploads("2026-03-02T01:00:00.000Z")).toBe(1);

        expect(await store.getUpload(forgotten.id)).toBeNull();
        expect(await store.getUpload(attached.id)).not.toBeNull();
        expect(await store.getUpload(recent.id)).not.toBeNull();
        expect(await store.uploadUsage(conversation.id)).toEqual({ files: 2, bytes: bytes.length * 2 });
        expect(await store.deleteUnattachedUploads("2026-03-02T01:00:00.000Z")).toBe(0);
      });

      it("does not count as attached a message of another conversation naming the upload", async () => {
        const owner = await created();
        const other = await created();
        const upload = await savedUpload(owner.id, Buffer.from("photo bytes"), HOUR_AGO);
        await attach(other, upload.id);

        expect(await store.deleteUnattachedUploads("2026-03-02T01:00:00.000Z")).toBe(1);
        expect(await store.getUpload(upload.id)).toBeNull();
      });

      it("refuses a cut-off time that is not an ISO instant", async () => {
        await expect(store.deleteUnattachedUploads("yesterday")).rejects.toMatchObject({
          name: "StoreError",
          code: "STORE_TIME_INVALID",
        });
      });
    });
  });
  describePostalListContract(name, makeStore);
}
