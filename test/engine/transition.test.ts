import { initialState, restoreState } from "../../server/engine/conversationState";
import type { EngineInput } from "../../server/engine/engineIO";
import { transition } from "../../server/engine/transition";
import { Conversation } from "../support/conversation";
import { catalogue, CLOCK } from "../support/flowWalker";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    Object.freeze(value);
    for (const nested of Object.values(value)) deepFreeze(nested);
  }
  return value;
}

const BIRTH_SCRIPT: EngineInput[] = [
  { kind: "start" },
  { kind: "text", text: "tôi muốn làm giấy khai sinh cho con" },
  { kind: "text", text: "Trần Thị Mai" },
  { kind: "text", text: "12/4/1995" },
  { kind: "choice", value: "skip" },
  { kind: "text", text: "cccd" },
  { kind: "text", text: "087195001234" },
];

describe("transition", () => {
  it("greets with the menu of procedures, status lookup and a clerk", () => {
    const chat = new Conversation().send({ kind: "start" });
    expect(chat.said).toContain("Xin chào");
    expect(chat.choiceValues).toEqual(
      expect.arrayContaining(["dang-ky-khai-sinh", "dang-ky-ho-kinh-doanh", "tra-cuu-ho-so", "cmd:human"]),
    );
    expect(chat.state.flowId).toBeNull();
  });

  it("never changes the state it is given and returns the same result for the same arguments", () => {
    let state = initialState("vi", "an-thanh");
    for (const input of BIRTH_SCRIPT) {
      deepFreeze(state);
      const first = transition(catalogue(), state, input, CLOCK);
      const second = transition(catalogue(), state, input, CLOCK);
      expect(second).toEqual(first);
      state = first.state;
    }
    expect(state.answers.requesterIdNumber).toBe("087195001234");
  });

  it("gives the same conversation when the state is stored as JSON and restored between every turn", () => {
    let live = initialState("vi", "an-thanh");
    let stored = JSON.stringify(live);
    for (const input of BIRTH_SCRIPT) {
      const direct = transition(catalogue(), live, input, CLOCK);
      const restored = transition(catalogue(), restoreState(JSON.parse(stored)), input, CLOCK);
      expect(restored).toEqual(direct);
      live = direct.state;
      stored = JSON.stringify(restored.state);
    }
  });

  it("refuses a stored state of an unknown version instead of guessing", () => {
    expect(() => restoreState({ ...initialState(), version: 99 })).toThrow("STATE_VERSION_UNKNOWN");
  });

  it("starts a procedure named in the first message, typed without diacritics", () => {
    const chat = new Conversation().say("toi muon dang ky khai tu cho ba toi");
    expect(chat.state.flowId).toBe("dang-ky-khai-tu");
  });

  it("resumes where the conversation stopped when the citizen comes back", () => {
    const chat = new Conversation().say("khai sinh cho con", "Trần Thị Mai");
    const asked = chat.state.stepId;
    chat.send({ kind: "start" });
    expect(chat.state.stepId).toBe(asked);
    expect(chat.said).not.toContain("Xin chào");
  });

  it("speaks English when the conversation is in English", () => {
    const chat = new Conversation("en").send({ kind: "start" });
    expect(chat.said).toContain("Hello");
    chat.send({ kind: "choice", value: "dang-ky-khai-sinh" });
    expect(chat.said).toContain("Procedure: Birth registration");
  });

  it("re-asks with what is wrong and an example when a date is impossible", () => {
    const chat = new Conversation().say("khai sinh", "Trần Thị Mai", "31/02/1995");
    expect(chat.state.stepId).toBe("requesterDateOfBirth");
    expect(chat.replies[0]!.text).toMatch(/05\/03\/2020|Ví dụ/);
    expect(chat.state.answers.requesterDateOfBirth).toBeUndefined();
  });

  it("marks every field with who gave it", () => {
    const chat = new Conversation().say("khai sinh", "Trần Thị Mai");
    expect(chat.state.sources.requesterFullName).toEqual({ by: "citizen" });
    expect(chat.state.sources.kinhGui).toEqual({ by: "bot" });
    expect(chat.state.answers.kinhGui).toBe("Ủy ban nhân dân phường An Thạnh, thành phố Hồng Ngự, tỉnh Đồng Tháp");
  });

  it("asks for the unit when the channel does not know it, and addresses the form to it", () => {
    const chat = new Conversation("vi", null).say("khai sinh");
    expect(chat.state.stepId).toBe("unitId");
    chat.send("tan hoi");
    expect(chat.state.unitId).toBe("tan-hoi");
    expect(chat.state.answers.kinhGui).toBe("Ủy ban nhân dân xã Tân Hội, thành phố Hồng Ngự, tỉnh Đồng Tháp");
  });
});
