import { stillServes, rawEmit, watchedServerForThisFile, PLANTED_CCCD } from "./securityHarness";

const watched = watchedServerForThisFile();

jest.setTimeout(30_000);

const WRONG = [123, null, [], {}, "texte", true, { clientMessageId: 5, text: PLANTED_CCCD }];

describe("case 2: payloads of the wrong type, missing or odd acks, extra arguments", () => {
  it("answers every wrong /chat payload with CHAT_PAYLOAD_INVALID and changes nothing", async () => {
    const c = await watched.citizen();
    const before = (await watched.server.store.getConversation(c.conversationId!))!.lastSeq;
    for (const payload of WRONG) {
      expect(await rawEmit(c.socket, "message:send", [payload], { withAck: true })).toMatchObject({
        ok: false,
        error: { code: "CHAT_PAYLOAD_INVALID" },
      });
    }
    expect(await rawEmit(c.socket, "conversation:open", [{ locale: 42 }], { withAck: true })).toMatchObject({
      ok: false,
      error: { code: "CHAT_PAYLOAD_INVALID" },
    });
    expect((await watched.server.store.getConversation(c.conversationId!))!.lastSeq).toBe(before);
  });

  it("survives /chat events without an ack, with a non-function ack and with extra arguments", async () => {
    const c = await watched.citizen();
    const noAck = { waitMs: 100 };
    await rawEmit(c.socket, "message:send", [{ clientMessageId: "a1", text: "xin chào" }], noAck);
    await rawEmit(c.socket, "message:send", [{ clientMessageId: "a2", text: "xin chào" }, "not a function", 7], noAck);
    await rawEmit(c.socket, "message:send", [], noAck);
    await rawEmit(c.socket, "conversation:open", [null, null, null], noAck);
    await rawEmit(c.socket, "typing:citizen", [{ any: "thing" }, 1, 2, 3], noAck);
    expect(c.socket.connected).toBe(true);
    // With an ack, extra arguments before it do not confuse the answer.
    const ack = await rawEmit(c.socket, "message:send", [{ clientMessageId: "a3", text: "khai sinh" }, 1, 2], {
      withAck: true,
    });
    expect(ack).toEqual(expect.objectContaining({ ok: expect.any(Boolean) }));
    await stillServes(watched);
  });

  it("answers every wrong /clerk payload with CONSOLE_PAYLOAD_INVALID, on every event", async () => {
    const clerk = await watched.clerk("lan");
    const events = [
      "conversation:watch",
      "conversation:take",
      "conversation:message",
      "dossier:patch",
      "conversation:release",
      "conversation:close",
      "conversation:transfer",
      "conversation:transferTargets",
      "conversation:note",
    ];
    for (const event of events)
      for (const payload of WRONG)
        expect([event, await rawEmit(clerk.socket, event, [payload], { withAck: true })]).toEqual([
          event,
          { ok: false, error: { code: "CONSOLE_PAYLOAD_INVALID", message: expect.any(String) } },
        ]);
    for (const event of [...events, "typing:clerk"]) await rawEmit(clerk.socket, event, [null, "x", 3], { waitMs: 20 });
    expect(clerk.socket.connected).toBe(true);
    await stillServes(watched);
  });
});
