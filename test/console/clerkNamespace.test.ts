import { Writable } from "node:stream";
import { io as connect } from "socket.io-client";
import { hashSessionSecret } from "../../server/console/consoleSessions";
import { passwordProblem } from "../../server/console/passwordStrength";
import { disableUser } from "../../server/console/userAccounts";
import { Clerk } from "../support/consoleClient";
import { walkFlow } from "../support/flowWalker";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
const open: { close(): void }[] = [];

// The password checker loads its dictionaries on first use (about a second): not in the first test's time.
beforeAll(() => passwordProblem("chỉ để nạp từ điển trước", { username: "lan" }));
beforeEach(async () => {
  server = await startTestServer({ CONSOLE_SESSION_RECHECK_MS: "200" });
});
afterEach(async () => {
  open.splice(0).forEach((c) => c.close());
  await server.stop();
});

async function clerk(
  username: string,
  unitIds: string[],
  name: string,
  role: "clerk" | "supervisor" = "clerk",
): Promise<Clerk> {
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
  it("keeps a console connected, and logs the failure, while the store fails its session re-checks", async () => {
    await server.stop();
    const log: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (log.push(chunk.toString()), done()) });
    server = await startTestServer({ CONSOLE_SESSION_RECHECK_MS: "200" }, undefined, undefined, undefined, {
      logSink: sink,
    });
    const lan = await clerk("lan", ["an-thanh"], "Lan");
    const getSession = server.store.getSession.bind(server.store);
    server.store.getSession = () => Promise.reject(new Error("store unreachable"));
    try {
      await lan.until(
        () => log.some((line) => line.includes('"clerk.recheck_failed"')),
        "a failed re-check in the log",
      );
    } finally {
      server.store.getSession = getSession;
    }
    expect(lan.socket.connected).toBe(true);
  });

  it("shows a citizen's request in the queue of their unit only, with the reason", async () => {
    const lan = await clerk("lan", ["an-thanh"], "Nguyễn Thị Lan");
    const binh = await clerk("binh", ["an-loc"], "Lê Văn Bình");
    const boss = await clerk("boss", [], "Trưởng phòng", "supervisor");
    const citizen = await citizenAskingForHelp();
    await lan.until(
      () => lan.queue.some((q) => q.conversationId === citizen.conversationId),
      "the request in An Thạnh's queue",
    );
    expect(lan.queue[0]).toMatchObject({
      unitId: "an-thanh",
      status: "waiting_clerk",
      reason: "asked",
      procedureId: "dang-ky-khai-sinh",
      clerk: null,
      waitingSince: expect.any(String),
    });
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
    for (const wrong of ["hôm qua", "31/02/1990", "ngày 32"]) await c.say(wrong);
    await lan.until(() => lan.queue.some((q) => q.reason === "stuck"), "the stuck citizen");
  });

  it("queues a conversation whose flow needs a clerk with the reason 'required'", async () => {
    const lan = await clerk("lan", ["an-thanh"], "Nguyễn Thị Lan");
    const c = new Citizen(server.url, { unit: "an-thanh" });
    open.push(c);
    await c.ready();
    // A death registration walked to "no death notice, nothing replacing it", as a citizen types it.
    const { inputs } = walkFlow("dang-ky-khai-tu", {
      unitId: "an-thanh",
      stopAt: "hasDeathNotice",
      clock: { now: new Date() },
    });
    for (const input of inputs) {
      if (input.kind === "choice") await c.send({ choice: input.value });
      else if (input.kind === "text") await c.say(input.text);
    }
    await c.say("không");
    await lan.until(
      () => lan.queue.some((q) => q.conversationId === c.conversationId && q.reason === "required"),
      "the required handoff",
    );
  });

  it(
    "lets exactly one of two clerks clicking at once take the " + "conversation, and tells the other who has it",
    async () => {
      const lan = await clerk("lan", ["an-thanh"], "Nguyễn Thị Lan");
      const mai = await clerk("mai", ["an-thanh"], "Phạm Thị Mai");
      const citizen = await citizenAskingForHelp();
      const conversationId = citizen.conversationId!;
      const [a, b] = await Promise.all([
        lan.emit("conversation:take", { conversationId }),
        mai.emit("conversation:take", { conversationId }),
      ]);
      const wins = [a, b].filter((r) => r.ok);
      const losses = [a, b].filter((r) => !r.ok);
      expect(wins).toHaveLength(1);
      expect(losses[0]).toMatchObject({
        ok: false,
        error: { code: "CONSOLE_TAKEN", message: expect.stringMatching(/Nguyễn Thị Lan|Phạm Thị Mai/) },
      });
      await citizen.until(() => citizen.messages.some((m) => /đang hỗ trợ bạn/.test(m.text)), "the clerk's name");
    },
  );

  it(
    "carries messages both ways, fills a field the citizen " + "confirms, and hands back to the bot at a chosen step",
    async () => {
      const lan = await clerk("lan", ["an-thanh"], "Nguyễn Thị Lan");
      const citizen = await citizenAskingForHelp();
      const conversationId = citizen.conversationId!;
      expect(await lan.emit("conversation:take", { conversationId })).toMatchObject({ ok: true });

      expect(
        await lan.emit("conversation:message", {
          conversationId,
          clientMessageId: "c1",
          text: "Chào chị, em hỗ trợ chị nhé.",
        }),
      ).toMatchObject({ ok: true });
      await citizen.until(
        () => citizen.messages.some((m) => m.author === "clerk" && m.text === "Chào chị, em hỗ trợ chị nhé."),
        "the clerk's message",
      );
      await citizen.send({ text: "Em cảm ơn" });
      await lan.until(
        () => lan.messages.some((m) => m.author === "citizen" && m.text === "Em cảm ơn"),
        "the citizen's message",
      );

      const patched = await lan.emit("dossier:patch", {
        conversationId,
        field: "requesterDateOfBirth",
        text: "12/4/1995",
      });
      expect(patched).toMatchObject({ ok: true });
      const field = (
        patched as { view: { draft: { key: string; display: string; source: unknown }[] } }
      ).view.draft.find((f) => f.key === "requesterDateOfBirth");
      expect(field).toMatchObject({ display: "12/04/1995", source: { by: "clerk", clerkId: lan.id } });
      await citizen.until(
        () => citizen.messages.some((m) => m.text.includes("đã điền giúp bạn")),
        "the confirmation question",
      );
      await citizen.send({ choice: "yes" });

      const refused = await lan.emit("dossier:patch", {
        conversationId,
        field: "requesterDateOfBirth",
        text: "31/02/1995",
      });
      expect(refused).toMatchObject({ ok: false, error: { code: "DATE_IMPOSSIBLE" } });

      expect(
        await lan.emit("conversation:release", { conversationId, at: { stepId: "requesterResidence" } }),
      ).toMatchObject({ ok: true });
      await citizen.until(() => citizen.lastBot?.text.startsWith("Nơi cư trú của bạn"), "the question handed back");
      await lan.until(() => lan.queue.every((q) => q.conversationId !== conversationId), "the queue without it");
    },
  );

  it("shows typing both ways, only between the citizen and the clerk holding the conversation", async () => {
    const lan = await clerk("lan", ["an-thanh"], "Nguyễn Thị Lan");
    const mai = await clerk("mai", ["an-thanh"], "Phạm Thị Mai");
    const binh = await clerk("binh", ["an-loc"], "Lê Văn Bình");
    const citizen = await citizenAskingForHelp();
    const conversationId = citizen.conversationId!;
    let citizenSawTyping = 0;
    citizen.socket.on("typing:start", () => citizenSawTyping++);
    const lanSaw: string[] = [];
    lan.socket.on("typing:citizen", (p) => lanSaw.push(p.conversationId));
    const binhSaw: string[] = [];
    binh.socket.on("typing:citizen", (p) => binhSaw.push(p.conversationId));

    // Neither a clerk of another unit nor one who does not hold it can make the citizen see "typing".
    binh.socket.emit("typing:clerk", { conversationId });
    mai.socket.emit("typing:clerk", { conversationId });
    await new Promise((r) => setTimeout(r, 200));
    expect(citizenSawTyping).toBe(0);

    expect(await lan.emit("conversation:take", { conversationId })).toMatchObject({ ok: true });
    lan.socket.emit("typing:clerk", { conversationId });
    await citizen.until(() => citizenSawTyping === 1, "the clerk typing");

    citizen.socket.emit("typing:citizen");
    await lan.until(() => lanSaw.includes(conversationId), "the citizen typing");
    await new Promise((r) => setTimeout(r, 200));
    expect(binhSaw).toEqual([]);
  });

  it("passes a conversation to a named colleague who is signed in; the citizen is told who", async () => {
    const lan = await clerk("lan", ["an-thanh"], "Nguyễn Thị Lan");
    const mai = await clerk("mai", ["an-thanh"], "Phạm Thị Mai");
    const hoa = await Clerk.login(server, "hoa", "clerk", ["an-thanh"], "Võ Thị Hoa");
    hoa.close();
    await clerk("binh", ["an-loc"], "Lê Văn Bình");
    const citizen = await citizenAskingForHelp();
    const conversationId = citizen.conversationId!;
    expect(await lan.emit("conversation:take", { conversationId })).toMatchObject({ ok: true });

    const targets = await lan.emit("conversation:transferTargets", { conversationId });
    expect(targets).toMatchObject({
      ok: true,
      clerks: [
        { id: mai.id, name: "Phạm Thị Mai", online: true },
        { id: hoa.id, name: "Võ Thị Hoa", online: false },
      ],
    });
    expect((targets as { units: { id: string }[] }).units.map((u) => u.id)).not.toContain("an-thanh");

    expect(await lan.emit("conversation:transfer", { conversationId, clerkId: hoa.id })).toMatchObject({
      ok: false,
      error: { code: "CONSOLE_REFUSED", message: expect.stringContaining("Võ Thị Hoa") },
    });
    expect(await lan.emit("conversation:transfer", { conversationId, clerkId: mai.id })).toMatchObject({ ok: true });
    await citizen.until(
      () => citizen.messages.some((m) => m.text.startsWith("Cán bộ Phạm Thị Mai sẽ tiếp tục hỗ trợ bạn")),
      "the new clerk's name",
    );
    await mai.until(
      () => mai.queue.some((q) => q.conversationId === conversationId && q.clerk?.id === mai.id),
      "the conversation held by Mai",
    );
    // Lan holds it no more: she cannot write; Mai can.
    expect(
      await lan.emit("conversation:message", { conversationId, clientMessageId: "l1", text: "Chị ơi" }),
    ).toMatchObject({ ok: false });
    expect(
      await mai.emit("conversation:message", { conversationId, clientMessageId: "m1", text: "Chào chị, em là Mai." }),
    ).toMatchObject({ ok: true });
  });

  it("refuses to pass on a conversation still with the assistant, to a unit or to a colleague", async () => {
    const lan = await clerk("lan", ["an-thanh"], "Nguyễn Thị Lan");
    const mai = await clerk("mai", ["an-thanh"], "Phạm Thị Mai");
    const citizen = new Citizen(server.url, { unit: "an-thanh" });
    open.push(citizen);
    await citizen.ready();
    await citizen.say("khai sinh");
    const conversationId = citizen.conversationId!;
    const seen = citizen.messages.length;

    for (const payload of [
      { conversationId, unitId: "an-loc" },
      { conversationId, clerkId: mai.id },
    ]) {
      expect(await lan.emit("conversation:transfer", payload)).toMatchObject({
        ok: false,
        error: { code: "CLERK_NOT_QUEUED", message: expect.stringContaining(" / ") },
      });
    }
    const record = (await server.store.getConversation(conversationId))!;
    expect(record.state).toMatchObject({ status: "bot", unitId: "an-thanh", clerk: null });
    expect(citizen.messages).toHaveLength(seen);
  });

  it("lets only the clerk holding a conversation pass it on; a queued one any clerk of the unit", async () => {
    const lan = await clerk("lan", ["an-thanh"], "Nguyễn Thị Lan");
    const mai = await clerk("mai", ["an-thanh"], "Phạm Thị Mai");
    const held = (await citizenAskingForHelp()).conversationId!;
    expect(await lan.emit("conversation:take", { conversationId: held })).toMatchObject({ ok: true });
    expect(await mai.emit("conversation:transfer", { conversationId: held, unitId: "an-loc" })).toMatchObject({
      ok: false,
      error: { code: "CLERK_HELD_BY_OTHER", message: expect.stringContaining("Nguyễn Thị Lan") },
    });
    expect(await mai.emit("conversation:transfer", { conversationId: held, clerkId: mai.id })).toMatchObject({
      ok: false,
    });
    expect((await server.store.getConversation(held))!.state).toMatchObject({
      status: "with_clerk",
      unitId: "an-thanh",
      clerk: { id: lan.id },
    });
    expect(await lan.emit("conversation:transfer", { conversationId: held, unitId: "an-loc" })).toMatchObject({
      ok: true,
    });

    const queued = (await citizenAskingForHelp()).conversationId!;
    expect(await mai.emit("conversation:transfer", { conversationId: queued, unitId: "an-loc" })).toMatchObject({
      ok: true,
    });
    expect((await server.store.getConversation(queued))!.state).toMatchObject({
      status: "waiting_clerk",
      unitId: "an-loc",
    });
  });

  it("keeps clerks' notes from the citizen and shows them to every clerk watching", async () => {
    const lan = await clerk("lan", ["an-thanh"], "Nguyễn Thị Lan");
    const mai = await clerk("mai", ["an-thanh"], "Phạm Thị Mai");
    const binh = await clerk("binh", ["an-loc"], "Lê Văn Bình");
    const citizen = await citizenAskingForHelp();
    const conversationId = citizen.conversationId!;
    await mai.emit("conversation:watch", { conversationId });

    const added = await lan.emit("conversation:note", {
      conversationId,
      text: "  Đã gọi lại, hẹn mang bản chính sáng thứ Hai.  ",
    });
    expect(added).toMatchObject({
      ok: true,
      note: { text: "Đã gọi lại, hẹn mang bản chính sáng thứ Hai.", author: { id: lan.id, name: "Nguyễn Thị Lan" } },
    });
    await mai.until(
      () => mai.notes.some((n) => n.conversationId === conversationId && n.text.startsWith("Đã gọi lại")),
      "the note at Mai's console",
    );
    const watched = await lan.emit("conversation:watch", { conversationId });
    expect((watched as { view: { notes: { text: string }[] } }).view.notes.map((n) => n.text)).toEqual([
      "Đã gọi lại, hẹn mang bản chính sáng thứ Hai.",
    ]);

    expect(await lan.emit("conversation:note", { conversationId, text: "   " })).toMatchObject({
      ok: false,
      error: { code: "CONSOLE_PAYLOAD_INVALID" },
    });
    expect(await binh.emit("conversation:note", { conversationId, text: "Ghi chú lạ" })).toMatchObject({
      ok: false,
      error: { code: "CONSOLE_NOT_FOUND" },
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(citizen.messages.some((m) => m.text.includes("Đã gọi lại") || m.text.includes("Ghi chú lạ"))).toBe(false);
    expect((await server.store.listNotes(conversationId, 10)).map((n) => n.text)).toEqual([
      "Đã gọi lại, hẹn mang bản chính sáng thứ Hai.",
    ]);
    const entries = await server.store.listAudit({ conversationId, actorId: lan.id }, 10);
    expect(entries.map((e) => e.action)).toContain("conversation.note");
    expect(JSON.stringify(entries)).not.toContain("Đã gọi lại");
  });

  it("gives each console the configured canned replies", async () => {
    await server.stop();
    server = await startTestServer({ CANNED_REPLIES: "Chào anh/chị ạ. | Anh/chị chờ em chút nhé." });
    const lan = await clerk("lan", ["an-thanh"], "Nguyễn Thị Lan");
    await lan.until(() => lan.settings !== null, "the settings");
    expect(lan.settings!.cannedReplies).toEqual(["Chào anh/chị ạ.", "Anh/chị chờ em chút nhé."]);
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
      ["conversation:transfer", { conversationId, clerkId: binh.id }],
      ["conversation:transferTargets", { conversationId }],
      ["conversation:note", { conversationId, text: "ghi chú" }],
    ] as const) {
      expect(await binh.emit(event as "conversation:watch", payload as never)).toMatchObject({
        ok: false,
        error: { code: "CONSOLE_NOT_FOUND" },
      });
    }
  });

  it("cuts off a console whose account is disabled", async () => {
    const lan = await clerk("lan", ["an-thanh"], "Nguyễn Thị Lan");
    const gone = new Promise<void>((resolve) => lan.socket.on("disconnect", () => resolve()));
    await disableUser(server.store, "lan", new Date());
    await gone;
    const again = connect(`${server.url}/clerk`, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      extraHeaders: { Cookie: lan.cookie },
    });
    open.push(again);
    const error = await new Promise<Error & { data?: { code: string } }>((resolve) =>
      again.on("connect_error", resolve),
    );
    expect(error.data?.code).toBe("AUTH_REQUIRED");
  });

  it(
    "cuts off a console whose account is put back on a " + "one-time password, and refuses it until it is changed",
    async () => {
      const lan = await clerk("lan", ["an-thanh"], "Nguyễn Thị Lan");
      const gone = new Promise<void>((resolve) => lan.socket.on("disconnect", () => resolve()));
      const user = (await server.store.getUser(lan.id))!;
      await server.store.updateUser({ ...user, mustChangePassword: true });
      await gone;
      const again = connect(`${server.url}/clerk`, {
        transports: ["websocket"],
        reconnection: false,
        forceNew: true,
        extraHeaders: { Cookie: lan.cookie },
      });
      open.push(again);
      const error = await new Promise<Error & { data?: { code: string } }>((resolve) =>
        again.on("connect_error", resolve),
      );
      expect(error.data?.code).toBe("AUTH_PASSWORD_CHANGE_REQUIRED");
    },
  );

  it("cuts off a console whose session has expired, and refuses its events", async () => {
    const lan = await clerk("lan", ["an-thanh"], "Nguyễn Thị Lan");
    const citizen = await citizenAskingForHelp();
    const gone = new Promise<void>((resolve) => lan.socket.on("disconnect", () => resolve()));
    // The session as it stands at the end of a working day: its expiry has passed.
    const idHash = hashSessionSecret(decodeURIComponent(lan.cookie.split("=")[1]!));
    const session = (await server.store.getSession(idHash))!;
    await server.store.deleteSession(idHash);
    await server.store.createSession({ ...session, expiresAt: new Date(Date.now() - 1000).toISOString() });
    await gone;
    const again = connect(`${server.url}/clerk`, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      extraHeaders: { Cookie: lan.cookie },
    });
    open.push(again);
    const error = await new Promise<Error & { data?: { code: string } }>((resolve) =>
      again.on("connect_error", resolve),
    );
    expect(error.data?.code).toBe("AUTH_REQUIRED");
    const res = await fetch(`${server.url}/api/console/dossiers`, { headers: { Cookie: lan.cookie } });
    expect(res.status).toBe(401);
    expect((await server.store.getConversation(citizen.conversationId!))?.state.status).toBe("waiting_clerk");
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
    await first.until(
      () =>
        first.messages.some(
          (m) =>
            m.author === "system" && m.text.startsWith("Bạn đang ở vị trí thứ 1 trong hàng chờ, dự kiến khoảng 3 phút"),
        ),
      "first place",
    );
    await second.until(
      () =>
        second.messages.some(
          (m) =>
            m.author === "system" && m.text.startsWith("Bạn đang ở vị trí thứ 2 trong hàng chờ, dự kiến khoảng 6 phút"),
        ),
      "second place",
    );
    // Writing while waiting does not move a citizen back in the queue: it is ordered by waiting time.
    await second.say("em vẫn chờ ạ");
    await first.say("em vẫn chờ ạ");
    await lan.until(() => lan.queues.length > 0 && lan.queue.length === 2, "the queue");
    await new Promise((r) => setTimeout(r, 100));
    expect(lan.queue.map((q) => q.conversationId)).toEqual([first.conversationId, second.conversationId]);
  });
});
