import { startFakeZalo, type FakeZalo } from "../../fakes/zalo/fakeZalo";
import type { PostalList, PostalRow } from "../../server/console/postalProtocol";
import { addDays } from "../../server/deadlines/cityDay";
import { localIsoDate } from "../../server/engine/clock";
import { Clerk, consoleRequest } from "../support/consoleClient";
import { walkFlow } from "../support/flowWalker";
import { submitOverChat } from "../support/submitOverChat";
import { type Citizen, startTestServer, type TestServer } from "../support/testServer";
import { ZALO_APP, ZaloCitizen, zaloSettings } from "../support/zaloCitizen";

jest.setTimeout(30_000);

/** What a citizen answers to have the papers collected and the result brought home by post. */
const BY_POST = {
  hasDeathNotice: "không",
  submitMethod: "Bưu điện đến nhà nhận hồ sơ",
  returnMethod: "Bưu điện trả kết quả tại nhà",
  postalPhone: "+84 388 111 222",
  postalTimeWindow: "Buổi chiều (13:30 – 17:00)",
};
/** Typed by a citizen as an address: a spreadsheet would run it as a formula if it were written as it is. */
const FORMULA_ADDRESS = '=HYPERLINK("http://x"), 45 Trần Hưng Đạo, phường An Thạnh';

let server: TestServer;
const open: { close(): void }[] = [];

afterEach(async () => {
  open.splice(0).forEach((c) => c.close());
  await server?.stop();
});

