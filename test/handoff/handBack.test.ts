/**
 * A clerk who filled questions for the citizen hands the conversation back to the bot: the bot takes up the first
 * question still unanswered from the point the clerk chose, and never asks again what the clerk has just filled.
 */
import type { ChatMessage } from "../../server/channels/web/protocol";
import { Clerk } from "../support/consoleClient";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";

const RESIDENCE = "Nơi cư trú của bạn";
const ID_TYPE = "Bạn dùng giấy tờ tùy thân nào?";
const ID_NUMBER = "Số giấy tờ tùy thân của bạn?";

let server: TestServer;
const open: { close(): void }[] = [];

beforeEach(async () => {
  server = await startTestServer({ RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000" });
});
afterEach(async () => {
  open.splice(0).forEach((c) => c.close());
  await server.stop();
});

/**
 * A citizen of An Thạnh starts a birth registration, gives their name and date of birth, and asks for a clerk at
 * the residence question; Lan takes the conversation.
 */
async function heldAtResidence(): Promise<{ citizen: Citizen; lan: Clerk; conversationId: string }> {
  const lan = await Clerk.login(server, "lan", "clerk", ["an-thanh"], "Nguyễn Thị Lan");
  open.push(lan);
  const citizen = new Citizen(server.url, { unit: "an-thanh" });
  open.push(citizen);
  await citizen.ready();
  await citizen.say("khai sinh");
  await citizen.say("Trần Văn Hùng");
  const asked = await citizen.say("12/04/1992");
  expect(asked.at(-1)!.text).toContain(RESIDENCE);
  await citizen.say("gặp cán bộ");
  const conversationId = citizen.conversationId!;
  await lan.until(() => lan.queue.some((item) => item.conversationId === conversationId), "the request queued");
  expect(await lan.emit("conversation:take", { conversationId })).toMatchObject({ ok: true });
  return { citizen, lan, conversationId };
}

/** Lan fills the residence and the next question, the kind of ID document, for the citizen. */
async function fillResidenceAndIdType(lan: Clerk, conversationId: string): Promise<void> {
  const residence = { conversationId, field: "requesterResidence", text: "12 Nguyễn Huệ, phường An Thạnh, Đồng Tháp" };
  expect(await lan.emit("dossier:patch", residence)).toMatchObject({ ok: true });
  const idType = { conversationId, field: "requesterIdType", text: "Thẻ Căn cước" };
  expect(await lan.emit("dossier:patch", idType)).toMatchObject({ ok: true });
}

const RELEASED = "Cán bộ đã chuyển bạn về trợ lý";

/** What the bot says from the hand-back on: the notice, then the question it takes up (one turn). */
async function saidAfterRelease(citizen: Citizen): Promise<ChatMessage[]> {
  const after = () => citizen.messages.slice(citizen.messages.findLastIndex((m) => m.text.startsWith(RELEASED)) + 1);
  await citizen.until(
    () => citizen.messages.some((m) => m.text.startsWith(RELEASED)) && after().some((m) => m.author === "bot"),
    "the bot's question after the hand-back",
  );
  return after().filter((m) => m.author === "bot");
}

describe("handing a conversation back to the bot", () => {
  it("at the step of a field the clerk filled asks the first question unanswered after it", async () => {
    const { citizen, lan, conversationId } = await heldAtResidence();
    await fillResidenceAndIdType(lan, conversationId);
    const release = { conversationId, at: { stepId: "requesterResidence" } };
    expect(await lan.emit("conversation:release", release)).toMatchObject({ ok: true });
    const said = (await saidAfterRelease(citizen)).map((m) => m.text);
    expect(said.at(-1)).toContain(ID_NUMBER);
    // Neither of the clerk's fields is put to the citizen again.
    expect(said.some((text) => text.includes(RESIDENCE) || text.includes(ID_TYPE))).toBe(false);
    // The flow goes on from there: the answer is taken for the ID number.
    const next = await citizen.say("087092001234");
    expect(next.map((m) => m.text).join("\n")).not.toContain(ID_NUMBER);
    const record = (await server.store.getConversation(conversationId))!;
    expect(record.state.answers).toMatchObject({
      requesterResidence: "12 Nguyễn Huệ, phường An Thạnh, Đồng Tháp",
      requesterIdType: "Thẻ Căn cước",
      requesterIdNumber: "087092001234",
    });
    expect(record.state.sources.requesterResidence).toEqual({ by: "clerk", clerkId: lan.id });
  });

  it("where the flow stood asks past what the clerk filled there", async () => {
    const { citizen, lan, conversationId } = await heldAtResidence();
    await fillResidenceAndIdType(lan, conversationId);
    expect(await lan.emit("conversation:release", { conversationId, at: "current" })).toMatchObject({ ok: true });
    expect((await saidAfterRelease(citizen)).at(-1)!.text).toContain(ID_NUMBER);
  });

  it("at a step still unanswered asks that step", async () => {
    const { citizen, lan, conversationId } = await heldAtResidence();
    const release = { conversationId, at: { stepId: "requesterResidence" } };
    expect(await lan.emit("conversation:release", release)).toMatchObject({ ok: true });
    expect((await saidAfterRelease(citizen)).at(-1)!.text).toContain(RESIDENCE);
  });
});
