import fc from "fast-check";
import { io as connect, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ChatMessage } from "../../server/channels/web/protocol";
import type { ClerkClientToServerEvents, ConversationView } from "../../server/console/clerkProtocol";
import { Clerk } from "../support/consoleClient";
import { walkFlow } from "../support/flowWalker";
import { hostileValue, nearlyValid } from "../support/hostileValues";
import {
  PLANTED_CCCD,
  PLANTED_PHONE,
  type ServerUnderAttack,
  startServerUnderAttack,
} from "../support/serverUnderAttack";
import { Citizen, startTestServer } from "../support/testServer";

/** Every client event of `/chat`, with the fields its payload has and whether it is acknowledged. */
const CHAT_EVENTS = {
  "message:send": {
    fields: ["clientMessageId", "text", "choice", "attachmentId", "identityQr", "cardPhotoId"],
    acked: true,
  },
  "conversation:open": { fields: ["locale"], acked: true },
  "typing:citizen": { fields: [], acked: false },
} satisfies Record<keyof ClientToServerEvents, { fields: string[]; acked: boolean }>;

/** Every client event of `/clerk`, likewise. */
const CLERK_EVENTS = {
  "conversation:watch": { fields: ["conversationId"], acked: true },
  "conversation:take": { fields: ["conversationId"], acked: true },
  "conversation:message": { fields: ["conversationId", "clientMessageId", "text"], acked: true },
  "dossier:patch": { fields: ["conversationId", "field", "text"], acked: true },
  "dossier:identityCard": { fields: ["conversationId", "qrText", "photo"], acked: true },
  "conversation:release": { fields: ["conversationId", "at"], acked: true },
  "conversation:close": { fields: ["conversationId"], acked: true },
  "conversation:transfer": { fields: ["conversationId", "unitId", "clerkId"], acked: true },
  "conversation:transferTargets": { fields: ["conversationId"], acked: true },
  "conversation:note": { fields: ["conversationId", "text"], acked: true },
  "typing:clerk": { fields: ["conversationId"], acked: false },
} satisfies Record<keyof ClerkClientToServerEvents, { fields: string[]; acked: boolean }>;

/** Names the protocol does not have: Node's and Socket.IO's reserved ones, near misses, garbage. */
const STRAY_EVENTS = [
  "error",
  "connect",
  "disconnect",
  "disconnecting",
  "newListener",
  "removeListener",
  "connect_error",
  "message",
  "message:send ",
  "MESSAGE:SEND",
  "__proto__",
  "constructor",
  "hasOwnProperty",
  "",
];

const CLOSED = Symbol("connection closed");
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
// The server's answer to an acknowledged event, or its absence for an event it does not know.
const ACK_WAIT_MS = 5_000;

interface Sent {
  namespace: "/chat" | "/clerk";
  event: string;
  args: unknown[];
  withAck: boolean;
}

describe("the event handlers under fuzzing", () => {
  it("are the events of the protocol files, on both namespaces", async () => {
    const server = await startTestServer();
    try {
      const citizen = await new Citizen(server.url).ready();
      const clerk = await Clerk.login(server, "canbo", "clerk", ["an-thanh"], "Cán bộ");
      const handlers = (path: string) =>
        [...server.server.io.of(path).sockets.values()][0]!
          .eventNames()
          .map(String)
          .filter((e) => e !== "disconnect" && e !== "error");
      expect(handlers("/chat").sort()).toEqual(Object.keys(CHAT_EVENTS).sort());
      expect(handlers("/clerk").sort()).toEqual(Object.keys(CLERK_EVENTS).sort());
      citizen.close();
      clerk.close();
    } finally {
      await server.stop();
    }
  });
});

