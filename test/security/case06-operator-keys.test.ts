import { PLANTED_CCCD, consoleGet, rawEmit, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile();

const OPERATORS = ["$set", "a.b", "$where", "$ne", "$gt"];

describe("case 6: MongoDB operators as keys and values", () => {
  it("stores answers spelled like operators as inert text", async () => {
    const c = await watched.citizen();
    for (const text of ['{"$set":{"status":"approved"}}', "$where: 1 == 1", "a.b"]) {
      const ack = await c.send({ text });
      expect(ack.ok).toBe(true);
    }
    const stored = await watched.server.store.listMessages(c.conversationId!, 0, 100);
    const citizenTexts = stored.filter((m) => m.author === "citizen").map((m) => m.text);
    expect(citizenTexts).toEqual(['{"$set":{"status":"approved"}}', "$where: 1 == 1", "a.b"]);
    expect((await watched.server.store.getConversation(c.conversationId!))!.state.status).toBe("bot");
  });

  it("refuses operator keys in a chat message and operator objects in place of ids", async () => {
    const c = await watched.citizen();
    for (const key of OPERATORS)
      expect(
        await rawEmit(c.socket, "message:send", [{ clientMessageId: "k", [key]: PLANTED_CCCD }], { withAck: true }),
      ).toMatchObject({ ok: false, error: { code: "CHAT_PAYLOAD_INVALID" } });
    expect(
      await rawEmit(c.socket, "message:send", [{ clientMessageId: { $ne: null }, text: "a" }], { withAck: true }),
    ).toMatchObject({ ok: false, error: { code: "CHAT_PAYLOAD_INVALID" } });
    const clerk = await watched.clerk("lan");
    for (const conversationId of [{ $ne: null }, { $gt: "" }, { $where: "1" }])
      expect(await rawEmit(clerk.socket, "conversation:watch", [{ conversationId }], { withAck: true })).toMatchObject({
        ok: false,
        error: { code: "CONSOLE_PAYLOAD_INVALID" },
      });
  });

  it("answers a status lookup made of operators with 400, finding nothing", async () => {
    const res = await fetch(`${watched.url}/api/status`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code: { $ne: null }, phone: { $gt: "" } }),
    });
    expect(res.status).toBe(400);
  });

  it("searches the console's dossiers for an operator query as plain text", async () => {
    const clerk = await watched.clerk("lan");
    for (const query of ["query[$ne]=x", "query[$gt]=", "query=$where"]) {
      const res = await consoleGet(watched, clerk, `/api/console/dossiers?${query}`);
      expect(res.status).toBeLessThan(500);
      if (res.status === 200) expect(((await res.json()) as { dossiers?: unknown[] }).dossiers ?? []).toEqual([]);
    }
  });
});
