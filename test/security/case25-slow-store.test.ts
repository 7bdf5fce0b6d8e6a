import { watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile();

describe("case 25: a store taking seconds to write", () => {
  it("keeps the event loop free: health and other pages answer while a write waits", async () => {
    const c = await watched.citizen();
    const store = watched.server.store;
    const commit = store.commitTurn.bind(store);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    store.commitTurn = async (write) => {
      await held;
      return commit(write);
    };
    const order: string[] = [];
    const first = c.send({ clientMessageId: "s1", text: "khai sinh" }).then((ack) => (order.push("ack"), ack));
    await new Promise((r) => setTimeout(r, 100));
    expect((await fetch(`${watched.url}/health`)).status).toBe(200);
    expect((await fetch(`${watched.url}/api/units`)).status).toBe(200);
    order.push("health");
    store.commitTurn = commit;
    release();
    const ack = await first;
    expect(order).toEqual(["health", "ack"]);
    expect(ack.ok).toBe(true);
    // The client's retry after its own timeout gets the same answer: no second copy.
    expect(await c.send({ clientMessageId: "s1", text: "khai sinh" })).toEqual(ack);
  });
});
