import { readdirSync } from "node:fs";
import path from "node:path";
import QRCode from "qrcode";
import sharp from "sharp";
import type { ChatMessage } from "../../server/channels/web/protocol";
import { jpegPhoto, pixelFloodPng } from "../support/documentFiles";
import { type SyntheticCard, syntheticCards } from "../support/syntheticCards";
import type { Citizen, TestServer } from "../support/testServer";
import { answerUntil, grandmotherAt, sendAndHear, serverWithLog } from "./identityChatDriver";

jest.setTimeout(120_000);

let server: TestServer;
let log: () => string;
let mother: SyntheticCard;
let father: SyntheticCard;
const citizens: Citizen[] = [];

beforeAll(async () => {
  // A woman's and a man's card, photographed sharp and within 15° of straight: this file is about the
  // conversation, not the decoder's limits (test/identity/decodeCardPhoto.test.ts).
  [mother] = (await syntheticCards(1, 4)) as [SyntheticCard];
  [father] = (await syntheticCards(1, 5)) as [SyntheticCard];
  ({ server, log } = await serverWithLog());
});

afterEach(() => citizens.splice(0).forEach((c) => c.close()));
afterAll(() => server?.stop());

/** A grandmother filing a birth registration over the chat, at the mother's first question. */
async function grandmotherAtMother(): Promise<Citizen> {
  const citizen = await grandmotherAt(server.url);
  citizens.push(citizen);
  await citizen.until(() => citizen.lastBot?.text.startsWith("Họ và tên người mẹ") === true, "the mother's name");
  return citizen;
}

async function uploadPhoto(citizen: Citizen, bytes: Buffer, type = "image/jpeg"): Promise<Response> {
  const form = new FormData();
  form.append("file", new Blob([bytes], { type }), type === "image/png" ? "the.png" : "the.jpg");
  return fetch(`${server.url}/api/uploads`, {
    method: "POST",
    body: form,
    headers: { Authorization: `Bearer ${citizen.token}` },
  });
}

async function cardPhotoId(citizen: Citizen, bytes: Buffer): Promise<string> {
  const answer = (await (await uploadPhoto(citizen, bytes)).json()) as { ok: boolean; attachmentId: string };
  expect(answer.ok).toBe(true);
  return answer.attachmentId;
}

const storedUploads = () => readdirSync(path.join(server.dataDir, "uploads")).filter((n) => !n.startsWith("."));
const stateOf = async (citizen: Citizen) => (await server.store.getConversation(citizen.conversationId!))!.state;
const texts = (messages: ChatMessage[]) => messages.map((m) => m.text).join("\n");

/** The card as the bot shows it: "Nguyễn Thị Hồng Nhung · 12/04/1995 · Nữ · CCCD 087195001234 · cấp …". */
function cardLine(card: SyntheticCard): string {
  const p = card.person;
  return `${p.fullName} · ${p.dateOfBirth} · ${p.sex} · CCCD ${p.idNumber} · cấp ${p.issueDate} · thường trú`;
}

