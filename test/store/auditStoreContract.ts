import type { Store } from "../../server/store/store";
import { newAudit, newNote, OPERATOR } from "./storeRecords";
import { openForEachTest, type StoreUnderTest } from "../support/storeUnderTest";

/**
 * The audit log and clerks' notes over every adapter, identical in SQLite and MongoDB.
 *
 * @example
 * describeAuditStoreContract("SqliteStore", sqliteStoreUnderTest("audit"));
 */
export function describeAuditStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} (audit store contract)`, () => {
    let store: Store;
    openForEachTest(makeStore, (opened) => {
      store = opened;
    });

    describe("audit", () => {
      it("returns an entry as appended: absent optional fields stay absent", async () => {
        const full = newAudit(1, {
          conversationId: "conv-1",
          dossierCode: "HN-20260302-0001",
          detail: { field: "ngaySinh", count: 2, confirmed: true },
        });
        const bare = newAudit(2, { action: "user.disable" });
        await store.appendAudit(full);
        await store.appendAudit(bare);

        const listed = await store.listAudit({}, 10);

        expect(listed).toEqual([bare, full]);
        expect(listed[0]).not.toHaveProperty("conversationId");
        expect(listed[0]).not.toHaveProperty("dossierCode");
        expect(listed[0]).not.toHaveProperty("detail");
      });

      it("lists the newest entries first, at most limit", async () => {
        const entries = [3, 1, 4, 0, 2].map((second) => newAudit(second));
        for (const entry of entries) await store.appendAudit(entry);
        const newestFirst = [...entries].sort((a, b) => b.at.localeCompare(a.at));

        expect(await store.listAudit({}, 100)).toEqual(newestFirst);
        expect(await store.listAudit({}, 2)).toEqual(newestFirst.slice(0, 2));
      });

      it("orders entries of the same instant by descending id", async () => {
        const entries = ["audit-b", "audit-c", "audit-a"].map((id) => ({ ...newAudit(1), id }));
        for (const entry of entries) await store.appendAudit(entry);
        expect((await store.listAudit({}, 10)).map((entry) => entry.id)).toEqual(["audit-c", "audit-b", "audit-a"]);
      });

      it("returns nothing for a limit of 0, a negative or a NaN limit", async () => {
        await store.appendAudit(newAudit(1));
        expect(await store.listAudit({}, 0)).toEqual([]);
        expect(await store.listAudit({}, -1)).toEqual([]);
        expect(await store.listAudit({}, Number.NaN)).toEqual([]);
      });

      it("filters by actor, by conversation, by dossier code, and by several at once", async () => {
        const lanReads = newAudit(1, { actorId: "user-lan", conversationId: "conv-1", dossierCode: "HN-1" });
        const lanPatches = newAudit(2, {
          actorId: "user-lan",
          action: "dossier.patch",
          conversationId: "conv-2",
          dossierCode: "HN-2",
        });
        const binhReads = newAudit(3, { actorId: "user-binh", conversationId: "conv-1", dossierCode: "HN-1" });
        const adminDisables = newAudit(4, {
          actorId: "user-admin",
          action: "user.disable",
          detail: { userId: "user-binh" },
        });
        for (const entry of [lanReads, lanPatches, binhReads, adminDisables]) await store.appendAudit(entry);

        expect(await store.listAudit({ actorId: "user-lan" }, 10)).toEqual([lanPatches, lanReads]);
        expect(await store.listAudit({ conversationId: "conv-1" }, 10)).toEqual([binhReads, lanReads]);
        expect(await store.listAudit({ dossierCode: "HN-2" }, 10)).toEqual([lanPatches]);
        expect(await store.listAudit({ actorId: "user-lan", dossierCode: "HN-1" }, 10)).toEqual([lanReads]);
        expect(await store.listAudit({ actorId: "user-admin", conversationId: "conv-1" }, 10)).toEqual([]);
        expect(await store.listAudit({ actorId: "user-binh", conversationId: "conv-1" }, 1)).toEqual([binhReads]);
      });

      it("refuses an entry whose at is not Date#toISOString() output", async () => {
        await expect(store.appendAudit({ ...newAudit(1), at: "2026-03-02 01:00:00" })).rejects.toMatchObject({
          name: "StoreError",
          code: "STORE_TIME_INVALID",
        });
        expect(await store.listAudit({}, 10)).toEqual([]);
      });

      it("refuses a second entry with the same id", async () => {
        const entry = newAudit(1);
        await store.appendAudit(entry);
        await expect(store.appendAudit({ ...newAudit(2), id: entry.id })).rejects.toThrow();
        expect(await store.listAudit({}, 10)).toEqual([entry]);
      });

      it("keeps entries across close and re-open", async () => {
        const entry = newAudit(1, { conversationId: "conv-1", detail: { unitId: "an-thanh" } });
        await store.appendAudit(entry);
        await store.close();
        await store.open();
        expect(await store.listAudit({}, 10)).toEqual([entry]);
      });

      it("treats a query-operator object as a plain value that matches nothing", async () => {
        await store.appendAudit(newAudit(1, { conversationId: "conv-1", dossierCode: "HN-1" }));
        expect(await store.listAudit({ actorId: OPERATOR }, 10)).toEqual([]);
        expect(await store.listAudit({ conversationId: OPERATOR }, 10)).toEqual([]);
        expect(await store.listAudit({ dossierCode: OPERATOR }, 10)).toEqual([]);
      });
    });

    describe("notes", () => {
      it(
        "lists a conversation's notes oldest first, the latest " + "limit of them, and no other conversation's",
        async () => {
          const notes = [2, 0, 3, 1].map((second) => newNote(second));
          const elsewhere = newNote(5, { conversationId: "conv-2" });
          for (const note of [...notes, elsewhere]) await store.appendNote(note);
          const oldestFirst = [...notes].sort((a, b) => a.at.localeCompare(b.at));

          expect(await store.listNotes("conv-1", 10)).toEqual(oldestFirst);
          expect(await store.listNotes("conv-1", 2)).toEqual(oldestFirst.slice(2));
          expect(await store.listNotes("conv-2", 10)).toEqual([elsewhere]);
          expect(await store.listNotes("conv-3", 10)).toEqual([]);
          expect(await store.listNotes("conv-1", 0)).toEqual([]);
        },
      );

      it("refuses a second note with the same id, and a time that is not Date#toISOString() output", async () => {
        const note = newNote(1);
        await store.appendNote(note);
        await expect(store.appendNote({ ...newNote(2), id: note.id })).rejects.toThrow();
        await expect(store.appendNote({ ...newNote(3), at: "2026-03-02 01:00:03" })).rejects.toMatchObject({
          name: "StoreError",
          code: "STORE_TIME_INVALID",
        });
        expect(await store.listNotes("conv-1", 10)).toEqual([note]);
      });

      it("keeps notes across close and re-open, and treats a query-operator object as a plain value", async () => {
        const note = newNote(1);
        await store.appendNote(note);
        await store.close();
        await store.open();
        expect(await store.listNotes("conv-1", 10)).toEqual([note]);
        expect(await store.listNotes(OPERATOR, 10)).toEqual([]);
      });
    });
  });
}
