import { Citizen } from "../support/testServer";
import { watchedServerForThisFile } from "./securityHarness";

describe("case 16: a citizen disconnected in the middle of the bot's reply", () => {
  const watched = watchedServerForThisFile();

  it("gets what it missed once and in order when it resumes from its last seq", async () => {
    const c = await watched.citizen();
    await c.say("khai sinh");
    const seen = c.messages.at(-1)!.seq;
    c.close();
    // While it is away, a second tab of the same session moves the conversation on.
    const other = await watched.citizen({ token: c.token!, lastSeq: seen });
    await other.say("Trần Thị Mai");
    const back = await watched.citizen({ token: c.token!, lastSeq: seen });
    const seqs = back.messages.map((m) => m.seq);
    expect(seqs[0]).toBe(seen + 1);
    expect(seqs).toEqual(seqs.map((_s, i) => seen + 1 + i));
    const stored = await watched.server.store.listMessages(c.conversationId!, seen, 100);
    expect(back.messages.map((m) => m.id)).toEqual(stored.map((m) => m.id));
  });
});

describe("case 16: with Socket.IO's connection state recovery on", () => {
  const watched = watchedServerForThisFile({ CONNECTION_RECOVERY_MS: "5000" });

  it("delivers the packets missed during a short cut once, without the store replay doubling them", async () => {
    const c = new Citizen(watched.url, { unit: "an-thanh" });
    await c.ready();
    await c.say("khai sinh");
    // A low-level cut (not a client disconnect): the server keeps the session for the window.
    (c.socket.io.engine as unknown as { close(): void }).close();
    await c.until(() => !c.socket.connected, "the cut");
    // As the widget does: it comes back with its token and the last seq it showed.
    c.socket.auth = { token: c.token!, lastSeq: c.messages.at(-1)!.seq };
    c.socket.connect();
    await c.until(() => c.socket.connected, "the reconnect");
    await c.say("Trần Thị Mai");
    const ids = c.messages.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const seqs = c.messages.map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    const stored = await watched.server.store.listMessages(c.conversationId!, 0, 100);
    expect(stored.filter((m) => m.author === "citizen").map((m) => m.text)).toEqual(["khai sinh", "Trần Thị Mai"]);
    c.close();
  });
});
