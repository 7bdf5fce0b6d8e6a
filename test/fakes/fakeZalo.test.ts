import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { get as httpsGet } from "node:https";
import type { AddressInfo } from "node:net";
import { parseZaloEvent } from "../../server/channels/zalo/zaloEvent";
import { verifyZaloSignature } from "../../server/channels/zalo/zaloSignature";
import { startFakeZalo, type FakeZalo } from "../../fakes/zalo/fakeZalo";

const KEYS = {
  appId: "3608465249409039671",
  oaId: "3886132808788086451",
  oaSecretKey: "oa-secret-key-of-the-fake-tests",
  appSecret: "app-secret-of-the-fake-tests",
  accessToken: "access-token-of-the-fake-tests",
  refreshToken: "refresh-token-of-the-fake-tests",
};
const USER = "2468458835296117922";
const DAY_MS = 24 * 60 * 60_000;

/** What stands in for our app: it records each webhook call and answers `status` (200 unless told). */
class Receiver {
  readonly calls: { headers: IncomingHttpHeaders; raw: Buffer }[] = [];
  status = 200;
  url = "";
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      this.calls.push({ headers: req.headers, raw: Buffer.concat(chunks) });
      res.writeHead(this.status, { "Content-Type": "application/json" }).end('{"ok":true}');
    });
  });

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks/zalo`;
    return this;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  get last() {
    return this.calls.at(-1)!;
  }

  /** The calls whose event is `eventName`, once there are `count` of them. */
  async waitFor(eventName: string, count = 1) {
    const matching = () => this.calls.filter((call) => JSON.parse(call.raw.toString()).event_name === eventName);
    for (let waited = 0; matching().length < count; waited += 10) {
      if (waited > 2000) throw new Error(`no ${eventName} received`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return matching();
  }
}

let zalo: FakeZalo;
let app: Receiver;

beforeEach(async () => {
  app = await new Receiver().start();
  zalo = await startFakeZalo({ ...KEYS, webhookUrl: app.url, mediaHttps: true });
});

afterEach(async () => {
  await zalo.close();
  await app.close();
});

const verify = (call: { headers: IncomingHttpHeaders; raw: Buffer }) =>
  verifyZaloSignature(call.raw, call.headers["x-zevent-signature"] as string | undefined, KEYS, new Date());

async function api(path: string, body: unknown, token = zalo.currentAccessToken) {
  const response = await fetch(`${zalo.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", access_token: token },
    body: JSON.stringify(body),
  });
  return { http: response.status, headers: response.headers, json: (await response.json()) as Record<string, any> };
}

const sendCs = (message: unknown, userId = USER, token?: string) =>
  api("/v3.0/oa/message/cs", { recipient: { user_id: userId }, message }, token);

