import type { Dossier, SubmissionChoice } from "../../server/dossier/dossier";
import { movePostal, nextPostalStatus, postalRoute, postalStatusOf } from "../../server/dossier/postalRoute";
import { newDossier } from "../store/storeRecords";

const AT = { at: "2026-03-02T03:00:00.000Z", clerkId: "clerk-1" };

function dossier(submission: Pick<SubmissionChoice, "submitMethod" | "returnMethod">, extra: Partial<Dossier> = {}) {
  return newDossier("HN-20260302-0001-K7QM", { submission: { ...submission }, ...extra });
}

describe("a dossier's postal route", () => {
  it("follows the citizen's choices: the papers collected, the result delivered, or both", () => {
    expect(postalRoute({ submitMethod: "postal", returnMethod: "counter" })).toEqual(["to_pick_up", "picked_up"]);
    expect(postalRoute({ submitMethod: "online", returnMethod: "postal" })).toEqual(["to_deliver", "returned"]);
    expect(postalRoute({ submitMethod: "postal", returnMethod: "postal" })).toEqual([
      "to_pick_up",
      "picked_up",
      "to_deliver",
      "returned",
    ]);
    expect(postalRoute({ submitMethod: "counter", returnMethod: "online" })).toEqual([]);
  });

  it("stands at its first step until a clerk moves it, and has no status when nothing goes by post", () => {
    expect(postalStatusOf(dossier({ submitMethod: "online", returnMethod: "postal" }))).toBe("to_deliver");
    expect(nextPostalStatus(dossier({ submitMethod: "online", returnMethod: "postal" }))).toBe("returned");
    expect(postalStatusOf(dossier({ submitMethod: "counter", returnMethod: "counter" }))).toBeNull();
  });

  it("moves one step forward, recording when and by whom, and leaves the dossier passed in as it was", () => {
    const before = dossier({ submitMethod: "postal", returnMethod: "counter" });
    const moved = movePostal(before, "picked_up", AT);
    expect(moved).toEqual({
      ok: true,
      dossier: { ...before, postal: { status: "picked_up", updatedAt: AT.at, byClerkId: "clerk-1" }, updatedAt: AT.at },
    });
    expect(before.postal).toBeUndefined();
    expect(nextPostalStatus((moved as { dossier: Dossier }).dossier)).toBeNull();
  });

  it("refuses going back, staying, skipping, a step off the route, and a delivery before the result", () => {
    const collected = dossier(
      { submitMethod: "postal", returnMethod: "postal" },
      { postal: { status: "picked_up", updatedAt: AT.at } },
    );
    const codeOf = (move: ReturnType<typeof movePostal>) => (move.ok ? "moved" : move.code);
    expect(codeOf(movePostal(collected, "to_pick_up", AT))).toBe("POSTAL_MOVE_INVALID");
    expect(codeOf(movePostal(collected, "picked_up", AT))).toBe("POSTAL_MOVE_INVALID");
    expect(codeOf(movePostal(collected, "returned", AT))).toBe("POSTAL_MOVE_INVALID");
    expect(codeOf(movePostal(collected, "to_deliver", AT))).toBe("POSTAL_RESULT_NOT_READY");
    expect(codeOf(movePostal({ ...collected, status: "done" }, "to_deliver", AT))).toBe("moved");
    expect(codeOf(movePostal({ ...collected, status: "rejected" }, "to_deliver", AT))).toBe("moved");
    const pickupOnly = dossier({ submitMethod: "postal", returnMethod: "counter" });
    expect(codeOf(movePostal({ ...pickupOnly, status: "done" }, "to_deliver", AT))).toBe("POSTAL_MOVE_INVALID");
    expect(codeOf(movePostal(dossier({ submitMethod: "online", returnMethod: "online" }), "picked_up", AT))).toBe(
      "POSTAL_NOT_POSTAL",
    );
  });
});
