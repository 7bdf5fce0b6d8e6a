import { createAdapter } from "@socket.io/redis-adapter";
import type { Server } from "socket.io";
import type { RedisLink } from "./redisLink";

/** Channel prefix of the nodes' fan-out in Redis: several deployments may share one Redis by their prefix. */
export const FAN_OUT_KEY = "khaiho";

/**
 * Puts this node's Socket.IO server on the shared Redis (the Socket.IO Redis adapter, publish and
 * subscribe): an event emitted to a room on any node reaches the room's sockets on every node, and
 * a node can ask the others which sockets they hold. Plain publish/subscribe rather than the
 * Streams adapter: Socket.IO's connection-state recovery, which the Streams adapter exists to keep,
 * is off here — a citizen resumes from the store by the last seq they saw, on whichever node.
 */
export function joinNodes(io: Server, redis: RedisLink): void {
  io.adapter(createAdapter(redis.publisher, redis.subscriber, { key: FAN_OUT_KEY, requestsTimeout: 3_000 }));
}
