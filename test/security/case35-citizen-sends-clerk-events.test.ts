import { rawEmit, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile();

const CLERK_ONLY = [
  "clerk:reply",
  "dossier:approve",
  "dossier:patch",
  "conversation:take",
  "conversation:message",
  "conversation:release",
  "conversation:close",
  "conversation:transfer",
];

describe("case 35: a widget socket sending clerk-only events", () => {
  it("is refused for each, and nothing changes in its conversation", async () => {
    const c = await watched.citizen();
    const before = (await watched.server.store.getConversation(c.conversationId!))!;
    for (const event of CLERK_ONLY)
      expect([
        event,
        await rawEmit(c.socket, event, [{ conversationId: c.conversationId, text: "approved", field: "status" }], {
          withAck: true,
        }),
      ]).toEqual([event, { ok: false, error: { code: "CHAT_PAYLOAD_INVALID", message: expect.any(String) } }]);
    const after = (await watched.server.store.getConversation(c.conversationId!))!;
    expect([after.lastSeq, after.state.status]).toEqual([before.lastSeq, before.state.status]);
  });

  it("cannot join /clerk with the widget's handshake", async () => {
    const c = await watched.citizen();
    const res = await fetch(`${watched.url}/api/console/dossiers`, { headers: { Authorization: `Bearer ${c.token}` } });
    expect(res.status).toBe(401);
  });
});
