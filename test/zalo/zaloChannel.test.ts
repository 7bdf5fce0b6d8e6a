import { writeFileSync } from "node:fs";
import path from "node:path";
import { startFakeZalo, type FakeZalo } from "../../fakes/zalo/fakeZalo";
import { ZaloTokens } from "../../server/channels/zalo/zaloTokens";
import { createLogger } from "../../server/logger";
import { badRequests } from "../support/badBodies";
import { Clerk } from "../support/consoleClient";
import { rawRequest } from "../support/rawHttp";
import { jpegPhoto } from "../support/documentFiles";
import { walkFlow } from "../support/flowWalker";
import { startTestServer, type TestServer } from "../support/testServer";
import { until, ZALO_APP, ZaloCitizen, zaloSettings } from "../support/zaloCitizen";

jest.setTimeout(30_000);

let zalo: FakeZalo;
let server: TestServer;
const clerks: Clerk[] = [];

async function start(extra: Record<string, string> = {}): Promise<void> {
  zalo = await startFakeZalo({ ...ZALO_APP, mediaHttps: true });
  const caFile = path.join(require("node:os").tmpdir(), `fake-zalo-ca-${process.pid}.pem`);
  writeFileSync(caFile, zalo.mediaCaPem);
  // A whole procedure is typed faster than a citizen would: the per-conversation limit is raised.
  const settings = {
    ZALO_MEDIA_HOSTS: "127.0.0.1",
    ZALO_MEDIA_CA_FILE: caFile,
    RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000",
  };
  server = await startTestServer(zaloSettings(zalo, { ...settings, ...extra }));
  zalo.webhookUrl = `${server.url}/webhooks/zalo`;
}

afterEach(async () => {
  clerks.splice(0).forEach((clerk) => clerk.close());
  await server?.stop();
  await zalo?.close();
});

/**
 * Whether Zalo received every one of `expected` (the beginning of each message), in order, and
 * once: the outbox joins an answer's messages into as few Zalo messages as fit.
 */
function inOrderOnce(received: readonly string[], expected: readonly string[]): boolean {
  const all = received.join("\n\n").normalize("NFC");
  let from = 0;
  for (const text of expected) {
    const start = text.normalize("NFC").slice(0, 40);
    const at = all.indexOf(start, from);
    if (at < 0 || all.indexOf(start, at + 1) >= 0) return false;
    from = at + start.length;
  }
  return true;
}

let users = 0;
const newUserId = () => `24684588352919${String(7000 + (users += 1))}`;

