import { io as connect } from "socket.io-client";
import { disableUser } from "../../server/console/userAccounts";
import { Clerk } from "../support/consoleClient";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
const open: { close(): void }[] = [];

beforeEach(async () => {
  server = await startTestServer({ CONSOLE_SESSION_RECHECK_MS: "200" });
});
afterEach(async () => {
  open.splice(0).forEach((c) => c.close());
  await server.stop();
});

async function clerk(username: string, unitIds: string[], name: string, role: "clerk" | "supervisor" = "clerk"): Promise<Clerk> {
  const c = await Clerk.login(server, username, role, unitIds, name);
  open.push(c);
  return c;
}

/** A citizen of An Thạnh stuck on a birth registration who asks for a clerk. */
async function citizenAskingForHelp(): Promise<Citizen> {
  const c = new Citizen(server.url, { unit: "an-thanh" });
  open.push(c);
  await c.ready();
  await c.say("khai sinh");
  await c.say("Trần Thị Mai");
  await c.say("gặp cán bộ");
  return c;
}

describe("the clerk console's live side", () => {
  it("shows a citizen's request in the queue of their unit only, with the reason", async () => {
    const lan = await clerk("lan", ["an-thanh"], "Nguyễn Thị Lan");
    const binh = await clerk("binh", ["an-loc"], "Lê Văn Bình");
    const boss = await clerk("boss", [], "Trưởng phòng", "supervisor");
    const citizen = await citizenAskingForHelp();
    await lan.until(() => lan.queue.some((q) => q.conversationId === citizen.conversationId), "the request in An Thạnh's queue");
    expect(lan.queue[0]).toMatchObject({ unitId: "an-thanh", status: "waiting_clerk", reason: "asked", procedureId: "dang-ky-khai-sinh", clerk: null, waitingSince: expect.any(String) });
    await boss.until(() => boss.queue.length === 1, "the supervisor's queue");
    expect(binh.queue).toEqual([]);
  });

  it("queues a stuck citizen with the reason 'stuck'", async () => {
    const lan = await clerk("lan", ["an-thanh"], "Nguyễn Thị Lan");
    const c = new Citizen(server.url, { unit: "an-thanh" });
    open.push(c);
    await c.ready();
    await c.say("khai sinh");
    await c.say("Trần Thị Mai");
    for (const wrong of ["hôm qua", "31/02/1990", "không nhớ"]) await c.say(wrong);
    await lan.until(() => lan.queue.some((q) => q.reason === "stuck"), "the stuck citizen");
  });

  it("lets exactly one of two clerks clicking at once take the conversation, and tells the other who has it", async () => {
    const lan = await clerk("lan", ["an-thanh"], "Nguyễn Thị Lan");
    const mai = await clerk("mai", ["an-thanh"], "Phạm Thị Mai");
    const citizen = await citizenAskingForHelp();
    const conversationId = citizen.conversationId!;
    const [a, b] = await Promise.all([lan.emit("conversation:take", { conversationId }), mai.emit("conversation:take", { conversationId })]);
    const wins = [a, b].filter((r) => r.ok);
    const losses = [a, b].filter((r) => !r.ok);
    expect(wins).toHaveLength(1);
    expect(losses[0]).toMatchObject({ ok: false, error: { code: "CONSOLE_TAKEN", message: expect.stringMatching(/Nguyễn Thị Lan|Phạm Thị Mai/) } });
    await citizen.until(() => citizen.messages.some((m) => /đang hỗ trợ bạn/.test(m.text)), "the clerk's name");
  });

  it("carries messages both ways, fills a field the citizen confirms, and hands back to the bot at a chosen step", async () => {
    const lan = await clerk("lan", ["an-thanh"], "Nguyễn Thị Lan");
    const citizen = await citizenAskingForHelp();
    const conversationId = citizen.conversationId!;
    expect(await lan.emit("conversation:take", { conversationId })).toMatchObject({ ok: true });

    expect(await lan.emit("conversation:message", { conversationId, clientMessageId: "c1", text: "Chào chị, em hỗ trợ chị nhé." })).toMatchObject({ ok: true });
    await citizen.until(() => citizen.messages.some((m) => m.author === "clerk" && m.text === "Chào chị, em hỗ trợ chị nhé."), "the clerk's message");
    await citizen.send({ text: "Em cảm ơn" });
    await lan.until(() => lan.messages.some((m) => m.author === "citizen" && m.text === "Em cảm ơn"), "the citizen's message");

    const patched = await lan.emit("dossier:patch", { conversationId, field: "requesterDateOfBirth", text: "12/4/1995" });
    expect(patched).toMatchObject({ ok: true });
    const field = (patched as { view: { draft: { key: string; display: string; source: unknown }[] } }).view.draft.find((f) => f.key === "requesterDateOfBirth");
    expect(field).toMatchObject({ display: "12/04/1995", source: { by: "clerk", clerkId: lan.id } });
    await citizen.until(() => citizen.messages.some((m) => m.text.includes("đã điền giúp bạn")), "the confirmation question");
    await citizen.send({ choice: "yes" });

    const refused = await lan.emit("dossier:patch", { conversationId, field: "requesterDateOfBirth", text: "31/02/1995" });
    expect(refused).toMatchObject({ ok: false, error: { code: "DATE_IMPOSSIBLE" } });

    expect(await lan.emit("conversation:release", { conversationId, at: { stepId: "requesterResidence" } })).toMatchObject({ ok: true });
    await citizen.until(() => citizen.lastBot?.text.startsWith("Nơi cư trú của bạn"), "the question handed back");
    await lan.until(() => lan.queue.every((q) => q.conversationId !== conversationId), "the queue without it");
  });

  it("refuses every action on another unit's conversation as if it did not exist", async () => {
    const binh = await clerk("binh", ["an-loc"], "Lê Văn Bình");
    const citizen = await citizenAskingForHelp();
    const conversationId = citizen.conversationId!;
    for (const [event, payload] of [
      ["conversation:watch", { conversationId }],
      ["conversation:take", { conversationId }],
      ["conversation:message", { conversationId, clientMessageId: "x", text: "hi" }],
      ["dossier:patch", { conversationId, field: "requesterFullName", text: "Ai Đó" }],
      ["conversation:release", { conversationId, at: "current" }],
      ["conversation:close", { conversationId }],
      ["conversation:transfer", { conversationId, unitId: "an-loc" }],
    ] as const) {
      expect(await binh.emit(event as "conversation:watch", payload as never)).toMatchObject({ ok: false, error: { code: "CONSOLE_NOT_FOUND" } });
    }
  });

  it("cuts off a console whose account is disabled", async () => {
    const lan = await clerk("lan", ["an-thanh"], "Nguyễn Thị Lan");
    const gone = new Promise<void>((resolve) => lan.socket.on("disconnect", () => resolve()));
    await disableUser(server.store, "lan", new Date());
    await gone;
    const again = connect(`${server.url}/clerk`, { transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { Cookie: lan.cookie } });
    open.push(again);
    const error = await new Promise<Error & { data?: { code: string } }>((resolve) => again.on("connect_error", resolve));
    expect(error.data?.code).toBe("AUTH_REQUIRED");
  });

  it("writes who read and changed what to the audit log, without personal data", async () => {
    const lan = await clerk("lan", ["an-thanh"], "Nguyễn Thị Lan");
    const citizen = await citizenAskingForHelp();
    const conversationId = citizen.conversationId!;
    await lan.emit("conversation:watch", { conversationId });
    await lan.emit("conversation:take", { conversationId });
    await lan.emit("dossier:patch", { conversationId, field: "requesterDateOfBirth", text: "12/4/1995" });
    await new Promise((r) => setTimeout(r, 50));
    const entries = await server.store.listAudit({ conversationId }, 10);
    expect(entries.map((e) => e.action).sort()).toEqual(["conversation.read", "conversation.take", "dossier.patch"]);
    expect(entries.every((e) => e.actorId === lan.id)).toBe(true);
    expect(JSON.stringify(entries)).not.toContain("1995");
  });
});

describe("joining the queue", () => {
  it("tells the citizen their place in the queue and a rough wait", async () => {
    const lan = await clerk("lan", ["an-thanh"], "Nguyễn Thị Lan");
    const first = await citizenAskingForHelp();
    const second = await citizenAskingForHelp();
    await lan.until(() => lan.queue.length === 2, "two in the queue");
    await first.until(() => first.messages.some((m) => m.author === "system" && m.text.startsWith("Bạn đang ở vị trí thứ 1 trong hàng chờ, dự kiến khoảng 3 phút")), "first place");
    await second.until(() => second.messages.some((m) => m.author === "system" && m.text.startsWith("Bạn đang ở vị trí thứ 2 trong hàng chờ, dự kiến khoảng 6 phút")), "second place");
  });
});
