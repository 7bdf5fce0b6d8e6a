import { Citizen, startTestServer, type TestServer } from "../support/testServer";
import { walkFlow } from "../support/flowWalker";
import type { SendMessage } from "../../server/channels/web/protocol";
import type { EngineInput } from "../../server/engine/engineIO";

let server: TestServer;
const citizens: Citizen[] = [];
const citizen = (auth = {}) => {
  const c = new Citizen(server.url, auth);
  citizens.push(c);
  return c;
};

beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  citizens.splice(0).forEach((c) => c.close());
  await server.stop();
});

/** The messages a citizen sends to walk a procedure as the engine walker answered it. */
function payloads(inputs: readonly EngineInput[]): Omit<SendMessage, "clientMessageId">[] {
  return inputs.map((input) => {
    if (input.kind === "text") return { text: input.text };
    if (input.kind === "choice") return { choice: input.value };
    throw new Error(`not sendable here: ${input.kind}`);
  });
}

describe("the /chat namespace", () => {
  it("opens a new conversation with a token and greets the citizen on open", async () => {
    const c = await citizen({ unit: "an-thanh" }).ready();
    expect(c.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(c.states[0]).toMatchObject({ status: "bot", procedureId: null });
    await c.socket.emitWithAck("conversation:open", { locale: "vi" });
    await c.until(() => c.messages.length > 0, "greeting");
    expect(c.messages[0]).toMatchObject({ seq: 1, author: "bot" });
    expect(c.messages[0]!.choices?.map((x) => x.value)).toContain("dang-ky-khai-sinh");
  });

  it(
    "walks a death registration to a receipt code, then " + "serves the dossier and its form to the token holder",
    async () => {
      // Replayed to a server on the real clock: the walk runs on it too.
      const walk = walkFlow("dang-ky-khai-tu", {
        answers: { hasDeathNotice: "không" },
        unitId: "an-thanh",
        clock: { now: new Date() },
      });
      const c = await citizen({ unit: "an-thanh" }).ready();
      for (const payload of payloads(walk.inputs)) {
        const ack = await c.send(payload);
        expect(ack.ok).toBe(true);
      }
      await c.until(() => c.states.some((s) => s.dossierCode), "the dossier code");
      const code = c.states.find((s) => s.dossierCode)!.dossierCode!;
      expect(code).toMatch(/^HN-\d{8}-0001-[23456789BCDFGHJKMNPQRSTVWXZ]{4}$/);
      await c.until(() => c.messages.some((m) => m.text.includes(code)), "the receipt message");
      // The sending tab has its own messages from the acks; the whole transcript, numbered
      // without gaps, is what any other tab receives.
      const transcript = await citizen({ token: c.token!, lastSeq: 0 }).ready();
      expect(transcript.messages.map((m) => m.seq)).toEqual(transcript.messages.map((_, i) => i + 1));
      expect(transcript.messages.filter((m) => m.author === "citizen")).toHaveLength(walk.inputs.length);

      const json = await fetch(`${server.url}/api/dossiers/${code}`, {
        headers: { Authorization: `Bearer ${c.token}` },
      });
      expect(json.status).toBe(200);
      expect(await json.json()).toMatchObject({
        code,
        procedureId: "dang-ky-khai-tu",
        status: "submitted",
        fields: { deceasedFullName: "Nguyễn Văn An" },
      });
      const form = await fetch(`${server.url}/api/dossiers/${code}/form`, {
        headers: { Authorization: `Bearer ${c.token}` },
      });
      expect(form.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(await form.text()).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");

      const stranger = await citizen().ready();
      const refused = await fetch(`${server.url}/api/dossiers/${code}`, {
        headers: { Authorization: `Bearer ${stranger.token}` },
      });
      expect(refused.status).toBe(404);
      expect((await fetch(`${server.url}/api/dossiers/${code}`)).status).toBe(404);
    },
  );

  it(
    "sends a reconnecting client every message after its " + "lastSeq, in order, exactly once, then the state",
    async () => {
      const first = await citizen().ready();
      await first.socket.emitWithAck("conversation:open", {});
      await first.say("khai sinh");
      await first.say("an thạnh");
      first.close();
      const all = await citizen({ token: first.token!, lastSeq: 0 }).ready();
      const total = all.messages.length;
      expect(all.messages.map((m) => m.seq)).toEqual(all.messages.map((_, i) => i + 1));
      const again = await citizen({ token: first.token!, lastSeq: 3 }).ready();
      expect(again.conversationId).toBe(first.conversationId);
      expect(again.messages.map((m) => m.seq)).toEqual(all.messages.slice(3).map((m) => m.seq));
      expect(again.messages.map((m) => m.text)).toEqual(all.messages.slice(3).map((m) => m.text));
      expect(again.messages).toHaveLength(total - 3);
      expect(again.states.at(-1)).toMatchObject({ procedureId: "dang-ky-khai-sinh", stepId: "requesterFullName" });
    },
  );

  it("resumes the same conversation after the server restarts on the same data", async () => {
    const c = await citizen().ready();
    await c.say("khai tử");
    const before = c.messages.map((m) => m.text);
    c.close();
    const dataDir = server.dataDir;
    await server.server.close();
    server = await startTestServer({}, dataDir);
    const back = await citizen({ token: c.token!, lastSeq: 0 }).ready();
    expect(back.conversationId).toBe(c.conversationId);
    expect(back.messages.map((m) => m.text)).toEqual(["khai tử", ...before]);
    await back.say("an lộc");
    expect(back.lastBot.text).toContain("Họ và tên");
  });

  it("answers a retried message id with the first ack and no second effect", async () => {
    const c = await citizen().ready();
    const first = await c.send({ clientMessageId: "m-1", text: "khai sinh" });
    const retry = await c.send({ clientMessageId: "m-1", text: "khai sinh" });
    expect(retry).toEqual(first);
    await c.until(() => c.messages.some((m) => m.author === "bot"), "the answer");
    const back = await citizen({ token: c.token!, lastSeq: 0 }).ready();
    expect(back.messages.filter((m) => m.author === "citizen").map((m) => m.text)).toEqual(["khai sinh"]);
    expect(back.states.at(-1)!.procedureId).toBe("dang-ky-khai-sinh");
  });

  it("refuses the same message id with different content", async () => {
    const c = await citizen().ready();
    await c.send({ clientMessageId: "m-1", text: "khai sinh" });
    const reused = await c.send({ clientMessageId: "m-1", text: "khai tử" });
    expect(reused).toEqual({
      ok: false,
      error: { code: "CHAT_MESSAGE_ID_REUSED", message: expect.stringContaining("trùng mã") },
    });
  });

  it("refuses a message at once as busy past MAX_TURNS_IN_FLIGHT, saving nothing of it", async () => {
    await server.stop();
    server = await startTestServer({ MAX_TURNS_IN_FLIGHT: "1" });
    const a = await citizen().ready();
    const b = await citizen().ready();
    const { service } = server.server;
    // Both in the same tick: the first turn is still running when the second arrives.
    const first = service.send(a.conversationId!, { clientMessageId: "a-1", text: "khai sinh" });
    const second = service.send(b.conversationId!, { clientMessageId: "b-1", text: "khai sinh" });
    expect(await second).toMatchObject({ ok: false, code: "TURN_BUSY" });
    expect((await first).ok).toBe(true);
    expect((await service.messagesAfter(b.conversationId!, 0)).some((m) => m.author === "citizen")).toBe(false);
    // Once the first turn is done, the same message sent again goes through and is answered.
    const again = await b.send({ clientMessageId: "b-1", text: "khai sinh" });
    expect(again.ok).toBe(true);
    await b.until(
      () => b.messages.some((m) => m.author === "bot" && m.seq > (again.ok ? again.seq : 0)),
      "the bot's answer",
    );
  });

  it("serialises two tabs sending at once: both answers are kept, numbered without gaps", async () => {
    const tab1 = await citizen().ready();
    await tab1.say("khai sinh");
    await tab1.say("an thạnh");
    const tab2 = await citizen({ token: tab1.token!, lastSeq: tab1.messages.at(-1)!.seq }).ready();
    const [a, b] = await Promise.all([tab1.send({ text: "Trần Thị Mai" }), tab2.send({ text: "12/04/1995" })]);
    expect(a.ok && b.ok).toBe(true);
    const check = await citizen({ token: tab1.token!, lastSeq: 0 }).ready();
    await check.until(() => check.messages.length >= (a.ok && b.ok ? Math.max(a.seq, b.seq) + 1 : 0), "both turns");
    const seqs = check.messages.map((m) => m.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const texts = check.messages.filter((m) => m.author === "citizen").map((m) => m.text);
    expect(texts).toEqual(expect.arrayContaining(["Trần Thị Mai", "12/04/1995"]));
    expect(check.states.at(-1)!.stepId).toBe("requesterResidence");
  });

  it.each([
    ["a missing message id", { text: "khai sinh" }],
    ["both text and a choice", { clientMessageId: "x", text: "a", choice: "b" }],
    ["no content", { clientMessageId: "x" }],
    ["an unknown field", { clientMessageId: "x", text: "a", admin: true }],
    ["not an object", "hello"],
  ])("refuses %s with an error ack and changes nothing", async (_, payload) => {
    const c = await citizen().ready();
    const ack = await c.socket.timeout(5000).emitWithAck("message:send", payload as never);
    expect(ack).toMatchObject({ ok: false, error: { code: "CHAT_PAYLOAD_INVALID" } });
    const again = await citizen({ token: c.token!, lastSeq: 0 }).ready();
    expect(again.messages).toEqual([]);
  });

  it("answers an unknown event that expects an ack with an error, and stays up", async () => {
    const c = await citizen().ready();
    const ack = await (
      c.socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<unknown> } }
    )
      .timeout(5000)
      .emitWithAck("admin:drop", {});
    expect(ack).toMatchObject({ ok: false, error: { code: "CHAT_PAYLOAD_INVALID" } });
    expect((await c.send({ text: "khai sinh" })).ok).toBe(true);
  });

  it("refuses a browser page whose origin is not allowed", async () => {
    const c = new Citizen(server.url, {}, { origin: "https://evil.example" });
    citizens.push(c);
    const error = await new Promise<Error>((resolve) => c.socket.on("connect_error", resolve));
    expect(error.message).toMatch(/Forbidden|websocket error|xhr poll error|403/i);
  });
});

describe("rate limits", () => {
  it("asks a conversation sending too fast to slow down, in its language", async () => {
    await server.stop();
    server = await startTestServer({ RATE_LIMIT_CONVERSATION_PER_MINUTE: "3" });
    const c = await citizen().ready();
    const acks = [];
    for (let i = 0; i < 4; i++) acks.push(await c.send({ text: `tin ${i}` }));
    expect(acks.slice(0, 3).every((a) => a.ok)).toBe(true);
    expect(acks[3]).toEqual({
      ok: false,
      error: { code: "CHAT_RATE_LIMITED", message: "Bạn gửi nhanh quá, vui lòng chờ một chút rồi gửi tiếp." },
    });
  });
});

describe("connection state recovery", () => {
  it("is off by default, so no emitted packet is kept", async () => {
    expect(
      (server.server.io as unknown as { opts: { connectionStateRecovery?: unknown } }).opts.connectionStateRecovery,
    ).toBeUndefined();
    const c = await citizen().ready();
    expect((await c.send({ text: "khai sinh" })).ok).toBe(true);
  });

  it("keeps a dropped connection's state for CONNECTION_RECOVERY_MS when it is set", async () => {
    await server.stop();
    server = await startTestServer({ CONNECTION_RECOVERY_MS: "30000" });
    expect(
      (server.server.io as unknown as { opts: { connectionStateRecovery?: { maxDisconnectionDuration: number } } }).opts
        .connectionStateRecovery?.maxDisconnectionDuration,
    ).toBe(30_000);
  });
});
