import { watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile();

describe("case 49: Vietnamese typed without diacritics", () => {
  it("finds the procedure by folding, and keeps the citizen's own spelling in the record", async () => {
    const c = await watched.citizen();
    await c.say("dang ky khai sinh cho con");
    const record = (await watched.server.store.getConversation(c.conversationId!))!;
    expect(record.state.flowId).toBe("dang-ky-khai-sinh");
    const stored = await watched.server.store.listMessages(c.conversationId!, 0, 100);
    expect(stored.find((m) => m.author === "citizen")?.text).toBe("dang ky khai sinh cho con");
  });

  it("folds đ to d: 'dang ky khai tu' and 'đăng ký khai tử' start the same procedure", async () => {
    const folded = await watched.citizen();
    await folded.say("dang ky khai tu");
    const accented = await watched.citizen();
    await accented.say("đăng ký khai tử");
    const procedure = async (id: string) => (await watched.server.store.getConversation(id))!.state.flowId;
    expect(await procedure(folded.conversationId!)).toBe(await procedure(accented.conversationId!));
    expect(await procedure(folded.conversationId!)).toBe("dang-ky-khai-tu");
  });
});
