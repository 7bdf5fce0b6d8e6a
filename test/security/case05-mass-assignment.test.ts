import { io as connect } from "socket.io-client";
import { PLANTED_CCCD, consolePost, rawEmit, watchedServerForThisFile, citizenAskingForClerk } from "./securityHarness";

const watched = watchedServerForThisFile();

const PRIVILEGED = {
  status: "approved",
  wardId: "an-loc",
  unitId: "an-loc",
  assignedClerkId: "boss",
  _id: "00000000-0000-4000-8000-000000000000",
  createdAt: "2000-01-01T00:00:00.000Z",
};

describe("case 5: mass assignment of fields a citizen may not set", () => {
  it("refuses a chat message carrying them, and the conversation keeps its status and unit", async () => {
    const c = await watched.citizen();
    const before = (await watched.server.store.getConversation(c.conversationId!))!;
    const ack = await rawEmit(
      c.socket,
      "message:send",
      [{ clientMessageId: "m1", text: PLANTED_CCCD, ...PRIVILEGED }],
      {
        withAck: true,
      },
    );
    expect(ack).toMatchObject({ ok: false, error: { code: "CHAT_PAYLOAD_INVALID" } });
    const after = (await watched.server.store.getConversation(c.conversationId!))!;
    expect([after.state.status, after.state.unitId, after.lastSeq]).toEqual([
      before.state.status,
      "an-thanh",
      before.lastSeq,
    ]);
  });

  it("refuses a handshake carrying them: no conversation joined, another's untouched", async () => {
    const other = await watched.citizen();
    const before = (await watched.server.store.getConversation(other.conversationId!))!;
    const socket = connect(`${watched.url}/chat`, {
      auth: { unit: "an-thanh", ...PRIVILEGED, conversationId: other.conversationId },
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
    });
    const outcome = await new Promise<string>((resolve) => {
      socket.on("session:ready" as never, () => resolve("joined"));
      socket.on("connect_error", (e: Error & { data?: { code?: string } }) => resolve(e.data?.code ?? e.message));
    });
    socket.disconnect();
    expect(outcome).toBe("CHAT_AUTH_INVALID");
    const after = (await watched.server.store.getConversation(other.conversationId!))!;
    expect([after.state.status, after.state.unitId, after.lastSeq]).toEqual([
      before.state.status,
      before.state.unitId,
      before.lastSeq,
    ]);
    // The same page without them is served: a new conversation of its own unit.
    const c = await watched.citizen({ unit: "an-thanh" });
    expect(c.conversationId).not.toBe(other.conversationId);
    expect((await watched.server.store.getConversation(c.conversationId!))!.state.unitId).toBe("an-thanh");
  });

  it("lets a clerk fill dossier fields only, never the conversation's status or unit", async () => {
    const clerk = await watched.clerk("lan");
    const c = await citizenAskingForClerk(watched);
    const conversationId = c.conversationId!;
    await clerk.until(() => clerk.queue.some((q) => q.conversationId === conversationId), "the queue");
    expect((await clerk.emit("conversation:take", { conversationId })).ok).toBe(true);
    for (const field of ["status", "unitId", "assignedClerkId", "__proto__"])
      expect(await clerk.emit("dossier:patch", { conversationId, field, text: "approved" })).toMatchObject({
        ok: false,
      });
    const extra = await rawEmit(clerk.socket, "conversation:take", [{ conversationId, status: "closed" }], {
      withAck: true,
    });
    expect(extra).toMatchObject({ ok: expect.any(Boolean) });
    const record = (await watched.server.store.getConversation(conversationId))!;
    expect(record.state.unitId).toBe("an-thanh");
    expect(record.state.status).not.toBe("closed");
  });

  it("ignores privileged fields in a console status change", async () => {
    const clerk = await watched.clerk("lan");
    const res = await consolePost(watched, clerk, "/api/console/dossiers/HN-20261127-0001/status", {
      ...PRIVILEGED,
      status: "received",
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});
