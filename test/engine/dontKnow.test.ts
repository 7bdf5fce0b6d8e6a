import { saysDontKnow } from "../../server/engine/understanding/dontKnow";
import { Conversation } from "../support/conversation";

describe('"I don\'t remember" is an answer, never a value', () => {
  it.each(["không nhớ", "ko nho", "Em không nhớ ạ", "quên rồi", "ko biết", "chưa biết", "để sau", "I don't remember"])(
    "reads %p as not knowing",
    (text) => {
      expect(saysDontKnow(text)).toBe(true);
    },
  );

  it.each(["Không", "không có", "Nguyễn Văn Khôi", "Kha Thị Quế", "ấp Tân Hội", "no"])(
    "reads %p as something else",
    (text) => {
      expect(saysDontKnow(text)).toBe(false);
    },
  );

  it("skips an optional question, and nothing of it reaches the answers", () => {
    // The requester's date of birth is optional on the 2024 form.
    const chat = new Conversation().say("khai sinh", "Trần Thị Mai");
    expect(chat.state.stepId).toBe("requesterDateOfBirth");
    chat.send("ko nhớ");
    expect(chat.state.stepId).not.toBe("requesterDateOfBirth");
    expect(chat.state.answers.requesterDateOfBirth ?? null).toBeNull();
    expect(JSON.stringify(chat.state.answers)).not.toMatch(/nh[oớ]/i);
  });

  it("explains a required question, offers a clerk, stores nothing, and calls a clerk on the third time", () => {
    const chat = new Conversation().say("khai sinh");
    expect(chat.state.stepId).toBe("requesterFullName");
    chat.send("em không nhớ");
    expect(chat.state.stepId).toBe("requesterFullName");
    expect(chat.state.answers.requesterFullName).toBeUndefined();
    expect(chat.said).toContain("bắt buộc phải có trên tờ khai");
    expect(chat.choiceValues).toContain("cmd:human");
    chat.send({ kind: "choice", value: "cmd:human" });
    expect(chat.state.status).toBe("waiting_clerk");
  });

  it('does not take a yes/no question\'s "không biết" for a no', () => {
    const chat = new Conversation().say("khai sinh", "Trần Thị Mai", "12/04/1995", "bỏ qua");
    const before = chat.state.stepId;
    chat.send("không biết");
    expect(chat.state.stepId).toBe(before);
    expect(chat.said).toContain("bắt buộc");
  });

  it("calls a clerk when the citizen still does not know after three tries", () => {
    const chat = new Conversation().say("khai sinh", "không nhớ", "quên rồi");
    expect(chat.state.status).toBe("bot");
    chat.send("không biết");
    expect(chat.state.status).toBe("waiting_clerk");
    expect(chat.effects[0]).toMatchObject({ type: "requestClerk", reason: "stuck" });
  });
});
