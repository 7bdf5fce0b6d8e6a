import { ResumesFirst } from "../../server/channels/web/resumesFirst";

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe("replays of reconnecting citizens before new turns", () => {
  it("runs a new turn at once when nobody is resuming", () => {
    const ran: string[] = [];
    new ResumesFirst(1000).run(() => ran.push("turn"));
    expect(ran).toEqual(["turn"]);
  });

  it("holds new turns, in their order, until every replay under way has been sent", async () => {
    const gate = new ResumesFirst(5000);
    const ran: string[] = [];
    const first = gate.begin();
    const second = gate.begin();
    gate.run(() => ran.push("a"));
    gate.run(() => ran.push("b"));
    first();
    await tick();
    expect(ran).toEqual([]);
    second();
    second();
    expect(ran).toEqual(["a", "b"]);
    gate.run(() => ran.push("c"));
    expect(ran).toEqual(["a", "b", "c"]);
  });

  it("lets a turn go after the longest wait even while replays keep coming", async () => {
    const gate = new ResumesFirst(30);
    const ran: string[] = [];
    gate.begin();
    gate.run(() => ran.push("turn"));
    await tick(60);
    expect(ran).toEqual(["turn"]);
  });

  it("stops counting a replay whose end is never reported", async () => {
    const gate = new ResumesFirst(10_000, 30);
    const ran: string[] = [];
    gate.begin();
    gate.run(() => ran.push("turn"));
    await tick(60);
    expect(ran).toEqual(["turn"]);
  });
});