async function refresh(refreshToken: string, secretKey = KEYS.appSecret) {
  const response = await fetch(`${zalo.url}/v4/oa/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", secret_key: secretKey },
    body: new URLSearchParams({ refresh_token: refreshToken, app_id: KEYS.appId, grant_type: "refresh_token" }),
  });
  return (await response.json()) as Record<string, any>;
}

async function upload(kind: string, file: Blob | null, name = "a.jpg", field = "file") {
  const form = new FormData();
  if (file) form.append(field, file, name);
  const response = await fetch(`${zalo.url}/v2.0/oa/upload/${kind}`, {
    method: "POST",
    headers: { access_token: zalo.currentAccessToken },
    body: form,
  });
  return (await response.json()) as Record<string, any>;
}

describe("the fake Zalo's webhook events", () => {
  it("signs every event kind so that our verifier accepts it and our parser reads it", async () => {
    const photo = zalo.hostMedia("anh.jpg", Buffer.from("jpeg"), "image/jpeg");
    const deliveries = [
      [await zalo.sendText(USER, "khai sinh", { quoteMsgId: "96d3cdf3af150460909" }), "text"],
      [await zalo.sendImage(USER, photo), "attachments"],
      [await zalo.sendFile(USER, { url: photo, name: "don.pdf", size: "4891", type: "pdf" }), "attachments"],
      [await zalo.sendLocation(USER, "10.7642473", "106.6564314"), "location"],
      [await zalo.follow(USER), "follow"],
      [await zalo.unfollow(USER), "unfollow"],
      [await zalo.submitInfo(USER, { name: "Lan", phone: "84912345678", address: "12 Đường số 13" }), "submitInfo"],
      [
        await zalo.submitInfo(USER, { name: "Lan", phone: "84912345678", address: "12 Đường số 13" }, "flat"),
        "submitInfo",
      ],
      [await zalo.adminEcho(USER, "Chị chờ em nhé", "555000111"), "oaEcho"],
    ] as const;
    expect(app.calls).toHaveLength(deliveries.length);
    const keys = new Set<string>();
    app.calls.forEach((call, index) => {
      expect(verify(call)).toEqual({ ok: true, timestamp: expect.stringMatching(/^\d{13}$/) });
      expect(call.headers["x-zevent-signature"]).toMatch(/^mac=[0-9a-f]{64}$/);
      expect(call.headers["content-type"]).toBe("application/json");
      const event = parseZaloEvent(call.raw.toString("utf8"))!;
      expect(event).toMatchObject({ kind: deliveries[index]![1], userId: USER, oaId: KEYS.oaId });
      keys.add(event.eventKey);
      const body = JSON.parse(call.raw.toString("utf8"));
      expect(typeof body.timestamp).toBe("string");
      expect(body.app_id).toBe(KEYS.appId);
    });
    expect(keys.size).toBe(deliveries.length);
    const [text, image, file, location, follow, , nested, flat, echo] = app.calls.map((call) =>
      parseZaloEvent(call.raw.toString("utf8")),
    );
    expect(text).toMatchObject({ text: "khai sinh", quoteMsgId: "96d3cdf3af150460909" });
    expect(image).toMatchObject({ attachments: [{ type: "image", url: photo }] });
    expect(file).toMatchObject({ attachments: [{ type: "file", name: "don.pdf", size: "4891" }] });
    expect(location).toMatchObject({ latitude: "10.7642473", longitude: "106.6564314" });
    expect(follow).toMatchObject({ source: "oa_profile" });
    expect(nested).toMatchObject({ info: { name: "Lan", phone: "84912345678" } });
    expect(flat).toMatchObject({ info: { name: "Lan", address: expect.stringContaining("12 Đường số 13") } });
    expect(echo).toMatchObject({ adminId: "555000111", text: "Chị chờ em nhé" });
    expect(deliveries.every(([delivery]) => delivery.status === 200 && delivery.acknowledgedInTime)).toBe(true);
  });

  it("emits ids and timestamps as strings, with the shapes of the reference", async () => {
    await zalo.sendLocation(USER, "10.7642473", "106.6564314");
    await zalo.follow(USER);
    const [location, follow] = app.calls.map((call) => JSON.parse(call.raw.toString("utf8")));
    expect(location).toMatchObject({
      sender: { id: USER },
      recipient: { id: KEYS.oaId },
      user_id_by_app: expect.stringMatching(/^\d{18,19}$/),
      event_name: "user_send_location",
      message: {
        msg_id: expect.any(String),
        attachments: [{ type: "location", payload: { coordinates: { latitude: "10.7642473" } } }],
      },
    });
    expect(follow).toEqual({
      oa_id: KEYS.oaId,
      follower: { id: USER },
      user_id_by_app: expect.any(String),
      event_name: "follow",
      source: "oa_profile",
      app_id: KEYS.appId,
      timestamp: expect.stringMatching(/^\d+$/),
    });
  });

  it("signs bare, badly or not at all when told, and adds num_retry to a retry of the same body", async () => {
    const event = zalo.events.text(USER, "khai tử");
    await zalo.deliver(event, { signature: "bare" });
    expect(app.last.headers["x-zevent-signature"]).toMatch(/^[0-9a-f]{64}$/);
    expect(verify(app.last).ok).toBe(true);
    await zalo.deliver(event, { signature: "bad" });
    expect(verify(app.last)).toEqual({ ok: false, code: "ZALO_SIGNATURE_INVALID" });
    await zalo.deliver(event, { signature: "none" });
    expect(verify(app.last)).toEqual({ ok: false, code: "ZALO_SIGNATURE_MISSING" });
    await zalo.deliver(event, { timestamp: "1" });
    expect(verify(app.last)).toEqual({ ok: false, code: "ZALO_SIGNATURE_INVALID" });
    expect(app.calls.slice(0, 3).every((call) => call.headers.num_retry === undefined)).toBe(true);
    await zalo.deliver(event, { retry: 2 });
    expect(app.last.headers.num_retry).toBe("2");
    expect(app.last.raw.equals(app.calls[0]!.raw)).toBe(true);
    expect(verify(app.last).ok).toBe(true);
    await zalo.deliver('{"event_name":"user_send_text","timestamp":"1"', { signature: "mac" });
    expect(app.last.raw.toString()).toBe('{"event_name":"user_send_text","timestamp":"1"');
  });

  it("records whether our app answered 200 within 2 s, and 0 when it could not be reached", async () => {
    app.status = 500;
    expect(await zalo.sendText(USER, "xin chào")).toMatchObject({ status: 500, acknowledgedInTime: false });
    app.status = 200;
    await zalo.follow(USER);
    await app.close();
    const unreachable = await zalo.sendText(USER, "còn đó không?");
    expect(unreachable).toMatchObject({ status: 0, acknowledgedInTime: false });
    expect(zalo.deliveries.map(({ eventName, status }) => [eventName, status])).toEqual([
      ["user_send_text", 500],
      ["follow", 200],
      ["user_send_text", 0],
    ]);
    app = await new Receiver().start();
  });
});

describe("the fake Zalo's message/cs", () => {
  beforeEach(async () => {
    await zalo.sendText(USER, "xin chào");
  });

  it("accepts a text, answers the success body with rate-limit headers, and echoes it without admin_id", async () => {
    const answer = await sendCs({ text: "Xin chào!" });
    expect(answer.http).toBe(200);
    expect(answer.json).toEqual({
      data: {
        message_id: expect.stringMatching(/^[0-9a-f]{20}$/),
        user_id: USER,
        sent_time: expect.stringMatching(/^\d{13}$/),
        quota: { quota_type: "reply" },
      },
      error: 0,
      message: "Success",
    });
    expect(answer.headers.get("x-ratelimit-limit")).toBe("4000");
    expect(Number(answer.headers.get("x-ratelimit-remain"))).toBeLessThan(4000);
    expect(zalo.sent).toEqual([
      { userId: USER, text: "Xin chào!", messageId: answer.json.data.message_id, at: expect.any(Number) },
    ]);
    const [echo] = await app.waitFor("oa_send_text");
    expect(verify(echo!).ok).toBe(true);
    const parsed = parseZaloEvent(echo!.raw.toString("utf8"));
    expect(parsed).toMatchObject({ kind: "oaEcho", adminId: null, text: "Xin chào!", userId: USER });
    expect(parsed!.eventKey).toBe(`msg:${answer.json.data.message_id}`);
  });

  it("accepts buttons, list, media, request_user_info and an uploaded file, and records them in order", async () => {
    const buttons = [
      { title: "Đăng ký khai sinh", type: "oa.query.show", payload: "#khai_sinh" },
      { title: "Ẩn", type: "oa.query.hide", payload: "#cmd" },
      { title: "Mở cổng DVC", type: "oa.open.url", payload: { url: "https://dichvucong.gov.vn" } },
      { title: "Gọi", type: "oa.open.phone", payload: { phone_code: "84900000000" } },
      { title: "SMS", type: "oa.open.sms", payload: { content: "alo", phone_code: "84900000000" } },
    ];
    const template = (payload: object) => ({ type: "template", payload });
    const { data } = await upload("file", new Blob(["%PDF-1.4"], { type: "application/pdf" }), "don.pdf");
    const answers = [];
    for (const message of [
      { text: "Chọn thủ tục:", attachment: template({ buttons }) },
      { attachment: template({ template_type: "list", elements: [{ title: "Hồ sơ", subtitle: "Đã nhận" }] }) },
      { attachment: template({ template_type: "media", elements: [{ media_type: "image", url: "https://x/a" }] }) },
      { attachment: template({ template_type: "request_user_info", elements: [{ title: "UBND Phường X" }] }) },
      { attachment: { type: "file", payload: { token: data.token } } },
    ])
      answers.push(await sendCs(message));
    expect(answers.map((answer) => answer.json.error)).toEqual([0, 0, 0, 0, 0]);
    expect(zalo.sent[0]).toMatchObject({ text: "Chọn thủ tục:", buttons });
    expect(
      zalo.sent.map((message) => (message.attachment?.payload as { template_type?: string })?.template_type),
    ).toEqual([undefined, "list", "media", "request_user_info", undefined]);
    expect(zalo.sent[4]!.attachment).toEqual({ type: "file", payload: { token: data.token } });
    await app.waitFor("oa_send_image");
    await app.waitFor("oa_send_file");
  });

  it.each([
    ["no recipient", { message: { text: "a" } }],
    ["a numeric user_id", { recipient: { user_id: 2468458835 }, message: { text: "a" } }],
    ["no content", { recipient: { user_id: USER }, message: {} }],
    ["an empty text", { recipient: { user_id: USER }, message: { text: "" } }],
    ["2001 characters", { recipient: { user_id: USER }, message: { text: "a".repeat(2001) } }],
    [
      "buttons without text",
      {
        recipient: { user_id: USER },
        message: {
          attachment: { type: "template", payload: { buttons: [{ title: "A", type: "oa.query.show", payload: "a" }] } },
        },
      },
    ],
    [
      "an unknown button type",
      {
        recipient: { user_id: USER },
        message: {
          text: "a",
          attachment: { type: "template", payload: { buttons: [{ title: "A", type: "oa.query.open", payload: "a" }] } },
        },
      },
    ],
    [
      "an unknown template",
      {
        recipient: { user_id: USER },
        message: {
          attachment: { type: "template", payload: { template_type: "carousel", elements: [{ title: "A" }] } },
        },
      },
    ],
    [
      "a file token never uploaded",
      { recipient: { user_id: USER }, message: { attachment: { type: "file", payload: { token: "made-up" } } } },
    ],
  ])("answers -201 for %s", async (_why, body) => {
    expect((await api("/v3.0/oa/message/cs", body)).json).toMatchObject({ error: -201 });
    expect(zalo.sent).toEqual([]);
  });

  it("counts 2000 characters after NFC normalisation", async () => {
    const decomposed = "e\u0323\u0302".repeat(2000); // "ệ" typed as three code points, 2000 times
    expect(decomposed.length).toBe(6000);
    expect((await sendCs({ text: decomposed })).json.error).toBe(0);
    expect((await sendCs({ text: `${decomposed}a` })).json.error).toBe(-201);
  });

  it("answers -216 without the current token and -220 once it has expired", async () => {
    expect((await sendCs({ text: "a" }, USER, "")).json).toEqual({ error: -216, message: "Access token is invalid" });
    expect((await sendCs({ text: "a" }, USER, "someone-else")).json.error).toBe(-216);
    zalo.expireAccessToken();
    expect((await sendCs({ text: "a" })).json.error).toBe(-220);
    expect(zalo.sent).toEqual([]);
  });

  it("expires an access token after accessTokenTtlSeconds", async () => {
    const short = await startFakeZalo({ ...KEYS, accessTokenTtlSeconds: 0.05 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 80));
      const response = await fetch(`${short.url}/v3.0/oa/message/cs`, {
        method: "POST",
        headers: { "Content-Type": "application/json", access_token: KEYS.accessToken },
        body: JSON.stringify({ recipient: { user_id: USER }, message: { text: "a" } }),
      });
      expect(await response.json()).toMatchObject({ error: -220 });
    } finally {
      await short.close();
    }
  });

  it("answers each injected error once per count, then sends", async () => {
    zalo.failNext(-32, 2);
    zalo.failNext(-216);
    zalo.failNext(-201);
    const codes = [];
    for (let i = 0; i < 5; i += 1) codes.push((await sendCs({ text: `lần ${i}` })).json.error);
    expect(codes).toEqual([-32, -32, -216, -201, 0]);
    expect(zalo.sent.map((message) => message.text)).toEqual(["lần 4"]);
  });

  it("answers HTTP 503 while down, for the OpenAPI and the OAuth paths", async () => {
    zalo.setDown(true);
    expect((await fetch(`${zalo.url}/v3.0/oa/message/cs`, { method: "POST" })).status).toBe(503);
    expect((await fetch(`${zalo.url}/v4/oa/access_token`, { method: "POST" })).status).toBe(503);
    zalo.setDown(false);
    expect((await sendCs({ text: "đã lên" })).json.error).toBe(0);
  });

  it("answers -230 to a user whose last message is over 7 days old, until they write again", async () => {
    expect((await sendCs({ text: "a" }, "1111111111111111111")).json.error).toBe(-230);
    zalo.setLastInteraction(USER, Date.now() - 7 * DAY_MS - 60_000);
    expect((await sendCs({ text: "a" })).json).toMatchObject({ error: -230 });
    zalo.setLastInteraction(USER, Date.now() - 6 * DAY_MS);
    expect((await sendCs({ text: "a" })).json.error).toBe(0);
    zalo.setLastInteraction(USER, Date.now() - 8 * DAY_MS);
    await zalo.sendText(USER, "tôi quay lại");
    expect((await sendCs({ text: "a" })).json.error).toBe(0);
  });

  it("answers -213 to a user who does not follow the OA", async () => {
    zalo.setFollower(USER, false);
    expect((await sendCs({ text: "a" })).json).toMatchObject({ error: -213 });
    await zalo.follow(USER);
    expect((await sendCs({ text: "a" })).json.error).toBe(0);
    await zalo.unfollow(USER);
    expect((await sendCs({ text: "a" })).json.error).toBe(-213);
  });
});

describe("the fake Zalo's OAuth v4", () => {
  it("rotates both tokens at once: the old access token and the old refresh token stop working", async () => {
    const answer = await refresh(KEYS.refreshToken);
    expect(answer).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      expires_in: "90000",
    });
    expect(answer.access_token).not.toBe(KEYS.accessToken);
    expect(zalo.currentAccessToken).toBe(answer.access_token);
    await zalo.sendText(USER, "xin chào");
    expect((await sendCs({ text: "a" }, USER, KEYS.accessToken)).json.error).toBe(-216);
    expect((await sendCs({ text: "a" }, USER, answer.access_token)).json.error).toBe(0);
    expect(await refresh(KEYS.refreshToken)).toEqual({
      error: -14020,
      error_name: "invalid_grant",
      error_description: "refresh token already used or expired",
    });
    expect((await refresh(answer.refresh_token)).access_token).toBe(zalo.currentAccessToken);
    expect(zalo.refreshCount).toBe(2);
  });

  it("burns one refresh token for two racing refreshes", async () => {
    const answers = await Promise.all([refresh(KEYS.refreshToken), refresh(KEYS.refreshToken)]);
    expect(answers.filter((answer) => answer.access_token).length).toBe(1);
    expect(answers.filter((answer) => answer.error === -14020).length).toBe(1);
    expect(zalo.refreshCount).toBe(1);
  });

  it("refuses a refresh without the app secret, and a new token works after expireAccessToken", async () => {
    expect((await refresh(KEYS.refreshToken, "wrong-secret")).error).toEqual(expect.any(Number));
    expect(zalo.refreshCount).toBe(0);
    zalo.expireAccessToken();
    const answer = await refresh(KEYS.refreshToken);
    await zalo.sendText(USER, "xin chào");
    expect((await sendCs({ text: "a" }, USER, answer.access_token)).json.error).toBe(0);
  });
});

describe("the fake Zalo's groups, uploads and media", () => {
  it("posts a text to a group, refuses buttons, injects -237 and lists the OA's groups", async () => {
    const groupId = "4a9bada229cec09099df";
    const posted = await api("/v3.0/oa/group/message", {
      recipient: { group_id: groupId },
      message: { text: "Báo cáo" },
    });
    expect(posted.json).toEqual({
      data: { message_id: expect.any(String), group_id: groupId },
      error: 0,
      message: "Success",
    });
    const buttons = [{ title: "A", type: "oa.query.show", payload: "a" }];
    const withButtons = { text: "Báo cáo", attachment: { type: "template", payload: { buttons } } };
    expect(
      (await api("/v3.0/oa/group/message", { recipient: { group_id: groupId }, message: withButtons })).json.error,
    ).toBe(-201);
    zalo.failNextGroup(-237);
    expect(
      (await api("/v3.0/oa/group/message", { recipient: { group_id: groupId }, message: { text: "b" } })).json.error,
    ).toBe(-237);
    expect(zalo.groupMessages).toEqual([
      { groupId, text: "Báo cáo", messageId: posted.json.data.message_id, at: expect.any(Number) },
    ]);
    const listed = await fetch(`${zalo.url}/v3.0/oa/group/getgroupsofoa?offset=0&count=5`, {
      headers: { access_token: zalo.currentAccessToken },
    });
    expect(await listed.json()).toMatchObject({ error: 0, data: { total: 1, groups: [{ group_id: groupId }] } });
  });

  it("takes an image and a file in the multipart field file", async () => {
    const image = await upload("image", new Blob([Buffer.from([0xff, 0xd8, 0xff])], { type: "image/jpeg" }));
    expect(image).toEqual({ data: { attachment_id: expect.stringMatching(/^\d+$/) }, error: 0, message: "Success" });
    const file = await upload("file", new Blob(["%PDF-1.4"], { type: "application/pdf" }), "don.pdf");
    expect(file).toMatchObject({ data: { token: expect.any(String) }, error: 0 });
    expect((await upload("file", new Blob(["%PDF"], { type: "application/pdf" }), "don.pdf", "other")).error).toBe(
      -201,
    );
    const tooLarge = new Blob([Buffer.alloc(1024 * 1024 + 1)], { type: "image/png" });
    expect((await upload("image", tooLarge)).error).toBe(-210);
    expect(zalo.uploads.map((asset) => asset.kind)).toEqual(["image", "file"]);
  });

  it("serves hosted media over https, trusted with mediaCaPem only", async () => {
    const bytes = Buffer.from("%PDF-1.4 tờ khai");
    const url = zalo.hostMedia("tờ khai.pdf", bytes, "application/pdf");
    expect(url.startsWith("https://127.0.0.1:")).toBe(true);
    const fetchWith = (ca?: string) =>
      new Promise<Buffer>((resolve, reject) => {
        httpsGet(url, ca ? { ca } : {}, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve(Buffer.concat(chunks)));
        }).on("error", reject);
      });
    expect((await fetchWith(zalo.mediaCaPem)).equals(bytes)).toBe(true);
    await expect(fetchWith()).rejects.toThrow(/self[- ]signed/i);
    expect(zalo.mediaCaFile).toMatch(/cert\.pem$/);
  });
});

describe("the fake Zalo's chat page", () => {
  it("sends what the person types as the user's event and shows what the OA answers", async () => {
    const page = `${zalo.url}/__page`;
    expect((await fetch(`${zalo.url}/`)).headers.get("content-type")).toMatch(/html/);
    const sent = await fetch(`${page}/send`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ userId: USER, action: "text", text: "#khai_sinh", shownAs: "Đăng ký khai sinh" }),
    });
    expect(await sent.json()).toMatchObject({ status: 200 });
    expect(parseZaloEvent(app.last.raw.toString("utf8"))).toMatchObject({ kind: "text", text: "#khai_sinh" });
    const buttons = [{ title: "Khai tử", type: "oa.query.show", payload: "#khai_tu" }];
    await sendCs({ text: "Chọn thủ tục:", attachment: { type: "template", payload: { buttons } } });
    const { messages } = (await (await fetch(`${page}/messages?userId=${USER}&after=0`)).json()) as {
      messages: { from: string; text: string }[];
    };
    expect(messages).toMatchObject([
      { from: "citizen", text: "Đăng ký khai sinh" },
      { from: "oa", text: "Chọn thủ tục:", buttons },
    ]);
  });
});
