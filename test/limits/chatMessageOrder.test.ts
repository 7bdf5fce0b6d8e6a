/**
 * The web chat asks the budgets of each message before its turn (a round trip to Redis with several
 * nodes): messages sent back to back still reach the conversation in the order sent.
 */
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { attachChatNamespace } from "../../server/channels/web/chatNamespace";
import type { SendAck } from "../../server/channels/web/protocol";
import { connectRedis, type RedisLink } from "../../server/cluster/redisLink";
import type { ConversationService } from "../../server/conversation/conversationService";
import type { CitizenMessage } from "../../server/conversation/conversationTypes";
import type { TurnOutcome } from "../../server/conversation/turnTypes";
import { createLogger } from "../../server/logger";
import { OpenConnectionCap } from "../../server/limits/openConnectionCap";
import { RedisWindowLimiter } from "../../server/limits/redisWindowLimiter";
import { SharedCounting } from "../../server/limits/sharedCounting";
import { SlidingWindowLimiter } from "../../server/limits/slidingWindowLimiter";
import type { WindowLimiter } from "../../server/limits/windowLimiter";
import { type RedisServer, startRedisServer } from "../support/redisServer";

jest.setTimeout(30_000);

const logger = createLogger("silent");
const MESSAGES = 30;

/** A conversation service that only records the order in which turns reach it. */
function recordingService(received: string[]): ConversationService {
  let conversations = 0;
  const service = {
    resume: async () => null,
    start: async () => ({ record: { id: `c${++conversations}`, state: { locale: "vi" } }, token: "t".repeat(32) }),
    messagesAfter: async () => [],
    stateOf: async () => null,
    open: async () => ({ ok: true }),
    send: async (_id: string, message: CitizenMessage, _origin: unknown, ack: (outcome: TurnOutcome) => void) => {
      received.push(message.text ?? "");
      const outcome = { ok: true, messageId: message.clientMessageId, seq: received.length } as TurnOutcome;
      ack(outcome);
      return outcome;
    },
  };
  return service as unknown as ConversationService;
}

/** A limiter answering its calls in turn as told, each after its delay (answers past the list: allowed at once). */
function scripted(answers: { allowed: boolean; afterMs: number }[]): WindowLimiter {
  let calls = 0;
  return {
    allow: () => {
      const { allowed, afterMs } = answers[calls++] ?? { allowed: true, afterMs: 0 };
      return new Promise((resolve) => setTimeout(() => resolve(allowed), afterMs));
    },
  };
}

/** A limiter whose first answer comes last: without ordering, the first message would be overtaken. */
const slowFirstAnswer = () => scripted([{ allowed: true, afterMs: 50 }]);

let redis: RedisServer;
let link: RedisLink;
let http: HttpServer | null = null;
let io: Server | null = null;
let client: Socket | null = null;

beforeAll(async () => {
  redis = await startRedisServer();
  link = await connectRedis(redis.url, "order", logger);
});
afterAll(async () => {
  await link.close();
  await redis.stop();
});
afterEach(async () => {
  client?.close();
  await new Promise<void>((resolve) => (io ? io.close(() => resolve()) : resolve()));
  http = io = client = null;
});

async function chatWith(perConversation: WindowLimiter, perIp: WindowLimiter, received: string[]): Promise<Socket> {
  http = createServer();
  io = new Server(http);
  attachChatNamespace(io, {
    service: recordingService(received),
    logger,
    perConversation,
    perIp,
    openPerAddress: new OpenConnectionCap(10),
    perSocket: { perSecond: 1_000, burst: 1_000, refusalsBeforeCut: 1_000 },
    addressOf: (socket) => socket.handshake.address,
  });
  await new Promise<void>((resolve) => http!.listen(0, "127.0.0.1", resolve));
  const socket = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}/chat`, {
    transports: ["websocket"],
    auth: {},
  });
  client = socket;
  await new Promise<void>((resolve) => socket.once("session:ready", () => resolve()));
  return socket;
}

const limiters: [string, () => [WindowLimiter, WindowLimiter]][] = [
  ["one node's in-memory limiter", () => [new SlidingWindowLimiter(1_000), new SlidingWindowLimiter(1_000)]],
  [
    "the limiter shared in Redis",
    () => {
      const counting = new SharedCounting(link, logger);
      const run = `${Date.now()}`;
      return [
        new RedisWindowLimiter(`order-conversation-${run}`, 1_000, counting),
        new RedisWindowLimiter(`order-ip-${run}`, 1_000, counting),
      ];
    },
  ],
  ["a limiter whose first answer comes last", () => [slowFirstAnswer(), new SlidingWindowLimiter(1_000)]],
];

describe("the order of a citizen's messages", () => {
  it.each(limiters)("passes messages sent back to back to the conversation in order, with %s", async (_, make) => {
    const received: string[] = [];
    const [perConversation, perIp] = make();
    const socket = await chatWith(perConversation, perIp, received);
    const texts = Array.from({ length: MESSAGES }, (_, i) => `tin nhắn ${i + 1}`);
    const acks = await Promise.all(
      texts.map(
        (text, i) => socket.emitWithAck("message:send", { clientMessageId: `m${i}`, text }) as Promise<SendAck>,
      ),
    );
    expect(acks.every((ack) => ack.ok)).toBe(true);
    expect(received).toEqual(texts);
  });

  it("refuses a message past the budget and passes the ones after it, still in order", async () => {
    const received: string[] = [];
    const perConversation = scripted([
      { allowed: true, afterMs: 50 },
      { allowed: false, afterMs: 0 },
    ]);
    const socket = await chatWith(perConversation, new SlidingWindowLimiter(1_000), received);
    const acks = await Promise.all(
      ["một", "hai", "ba"].map(
        (text, i) => socket.emitWithAck("message:send", { clientMessageId: `m${i}`, text }) as Promise<SendAck>,
      ),
    );
    expect(acks.map((ack) => ack.ok)).toEqual([true, false, true]);
    expect(received).toEqual(["một", "ba"]);
  });
});
