import { ConfigError, loadConfig } from "./config";
import { handOverFirstAdminPassword, removeUsedFirstAdminPassword } from "./console/firstAdminPassword";
import { ensureFirstAdmin } from "./console/userAccounts";
import { createKhaiHoServer } from "./khaiHoServer";
import { createLogger } from "./logger";
import { openStore } from "./store/openStore";
import { stopOnFatalError } from "./stopOnFatalError";
import { loadBrowserAssets } from "./loadBrowserAssets";
import { connectRedis } from "./cluster/redisLink";

/** `npm start`: the server on the settings of the environment (embedded defaults when none). */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  // Built at install (`prepare`); bundled here only when missing or older than a source.
  const assets = await loadBrowserAssets();
  const store = await openStore(config);
  const firstAdminPassword = await ensureFirstAdmin(store, config.units, new Date());
  if (firstAdminPassword) {
    handOverFirstAdminPassword(firstAdminPassword, {
      dataDir: config.DATA_DIR,
      terminal: process.stdout.isTTY ? process.stdout : null,
      logger,
    });
  } else {
    await removeUsedFirstAdminPassword(store, config.DATA_DIR);
  }
  const redis = config.REDIS_URL
    ? await connectRedis(config.REDIS_URL, config.NODE_ID ?? `node-${process.pid}`, logger)
    : null;
  const server = createKhaiHoServer({
    config,
    store,
    logger,
    redis,
    widget: assets.widget,
    console: assets.console,
  });
  const port = await server.listen();
  const url = config.PUBLIC_URL ?? `http://localhost:${port}`;
  logger.info(
    {
      event: "server.started",
      port,
      store: config.MONGODB_URI ? "mongodb" : "sqlite",
      node: config.NODE_ID ?? null,
      redis: redis ? (redis.isUp() ? "up" : "down") : "off",
      assetsBuilt: assets.built,
    },
    "server started",
  );
  process.stdout.write(
    `Khai Hộ is running: open ${url}/ (demo city page with the chat widget); clerks: ${url}/console\n`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: "server.stopping", signal }, "stopping");
    server
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ event: "server.stop_failed", err: error }, "stop failed");
        process.exit(1);
      });
  };
  stopOnFatalError(logger, () => server.close());
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  process.stderr.write(`Khai Hộ could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