describe("random and malformed payloads at every socket event", () => {
  let target: ServerUnderAttack;
  let walker: Citizen;
  let watcher: Socket;
  let fuzzCitizen: Citizen;
  let fuzzClerk: Socket;
  const walk = walkFlow("dang-ky-khai-tu", {
    answers: { hasDeathNotice: "không" },
    unitId: "an-thanh",
    clock: { now: new Date() },
  });
  const payloadOf = (i: number) => {
    const input = walk.inputs[i]!;
    return input.kind === "text" ? { text: input.text } : { choice: (input as { value: string }).value };
  };

  const clerkSocket = () =>
    connect(`${target.url}/clerk`, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      extraHeaders: { Cookie: target.admin.cookie },
    });
  const connected = (socket: Socket) =>
    socket.connected
      ? Promise.resolve(socket)
      : new Promise<Socket>(
          (resolve, reject) => (socket.once("connect", () => resolve(socket)), socket.once("connect_error", reject)),
        );
  const transcript = async (): Promise<Pick<ChatMessage, "seq" | "author" | "text">[]> => {
    const again = await new Citizen(target.url, { token: walker.token!, lastSeq: 0 }).ready();
    again.close();
    return again.messages.map(({ seq, author, text }) => ({ seq, author, text }));
  };
  const watch = async (socket: Socket): Promise<ConversationView> => {
    const ack = (await socket
      .timeout(ACK_WAIT_MS)
      .emitWithAck("conversation:watch", { conversationId: walker.conversationId })) as {
      ok: boolean;
      view: ConversationView;
    };
    expect(ack.ok).toBe(true);
    return ack.view;
  };

  beforeAll(async () => {
    target = await startServerUnderAttack();
    // A citizen walking a procedure, and a clerk watching that conversation: the bystanders.
    walker = await new Citizen(target.url, { unit: "an-thanh" }).ready();
    for (let i = 0; i < 4; i++) expect((await walker.send(payloadOf(i))).ok).toBe(true);
    watcher = await connected(clerkSocket());
    fuzzCitizen = await new Citizen(target.url, { unit: "an-loc" }).ready();
    fuzzClerk = await connected(clerkSocket());
  }, 60_000);
  afterAll(async () => {
    for (const s of [walker?.socket, watcher, fuzzCitizen?.socket, fuzzClerk]) s?.disconnect();
    await target?.stop();
  });

  /**
   * Sends one fuzzed event the way a hostile client can (reserved names included) and resolves with the ack, or
   * undefined when none came.
   */
  async function send({ namespace, event, args, withAck }: Sent): Promise<unknown> {
    if (namespace === "/chat" && !fuzzCitizen.socket.connected)
      fuzzCitizen = await new Citizen(target.url, { unit: "an-loc" }).ready();
    if (namespace === "/clerk" && !fuzzClerk.connected) fuzzClerk = await connected(clerkSocket());
    const socket: Socket = namespace === "/chat" ? (fuzzCitizen.socket as unknown as Socket) : fuzzClerk;
    // socket.io-client refuses reserved names; the wire does not.
    const packet = (data: unknown[], id?: number) =>
      (socket as unknown as { packet(p: object): void }).packet({
        type: 2,
        nsp: namespace,
        data,
        ...(id !== undefined ? { id } : {}),
      });
    const table: Record<string, { acked: boolean }> = namespace === "/chat" ? CHAT_EVENTS : CLERK_EVENTS;
    const mustAnswer = withAck && Object.hasOwn(table, event) && table[event]!.acked;
    return new Promise((resolve) => {
      // A packet past the 64 KB limit closes the connection: no answer is due then.
      const closed = () => resolve(CLOSED);
      socket.once("disconnect", closed);
      let bound: NodeJS.Timeout | undefined;
      const done = (answer: unknown) => {
        clearTimeout(bound);
        socket.off("disconnect", closed);
        resolve(answer);
      };
      const ids = socket as unknown as { ids: number; acks: Record<number, (...a: unknown[]) => void> };
      const id = withAck ? ids.ids++ : undefined;
      if (id !== undefined) ids.acks[id] = (...answer: unknown[]) => done(answer[0]);
      packet([event, ...args], id);
      // An event the server need not answer: a refused probe behind it shows it was handled.
      if (!mustAnswer)
        socket
          .timeout(ACK_WAIT_MS)
          .emit(namespace === "/chat" ? "conversation:open" : "conversation:watch", "probe", () => done(undefined));
      else bound = setTimeout(() => done(undefined), ACK_WAIT_MS);
    });
  }

  it(
    "never stops the server, answers every ack with ok or a coded refusal, and leaves other conversations as they " +
      "were",
    async () => {
      const before = await transcript();
      const watchedBefore = await watch(watcher);
      const known = () => [
        fuzzCitizen.conversationId!,
        "an-thanh",
        "an-loc",
        "deceasedFullName",
        walk.asked[2] ?? "review",
      ];
      const events = (namespace: "/chat" | "/clerk", table: Record<string, { fields: string[]; acked: boolean }>) =>
        fc
          .oneof(
            fc.constantFrom(...Object.keys(table)).chain((event) =>
              fc.tuple(
                fc.constant(event),
                fc.oneof(
                  nearlyValid(table[event]!.fields, known()).map((p) => [p]),
                  fc.array(hostileValue(known()), { maxLength: 3 }),
                ),
              ),
            ),
            fc.tuple(fc.constantFrom(...STRAY_EVENTS), fc.array(hostileValue(), { maxLength: 2 })),
          )
          .chain(([event, args]) =>
            fc.record({
              namespace: fc.constant(namespace),
              event: fc.constant(event),
              args: fc.constant(args),
              withAck: fc.boolean(),
            }),
          );
      const sent = fc.oneof(events("/chat", CHAT_EVENTS), events("/clerk", CLERK_EVENTS));

      const acks: { sent: Sent; ack: unknown }[] = [];
      await fc.assert(
        fc.asyncProperty(sent, async (s) => {
          const ack = await send(s);
          acks.push({ sent: s, ack });
          expect(target.alive()).toBe(true);
          const table: Record<string, { acked: boolean }> = s.namespace === "/chat" ? CHAT_EVENTS : CLERK_EVENTS;
          // A known acknowledged event always answers; whatever answers is ok or a coded refusal.
          if (ack === CLOSED) return;
          if (s.withAck && Object.hasOwn(table, s.event) && table[s.event]!.acked) expect(ack).toBeDefined();
          if (ack !== undefined && (ack as { ok?: unknown }).ok !== true) {
            expect(ack).toEqual({
              ok: false,
              error: { code: expect.stringMatching(/^[A-Z]+_[A-Z_]+$/), message: expect.any(String) },
            });
            // Bad input is refused as such, never as the server's own failure.
            expect((ack as { error: { code: string } }).error.code).not.toMatch(/_UNAVAILABLE$/);
          }
        }),
        { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined, verbose: 1 },
      );

      expect(target.alive()).toBe(true);
      expect((await fetch(`${target.url}/health`)).status).toBe(200);
      expect(await transcript()).toEqual(before);
      expect((await watch(watcher)).transcript).toEqual(watchedBefore.transcript);
      const ack = await walker.send(payloadOf(4));
      expect(ack.ok).toBe(true);
      await walker.until(
        () => walker.messages.some((m) => m.author === "bot" && m.seq > (ack as { seq: number }).seq),
        "the next question of the walk",
      );
      expect(target.logs()).not.toContain(PLANTED_CCCD);
      expect(target.logs()).not.toContain(PLANTED_PHONE);
    },
    120_000,
  );
});
