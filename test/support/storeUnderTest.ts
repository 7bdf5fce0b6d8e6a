import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MongoClient } from "mongodb";
import { MongoStore } from "../../server/store/mongo/mongoStore";
import { SqliteStore } from "../../server/store/sqlite/sqliteStore";
import type { Store } from "../../server/store/store";

export interface StoreUnderTest {
  /** A store on empty data that has not been opened yet. */
  store: Store;
  /** Closes the store if needed and removes its data. */
  cleanup: () => Promise<void>;
}

/**
 * Gives every test of a contract suite a fresh, opened store (passed to `onOpen`), and removes
 * its data after the test.
 */
export function openForEachTest(makeStore: () => Promise<StoreUnderTest>, onOpen: (store: Store) => void): void {
  let cleanup: (() => Promise<void>) | null = null;
  beforeEach(async () => {
    const made = await makeStore();
    cleanup = made.cleanup;
    onOpen(made.store);
    await made.store.open();
  });
  afterEach(async () => {
    await cleanup?.();
    cleanup = null;
  });
}

/** A fresh temporary data folder. */
export function temporaryDataDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `khai-ho-${prefix}-`));
}

/** SQLite stores, each on a new temporary folder removed afterwards. */
export function sqliteStoreUnderTest(
  prefix: string,
  options: { writerThread?: boolean } = {},
): () => Promise<StoreUnderTest> {
  return async () => {
    const dataDir = temporaryDataDir(prefix);
    const store = new SqliteStore({ dataDir, ...options });
    return {
      store,
      cleanup: async () => {
        await store.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  };
}

/** Drops a test database. */
export async function dropMongoDatabase(uri: string, dbName: string): Promise<void> {
  const client = new MongoClient(uri);
  try {
    await client.db(dbName).dropDatabase();
  } finally {
    await client.close();
  }
}

/** MongoDB stores, each on a new database dropped afterwards. */
export function mongoStoreUnderTest(
  uri: string,
  prefix: string,
): { make: () => Promise<StoreUnderTest>; nextDbName: () => string } {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  let databases = 0;
  const nextDbName = () => `khai_ho_${prefix}_${runId}_${++databases}`;
  return {
    nextDbName,
    make: async () => {
      const dbName = nextDbName();
      const store = new MongoStore({ uri, dbName });
      return {
        store,
        cleanup: async () => {
          await store.close();
          await dropMongoDatabase(uri, dbName);
        },
      };
    },
  };
}

/**
 * Runs a MongoDB suite where `MONGODB_URI` is set (the one reader of the environment in the
 * tests: no MongoDB server can be installed on the build machines). Elsewhere it prints one
 * plain line and registers the suite as skipped, never as passed.
 */
export function describeOnMongo(what: string, suite: (uri: string) => void): void {
  const uri = process.env.MONGODB_URI;
  if (uri) {
    suite(uri);
    return;
  }
  // One plain line: console.warn would add jest's stack frame around it.
  process.stderr.write(`MongoDB ${what}: skipped — MONGODB_URI is not set\n`);
  describe.skip(`MongoStore (${what}): needs MONGODB_URI pointing at a replica set`, () => {
    it(`passes the ${what}`, () => undefined);
  });
}

/**
 * Runs one aggregate's contract suite against SQLite, and against MongoDB where `MONGODB_URI`
 * is set (skipped with one line otherwise).
 *
 * @example
 * describeContract("audit store contract", "audit", describeAuditStoreContract);
 */
export function describeContract(
  what: string,
  prefix: string,
  suite: (name: string, makeStore: () => Promise<StoreUnderTest>) => void,
): void {
  suite("SqliteStore", sqliteStoreUnderTest(prefix));
  describeOnMongo(what, (uri) => suite("MongoStore", mongoStoreUnderTest(uri, prefix).make));
}