async function started(env: Record<string, string> = {}): Promise<void> {
  // A whole procedure is answered in well under a minute, faster than any citizen types.
  server = await startTestServer({ RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000", ...env });
}

async function submitted(unitId: string, answers: Record<string, string>): Promise<{ citizen: Citizen; code: string }> {
  const done = await submitOverChat(server.url, "dang-ky-khai-tu", { unitId, answers });
  open.push(done.citizen);
  return done;
}

async function signedIn(username: string, role: "clerk" | "supervisor", unitIds: string[]): Promise<Clerk> {
  const clerk = await Clerk.login(server, username, role, unitIds, username);
  open.push(clerk);
  return clerk;
}

function call(clerk: Clerk, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return consoleRequest(server.url, clerk, path, body, headers);
}

async function listOf(clerk: Clerk, query = ""): Promise<PostalList> {
  const res = await call(clerk, `/api/console/postal${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { list: PostalList }).list;
}

const move = (clerk: Clerk, code: string, status: string) =>
  call(clerk, `/api/console/postal/${code}/status`, { status });

const today = () => localIsoDate(new Date());

describe("the postal list", () => {
  it("lists a unit's postal dossiers of the day with what the post office needs, to its clerks only", async () => {
    await started();
    const dung = await submitted("an-thanh", {
      ...BY_POST,
      requesterFullName: "Trần Thị Mỹ Dung",
      postalAddress: "45 Trần Hưng Đạo, phường An Thạnh",
    });
    await submitted("an-thanh", { hasDeathNotice: "không", submitMethod: "Nộp trực tiếp tại Bộ phận Một cửa" });
    const loc = await submitted("an-loc", {
      ...BY_POST,
      returnMethod: "Nhận tại Bộ phận Một cửa",
      postalAddress: "7 Lý Thường Kiệt, phường An Lộc",
    });
    const lan = await signedIn("lan", "clerk", ["an-thanh"]);
    const binh = await signedIn("binh", "clerk", ["an-loc"]);
    const chi = await signedIn("chi", "supervisor", []);

    const list = await listOf(lan);
    expect(list).toMatchObject({ day: today(), unitId: null, units: [{ id: "an-thanh", name: "Phường An Thạnh" }] });
    expect(list.rows).toEqual([
      expect.objectContaining<Partial<PostalRow>>({
        code: dung.code,
        procedureName: "Đăng ký khai tử",
        unitName: "Phường An Thạnh",
        carriedOver: false,
        status: "to_pick_up",
        statusText: "chờ bưu điện đến nhận hồ sơ",
        next: "picked_up",
        pickUp: true,
        deliver: true,
        name: "Trần Thị Mỹ Dung",
        // The postman checks the last digits on handover; the whole number never leaves the dossier.
        idNumberMasked: "0870******45",
        address: "45 Trần Hưng Đạo, phường An Thạnh",
        phone: "0388111222",
        timeWindow: "Buổi chiều (13:30 – 17:00)",
        toCollect: expect.arrayContaining([expect.stringMatching(/./)]),
        toDeliver: "Kết quả thủ tục Đăng ký khai tử",
      }),
    ]);
    expect(JSON.stringify(list)).not.toContain("087090012345");

    // Another unit's clerk sees their own errand (pickup only), and neither the list nor the dossier of An Thạnh.
    expect((await listOf(binh)).rows.map((r) => [r.code, r.pickUp, r.deliver, r.toDeliver])).toEqual([
      [loc.code, true, false, null],
    ]);
    const forbidden = await call(binh, "/api/console/postal?unit=an-thanh");
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({
      ok: false,
      error: { code: "POSTAL_UNIT_FORBIDDEN", message: expect.stringMatching(/đơn vị của bạn.* \/ .*your own units/) },
    });
    expect((await call(binh, `/api/console/postal.csv?unit=an-thanh`)).status).toBe(403);
    expect((await move(binh, dung.code, "picked_up")).status).toBe(404);

    // A supervisor sees every unit, or the one chosen.
    expect((await listOf(chi)).rows.map((r) => r.code)).toEqual([dung.code, loc.code]);
    expect((await listOf(chi, "?unit=an-loc")).rows.map((r) => r.code)).toEqual([loc.code]);
    expect((await listOf(chi)).units).toHaveLength(7);

    // The day before had none of them; a day that is not one is refused in both languages.
    expect((await listOf(lan, `?day=${addDays(today(), -1)}`)).rows).toEqual([]);
    const badDay = await call(lan, "/api/console/postal?day=2026-02-30");
    expect(badDay.status).toBe(400);
    expect(((await badDay.json()) as { error: { code: string } }).error.code).toBe("POSTAL_DAY_INVALID");
    expect((await call(lan, "/api/console/postal?unit=nowhere")).status).toBe(400);

    const audit = await server.store.listAudit({ actorId: lan.id }, 20);
    expect(audit.filter((e) => e.action === "postal.list")[0]!.detail).toEqual({
      day: addDays(today(), -1),
      units: "an-thanh",
      rows: 0,
    });
  });

  it("exports a CSV the post office opens in Excel: BOM, quoting, no formula, Vietnamese intact", async () => {
    await started();
    const { code } = await submitted("an-thanh", {
      ...BY_POST,
      requesterFullName: "Trần Thị Mỹ Dung",
      postalAddress: FORMULA_ADDRESS,
    });
    const lan = await signedIn("lan", "clerk", ["an-thanh"]);

    const res = await call(lan, `/api/console/postal.csv?day=${today()}&unit=an-thanh`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="buu-chinh_${today()}_an-thanh.csv"; filename*=UTF-8''buu-chinh_${today()}_an-thanh.csv`,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(
      "STT / No.,Mã hồ sơ / Receipt code,Đơn vị / Unit,Việc cần làm / Errand,Trạng thái / Postal status," +
        "Công dân / Citizen,Số giấy tờ (đã che) / ID number (masked),Địa chỉ / Address,Điện thoại / Phone," +
        "Khung giờ hẹn / Time window,Giấy tờ cần nhận / Papers to collect,Kết quả cần trả / Result to deliver," +
        "Nộp lúc / Submitted,Từ ngày trước / Carried over",
    );
    // RFC 4180: the comma and the quotes put the cell in quotes, its quotes doubled; the leading "=" is defused.
    // The phone is grouped: as bare digits Excel would read a number and drop its leading 0.
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x""), 45 Trần Hưng Đạo, phường An Thạnh"`);
    expect(lines[1]).toMatch(
      new RegExp(
        `^1,${code},Phường An Thạnh,Nhận hồ sơ \\+ Trả kết quả,chờ bưu điện đến nhận hồ sơ,Trần Thị Mỹ Dung,` +
          `0870\\*{6}45,.*,0388 111 222,Buổi chiều \\(13:30 – 17:00\\),.+,Kết quả thủ tục Đăng ký khai tử,` +
          `${today()} \\d{2}:\\d{2},Không$`,
      ),
    );
    expect(lines.slice(2)).toEqual([""]);

    // Written to the audit log, without a name, an address or a phone.
    const [entry] = (await server.store.listAudit({ actorId: lan.id }, 20)).filter((e) => e.action === "postal.export");
    expect(entry!.detail).toEqual({ day: today(), units: "an-thanh", rows: 1 });
  });

  it("moves a postal status forward one step at a time, each move told in the citizen's chat", async () => {
    await started();
    const { citizen, code } = await submitted("an-thanh", { ...BY_POST, postalAddress: "45 Trần Hưng Đạo" });
    const waiting = await submitted("an-thanh", { ...BY_POST, postalAddress: "9 Nguyễn Huệ" });
    const lan = await signedIn("lan", "clerk", ["an-thanh"]);
    const told = (text: string) =>
      citizen.until(
        () => citizen.messages.some((m) => m.author === "system" && m.text.startsWith(`Hồ sơ ${code}: ${text}`)),
        `"${text}" in the citizen's chat`,
      );
    const systemMessages = () => citizen.messages.filter((m) => m.author === "system").length;

    const picked = await move(lan, code.toLowerCase(), "picked_up");
    expect(picked.status).toBe(200);
    expect(await picked.json()).toEqual({
      ok: true,
      moved: { code, status: "picked_up", statusText: "bưu điện đã nhận hồ sơ tại nhà", next: "to_deliver" },
    });
    await told("bưu điện đã nhận hồ sơ tại nhà.");

    // Backwards, skipping a step, or delivering a result that does not exist: refused, nothing changed or told.
    const before = systemMessages();
    const back = await move(lan, code, "to_pick_up");
    expect(back.status).toBe(409);
    expect(((await back.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: "POSTAL_MOVE_INVALID",
      message:
        `Không chuyển được hồ sơ ${code} từ "bưu điện đã nhận hồ sơ tại nhà" sang "chờ bưu điện đến nhận hồ sơ": ` +
        `trạng thái bưu chính chỉ đi tiếp từng bước, bước tiếp theo là "kết quả đã giao bưu điện để trả tại nhà". / ` +
        `Cannot move ${code} from "papers collected by the post office" to "awaiting postal pickup": postal ` +
        `statuses go forward one step at a time; the next one is "result handed to the post office for delivery".`,
    });
    expect((await move(lan, code, "returned")).status).toBe(409);
    const early = await move(lan, code, "to_deliver");
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe("POSTAL_RESULT_NOT_READY");
    expect((await move(lan, code, "lost")).status).toBe(400);
    expect((await move(lan, code, "picked_up")).status).toBe(409);
    expect((await server.store.getDossier(code))!.postal?.status).toBe("picked_up");
    const noCsrf = await call(
      lan,
      `/api/console/postal/${code}/status`,
      { status: "to_deliver" },
      {
        "X-CSRF-Token": "",
      },
    );
    expect(noCsrf.status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(systemMessages()).toBe(before);

    // Once the office has the result, it goes home by post.
    for (const status of ["received", "processing", "done"])
      expect((await call(lan, `/api/console/dossiers/${code}/status`, { status })).status).toBe(200);
    expect((await move(lan, code, "to_deliver")).status).toBe(200);
    await told("kết quả đã giao bưu điện để trả tại nhà.");
    expect((await move(lan, code, "returned")).status).toBe(200);
    await told("bưu điện đã trả kết quả tại nhà.");

    const rows = (await listOf(lan)).rows;
    expect(rows.map((r) => [r.code, r.status, r.next])).toEqual([
      [code, "returned", null],
      [waiting.code, "to_pick_up", "picked_up"],
    ]);
    // The next day's list carries over what the post office has not finished, and leaves the rest.
    const tomorrow = (await listOf(lan, `?day=${addDays(today(), 1)}`)).rows;
    expect(tomorrow.map((r) => [r.code, r.carriedOver])).toEqual([[waiting.code, true]]);

    const moves = (await server.store.listAudit({ dossierCode: code }, 50)).filter((e) => e.action === "postal.status");
    expect(moves.map((e) => e.detail).reverse()).toEqual([
      { status: "picked_up" },
      { status: "to_deliver" },
      { status: "returned" },
    ]);
  });
});

describe("a postal move of a Zalo citizen's dossier", () => {
  let zalo: FakeZalo | null = null;
  afterEach(async () => {
    await zalo?.close();
    zalo = null;
  });

  it("reaches the citizen in Zalo through the outbox", async () => {
    zalo = await startFakeZalo(ZALO_APP);
    await started(zaloSettings(zalo));
    zalo.webhookUrl = `${server.url}/webhooks/zalo`;
    const citizen = new ZaloCitizen(zalo, server.store, "2468458835291907777");
    await citizen.follow();
    const walk = walkFlow("dang-ky-khai-tu", {
      clock: { now: new Date() },
      unitId: "an-thanh",
      answers: { ...BY_POST, postalAddress: "45 Trần Hưng Đạo, phường An Thạnh" },
    });
    await citizen.answer(walk.inputs);
    const code = (await server.store.getConversation(await citizen.conversationId()))!.state.dossierCode!;
    const lan = await signedIn("lan", "clerk", ["an-thanh"]);

    const before = await citizen.lastSeq();
    expect((await move(lan, code, "picked_up")).status).toBe(200);
    await citizen.settled(before);
    expect(citizen.received[citizen.received.length - 1]!.text).toMatch(
      new RegExp(`^Hồ sơ ${code}: bưu điện đã nhận hồ sơ tại nhà\\. Bưu điện đang chuyển hồ sơ giấy`),
    );
  });
});
