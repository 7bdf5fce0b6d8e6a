import type { Store } from "../../server/store/store";
import { storeActivity, vn } from "../support/storedActivity";
import { openForEachTest, type StoreUnderTest } from "../support/storeUnderTest";

/**
 * Reading dossiers page by page for an export, identical in SQLite and MongoDB.
 *
 * @example
 * describeDossierExportStoreContract("SqliteStore", sqliteStoreUnderTest("export"));
 */
export function describeDossierExportStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} (dossier export store contract)`, () => {
    let store: Store;
    openForEachTest(makeStore, (opened) => {
      store = opened;
    });

    async function received(unitId: string | null, local: string, code: string): Promise<void> {
      await storeActivity(store, { unitId, at: vn(local), dossier: { at: vn(local), method: "online", code } });
    }

    it("reads the city days of the range (UTC+7), oldest first then by code, for some units or all", async () => {
      await received("an-thanh", "2026-03-09T23:59", "HN-A");
      await received("an-thanh", "2026-03-10T00:00", "HN-C");
      await received("an-loc", "2026-03-10T00:00", "HN-B");
      await received(null, "2026-03-10T12:00", "HN-D");
      await received("an-thanh", "2026-03-11T23:59", "HN-E");
      await received("an-thanh", "2026-03-12T00:00", "HN-F");
      const codes = async (unitIds: string[] | null) =>
        (
          await store.dossiersReceived({
            range: { from: "2026-03-10", to: "2026-03-11" },
            unitIds,
            after: null,
            limit: 10,
          })
        ).map((d) => d.code);
      expect(await codes(null)).toEqual(["HN-B", "HN-C", "HN-D", "HN-E"]);
      expect(await codes(["an-thanh"])).toEqual(["HN-C", "HN-E"]);
      expect(await codes([])).toEqual([]);
    });

    it("continues after a cursor inside a run of dossiers received at the same instant", async () => {
      for (const code of ["HN-3", "HN-1", "HN-2", "HN-4"]) await received("an-thanh", "2026-03-10T08:00", code);
      await received("an-thanh", "2026-03-10T07:00", "HN-9");
      const range = { from: "2026-03-10", to: "2026-03-10" };
      const first = await store.dossiersReceived({ range, unitIds: null, after: null, limit: 3 });
      expect(first.map((d) => d.code)).toEqual(["HN-9", "HN-1", "HN-2"]);
      const last = first[2]!;
      const next = await store.dossiersReceived({
        range,
        unitIds: ["an-thanh"],
        after: { createdAt: last.createdAt, code: last.code },
        limit: 3,
      });
      expect(next.map((d) => d.code)).toEqual(["HN-3", "HN-4"]);
      expect(next[0]).toMatchObject({ unitId: "an-thanh", submission: { submitMethod: "online" } });
    });
  });
}
