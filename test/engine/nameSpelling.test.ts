import { walkFlow } from "../support/flowWalker";
import { Conversation } from "../support/conversation";

describe("a name typed without diacritics", () => {
  it("is offered with its diacritics, and what the citizen confirms is what is kept", () => {
    const chat = new Conversation().say("khai sinh", "nguyen thi hong nhung");
    expect(chat.state.pending).toMatchObject({ kind: "chooseSpelling", options: ["Nguyễn Thị Hồng Nhung"] });
    expect(chat.said).toContain('Họ tên viết có dấu là "Nguyễn Thị Hồng Nhung", đúng không?');
    expect(chat.lastReply.choices?.map((c) => c.label)).toEqual([
      "Nguyễn Thị Hồng Nhung",
      "Giữ như tôi gõ: Nguyen Thi Hong Nhung",
    ]);
    expect(chat.state.answers.requesterFullName).toBeUndefined();
    chat.send("đúng");
    expect(chat.state.answers.requesterFullName).toBe("Nguyễn Thị Hồng Nhung");
    expect(chat.state.sources.requesterFullName).toEqual({ by: "citizen" });
  });

  it("offers the likeliest two or three where a syllable is ambiguous, and keeps the one chosen", () => {
    const chat = new Conversation().say("khai sinh", "tran bao an");
    const options = (chat.state.pending as { options: string[] }).options;
    expect(options.length).toBeGreaterThan(1);
    expect(options).toEqual(expect.arrayContaining(["Trần Bảo An", "Trần Bảo Ân"]));
    chat.send({ kind: "choice", value: `spell:${options.indexOf("Trần Bảo Ân")}` });
    expect(chat.state.answers.requesterFullName).toBe("Trần Bảo Ân");
  });

  it("keeps it as typed when the citizen says so, and asks again on a no", () => {
    const kept = new Conversation().say("khai sinh", "nguyen van an");
    kept.send({ kind: "choice", value: "spell:keep" });
    expect(kept.state.answers.requesterFullName).toBe("Nguyen Van An");

    const again = new Conversation().say("khai sinh", "nguyen van an", "không");
    expect(again.state.answers.requesterFullName).toBeUndefined();
    expect(again.state.stepId).toBe("requesterFullName");
    again.send("Nguyễn Văn Ân");
    expect(again.state.answers.requesterFullName).toBe("Nguyễn Văn Ân");
  });

  it("is not asked about when typed with diacritics", () => {
    const chat = new Conversation().say("khai sinh", "Trần Thị Mai Anh");
    expect(chat.state.pending).toBeNull();
    expect(chat.state.answers.requesterFullName).toBe("Trần Thị Mai Anh");
  });

  it("reaches the form in correct Vietnamese when a whole birth registration is typed without diacritics", () => {
    const typedPlain = walkFlow("dang-ky-khai-sinh", { withoutDiacritics: true });
    const typedRight = walkFlow("dang-ky-khai-sinh", { withoutDiacritics: false });
    const names = (fields: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(fields).filter(([key]) => /FullName$/.test(key)));
    expect(Object.keys(names(typedRight.draft!.fields)).length).toBeGreaterThanOrEqual(3);
    expect(names(typedPlain.draft!.fields)).toEqual(names(typedRight.draft!.fields));
  });
});
