import { matchIntent } from "../../server/engine/understanding/matchIntent";
import { Conversation } from "../support/conversation";

describe("stuck detection", () => {
  it("asks a clerk after three failed answers to the same question", () => {
    const chat = new Conversation().say("khai sinh", "Trần Thị Mai", "hôm qua", "31/02/1995");
    expect(chat.state.status).toBe("bot");
    expect(chat.state.failedAnswers).toBe(2);
    chat.send("ngày 32");
    expect(chat.state.status).toBe("waiting_clerk");
    expect(chat.effects).toEqual([
      { type: "requestClerk", reason: "stuck", flowId: "dang-ky-khai-sinh", stepId: "requesterDateOfBirth" },
    ]);
    expect(chat.said).toContain("vẫn được giữ nguyên");
  });

  it("counts failures per question: a good answer starts the count again", () => {
    const chat = new Conversation().say(
      "khai sinh",
      "Trần Thị Mai",
      "abc",
      "xyz",
      "12/04/1995",
      "bỏ qua",
      "cccd",
      "123",
    );
    expect(chat.state.status).toBe("bot");
    expect(chat.state.failedAnswers).toBe(1);
  });

  it("asks a clerk after two messages in a row it cannot understand", () => {
    const chat = new Conversation().say("khai sinh", "Trần Thị Mai", "12/04/1995", "bỏ qua", "con mèo");
    expect(chat.state.status).toBe("bot");
    expect(chat.said).toContain("chưa hiểu");
    chat.send("trời mưa");
    expect(chat.state.status).toBe("waiting_clerk");
    expect(chat.effects[0]).toMatchObject({ type: "requestClerk", reason: "stuck" });
  });

  it("asks a clerk when two first messages name no procedure", () => {
    const chat = new Conversation().send({ kind: "start" }).send("asdf qwer");
    expect(chat.state.status).toBe("bot");
    chat.send("zzzz");
    expect(chat.state.status).toBe("waiting_clerk");
  });
});

describe("answers that contradict earlier ones", () => {
  // 087 Đồng Tháp, 1 = female born 1900–1999, 95 = 1995.
  const upToIdNumber = () => new Conversation().say("khai sinh", "Trần Thị Mai", "12/04/1990", "bỏ qua", "cccd");

  it("asks to confirm a CCCD whose birth-year digits disagree with the date of birth", () => {
    const chat = upToIdNumber().send("087195001234");
    expect(chat.state.pending?.kind).toBe("confirmWarning");
    expect(chat.state.answers.requesterIdNumber).toBeUndefined();
    chat.send("có");
    expect(chat.state.answers.requesterIdNumber).toBe("087195001234");
  });

  it("asks again when the citizen says the contradicting number is wrong", () => {
    const chat = upToIdNumber().say("087195001234", "không");
    expect(chat.state.stepId).toBe("requesterIdNumber");
    chat.send("087190001234");
    expect(chat.state.answers.requesterIdNumber).toBe("087190001234");
  });

  it("accepts a passport number as written when the ID type is a passport", () => {
    const chat = new Conversation().say("khai sinh", "Trần Thị Mai", "12/04/1990", "bỏ qua", "hộ chiếu", "C1234567");
    expect(chat.state.answers.requesterIdNumber).toBe("C1234567");
  });

  it("re-asks a CCCD of 11 digits", () => {
    const chat = upToIdNumber().send("08719000123");
    expect(chat.state.stepId).toBe("requesterIdNumber");
    expect(chat.said).toMatch(/11/);
  });
});

describe("choosing a procedure", () => {
  it("offers the candidates as choices, best first, when it is not sure, and starts the one chosen", () => {
    const message = "giấy tờ hôn nhân";
    const intent = matchIntent(message);
    expect(intent).toMatchObject({ kind: "procedure", confident: false });
    const candidates = (intent as Extract<typeof intent, { kind: "procedure" }>).candidates.map((c) => c.procedureId);
    const chat = new Conversation().send({ kind: "start" }).send(message);
    expect(chat.state.flowId).toBeNull();
    expect(chat.choiceValues).toEqual(candidates);
    expect(chat.choiceValues.length).toBeLessThanOrEqual(3);
    chat.send({ kind: "choice", value: candidates[0]! });
    expect(chat.state.flowId).toBe(candidates[0]);
  });

  it("starts the procedure a choice button names", () => {
    const chat = new Conversation()
      .send({ kind: "start" })
      .send({ kind: "choice", value: "cap-phieu-ly-lich-tu-phap" });
    expect(chat.state.flowId).toBe("cap-phieu-ly-lich-tu-phap");
  });

  it("puts the conversation in the queue when the first message asks for a person", () => {
    const chat = new Conversation().send({ kind: "start" }).send("cho tôi nói chuyện với cán bộ");
    expect(chat.state.status).toBe("waiting_clerk");
  });
});
