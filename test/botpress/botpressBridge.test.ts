import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startFakeBotpress, type FakeBotpress } from "../../fakes/botpress/fakeBotpress";
import { BotpressBridge, type BridgeLogger } from "../../server/channels/botpress/botpressBridge";
import { createLogger } from "../../server/logger";
import { startTestServer, Citizen, type TestServer } from "../support/testServer";

jest.setTimeout(20_000);

const TOKEN = "bp-token";
const BOT_ID = "bp-bot";

let botpress: FakeBotpress;
let server: TestServer | null = null;
const citizens: Citizen[] = [];

beforeEach(async () => {
  botpress = await startFakeBotpress({ token: TOKEN, botId: BOT_ID, replyDelayMs: 50 });
});

afterEach(async () => {
  citizens.splice(0).forEach((c) => c.close());
  await server?.stop();
  server = null;
  await botpress.close();
});

/** The warnings a bridge logged. */
function recordingLogger() {
  const lines: { fields: object; message: string }[] = [];
  return { lines, warn: (fields: object, message: string) => void lines.push({ fields, message }) };
}

function bridge(options: { timeoutMs?: number; token?: string; apiUrl?: string; logger?: BridgeLogger } = {}) {
  return new BotpressBridge({
    apiUrl: options.apiUrl ?? botpress.url,
    token: options.token ?? TOKEN,
    botId: BOT_ID,
    timeoutMs: options.timeoutMs ?? 2000,
    logger: options.logger ?? createLogger("silent"),
  });
}

const ask = (relay: BotpressBridge, conversationId: string, text: string) =>
  relay.ask({ conversationId, text, locale: "vi" });

describe("the Botpress bridge", () => {
  it("relays a question and brings back the bot's answer", async () => {
    const answer = await ask(bridge(), "c-1", "mấy giờ phường mở cửa?");
    expect(answer).toBe("Bộ phận một cửa mở cửa 7:00–11:30 và 13:30–17:00, thứ Hai đến thứ Sáu, sáng thứ Bảy.");
  });

  it("brings back a choice as its text and numbered options, and markdown as written", async () => {
    const relay = bridge();
    expect(await ask(relay, "c-choice", "tôi muốn hỏi thủ tục")).toBe(
      "Bạn hỏi về thủ tục nào?\n1. Đăng ký khai sinh\n2. Đăng ký kết hôn\n3. Đăng ký thường trú",
    );
    expect(await ask(relay, "c-choice", "bộ phận một cửa ở đâu?")).toMatch(/\*\*tầng trệt/);
  });

  it("masks CCCD numbers, phones and addresses before the question leaves", async () => {
    await ask(bridge(), "c-2", "CCCD 087190001234, sđt 0912 345 678, nhà 12 Nguyễn Huệ: lệ phí khai sinh bao nhiêu?");
    expect(botpress.received.map((q) => q.text)).toEqual([
      "CCCD [CCCD], sđt [SĐT], nhà [địa chỉ]: lệ phí khai sinh bao nhiêu?",
    ]);
  });

  it("keeps one Botpress conversation per conversation", async () => {
    const relay = bridge();
    expect(await ask(relay, "c-3", "ly hôn thì làm sao?")).toMatch(/Tòa án nhân dân/);
    expect(await ask(relay, "c-3", "mấy giờ mở cửa?")).toMatch(/7:00–11:30/);
    // Another process (a restart) finds the same conversation by its tag.
    expect(await ask(bridge(), "c-3", "lệ phí bao nhiêu?")).toMatch(/miễn lệ phí/);
    await ask(relay, "c-other", "lệ phí bao nhiêu?");
    const [first, second, third, other] = botpress.received.map((q) => q.conversationId);
    expect([second, third]).toEqual([first, first]);
    expect(other).not.toBe(first);
    expect(botpress.conversationCount).toBe(2);
  });

  it("finds the answer in a long conversation", async () => {
    const relay = bridge();
    // More messages than a page of the message list.
    for (let i = 0; i < 15; i += 1) await ask(relay, "c-long", "mấy giờ mở cửa?");
    expect(await ask(relay, "c-long", "ly hôn thì làm sao?")).toMatch(/Tòa án nhân dân/);
  });

  it("answers null within its time limit when the bot is slower", async () => {
    botpress.setReplyDelay(3000);
    const logger = recordingLogger();
    const started = Date.now();
    expect(await ask(bridge({ timeoutMs: 500, logger }), "c-4", "mấy giờ mở cửa?")).toBeNull();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(logger.lines).toHaveLength(1);
  });

  it("answers null within its time limit when the API does not respond at all", async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const apiUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const started = Date.now();
      expect(await ask(bridge({ apiUrl, timeoutMs: 500 }), "c-5", "mấy giờ mở cửa?")).toBeNull();
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it.each([
    [500, "Internal"],
    [401, "Unauthorized"],
    [429, "RateLimited"],
  ])("answers null on a %i %s, and logs its code and type without the question", async (status, type) => {
    const logger = recordingLogger();
    botpress.failNext(status, type);
    expect(await ask(bridge({ logger }), "c-6", "CCCD 087190001234: ly hôn thì làm sao?")).toBeNull();
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]!.fields).toMatchObject({ status, type });
    expect(JSON.stringify(logger.lines)).not.toMatch(/ly hôn|087190001234|CCCD\]/);
  });

  it("answers null with a wrong token, and when nothing listens", async () => {
    expect(await ask(bridge({ token: "wrong" }), "c-7", "mấy giờ?")).toBeNull();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const nowhere = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    expect(await ask(bridge({ apiUrl: nowhere }), "c-7", "mấy giờ?")).toBeNull();
  });

  it("asks again after a failure in a conversation it knew", async () => {
    const relay = bridge();
    expect(await ask(relay, "c-8", "mấy giờ mở cửa?")).not.toBeNull();
    botpress.failNext(500, "Internal");
    expect(await ask(relay, "c-8", "mấy giờ mở cửa?")).toBeNull();
    expect(await ask(relay, "c-8", "lệ phí khai sinh?")).toMatch(/miễn lệ phí/);
    expect(new Set(botpress.received.map((q) => q.conversationId)).size).toBe(1);
  });

  it("refuses a time limit above 5 s", () => {
    expect(() => bridge({ timeoutMs: 6000 })).toThrow(/BOTPRESS_TIMEOUT_INVALID/);
  });
});

