import { takeTurn } from "../../server/conversation/takeTurn";
import { MemoryDossierService } from "../../server/dossier/memoryDossierService";
import { type ConversationState, initialState } from "../../server/engine/conversationState";
import type { EngineInput } from "../../server/engine/engineIO";
import { catalogue, CLOCK, walkFlow } from "../support/flowWalker";

function services() {
  return { dossiers: new MemoryDossierService(catalogue().city, catalogue().units), requester: "127.0.0.1" };
}

async function chat(svc: ReturnType<typeof services>, state: ConversationState, ...messages: (string | EngineInput)[]) {
  let current = state;
  let last = null;
  for (const message of messages) {
    last = await takeTurn(
      catalogue(),
      current,
      typeof message === "string" ? { kind: "text", text: message } : message,
      CLOCK,
      svc,
    );
    current = last.state;
  }
  return last!;
}

/** A death registration answered up to its review, with 0912 345 678 as the contact phone. */
function atReview(): ConversationState {
  const walk = walkFlow("dang-ky-khai-tu", { answers: { review: "sửa" }, unitId: "an-thanh" });
  return { ...walk.state, pending: null, returnToReview: false };
}

describe("a turn with its effects", () => {
  it("stores the dossier on submit and tells the citizen its receipt code in the same turn", async () => {
    const svc = services();
    const outcome = await chat(svc, atReview(), { kind: "choice", value: "review:confirm" });
    const code = outcome.dossier!.code;
    expect(code).toMatch(/^HN-20261127-0001-[23456789BCDFGHJKMNPQRSTVWXZ]{4}$/);
    expect(outcome.state.status).toBe("completed");
    expect(outcome.state.dossierCode).toBe(code);
    expect(outcome.replies.map((r) => r.text).join("\n")).toContain(code);
    const stored = svc.dossiers.get(code)!;
    expect(stored).toMatchObject({ procedureId: "dang-ky-khai-tu", unitId: "an-thanh", status: "submitted" });
    expect(stored.submission.submitMethod).toBe("online");
    expect(stored.fields).not.toHaveProperty("submitMethod");
    expect(stored.provenance.deceasedFullName).toEqual({ by: "citizen" });
    expect(stored.provenance.kinhGui).toEqual({ by: "bot" });
    expect(stored.documents).toContain("Giấy báo tử hoặc giấy tờ thay Giấy báo tử do cơ quan có thẩm quyền cấp");
  });

  it("numbers the day's dossiers one after another, each with its own random part", async () => {
    const svc = services();
    const first = await chat(svc, atReview(), { kind: "choice", value: "review:confirm" });
    const second = await chat(svc, atReview(), { kind: "choice", value: "review:confirm" });
    expect(second.dossier?.code).toMatch(/^HN-20261127-0002-[23456789BCDFGHJKMNPQRSTVWXZ]{4}$/);
    expect(first.dossier!.code.slice(-4)).not.toBe(second.dossier!.code.slice(-4));
  });

  it("looks up a dossier's status with its code and phone", async () => {
    const svc = services();
    const code = (await chat(svc, atReview(), { kind: "choice", value: "review:confirm" })).dossier!.code;
    const outcome = await chat(svc, initialState(), `tra cứu ${code}`, "0912345678");
    const said = outcome.replies.map((r) => r.text).join("\n");
    expect(said).toContain(`Hồ sơ ${code} (Đăng ký khai tử): đã nộp, chờ tiếp nhận`);
    expect(outcome.state.flowId).toBeNull();
  });

  it("answers a wrong phone exactly as an unknown code, so codes cannot be probed", async () => {
    const svc = services();
    const code = (await chat(svc, atReview(), { kind: "choice", value: "review:confirm" })).dossier!.code;
    const wrongPhone = await chat(svc, initialState(), "tra cứu", code, "0987654321");
    const unknownCode = await chat(svc, initialState(), "tra cứu", "HN-20261127-0099-BCDF", "0912345678");
    expect(wrongPhone.replies[0]!.text).toBe(unknownCode.replies[0]!.text);
    expect(wrongPhone.replies[0]!.text).toContain("chưa khớp nhau");
  });
});
