import { initialState } from "../../server/engine/conversationState";
import { serviceEventsOfTurn } from "../../server/conversation/serviceEventsOfTurn";

describe("what a turn did that the figures count", () => {
  const at = new Date("2026-12-03T03:00:00.000Z");
  const before = initialState("vi", "an-thanh");

  it("records a question the assistant did not understand with the phone, CCCD and house masked", () => {
    const after = { ...before, notUnderstood: 1 };
    const events = serviceEventsOfTurn(
      "c-1",
      before,
      after,
      "sdt 0912345678, cccd 087190001234, nhà 12 Nguyễn Huệ?",
      at,
    );
    expect(events).toEqual([
      {
        kind: "question.unanswered",
        conversationId: "c-1",
        unitId: "an-thanh",
        at: at.toISOString(),
        text: "sdt [SĐT], cccd [CCCD], nhà [địa chỉ]?",
      },
    ]);
  });

  it("records a handoff asked for, then taken with the wait, a call back and a rating", () => {
    const waiting = {
      ...before,
      status: "waiting_clerk" as const,
      handoff: { reason: "asked" as const, since: "2026-12-03T02:52:00.000Z" },
    };
    expect(serviceEventsOfTurn("c-1", before, waiting, "gặp cán bộ", at).map((e) => e.kind)).toEqual([
      "handoff.requested",
    ]);
    const taken = { ...waiting, status: "with_clerk" as const, clerk: { id: "u1", name: "Lan" } };
    expect(serviceEventsOfTurn("c-1", waiting, taken, null, at)).toEqual([
      expect.objectContaining({ kind: "handoff.taken", value: 8 * 60_000 }),
    ]);
    const called = { ...waiting, callback: { phone: "0912345678", at: at.toISOString() } };
    expect(serviceEventsOfTurn("c-1", waiting, called, null, at).map((e) => e.kind)).toEqual(["callback.requested"]);
    const rated = { ...before, rating: { score: 4, comment: null } };
    expect(serviceEventsOfTurn("c-1", before, rated, "4", at)).toEqual([
      expect.objectContaining({ kind: "rating.given", value: 4 }),
    ]);
    // A turn that changes none of these counts nothing.
    expect(serviceEventsOfTurn("c-1", before, { ...before, answers: { x: "y" } }, "y", at)).toEqual([]);
  });
});
