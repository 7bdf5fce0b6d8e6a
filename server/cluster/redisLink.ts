import { createClient, type RedisClientType } from "@redis/client";
import type { Logger } from "../logger";

/** A client of the shared Redis, as the node's parts use it. */
export type RedisClient = RedisClientType;

/**
 * The node's connections to the shared Redis: one for commands (counters, presence), and the
 * publishing and subscribing pair of the Socket.IO adapter (a subscribed connection can issue
 * no other command).
 */
export interface RedisLink {
  commands: RedisClient;
  publisher: RedisClient;
  subscriber: RedisClient;
  /** Whether the command connection is up now: when not, each node counts on its own. */
  isUp(): boolean;
  close(): Promise<void>;
}

// Reconnects quickly at first, then every two seconds: a Redis restarted is found again within that.
const reconnectDelay = (retries: number) => Math.min(100 * 2 ** retries, 2_000);
// How long the first connection is waited for at start; the node starts without Redis after it.
const FIRST_CONNECTION_WAIT_MS = 3_000;

function clientOf(url: string, name: string, logger: Logger): RedisClient {
  const client = createClient({
    url,
    name,
    // A command while Redis is down fails at once instead of queueing in memory: the caller falls back to
    // what the node knows (its own counts), and nothing grows while Redis is away.
    disableOfflineQueue: true,
    socket: { reconnectStrategy: reconnectDelay, connectTimeout: 2_000 },
  }) as RedisClient;
  let up = false;
  client.on("ready", () => {
    up = true;
    logger.info({ event: "redis.up", connection: name }, "Redis connected");
  });
  // An error event without a listener would stop the process; the client reconnects by itself.
  client.on("error", (error: Error) => {
    if (!up) return;
    up = false;
    logger.warn({ event: "redis.down", connection: name, reason: error.message }, "Redis connection lost");
  });
  client.on("end", () => {
    up = false;
  });
  return client;
}

/**
 * A publisher whose `publish` never rejects: the Socket.IO adapter publishes without waiting, so a
 * publish refused while Redis is down would become an unhandled rejection. Such an event reaches
 * the sockets of this node only (the adapter delivers locally first); the others are told again
 * by the next event.
 */
function forgivingPublisher(client: RedisClient, logger: Logger): RedisClient {
  const publish = client.publish.bind(client);
  let lost = 0;
  (client as { publish: unknown }).publish = (channel: string, message: string | Buffer) =>
    publish(channel, message).catch(() => {
      if (lost++ % 1_000 === 0)
        logger.warn({ event: "redis.publish_lost", lost }, "event not fanned out: Redis unreachable");
      return 0;
    });
  return client;
}

/** Connects to `url`; waits a few seconds for the first connection, then goes on and keeps trying. */
export async function connectRedis(url: string, nodeId: string, logger: Logger): Promise<RedisLink> {
  const commands = clientOf(url, `khaiho-${nodeId}-commands`, logger);
  const publisher = forgivingPublisher(clientOf(url, `khaiho-${nodeId}-pub`, logger), logger);
  const subscriber = clientOf(url, `khaiho-${nodeId}-sub`, logger);
  const connecting = Promise.all([commands, publisher, subscriber].map((client) => client.connect()));
  connecting.catch(() => undefined);
  const waited = await Promise.race([
    connecting.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), FIRST_CONNECTION_WAIT_MS).unref()),
  ]);
  if (!waited) logger.warn({ event: "redis.unreachable_at_start" }, "Redis unreachable: serving this node's own");
  return {
    commands,
    publisher,
    subscriber,
    isUp: () => commands.isReady,
    async close() {
      await Promise.all(
        [commands, publisher, subscriber].map((client) => (client.isOpen ? client.close() : Promise.resolve())),
      );
    },
  };
}
