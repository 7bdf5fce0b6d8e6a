/**
 * A clerk holding a conversation reads the citizen's ID card at the counter ("Quét CCCD" in the console): the
 * card is shown to the citizen as if they had sent it, and only their "Đúng, điền giúp tôi" fills the fields.
 */
import sharp from "sharp";
import type { ChatMessage } from "../../server/channels/web/protocol";
import { CARD_PHOTO_MAX_BASE64 } from "../../widget/shared/cardPhotoLimit";
import { Clerk } from "../support/consoleClient";
import { type SyntheticCard, syntheticCards } from "../support/syntheticCards";
import type { Citizen, TestServer } from "../support/testServer";
import { answerUntil, grandmotherAt, sendAndHear, serverWithLog } from "./identityChatDriver";

jest.setTimeout(120_000);

let server: TestServer;
let log: () => string;
let mother: SyntheticCard;
let father: SyntheticCard;
let lan: Clerk;
let binh: Clerk;
let otherUnit: Clerk;
const citizens: Citizen[] = [];

beforeAll(async () => {
  [mother] = (await syntheticCards(1, 4)) as [SyntheticCard];
  [father] = (await syntheticCards(1, 5)) as [SyntheticCard];
  ({ server, log } = await serverWithLog());
  lan = await Clerk.login(server, "lan", "clerk", ["an-thanh"], "Nguyễn Thị Lan");
  binh = await Clerk.login(server, "binh", "clerk", ["an-thanh"], "Lê Văn Bình");
  otherUnit = await Clerk.login(server, "tam", "clerk", ["an-lac"], "Phạm Minh Tâm");
});

afterEach(() => citizens.splice(0).forEach((c) => c.close()));
afterAll(async () => {
  [lan, binh, otherUnit].forEach((clerk) => clerk?.close());
  await server?.stop();
});

const stateOf = async (citizen: Citizen) => (await server.store.getConversation(citizen.conversationId!))!.state;
const texts = (messages: readonly ChatMessage[]) => messages.map((m) => m.text).join("\n");

/** A citizen of An Thạnh asks for a clerk at `stopAt` of a birth registration; Lan takes the conversation. */
async function heldAt(stopAt: string): Promise<{ citizen: Citizen; conversationId: string }> {
  const citizen = await grandmotherAt(server.url, stopAt);
  citizens.push(citizen);
  expect((await stateOf(citizen)).stepId).toBe(stopAt);
  await citizen.say("gặp cán bộ");
  const conversationId = citizen.conversationId!;
  await lan.until(() => lan.queue.some((item) => item.conversationId === conversationId), "the request queued");
  const taken = await lan.emit("conversation:take", { conversationId });
  expect(taken).toMatchObject({ ok: true });
  await citizen.until(() => citizen.messages.some((m) => m.text.includes("Nguyễn Thị Lan")), "Lan joining");
  return { citizen, conversationId };
}

/** The card as the bot shows it to the citizen. */
function cardLine(card: SyntheticCard): string {
  const p = card.person;
  return `${p.fullName} · ${p.dateOfBirth} · ${p.sex} · CCCD ${p.idNumber} · cấp ${p.issueDate} · thường trú`;
}

/** Waits for the citizen to be shown the card with its two choices. */
async function cardShown(citizen: Citizen, card: SyntheticCard): Promise<ChatMessage> {
  const shown = () => citizen.messages.find((m) => m.choices?.some((c) => c.value === "identity:confirm"));
  await citizen.until(() => shown() !== undefined, "the card shown to the citizen");
  const message = shown()!;
  expect(message.text.normalize("NFC")).toContain(cardLine(card).normalize("NFC"));
  expect(message.choices).toEqual([
    { label: "Đúng, điền giúp tôi", value: "identity:confirm" },
    { label: "Không phải", value: "identity:reject" },
  ]);
  return message;
}