async function qrPhoto(text: string): Promise<Buffer> {
  const qr = await QRCode.toBuffer(text, { errorCorrectionLevel: "M", margin: 4, width: 400 });
  return sharp({ create: { width: 900, height: 700, channels: 3, background: "#b49a7a" } })
    .composite([{ input: qr, left: 250, top: 150 }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** Confirms the card shown and checks the person's fields are filled, the questions they answer skipped. */
async function confirmCard(citizen: Citizen, card: SyntheticCard, heard: ChatMessage[], person: "mother" | "father") {
  const shown = heard.find((m) => m.choices?.some((c) => c.value === "identity:confirm"))!;
  expect(shown.text.normalize("NFC")).toContain(cardLine(card).normalize("NFC"));
  expect(shown.choices).toEqual([
    { label: "Đúng, điền giúp tôi", value: "identity:confirm" },
    { label: "Không phải", value: "identity:reject" },
  ]);
  expect((await stateOf(citizen)).answers[`${person}FullName`]).toBeUndefined();
  const filled = await sendAndHear(citizen, { choice: "identity:confirm" });
  const state = await stateOf(citizen);
  expect(state.answers).toMatchObject({
    [`${person}FullName`]: card.person.fullName,
    [`${person}BirthDateOrYear`]: card.person.dateOfBirth,
    [`${person}IdNumber`]: card.person.idNumber,
  });
  expect(String(state.answers[`${person}Residence`])).toMatch(/Đồng Tháp|Hồ Chí Minh|Phú Thọ/);
  for (const field of ["FullName", "BirthDateOrYear", "IdNumber", "Residence"])
    expect(state.sources[`${person}${field}`]).toEqual({ by: "idCard" });
  // Name, date of birth and ID number answered: the next question is the ethnicity.
  expect(state.stepId).toBe(`${person}Ethnicity`);
  expect(texts(filled)).toContain(`Dân tộc của ${person === "mother" ? "mẹ" : "cha"}?`);
}

describe("an ID card fills a parent's identity over the chat", () => {
  it("from QR texts a camera read: card shown, fields filled and marked, the dossier's provenance", async () => {
    const citizen = await grandmotherAtMother();
    expect(citizen.lastBot.choices).toContainEqual({ label: "Quét CCCD", value: "identity:scan" });
    await confirmCard(citizen, mother, await sendAndHear(citizen, { identityQr: mother.qrText }), "mother");

    await answerUntil(citizen, server.store, "fatherFullName");
    expect(citizen.lastBot.choices).toContainEqual({ label: "Quét CCCD", value: "identity:scan" });
    await confirmCard(citizen, father, await sendAndHear(citizen, { identityQr: father.qrText }), "father");

    await answerUntil(citizen, server.store, "review");
    const review = [...citizen.messages].reverse().find((m) => m.text.startsWith("Bạn kiểm tra lại"))!.text;
    expect(review.normalize("NFC")).toContain(`: ${mother.person.fullName} — CCCD (mã QR)`.normalize("NFC"));
    expect(review).toContain(`: ${father.person.idNumber} — CCCD (mã QR)`);
    // What the citizen typed carries no mark.
    expect(review).toMatch(/Dân tộc[^\n]*: Kinh\n/);

    await answerUntil(citizen, server.store, "done");
    const { dossierCode } = await stateOf(citizen);
    const dossier = (await server.store.getDossier(dossierCode!))!;
    expect(dossier.fields.motherFullName).toBe(mother.person.fullName);
    expect(dossier.fields.fatherIdNumber).toBe(father.person.idNumber);
    expect(dossier.provenance.motherFullName).toEqual({ by: "idCard" });
    expect(dossier.provenance.fatherBirthDateOrYear).toEqual({ by: "idCard" });
    expect(dossier.provenance.motherEthnicity).toEqual({ by: "citizen" });
    // The transcript says a card was scanned, never what it holds.
    const transcript = await server.server.service.messagesAfter(citizen.conversationId!, 0);
    expect(transcript.filter((m) => m.author === "citizen").map((m) => m.text)).toContain("🪪 Đã quét mã QR trên CCCD");
  });

  it("from photos uploaded as cardPhotoId, each photo deleted once read", async () => {
    const citizen = await grandmotherAtMother();
    const before = storedUploads().length;
    const photoId = await cardPhotoId(citizen, mother.photo);
    expect(storedUploads()).toHaveLength(before + 1);
    await confirmCard(citizen, mother, await sendAndHear(citizen, { cardPhotoId: photoId }), "mother");
    expect(await server.store.getUpload(photoId)).toBeNull();
    expect(storedUploads()).toHaveLength(before);

    await answerUntil(citizen, server.store, "fatherFullName");
    const fatherPhoto = await cardPhotoId(citizen, father.photo);
    await confirmCard(citizen, father, await sendAndHear(citizen, { cardPhotoId: fatherPhoto }), "father");
    expect(await server.store.getUpload(fatherPhoto)).toBeNull();
    expect(await server.store.uploadUsage(citizen.conversationId!)).toEqual({ files: 0, bytes: 0 });
  });

  it("answers a link, a damaged code, no code and a huge image plainly, filling and keeping nothing", async () => {
    const citizen = await grandmotherAtMother();
    const question = "Họ và tên người mẹ?";
    const expectNothingKept = async () => {
      const state = await stateOf(citizen);
      expect(state.answers.motherFullName).toBeUndefined();
      expect(state.pending).toBeNull();
      expect(state.stepId).toBe("motherFullName");
      expect(await server.store.uploadUsage(citizen.conversationId!)).toEqual({ files: 0, bytes: 0 });
      expect(citizen.lastBot.text).toBe(question);
    };

    let heard = await sendAndHear(citizen, { identityQr: "https://dichvucong.gov.vn/p/home" });
    expect(texts(heard)).toMatch(/^Mã QR này không phải mã trên CCCD, nên tôi không điền gì/);
    await expectNothingKept();

    // A card's shape whose ID number says a man born in the 1900s while the card says a woman.
    const damaged = "087095001234||Nguyễn Thị Hồng Nhung|12041995|Nữ|Khóm 3, Phường An Thạnh, Đồng Tháp|15082021";
    heard = await sendAndHear(citizen, { identityQr: damaged });
    expect(texts(heard)).toMatch(/^Mã QR đọc được nhưng thông tin trong đó không khớp nhau/);
    await expectNothingKept();

    heard = await sendAndHear(citizen, { cardPhotoId: await cardPhotoId(citizen, await qrPhoto(damaged)) });
    expect(texts(heard)).toMatch(/^Mã QR đọc được nhưng thông tin trong đó không khớp nhau/);
    await expectNothingKept();

    const link = await qrPhoto("https://example.com/khuyen-mai");
    heard = await sendAndHear(citizen, { cardPhotoId: await cardPhotoId(citizen, link) });
    expect(texts(heard)).toMatch(/^Mã QR này không phải mã trên CCCD/);
    await expectNothingKept();

    heard = await sendAndHear(citizen, { cardPhotoId: await cardPhotoId(citizen, await jpegPhoto({ width: 900 })) });
    expect(texts(heard)).toMatch(/^Tôi không tìm thấy mã QR trong ảnh, nên không điền gì/);
    await expectNothingKept();

    // Past the pixel limit the photo is refused at the door, with a message in the citizen's language.
    const huge = await uploadPhoto(citizen, pixelFloodPng(), "image/png");
    const refusal = (await huge.json()) as { ok: boolean; error: { message: string } };
    expect(refusal.ok).toBe(false);
    expect(refusal.error.message).toMatch(/điểm ảnh|megapixel|quá lớn|lớn quá/i);
    await expectNothingKept();
  });

  it("answers identity:scan with how to send the card's photo; a stray card is not used", async () => {
    const citizen = await grandmotherAtMother();
    const heard = await sendAndHear(citizen, { choice: "identity:scan" });
    expect(texts(heard)).toMatch(/^Gửi ảnh chụp mặt trước CCCD của người mẹ/);
    expect((await stateOf(citizen)).stepId).toBe("motherFullName");

    // Past the parents, a card is not asked for: nothing is filled from it.
    await sendAndHear(citizen, { text: "Lê Thị Mai" });
    await answerUntil(citizen, server.store, "fatherKnown");
    const stray = await sendAndHear(citizen, { identityQr: father.qrText });
    expect(texts(stray)).toMatch(/^Lúc này tôi không hỏi thông tin trên CCCD/);
    expect((await stateOf(citizen)).answers.fatherFullName).toBeUndefined();
  });

  it("writes neither the card's text nor the person's details to the log", () => {
    for (const card of [mother, father]) {
      expect(log()).not.toContain(card.person.idNumber);
      expect(log().normalize("NFC")).not.toContain(card.person.fullName.normalize("NFC"));
      expect(log()).not.toContain(card.qrText.split("|")[3]!);
    }
    expect(log()).toContain("identity.card_unread");
  });
});