describe("a procedure over Zalo", () => {
  it("follows, walks a birth registration with buttons and a photo, and gets the receipt code", async () => {
    await start();
    const citizen = new ZaloCitizen(zalo, server.store, newUserId());
    await citizen.follow();
    const [welcome] = citizen.received;
    // Ten choices are more than Zalo's buttons: a numbered list, answered by number or words.
    expect(welcome!.buttons).toBeUndefined();
    expect(welcome!.text).toMatch(/\n1\. Đăng ký khai sinh\n2\. Đăng ký khai tử\n/);

    const photo = zalo.hostMedia("giay-chung-sinh.jpg", await jpegPhoto(), "image/jpeg");
    const walk = walkFlow("dang-ky-khai-sinh", {
      clock: { now: new Date() },
      unitId: "an-thanh",
      answers: { birthCertificatePhoto: { kind: "attachment", attachmentId: "photo" } },
    });
    // The unit is the OA's default: the walk's first answer picks the procedure.
    await citizen.answer(walk.inputs, photo);

    const conversation = (await server.store.getConversation(await citizen.conversationId()))!;
    const code = conversation.state.dossierCode!;
    expect(code).toMatch(/^HN-\d{8}-\d{4}/);
    expect(citizen.received.some((m) => m.text?.includes(code))).toBe(true);
    const dossier = (await server.store.getDossier(code))!;
    const uploadId = dossier.attachments.birthCertificatePhoto!;
    expect((await server.store.getUpload(uploadId))!.record.mimeType).toBe("image/jpeg");
    // Every reply went out once, in the conversation's order.
    const transcript = await server.server.service.messagesAfter(conversation.id, 0);
    const outgoing = transcript.filter((m) => m.author !== "citizen").map((m) => m.text.normalize("NFC"));
    expect(
      inOrderOnce(
        citizen.received.map((m) => m.text!),
        outgoing,
      ),
    ).toBe(true);

    // The office moves the dossier on: the citizen is told in Zalo.
    const beforeStatus = await citizen.lastSeq();
    expect((await server.server.service.changeDossierStatus(code, "received", null)).ok).toBe(true);
    await citizen.settled(beforeStatus);
    expect(citizen.received[citizen.received.length - 1]!.text).toMatch(new RegExp(`^Hồ sơ ${code}: `));
    // And the status is looked up in Zalo as on the web: the code, then the phone given.
    await citizen.say(`tra cứu ${code}`);
    await citizen.say("0912 345 678");
    expect(citizen.received[citizen.received.length - 1]!.text).toContain(code);
  });

  it("shows few choices as buttons, and takes a button's payload, number or words", async () => {
    await start();
    const byNumber = new ZaloCitizen(zalo, server.store, newUserId());
    await byNumber.follow();
    // No clerk is signed in: the citizen is offered a call back, a counter visit or the assistant.
    await byNumber.say("gặp cán bộ");
    const offer = byNumber.received[byNumber.received.length - 1]!;
    expect(offer.buttons!.map((b) => b.payload)).toEqual(["no-clerk:callback", "no-clerk:counter", "cmd:resume-bot"]);
    await byNumber.say("2");
    expect(byNumber.received[byNumber.received.length - 1]!.text).toMatch(/ngày nào/i);

    const byButton = new ZaloCitizen(zalo, server.store, newUserId());
    await byButton.follow();
    await byButton.say("gặp cán bộ");
    await byButton.say("no-clerk:callback");
    expect(byButton.received[byButton.received.length - 1]!.text).toMatch(/số điện thoại/i);
    const transcript = await server.server.service.messagesAfter(await byButton.conversationId(), 0);
    // The transcript shows the button's title, as when a citizen taps one on the web.
    expect(transcript.map((m) => m.text)).toContain("Để lại số, cán bộ gọi lại");

    const byWords = new ZaloCitizen(zalo, server.store, newUserId());
    await byWords.follow();
    await byWords.say("đăng ký khai tử");
    expect(byWords.received.some((m) => m.text?.startsWith("Thủ tục: Đăng ký khai tử"))).toBe(true);
  });

  it("refuses a photo from a host not allowed, and one sent when no document is asked", async () => {
    await start({ ZALO_MEDIA_HOSTS: ".zdn.vn" });
    const citizen = new ZaloCitizen(zalo, server.store, newUserId());
    await citizen.follow();
    const photo = zalo.hostMedia("anh.jpg", await jpegPhoto(), "image/jpeg");
    const before = await citizen.lastSeq();
    await zalo.sendImage(citizen.userId, photo);
    await citizen.settled(before);
    expect(citizen.received[citizen.received.length - 1]!.text).toMatch(/không cần ảnh hay tệp/);

    const walk = walkFlow("dang-ky-khai-sinh", { clock: { now: new Date() }, stopAt: "birthCertificatePhoto" });
    await citizen.answer(walk.inputs);
    const asked = await citizen.lastSeq();
    await zalo.sendImage(citizen.userId, photo);
    await citizen.settled(asked);
    expect(citizen.received[citizen.received.length - 1]!.text).toMatch(/Không tải được tệp này từ Zalo/);
    expect(await server.store.uploadUsage(await citizen.conversationId())).toEqual({ files: 0, bytes: 0 });
  });
});

describe("clerks and Zalo", () => {
  it("delivers a clerk's reply to Zalo, and an OA admin writing in Zalo silences the bot", async () => {
    await start();
    const clerk = await Clerk.login(server, "lan", "clerk", ["an-thanh"], "Nguyễn Thị Lan");
    clerks.push(clerk);
    const citizen = new ZaloCitizen(zalo, server.store, newUserId());
    await citizen.follow();
    await citizen.say("gặp cán bộ");
    const conversationId = await citizen.conversationId();
    await clerk.until(() => clerk.queue.some((item) => item.conversationId === conversationId), "the queue");
    expect(clerk.queue.find((item) => item.conversationId === conversationId)!.channel).toBe("zalo");

    expect((await clerk.emit("conversation:take", { conversationId })).ok).toBe(true);
    const sentBefore = citizen.received.length;
    const ack = await clerk.emit("conversation:message", { conversationId, clientMessageId: "c-1", text: "Chào chị" });
    expect(ack.ok).toBe(true);
    await until(() => citizen.received.some((m) => m.text === "Cán bộ: Chào chị"), "the clerk's reply in Zalo");
    expect(citizen.received.length).toBeGreaterThan(sentBefore);

    // Back to the bot; then an OA admin writes from Zalo's own tool.
    expect((await clerk.emit("conversation:release", { conversationId, at: "current" })).ok).toBe(true);
    const beforeAdmin = citizen.received.length;
    expect((await zalo.adminEcho(citizen.userId, "Chị chờ em kiểm tra nhé", "555000111")).status).toBe(200);
    await until(
      async () => (await server.store.getConversation(conversationId))!.state.status === "with_clerk",
      "admin",
    );
    const record = (await server.store.getConversation(conversationId))!;
    expect(record.state.clerk!.id).toBe("zalo-oa-admin:555000111");
    const transcript = await server.server.service.messagesAfter(conversationId, 0);
    const adminMessage = transcript.find((m) => m.text === "Chị chờ em kiểm tra nhé")!;
    expect(adminMessage).toMatchObject({ author: "clerk", via: "zalo" });
    // Zalo delivered the admin's own words already: they are not sent again.
    await citizen.settled(adminMessage.seq - 1);
    expect(citizen.received.slice(beforeAdmin).some((m) => m.text?.includes("Chị chờ em kiểm tra nhé"))).toBe(false);
    // The bot is silent while the admin holds the conversation.
    const seqBefore = record.lastSeq;
    await zalo.sendText(citizen.userId, "dạ vâng");
    await until(async () => (await server.store.getConversation(conversationId))!.lastSeq > seqBefore, "the message");
    const after = await server.server.service.messagesAfter(conversationId, seqBefore);
    expect(after.map((m) => m.author)).toEqual(["citizen"]);
  });
});

