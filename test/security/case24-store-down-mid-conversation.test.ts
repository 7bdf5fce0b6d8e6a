import { PLANTED_CCCD, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile();

describe("case 24: the store down in the middle of a conversation", () => {
  it("refuses messages with a retryable code, then stores each retried message once when it is back", async () => {
    const c = await watched.citizen();
    const store = watched.server.store;
    const commit = store.commitTurn.bind(store);
    store.commitTurn = async () => {
      throw Object.assign(new Error(`SQLITE_BUSY ${PLANTED_CCCD}`), { code: "SQLITE_BUSY" });
    };
    const refused = await Promise.all([
      c.send({ clientMessageId: "r1", text: "khai sinh" }),
      c.send({ clientMessageId: "r1", text: "khai sinh" }),
    ]);
    store.commitTurn = commit;
    for (const ack of refused) expect(ack).toMatchObject({ ok: false, error: { code: "CHAT_UNAVAILABLE" } });
    const retried = await Promise.all([
      c.send({ clientMessageId: "r1", text: "khai sinh" }),
      c.send({ clientMessageId: "r1", text: "khai sinh" }),
    ]);
    expect(retried[0]).toEqual(retried[1]);
    const stored = await store.listMessages(c.conversationId!, 0, 100);
    expect(stored.filter((m) => m.author === "citizen")).toHaveLength(1);
  });
});
