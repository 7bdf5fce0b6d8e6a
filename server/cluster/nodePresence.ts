import type { Namespace } from "socket.io";

/** What one node holds of a namespace: sockets per room, for the rooms asked about. */
export interface PresenceSnapshot {
  node: string;
  rooms: Record<string, number>;
}

/** Rooms counted across nodes: this node's own rooms live, the others' as they last told. */
export interface NodePresence {
  /** Sockets in `room` on every node. */
  count(room: string): number;
  /** Tells the other nodes now (a console opened or closed). */
  changed(): void;
  /** Tells the other nodes this node holds nothing any more, and stops. */
  stop(): void;
}

const PRESENCE_EVENT = "node:presence";

/**
 * Room counts shared between nodes through the namespace's adapter (Socket.IO's server-side
 * emit, carried by Redis): each node tells the others what its own rooms hold when they change
 * and every `everyMs`, and a node not heard from for three periods (killed, or cut from Redis)
 * counts for nothing. Reads stay synchronous and local: a citizen asking for a clerk is answered
 * from what is known now, at most one message behind.
 */
export function nodePresence(
  namespace: Namespace,
  nodeId: string,
  counted: (room: string) => boolean,
  everyMs = 5_000,
): NodePresence {
  const others = new Map<string, { rooms: Record<string, number>; at: number }>();
  const own = (): PresenceSnapshot => {
    const rooms: Record<string, number> = {};
    for (const [room, sockets] of namespace.adapter.rooms) if (counted(room)) rooms[room] = sockets.size;
    return { node: nodeId, rooms };
  };
  const tell = (snapshot: PresenceSnapshot) => namespace.serverSideEmit(PRESENCE_EVENT, snapshot);
  namespace.on(PRESENCE_EVENT, (snapshot: PresenceSnapshot) => {
    if (!snapshot || typeof snapshot.node !== "string" || snapshot.node === nodeId) return;
    others.set(snapshot.node, { rooms: snapshot.rooms ?? {}, at: Date.now() });
  });
  // A change is told once the event loop turn that made it is over: a console joining three rooms tells once.
  let pending = false;
  const changed = () => {
    if (pending) return;
    pending = true;
    setImmediate(() => {
      pending = false;
      tell(own());
    });
  };
  const timer = setInterval(() => tell(own()), everyMs);
  timer.unref();
  return {
    count(room) {
      let total = namespace.adapter.rooms.get(room)?.size ?? 0;
      const freshSince = Date.now() - 3 * everyMs;
      for (const [node, seen] of others) {
        if (seen.at < freshSince) others.delete(node);
        else total += seen.rooms[room] ?? 0;
      }
      return total;
    },
    changed,
    stop() {
      clearInterval(timer);
      tell({ node: nodeId, rooms: {} });
    },
  };
}
