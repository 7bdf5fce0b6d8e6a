/**
 * What the office writes with a status move — a rejection's reason, the list of what a dossier still needs — reaches
 * the citizen word for word wherever they look: the chat that tells the change (web and Zalo), status lookup in the
 * chat, and `POST /api/status`.
 */
import { startFakeZalo, type FakeZalo } from "../../fakes/zalo/fakeZalo";
import type { DossierDetail } from "../../server/console/consoleRestProtocol";
import { dossierStatusText, statusChangeText } from "../../server/dossier/dossierStatusText";
import { Clerk, consoleRequest } from "../support/consoleClient";
import { walkFlow } from "../support/flowWalker";
import { submitOverChat } from "../support/submitOverChat";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";
import { ZALO_APP, ZaloCitizen, zaloSettings } from "../support/zaloCitizen";

jest.setTimeout(30_000);

const PHONE = "0912 345 678";
const MISSING = ["Giấy báo tử (bản chính)", "Bản sao CCCD của người đi khai tử"];
/** How the list reads to the citizen, everywhere. */
const MISSING_TOLD =
  "Cần bổ sung:\n- Giấy báo tử (bản chính)\n- Bản sao CCCD của người đi khai tử\n" +
  "Vui lòng bổ sung tại Bộ phận Một cửa hoặc liên hệ cán bộ.";
const REASON = "Người mất không cư trú tại phường An Thạnh";
const REASON_TOLD =
  "Lý do từ chối: Người mất không cư trú tại phường An Thạnh. Bạn có thể liên hệ cán bộ nếu cần hỏi thêm.";

let server: TestServer;
let zalo: FakeZalo | null = null;
const open: { close(): void }[] = [];

afterEach(async () => {
  open.splice(0).forEach((c) => c.close());
  await server?.stop();
  await zalo?.close();
  zalo = null;
});

function call(clerk: Clerk, path: string, body?: unknown): Promise<Response> {
  return consoleRequest(server.url, clerk, path, body);
}

async function move(clerk: Clerk, code: string, body: Record<string, unknown>): Promise<Response> {
  return call(clerk, `/api/console/dossiers/${code}/status`, body);
}

/** What `POST /api/status` says of the dossier next, in Vietnamese. */
async function lookedUpOverHttp(code: string): Promise<string> {
  const res = await fetch(`${server.url}/api/status`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ code, phone: PHONE }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { statusText: { next: { vi: string } } }).statusText.next.vi;
}

/** What status lookup in a new web chat answers. */
async function lookedUpInChat(code: string): Promise<string> {
  const citizen = new Citizen(server.url, { unit: "an-thanh" });
  open.push(citizen);
  await citizen.ready();
  await citizen.say(`tra cứu ${code}`);
  const answer = await citizen.say(PHONE);
  return answer.map((m) => m.text).join("\n");
}

