import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { provenanceLabel } from "../../console/src/dossierListFormat";
import { startFakeZalo, type FakeZalo } from "../../fakes/zalo/fakeZalo";
import type { DossierDetail } from "../../server/console/consoleRestProtocol";
import { answerFromStore } from "../identity/identityChatDriver";
import { Clerk, consoleRequest } from "../support/consoleClient";
import { walkFlow } from "../support/flowWalker";
import { type SyntheticCard, syntheticCards } from "../support/syntheticCards";
import { startTestServer, type TestServer } from "../support/testServer";
import { ZALO_APP, ZaloCitizen, zaloSettings } from "../support/zaloCitizen";

jest.setTimeout(60_000);

let zalo: FakeZalo;
let server: TestServer;
let mother: SyntheticCard;
const open: { close(): void }[] = [];

beforeAll(async () => {
  // A woman's card, photographed sharp and 15° off straight (seed 4's first card).
  [mother] = (await syntheticCards(1, 4)) as [SyntheticCard];
  zalo = await startFakeZalo({ ...ZALO_APP, mediaHttps: true });
  const caFile = path.join(tmpdir(), `fake-zalo-ca-identity-${process.pid}.pem`);
  writeFileSync(caFile, zalo.mediaCaPem);
  server = await startTestServer(
    zaloSettings(zalo, {
      ZALO_MEDIA_HOSTS: "127.0.0.1",
      ZALO_MEDIA_CA_FILE: caFile,
      RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000",
    }),
  );
  zalo.webhookUrl = `${server.url}/webhooks/zalo`;
});

afterAll(async () => {
  open.splice(0).forEach((c) => c.close());
  await server?.stop();
  await zalo?.close();
});

describe("an ID card photo sent over Zalo", () => {
  it("on the mother's question fills her identity with one confirmation; the console names the card", async () => {
    const citizen = new ZaloCitizen(zalo, server.store, "2468458835291979001");
    await citizen.follow();
    const walk = walkFlow("dang-ky-khai-sinh", {
      clock: { now: new Date() },
      answers: { requesterRelationship: "Bà", birthCertificatePhoto: "bỏ qua" },
      stopAt: "motherFullName",
    });
    await citizen.answer(walk.inputs.filter((input) => input.kind !== "attachment"));
    const asked = citizen.received[citizen.received.length - 1]!;
    expect(asked.text).toContain("Họ và tên người mẹ?");
    expect(JSON.stringify(asked)).toContain("identity:scan");

    // "Quét CCCD" tapped: Zalo sends the button's payload back as text.
    await citizen.say("identity:scan");
    expect(citizen.received[citizen.received.length - 1]!.text).toMatch(/^Gửi ảnh chụp mặt trước CCCD của người mẹ/);

    const conversationId = await citizen.conversationId();
    const before = await citizen.lastSeq();
    expect((await zalo.sendImage(citizen.userId, zalo.hostMedia("cccd.jpg", mother.photo, "image/jpeg"))).status).toBe(
      200,
    );
    await citizen.settled(before);
    const shown = citizen.received[citizen.received.length - 1]!;
    const p = mother.person;
    expect(shown.text!.normalize("NFC")).toContain(
      `${p.fullName} · ${p.dateOfBirth} · Nữ · CCCD ${p.idNumber} · cấp ${p.issueDate}`.normalize("NFC"),
    );
    expect(JSON.stringify(shown)).toContain("identity:confirm");
    // Read, then deleted: the photo is not kept.
    expect(await server.store.uploadUsage(conversationId)).toEqual({ files: 0, bytes: 0 });

    await citizen.say("identity:confirm");
    const { state } = (await server.store.getConversation(conversationId))!;
    expect(state.answers).toMatchObject({
      motherFullName: p.fullName,
      motherBirthDateOrYear: p.dateOfBirth,
      motherIdNumber: p.idNumber,
    });
    expect(state.sources.motherIdNumber).toEqual({ by: "idCard" });
    expect(state.stepId).toBe("motherEthnicity");

    await answerFromStore(server.store, conversationId, "done", (answer) => citizen.say(answer.choice ?? answer.text!));
    const code = (await server.store.getConversation(conversationId))!.state.dossierCode!;
    const clerk = await Clerk.login(server, "lan", "clerk", ["an-thanh"], "Nguyễn Thị Lan");
    open.push(clerk);
    const { dossier } = (await (await consoleRequest(server.url, clerk, `/api/console/dossiers/${code}`)).json()) as {
      dossier: DossierDetail;
    };
    const field = (key: string) => dossier.draft.find((f) => f.key === key)!;
    expect(provenanceLabel(field("motherFullName").source, dossier.clerks, "")).toBe("CCCD (mã QR)");
    expect(provenanceLabel(field("motherIdNumber").source, dossier.clerks, "")).toBe("CCCD (mã QR)");
    expect(provenanceLabel(field("motherEthnicity").source, dossier.clerks, "")).toBe("Công dân");
  });
});
