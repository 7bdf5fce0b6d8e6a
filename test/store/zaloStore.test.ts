import { describeContract, sqliteStoreUnderTest } from "../support/storeUnderTest";
import { describeZaloStoreContract } from "./zaloStoreContract";

describeContract("zalo store contract", "zalo", describeZaloStoreContract);

// The server writes the Zalo aggregate on the SQLite turn writer thread: the same contract.
describeZaloStoreContract(
  "SqliteStore, turn writer thread",
  sqliteStoreUnderTest("zalo-writer", { writerThread: true }),
);
