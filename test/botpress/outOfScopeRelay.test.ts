import { startFakeBotpress, type FakeBotpress } from "../../fakes/botpress/fakeBotpress";
import { startTestServer, Citizen, type TestServer } from "../support/testServer";

jest.setTimeout(20_000);

const TOKEN = "bp-token";
const BOT_ID = "bp-bot";
const NOT_HERE = /^Việc này trợ lý không làm được/;

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

/** A citizen at the menu of a server with the Botpress bridge configured, or without it. */
async function citizenAtMenu(bridge: boolean, env: Record<string, string> = {}): Promise<Citizen> {
  server = await startTestServer(
    bridge ? { BOTPRESS_API_URL: botpress.url, BOTPRESS_TOKEN: TOKEN, BOTPRESS_BOT_ID: BOT_ID, ...env } : env,
  );
  const citizen = new Citizen(server.url, { unit: "an-thanh" });
  citizens.push(citizen);
  return citizen.ready();
}

const conversationOf = async (citizen: Citizen) => (await server!.store.getConversation(citizen.conversationId!))!;

describe("a question about what another office does", () => {
  it("is answered by the city's bot, marked, then told plainly it is not done here, with the menu", async () => {
    const citizen = await citizenAtMenu(true);
    const answer = await citizen.say("ly hôn thế nào");
    expect(answer.map((m) => m.author)).toEqual(["bot", "bot"]);
    expect(answer[0]!.text).toMatch(/^\[Hỏi đáp của thành phố\] Ly hôn do Tòa án nhân dân/);
    expect(answer[0]!.via).toBe("botpress");
    expect(answer[1]!.text).toMatch(NOT_HERE);
    expect(answer[1]!.choices?.map((c) => c.value)).toEqual(expect.arrayContaining(["dang-ky-khai-sinh", "cmd:human"]));
    expect(botpress.received.map((q) => q.text)).toEqual(["ly hôn thế nào"]);
    const { state } = await conversationOf(citizen);
    expect([state.flowId, state.status, state.notUnderstood]).toEqual([null, "bot", 0]);
  });

  it("is relayed even when it is not worded as a question", async () => {
    const citizen = await citizenAtMenu(true);
    const answer = await citizen.say("ly hôn");
    expect(answer[0]!.via).toBe("botpress");
    expect(answer[1]!.text).toMatch(NOT_HERE);
  });

  it("gets the assistant's own answer and menu when no bridge is configured", async () => {
    const citizen = await citizenAtMenu(false);
    const answer = await citizen.say("ly hôn thế nào");
    expect(answer).toHaveLength(1);
    expect(answer[0]!.text).toMatch(NOT_HERE);
    expect(answer[0]!.choices?.map((c) => c.value)).toEqual(expect.arrayContaining(["dang-ky-ket-hon", "cmd:human"]));
    expect(botpress.received).toEqual([]);
  });

  it("gets the assistant's own answer when the city's bot is too slow", async () => {
    botpress.setReplyDelay(3000);
    const citizen = await citizenAtMenu(true, { BOTPRESS_TIMEOUT_MS: "300" });
    const answer = await citizen.say("công chứng hợp đồng mua bán nhà");
    expect(answer.some((m) => m.via === "botpress")).toBe(false);
    expect(answer[0]!.text).toMatch(NOT_HERE);
  });
});

describe("small talk with the bridge configured", () => {
  it("is answered by the assistant in a line with the menu, and not relayed", async () => {
    const citizen = await citizenAtMenu(true);
    const answer = await citizen.say("chào em");
    expect(answer).toHaveLength(1);
    expect(answer[0]!.text).toMatch(/^Chào bạn!/);
    expect(answer[0]!.choices?.map((c) => c.value)).toEqual(expect.arrayContaining(["dang-ky-khai-sinh"]));
    expect(botpress.received).toEqual([]);
  });
});
