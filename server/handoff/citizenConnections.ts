import type { Namespace } from "socket.io";
import { roomOf } from "../channels/web/chatNamespace";
import type { CitizenConnections } from "./abandonedConversations";

/**
 * The conversations with a citizen connected to the web chat (`/chat`), asked of the namespace's adapter: with
 * several nodes and the Redis adapter, every node's sockets answer. One call for all the conversations asked about.
 */
export function citizenConnections(chat: () => Namespace): CitizenConnections {
  return async (conversationIds) => {
    if (conversationIds.length === 0) return new Set();
    const asked = new Map(conversationIds.map((id) => [roomOf(id), id]));
    const sockets = await chat()
      .in([...asked.keys()])
      .fetchSockets();
    const connected = new Set<string>();
    for (const socket of sockets)
      for (const room of socket.rooms) {
        const id = asked.get(room);
        if (id) connected.add(id);
      }
    return connected;
  };
}
