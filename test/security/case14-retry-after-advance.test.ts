import { PLANTED_CCCD, watchedServerForThisFile, citizenAskingForClerk } from "./securityHarness";

const watched = watchedServerForThisFile();

describe("case 14: a retry landing after the dossier step has advanced", () => {
  it("answers the first ack again, with no second step and no skipped one", async () => {
    const c = await watched.citizen();
    const first = await c.send({ clientMessageId: "step-1", choice: "dang-ky-khai-sinh" });
    const second = await c.send({ clientMessageId: "step-2", text: `Trần Thị Mai ${PLANTED_CCCD}` });
    expect(first.ok && second.ok).toBe(true);
    const advanced = (await watched.server.store.getConversation(c.conversationId!))!;
    // The first answer arrives again (the client never saw its ack), after the second one moved the flow on.
    expect(await c.send({ clientMessageId: "step-1", choice: "dang-ky-khai-sinh" })).toEqual(first);
    expect(await c.send({ clientMessageId: "step-2", text: `Trần Thị Mai ${PLANTED_CCCD}` })).toEqual(second);
    const after = (await watched.server.store.getConversation(c.conversationId!))!;
    expect([after.lastSeq, after.state.stepId]).toEqual([advanced.lastSeq, advanced.state.stepId]);
    const seqs = (await watched.server.store.listMessages(c.conversationId!, 0, 100)).map((m) => m.seq);
    expect(seqs).toEqual(seqs.map((_s, i) => i + 1));
  });

  it("sends a clerk's retried message to the citizen once", async () => {
    const clerk = await watched.clerk("lan");
    const c = await citizenAskingForClerk(watched);
    const conversationId = c.conversationId!;
    await clerk.until(() => clerk.queue.some((q) => q.conversationId === conversationId), "the queue");
    expect((await clerk.emit("conversation:take", { conversationId })).ok).toBe(true);
    const message = { conversationId, clientMessageId: "clerk-1", text: "Chào anh chị" };
    const ack = await clerk.emit("conversation:message", message);
    expect(await clerk.emit("conversation:message", message)).toEqual(ack);
    const stored = await watched.server.store.listMessages(conversationId, 0, 100);
    expect(stored.filter((m) => m.text === "Chào anh chị")).toHaveLength(1);
  });
});
