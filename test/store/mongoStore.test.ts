import { MongoClient } from "mongodb";
import { MongoStore } from "../../server/store/mongo/mongoStore";
import { newDossier } from "./storeRecords";
import { describeOnMongo, dropMongoDatabase, mongoStoreUnderTest } from "../support/storeUnderTest";

describeOnMongo("store upgrade", (uri) => {
  const { nextDbName } = mongoStoreUnderTest(uri, "upgrade_test");
  const dropDatabase = (dbName: string) => dropMongoDatabase(uri, dbName);

  describe("MongoStore query upgrade", () => {
    let dbName: string;

    beforeEach(() => {
      dbName = nextDbName();
    });

    afterEach(async () => {
      await dropDatabase(dbName);
    });

    it("finds dossiers written before the search existed, by code, phone and name, within their unit", async () => {
      const dossier = newDossier("AT-20260301-0001");
      const client = new MongoClient(uri);
      try {
        // The document as an earlier release wrote it: no unit, no search keys.
        await client.db(dbName).collection<{ _id: string; [field: string]: unknown }>("dossiers").insertOne({
          _id: dossier.code,
          conversationId: "conv-before-search",
          status: dossier.status,
          dossier,
          createdAt: dossier.createdAt,
          updatedAt: dossier.updatedAt,
        });
      } finally {
        await client.close();
      }
      const store = new MongoStore({ uri, dbName });

      await store.open();
      try {
        const codes = async (query: string, unitIds: string[] | null) =>
          (await store.listDossiers({ unitIds, query, limit: 10 })).map((entry) => entry.dossier.code);
        expect(await codes("at-20260301-0001", ["an-thanh"])).toEqual(["AT-20260301-0001"]);
        expect(await codes("+84 912 345 678", ["an-thanh"])).toEqual(["AT-20260301-0001"]);
        expect(await codes("nguyen van an", null)).toEqual(["AT-20260301-0001"]);
        expect(await codes("nguyen van an", ["tan-hoi"])).toEqual([]);
        expect(await store.listDossiers({ unitIds: ["an-thanh"], limit: 10 })).toEqual([
          { dossier, conversationId: "conv-before-search" },
        ]);
      } finally {
        await store.close();
      }
    });
  });
});
