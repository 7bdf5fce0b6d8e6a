import type { Config } from "../config";
import { MongoStore } from "./mongo/mongoStore";
import { SqliteStore } from "./sqlite/sqliteStore";
import type { Store } from "./store";

/** The store the settings ask for: MongoDB when `MONGODB_URI` is set, else the embedded SQLite file. */
export async function openStore(config: Pick<Config, "MONGODB_URI" | "MONGODB_DB" | "DATA_DIR">): Promise<Store> {
  const store: Store = config.MONGODB_URI ? new MongoStore({ uri: config.MONGODB_URI, dbName: config.MONGODB_DB }) : new SqliteStore({ dataDir: config.DATA_DIR });
  await store.open();
  return store;
}
