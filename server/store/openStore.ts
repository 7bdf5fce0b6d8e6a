import type { Config } from "../config";
import { SqliteStore } from "./sqlite/sqliteStore";
import type { Store } from "./store";

/**
 * The store the settings ask for: MongoDB when `MONGODB_URI` is set, else the embedded SQLite
 * file. The MongoDB driver is loaded only then: it costs ~200 ms of every start otherwise.
 */
export async function openStore(config: Pick<Config, "MONGODB_URI" | "MONGODB_DB" | "DATA_DIR">): Promise<Store> {
  let store: Store;
  if (config.MONGODB_URI) {
    const { MongoStore } = await import("./mongo/mongoStore");
    store = new MongoStore({ uri: config.MONGODB_URI, dbName: config.MONGODB_DB });
  } else {
    store = new SqliteStore({ dataDir: config.DATA_DIR, writerThread: true });
  }
  await store.open();
  return store;
}
