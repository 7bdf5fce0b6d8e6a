import fs from "node:fs";
import { SqliteStore } from "../../server/store/sqlite/sqliteStore";
import { describeContract, sqliteStoreUnderTest, temporaryDataDir } from "../support/storeUnderTest";
import { at } from "./storeRecords";
import { describeZaloStoreContract } from "./zaloStoreContract";

describeContract("zalo store contract", "zalo", describeZaloStoreContract);

// The server writes the Zalo aggregate on the SQLite turn writer thread: the same contract.
describeZaloStoreContract(
  "SqliteStore, turn writer thread",
  sqliteStoreUnderTest("zalo-writer", { writerThread: true }),
);

// Several nodes on one host share one SQLite file (WAL): each store here is a node's, with its own writer thread.
describe("SqliteStore, two stores on one file (zalo leases)", () => {
  let dataDir: string;
  let nodes: SqliteStore[];
  beforeEach(async () => {
    dataDir = temporaryDataDir("zalo-nodes");
    nodes = [new SqliteStore({ dataDir, writerThread: true }), new SqliteStore({ dataDir, writerThread: true })];
    for (const node of nodes) await node.open();
  });
  afterEach(async () => {
    for (const node of nodes) await node.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("gives each lease wanted by both stores at once to exactly one holder", async () => {
    for (let round = 0; round < 20; round += 1) {
      const key = `conversation-${round}`;
      const claims = nodes.flatMap((node, n) =>
        [0, 1, 2].map((i) => node.claimZaloLease("sending", key, `node-${n}-${i}`, at(0), at(1))),
      );
      expect((await Promise.all(claims)).filter(Boolean)).toHaveLength(1);
    }
  });

  it("gives the token refresh lease to one store; the other takes it once it is released", async () => {
    const [a, b] = nodes as [SqliteStore, SqliteStore];
    const won = await Promise.all([
      a.claimZaloTokenRefresh("node-a", at(0), at(1)),
      b.claimZaloTokenRefresh("node-b", at(0), at(1)),
    ]);
    expect(won.filter(Boolean)).toHaveLength(1);
    const [winner, loser] = won[0] ? [{ store: a, id: "node-a" }, b] : [{ store: b, id: "node-b" }, a];
    expect(await loser.claimZaloTokenRefresh("node-c", at(0), at(1))).toBe(false);
    await winner.store.releaseZaloTokenRefresh(winner.id);
    expect(await loser.claimZaloTokenRefresh("node-c", at(0), at(1))).toBe(true);
  });
});
