import { watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile({ RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000" });

describe("case 17: two tabs of one session answering the same question at once", () => {
  it("serialises both answers, loses neither, and both tabs end on the same state", async () => {
    const one = await watched.citizen();
    const two = await watched.citizen({ token: one.token!, lastSeq: 0 });
    await one.say("khai sinh");
    const [a, b] = await Promise.all([one.send({ text: "Trần Thị Mai" }), two.send({ text: "Lê Văn Bình" })]);
    expect(a.ok && b.ok).toBe(true);
    const stored = await watched.server.store.listMessages(one.conversationId!, 0, 100);
    const citizenTexts = stored.filter((m) => m.author === "citizen").map((m) => m.text);
    expect(citizenTexts).toEqual(expect.arrayContaining(["Trần Thị Mai", "Lê Văn Bình"]));
    expect(stored.map((m) => m.seq)).toEqual(stored.map((_m, i) => i + 1));
    const last = stored.at(-1)!.seq;
    await one.until(() => one.messages.some((m) => m.seq === last), "tab one up to date");
    await two.until(() => two.messages.some((m) => m.seq === last), "tab two up to date");
    expect(one.states.at(-1)).toEqual(two.states.at(-1));
  });
});
