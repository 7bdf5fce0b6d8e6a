/**
 * The floods of `npm run bench:flood`, small enough for every test run: one client sending as fast
 * as it can, 100 connections from one address, a storm of 300 clients dropped and reconnecting.
 * The limits hold, no acknowledged message is lost, and the server still serves everyone else.
 */
import { io, type Socket } from "socket.io-client";
import type { ChatMessage, SendAck } from "../../server/channels/web/protocol";
import { stillServes, watchedServerForThisFile } from "./securityHarness";

const OPEN_PER_ADDRESS = 50;
const BUDGET = 30;
const watched = watchedServerForThisFile({ CHAT_CONNECTIONS_PER_ADDRESS: String(OPEN_PER_ADDRESS) });

jest.setTimeout(90_000);

/** A `/chat` socket from `localAddress` (any of 127.0.0.0/8 reaches the server, each a different address). */
function socketFrom(localAddress: string, auth: () => object, reconnection = false): Socket {
  return io(`${watched.url}/chat`, {
    transports: ["websocket"],
    forceNew: true,
    reconnection,
    // Quick retries: the test waits for the whole storm to come back.
    reconnectionDelay: 200,
    reconnectionDelayMax: 1_000,
    auth: (cb: (a: object) => void) => cb(auth()),
    localAddress,
  } as Parameters<typeof io>[1]);
}

const sessionReady = (socket: Socket) =>
  new Promise<{ token: string; conversationId: string } | string>((resolve) => {
    socket.once("session:ready", resolve);
    socket.once("connect_error", (e: Error & { data?: { code?: string } }) => resolve(e.data?.code ?? e.message));
  });

describe("floods", () => {
  it("cuts off one client sending as fast as it can; what it was told was saved is saved, and no more", async () => {
    const socket = socketFrom("127.0.0.2", () => ({ unit: "an-thanh" }));
    const session = await sessionReady(socket);
    if (typeof session === "string") throw new Error(session);
    const cut = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    const acks = Array.from({ length: 2_000 }, (_v, i) =>
      socket.timeout(20_000).emitWithAck("message:send", { clientMessageId: `f${i}`, text: `tin ${i}` }),
    );
    expect(await cut).toBe("io server disconnect");
    const answered = (await Promise.allSettled(acks)).flatMap((a) =>
      a.status === "fulfilled" ? [a.value as SendAck] : [],
    );
    expect(answered.length).toBeLessThan(200);
    const stored = (await watched.server.store.listMessages(session.conversationId, 0, 10_000)).filter(
      (m) => m.author === "citizen",
    );
    expect(stored.length).toBeLessThanOrEqual(BUDGET);
    const storedIds = new Set(stored.map((m) => m.id));
    for (const ack of answered) if (ack.ok) expect(storedIds.has(ack.messageId)).toBe(true);
    await stillServes(watched);
  });

  it("holds 50 of 100 connections from one address open, while another address is served", async () => {
    const sockets = Array.from({ length: 100 }, () => socketFrom("127.0.0.3", () => ({ unit: "an-thanh" })));
    try {
      const outcomes = await Promise.all(sockets.map((s) => sessionReady(s)));
      const refused = outcomes.filter((o) => typeof o === "string");
      expect(outcomes.length - refused.length).toBe(OPEN_PER_ADDRESS);
      expect(new Set(refused)).toEqual(new Set(["CHAT_TOO_MANY_CONNECTIONS"]));
      await stillServes(watched);
    } finally {
      sockets.forEach((s) => s.disconnect());
    }
  });

  it("brings back 300 clients dropped at once, each to its conversation, none losing a message", async () => {
    interface StormClient {
      socket: Socket;
      token: string | null;
      conversationId: string | null;
      acked: string | null;
      replayed: Set<string>;
      ready: boolean;
    }
    const clients: StormClient[] = Array.from({ length: 300 }, (_v, i) => {
      const client: StormClient = {
        socket: null as never,
        token: null,
        conversationId: null,
        acked: null,
        replayed: new Set(),
        ready: false,
      };
      // Spread over 10 addresses, as a city's citizens are; each reconnect asks for the whole transcript.
      client.socket = socketFrom(
        `127.0.0.${10 + (i % 10)}`,
        () => ({ unit: "an-thanh", lastSeq: 0, ...(client.token ? { token: client.token } : {}) }),
        true,
      );
      client.socket.on("session:ready", (s: { token: string; conversationId: string }) => {
        client.token = s.token;
        client.conversationId ??= s.conversationId;
        client.ready = s.conversationId === client.conversationId;
      });
      client.socket.on("message:new", (m: ChatMessage) => client.replayed.add(m.id));
      client.socket.on("disconnect", () => (client.ready = false));
      return client;
    });
    try {
      await waitUntil(() => clients.every((c) => c.ready), "300 clients connected", 30_000);
      await Promise.all(
        clients.map(async (c, i) => {
          const ack = (await c.socket
            .timeout(20_000)
            .emitWithAck("message:send", { clientMessageId: `s${i}`, text: "khai sinh" })) as SendAck;
          if (ack.ok) c.acked = ack.messageId;
        }),
      );
      expect(clients.filter((c) => c.acked === null)).toHaveLength(0);
      const conversations = clients.map((c) => c.conversationId);
      for (const c of clients) {
        c.ready = false;
        c.replayed.clear();
        (c.socket.io as unknown as { engine: { close(): void } }).engine.close();
      }
      await waitUntil(() => clients.every((c) => c.ready), "300 clients back", 45_000);
      expect(clients.map((c) => c.conversationId)).toEqual(conversations);
      await waitUntil(
        () => clients.every((c) => c.replayed.has(c.acked!)),
        "every acknowledged message replayed",
        10_000,
      );
      await stillServes(watched);
    } finally {
      clients.forEach((c) => c.socket.disconnect());
    }
  });
});

async function waitUntil(test: () => boolean, what: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