describe("the bridge in a conversation", () => {
  async function chat(env: Record<string, string> = {}): Promise<Citizen> {
    server = await startTestServer({
      BOTPRESS_API_URL: botpress.url,
      BOTPRESS_TOKEN: TOKEN,
      BOTPRESS_BOT_ID: BOT_ID,
      ...env,
    });
    const citizen = new Citizen(server.url, { unit: "an-thanh" });
    citizens.push(citizen);
    return citizen.ready();
  }

  it("answers a question the assistant cannot, marked, then carries on where it was", async () => {
    const citizen = await chat();
    await citizen.say("khai tử");
    const asked = await citizen.say("mấy giờ phường mở cửa?");
    expect(asked[0]!.text).toMatch(/^\[Hỏi đáp của thành phố\] .*7:00–11:30/);
    expect(asked[0]!.via).toBe("botpress");
    // The question being asked is asked again.
    expect(asked[asked.length - 1]!.text).toBe("Họ và tên đầy đủ của bạn (người đi làm thủ tục)?");
    // A question answered is no misunderstanding: a second one does not call a clerk.
    const again = await citizen.say("lệ phí khai sinh bao nhiêu?");
    expect(again[0]!.text).toMatch(/miễn lệ phí/);
    const state = (await server!.store.getConversation(citizen.conversationId!))!.state;
    expect([state.status, state.notUnderstood, state.failedAnswers]).toEqual(["bot", 0, 0]);
  });

  it("falls back to the assistant's own answer when the bot is too slow", async () => {
    botpress.setReplyDelay(3000);
    const citizen = await chat({ BOTPRESS_TIMEOUT_MS: "300" });
    const answer = await citizen.say("mấy giờ phường mở cửa?");
    expect(answer.some((m) => m.via === "botpress")).toBe(false);
    expect(answer[0]!.text).not.toMatch(/Hỏi đáp của thành phố/);
  });

  it("leaves answers the assistant understands alone", async () => {
    const citizen = await chat();
    await citizen.say("khai tử");
    await citizen.say("Nguyễn Văn An");
    expect(botpress.received).toEqual([]);
  });
});