describe("a clerk scans the citizen's ID card at the counter", () => {
  it("shows the card to the citizen, whose confirmation fills the mother's fields from it", async () => {
    const { citizen, conversationId } = await heldAt("motherFullName");
    const watched = await lan.emit("conversation:watch", { conversationId });
    expect(watched).toMatchObject({ ok: true, view: { identityAsked: { person: "người mẹ" } } });

    const scanned = await lan.emit("dossier:identityCard", { conversationId, qrText: mother.qrText });
    expect(scanned).toMatchObject({ ok: true });
    await cardShown(citizen, mother);
    // Nothing is filled before the citizen's word, and the console sees the card in the transcript.
    expect((await stateOf(citizen)).answers["motherFullName"]).toBeUndefined();
    await lan.until(() => lan.messages.some((m) => m.choices?.some((c) => c.value === "identity:confirm")), "card");

    const filled = await sendAndHear(citizen, { choice: "identity:confirm" });
    expect(texts(filled)).toContain("Đã điền theo CCCD của người mẹ");
    const state = await stateOf(citizen);
    expect(state.status).toBe("with_clerk");
    expect(state.answers).toMatchObject({
      motherFullName: mother.person.fullName,
      motherBirthDateOrYear: mother.person.dateOfBirth,
      motherIdNumber: mother.person.idNumber,
    });
    for (const field of ["FullName", "BirthDateOrYear", "IdNumber", "Residence"])
      expect(state.sources[`mother${field}`]).toEqual({ by: "idCard" });
    // The bot stays silent while Lan holds the conversation: no next question is asked.
    expect(filled.filter((m) => m.author === "bot").map((m) => m.text)).not.toContainEqual(
      expect.stringContaining("Dân tộc của mẹ"),
    );
    await lan.until(
      () => lan.views.at(-1)?.draft.find((f) => f.key === "motherIdNumber")?.source?.by === "idCard",
      "the console's draft marked as read from the card",
    );

    // Handed back, the bot goes on past what the card filled, and the review says where each value came from.
    expect(await lan.emit("conversation:release", { conversationId, at: "current" })).toMatchObject({ ok: true });
    await citizen.until(() => citizen.lastBot?.text.includes("Dân tộc của mẹ") === true, "the mother's ethnicity");
    await answerUntil(citizen, server.store, "review");
    const review = [...citizen.messages].reverse().find((m) => m.text.startsWith("Bạn kiểm tra lại"))!.text;
    expect(review.normalize("NFC")).toContain(`: ${mother.person.fullName} — CCCD (mã QR)`.normalize("NFC"));
    expect(review).toContain(`: ${mother.person.idNumber} — CCCD (mã QR)`);

    // Neither the card's text nor what it says reaches the log.
    expect(log()).not.toContain(mother.person.idNumber);
    expect(log().normalize("NFC")).not.toContain(mother.person.fullName.normalize("NFC"));
  });

  it("reads a photo shrunk to fit the event; the citizen saying it is not theirs fills nothing", async () => {
    const { citizen, conversationId } = await heldAt("motherFullName");
    // As the console shrinks it: grey, 800 pixels on its long side.
    const photo = sharp(mother.photo).rotate().resize(800, 800, { fit: "inside" }).grayscale().jpeg({ quality: 50 });
    const base64 = (await photo.toBuffer()).toString("base64");
    expect(base64.length).toBeLessThanOrEqual(CARD_PHOTO_MAX_BASE64);
    expect(await lan.emit("dossier:identityCard", { conversationId, photo: base64 })).toMatchObject({ ok: true });
    await cardShown(citizen, mother);
    await sendAndHear(citizen, { choice: "identity:reject" });
    const state = await stateOf(citizen);
    expect(state.answers["motherFullName"]).toBeUndefined();
    expect(state.pending).toBeNull();
  });

  it("refuses another clerk, another unit's clerk, and a card while no identity is asked", async () => {
    const { citizen, conversationId } = await heldAt("motherFullName");
    const heard = citizen.messages.length;
    expect(await binh.emit("dossier:identityCard", { conversationId, qrText: mother.qrText })).toMatchObject({
      ok: false,
      error: { code: "CONSOLE_TAKEN" },
    });
    expect(await otherUnit.emit("dossier:identityCard", { conversationId, qrText: mother.qrText })).toMatchObject({
      ok: false,
      error: { code: "CONSOLE_NOT_FOUND" },
    });
    // The father's card for the mother, and a QR that is no ID card's: the clerk is told, the citizen hears nothing.
    const wrongPerson = await lan.emit("dossier:identityCard", { conversationId, qrText: father.qrText });
    expect(wrongPerson).toMatchObject({ ok: false, error: { code: "CLERK_CARD_WRONG_PERSON" } });
    const notCard = await lan.emit("dossier:identityCard", { conversationId, qrText: "https://example.com/pay" });
    expect(notCard).toMatchObject({ ok: false, error: { code: "CLERK_CARD_UNREAD" } });
    const tooLong = await lan.emit("dossier:identityCard", { conversationId, photo: "A".repeat(60_004) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: "CONSOLE_PAYLOAD_INVALID" } });
    await new Promise((r) => setTimeout(r, 200));
    expect(citizen.messages.length).toBe(heard);

    // At the child's name nobody's identity is asked: the console offers no scan, and a card is refused.
    const other = await heldAt("childFullName");
    const view = await lan.emit("conversation:watch", { conversationId: other.conversationId });
    expect(view).toMatchObject({ ok: true, view: { identityAsked: null } });
    const notAsked = await lan.emit("dossier:identityCard", {
      conversationId: other.conversationId,
      qrText: mother.qrText,
    });
    expect(notAsked).toMatchObject({ ok: false, error: { code: "CLERK_NO_IDENTITY_ASKED" } });
    expect((await stateOf(other.citizen)).answers["childFullName"]).toBeUndefined();
  });
});