describe("the webhook", () => {
  it("refuses unsigned, badly signed, stale, oversized and malformed calls, changing nothing", async () => {
    await start();
    const userId = newUserId();
    const event = zalo.events.text(userId, "khai sinh");
    expect((await zalo.deliver(event, { signature: "none" })).status).toBe(401);
    expect((await zalo.deliver(event, { signature: "bad" })).status).toBe(401);
    const stale = zalo.events.text(userId, "khai sinh", String(Date.now() - 4 * 60 * 60_000));
    expect((await zalo.deliver(stale)).status).toBe(401);
    expect((await zalo.deliver("{not json")).status).toBe(400);
    expect((await zalo.deliver({ ...event, message: { text: "x".repeat(70_000), msg_id: "big1" } })).status).toBe(413);
    const refusal = JSON.parse((await zalo.deliver(event, { signature: "bad" })).body);
    expect(refusal.error.code).toBe("ZALO_SIGNATURE_INVALID");
    expect(refusal.error.message).toMatch(/Chữ ký .* \/ The X-ZEvent-Signature/);
    expect(await server.store.getZaloContact(ZALO_APP.oaId, userId)).toBeNull();
    expect(await server.store.listPendingZaloEvents(10)).toEqual([]);
  });

  it("takes bare-hex and mac= signatures, and a retried or replayed event once", async () => {
    await start();
    const citizen = new ZaloCitizen(zalo, server.store, newUserId());
    await citizen.follow();
    const event = zalo.events.text(citizen.userId, "khai tử");
    const before = await citizen.lastSeq();
    const first = await zalo.deliver(event, { signature: "bare" });
    expect(first.status).toBe(200);
    expect(first.ms).toBeLessThan(2000);
    await citizen.settled(before);
    const after = await citizen.lastSeq();
    const sent = citizen.received.length;
    expect((await zalo.deliver(event, { retry: 1 })).status).toBe(200);
    expect((await zalo.deliver(event, { signature: "mac", retry: 2 })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await citizen.lastSeq()).toBe(after);
    expect(citizen.received.length).toBe(sent);
  });

  it("survives every broken body, refusing each in both languages", async () => {
    await start();
    const port = Number(new URL(server.url).port);
    const answers: string[] = [];
    for (const bad of badRequests("POST", "/webhooks/zalo", { "X-ZEvent-Signature": "mac=00" })) {
      const answer = await rawRequest(port, bad.bytes, bad.ending);
      answers.push(`${bad.name}: ${answer.status}`);
      if (typeof answer.status === "number" && answer.body.startsWith("{"))
        expect(JSON.parse(answer.body).error.message).toMatch(/ \/ /);
    }
    // Nothing breaks the server: every broken body is refused (4xx) or cut off by the client itself.
    expect(answers.filter((a) => !/: (4\d\d|closed)$/.test(a))).toEqual([]);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(await server.store.listPendingZaloEvents(10)).toEqual([]);
    const citizen = new ZaloCitizen(zalo, server.store, newUserId());
    await citizen.follow();
    expect(citizen.received.length).toBeGreaterThan(0);
  });

  it("answers 404 when the channel is off", async () => {
    zalo = await startFakeZalo({ ...ZALO_APP });
    server = await startTestServer();
    zalo.webhookUrl = `${server.url}/webhooks/zalo`;
    expect((await zalo.sendText(newUserId(), "xin chào")).status).toBe(404);
  });
});

describe("the outbox", () => {
  it("waits while Zalo is down, then sends everything once, in order", async () => {
    await start();
    const citizen = new ZaloCitizen(zalo, server.store, newUserId());
    await citizen.follow();
    const sentBefore = citizen.received.length;
    zalo.setDown(true);
    const conversationId = await citizen.conversationId();
    const seqBefore = await citizen.lastSeq();
    for (const text of ["khai tử", "gặp cán bộ"]) expect((await zalo.sendText(citizen.userId, text)).status).toBe(200);
    await until(async () => (await citizen.lastSeq()) >= seqBefore + 4, "the turns stored");
    const waiting = (await server.store.getZaloContact(ZALO_APP.oaId, citizen.userId))!;
    expect(waiting.deliveredSeq).toBeLessThan(await citizen.lastSeq());
    expect(citizen.received.length).toBe(sentBefore);
    const ready = (await (await fetch(`${server.url}/ready`)).json()) as { channels: { waiting: number }[] };
    expect(ready.channels[0]!.waiting).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    zalo.setDown(false);
    await citizen.settled(seqBefore);
    const transcript = await server.server.service.messagesAfter(conversationId, seqBefore);
    const expected = transcript.filter((m) => m.author !== "citizen").map((m) => m.text);
    expect(
      inOrderOnce(
        citizen.received.slice(sentBefore).map((m) => m.text!),
        expected,
      ),
    ).toBe(true);
  });

  it("marks a citizen outside Zalo's 7-day window unreachable until they write again", async () => {
    await start();
    const citizen = new ZaloCitizen(zalo, server.store, newUserId());
    await citizen.follow();
    const conversationId = await citizen.conversationId();
    zalo.setLastInteraction(citizen.userId, Date.now() - 8 * 24 * 60 * 60_000);
    const clerk = await Clerk.login(server, "binh", "clerk", ["an-thanh"], "Trần Văn Bình");
    clerks.push(clerk);
    await server.server.service.clerkAction(
      conversationId,
      { id: clerk.id, name: "Trần Văn Bình" },
      {
        kind: "clerkTake",
        clerk: { id: clerk.id, name: "Trần Văn Bình" },
      },
    );
    await until(
      async () => (await server.store.getZaloContact(ZALO_APP.oaId, citizen.userId))!.unreachable !== null,
      "",
    );
    const contact = (await server.store.getZaloContact(ZALO_APP.oaId, citizen.userId))!;
    expect(contact.unreachable!.code).toBe(-230);
    const watched = await clerk.emit("conversation:watch", { conversationId });
    expect(watched.ok && watched.view.contact).toMatchObject({
      reachable: false,
      reason: expect.stringMatching(/7 ngày/),
    });

    const before = await citizen.lastSeq();
    await zalo.sendText(citizen.userId, "em chào anh");
    await citizen.settled(before);
    expect((await server.store.getZaloContact(ZALO_APP.oaId, citizen.userId))!.unreachable).toBeNull();
  });
});

describe("the OA's tokens", () => {
  it("refreshes an expired token mid-conversation once, however many sends need it", async () => {
    await start();
    const citizens = [1, 2, 3].map(() => new ZaloCitizen(zalo, server.store, newUserId()));
    for (const citizen of citizens) await citizen.follow();
    zalo.expireAccessToken();
    await Promise.all(citizens.map((citizen) => citizen.say("khai tử")));
    expect(zalo.refreshCount).toBe(1);
    expect((await server.store.getZaloTokens())!.accessToken).toBe(zalo.currentAccessToken);
  });

  it("spends the refresh token once when two processes refresh at the same time", async () => {
    await start();
    const logger = createLogger("silent");
    const make = () =>
      new ZaloTokens({
        store: server.store,
        appId: ZALO_APP.appId,
        appSecret: ZALO_APP.appSecret,
        oauthBase: zalo.url,
        seed: { accessToken: ZALO_APP.accessToken, refreshToken: ZALO_APP.refreshToken },
        now: () => new Date(),
        logger,
      });
    const [a, b] = [make(), make()];
    const stale = (await a.accessToken())!;
    const [fromA, fromB] = await Promise.all([a.refresh(stale), b.refresh(stale)]);
    expect(zalo.refreshCount).toBe(1);
    expect(fromA).toBe(zalo.currentAccessToken);
    expect(fromB).toBe(zalo.currentAccessToken);
  });
});