describe("the office's note on a status move", () => {
  it("reaches the web citizen in the chat and in status lookup, with the same words", async () => {
    server = await startTestServer({ RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000" });
    const { citizen, code } = await submitOverChat(server.url, "dang-ky-khai-tu", {
      answers: { hasDeathNotice: "không" },
      unitId: "an-thanh",
    });
    open.push(citizen);
    const lan = await Clerk.login(server, "lan", "clerk", ["an-thanh"], "Nguyễn Thị Lan");
    open.push(lan);
    expect((await move(lan, code, { status: "received" })).status).toBe(200);

    // Sent back for more without saying what: refused, nothing told.
    const bare = await move(lan, code, { status: "needs_more_info" });
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as { error: { message: string } }).error.message).toContain("cần bổ sung những gì");
    const blank = await move(lan, code, { status: "needs_more_info", missingItems: [" ", ""] });
    expect(blank.status).toBe(400);

    expect((await move(lan, code, { status: "needs_more_info", missingItems: MISSING })).status).toBe(200);
    await citizen.until(
      () => citizen.messages.some((m) => m.author === "system" && m.text.includes(MISSING_TOLD)),
      "the list told in the chat",
    );
    const told = citizen.messages.find((m) => m.text.includes(MISSING_TOLD))!.text;
    expect(told.startsWith(`Hồ sơ ${code}: cần bổ sung. Cần bổ sung:\n`)).toBe(true);
    expect(await lookedUpOverHttp(code)).toBe(MISSING_TOLD);
    expect(await lookedUpInChat(code)).toContain(`cần bổ sung. Nộp ngày`);
    expect(await lookedUpInChat(code)).toContain(MISSING_TOLD);
    const detail = (await (await call(lan, `/api/console/dossiers/${code}`)).json()) as { dossier: DossierDetail };
    expect(detail.dossier.missingItems).toEqual(MISSING);

    // Back to processing: the list is over, and status lookup no longer shows it.
    expect((await move(lan, code, { status: "processing" })).status).toBe(200);
    expect(await lookedUpOverHttp(code)).toBe("Bạn sẽ được báo khi có kết quả.");

    expect((await move(lan, code, { status: "rejected", reason: REASON })).status).toBe(200);
    await citizen.until(() => citizen.messages.some((m) => m.text.includes(REASON_TOLD)), "the reason told");
    expect(await lookedUpOverHttp(code)).toBe(REASON_TOLD);
  });

  it("reaches the Zalo citizen in Zalo, worded as on the web", async () => {
    zalo = await startFakeZalo(ZALO_APP);
    server = await startTestServer(zaloSettings(zalo, { RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000" }));
    zalo.webhookUrl = `${server.url}/webhooks/zalo`;
    const citizen = new ZaloCitizen(zalo, server.store, "2468458835291900001");
    await citizen.follow();
    const walk = walkFlow("dang-ky-khai-tu", {
      clock: { now: new Date() },
      unitId: "an-thanh",
      answers: { hasDeathNotice: "không" },
    });
    await citizen.answer(walk.inputs);
    const code = (await server.store.getConversation(await citizen.conversationId()))!.state.dossierCode!;
    expect(code).toMatch(/^HN-/);
    const lan = await Clerk.login(server, "lan", "clerk", ["an-thanh"], "Nguyễn Thị Lan");
    open.push(lan);
    expect((await move(lan, code, { status: "received" })).status).toBe(200);

    let before = await citizen.lastSeq();
    expect((await move(lan, code, { status: "needs_more_info", missingItems: MISSING })).status).toBe(200);
    await citizen.settled(before);
    expect(citizen.received.some((m) => m.text?.includes(MISSING_TOLD))).toBe(true);

    await citizen.say(`tra cứu ${code}`);
    await citizen.say(PHONE);
    expect(citizen.received[citizen.received.length - 1]!.text).toContain(MISSING_TOLD);

    before = await citizen.lastSeq();
    expect((await move(lan, code, { status: "rejected", reason: REASON })).status).toBe(200);
    await citizen.settled(before);
    expect(citizen.received.some((m) => m.text?.includes(REASON_TOLD))).toBe(true);
  });
});

describe("the office's note, as worded", () => {
  const code = "HN-20261127-0042-K7QM";

  it("reads in English for a citizen who chats in English, the clerk's words kept as written", () => {
    expect(statusChangeText({ code, status: "needs_more_info", missingItems: MISSING }, "en")).toBe(
      `Application ${code}: needs more information. Still needed:\n- ${MISSING[0]}\n- ${MISSING[1]}\n` +
        "Please bring them to the one-stop shop or contact the clerk.",
    );
    expect(dossierStatusText({ code, status: "rejected", rejectionReason: `${REASON}.` }).next.en).toBe(
      `Reason for rejection: ${REASON}. You can contact the clerk if you have questions.`,
    );
  });

  it("asks the citizen to contact the clerk when a rejection stored no reason", () => {
    expect(dossierStatusText({ code, status: "rejected", rejectionReason: "" }).next.vi).toBe(
      "Vui lòng liên hệ cán bộ để biết lý do.",
    );
    // A list left from an earlier request says nothing once the dossier has moved on.
    expect(dossierStatusText({ code, status: "processing", missingItems: MISSING }).next.vi).toBe(
      "Bạn sẽ được báo khi có kết quả.",
    );
  });
});
