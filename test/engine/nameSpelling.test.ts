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

  it('asks which one when "đúng" answers several spellings, and never keeps the word as the name', () => {
    const chat = new Conversation().say("khai sinh", "tran bao an", "đúng");
    expect(chat.state.answers.requesterFullName).toBeUndefined();
    expect(chat.state.pending).toMatchObject({ kind: "chooseSpelling" });
    expect(chat.said).toContain("Bạn chọn giúp một cách viết dưới đây (bấm nút hoặc gõ số thứ tự).");
    expect(chat.lastReply.choices?.map((c) => c.label)).toEqual(expect.arrayContaining(["Trần Bảo An", "Trần Bảo Ân"]));
    chat.send("1");
    expect(["Trần Bảo An", "Trần Bảo Ân"]).toContain(chat.state.answers.requesterFullName);
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

describe("an address or an issuing authority typed without diacritics", () => {
  const toResidence = () => new Conversation().say("khai sinh", "Nguyễn Văn An", "20/10/1990");

  it("is offered with its diacritics, and what the citizen confirms is what is kept", () => {
    const chat = toResidence().send("so 12 duong nguyen hue khom 3 phuong an thanh");
    expect(chat.state.pending).toMatchObject({
      kind: "chooseSpelling",
      stepId: "requesterResidence",
      options: ["Số 12 đường Nguyễn Huệ, khóm 3, phường An Thạnh"],
    });
    expect(chat.said).toContain("Số 12 đường Nguyễn Huệ, khóm 3, phường An Thạnh — đúng không?");
    expect(chat.lastReply.choices?.map((c) => c.label)).toEqual([
      "Số 12 đường Nguyễn Huệ, khóm 3, phường An Thạnh",
      "Giữ như tôi gõ: so 12 duong nguyen hue khom 3 phuong an thanh",
    ]);
    expect(chat.state.answers.requesterResidence).toBeUndefined();
    chat.send("đúng");
    expect(chat.state.answers.requesterResidence).toBe("Số 12 đường Nguyễn Huệ, khóm 3, phường An Thạnh");
  });

  it("keeps the address as typed when the citizen says so, and takes one typed with any diacritic as typed", () => {
    const kept = toResidence().send("so 12 duong nguyen hue").send({ kind: "choice", value: "spell:keep" });
    expect(kept.state.answers.requesterResidence).toBe("so 12 duong nguyen hue");

    const typedRight = toResidence().send("Số 12 duong nguyen hue, phuong An Thạnh");
    expect(typedRight.state.pending).toBeNull();
    expect(typedRight.state.answers.requesterResidence).toBe("Số 12 duong nguyen hue, phuong An Thạnh");
  });

  it("offers the issuing authority from the known list", () => {
    const chat = toResidence().say("Số 12 đường Nguyễn Huệ", "cccd", "087090012345", "15/08/2021");
    chat.send("cuc canh sat quan ly hanh chinh ve trat tu xa hoi");
    expect(chat.said).toContain("Cục Cảnh sát quản lý hành chính về trật tự xã hội — đúng không?");
    chat.send({ kind: "choice", value: "spell:0" });
    expect(chat.state.answers.requesterIdIssuer).toBe("Cục Cảnh sát quản lý hành chính về trật tự xã hội");

    const police = toResidence().say(
      "Số 12 đường Nguyễn Huệ",
      "cccd",
      "087090012345",
      "15/08/2021",
      "cong an tinh dong thap",
    );
    police.send("có");
    expect(police.state.answers.requesterIdIssuer).toBe("Công an tỉnh Đồng Tháp");
  });

  it("is offered in a table's rows too: a household member's name and address", () => {
    const walk = walkFlow("dang-ky-ho-kinh-doanh", {
      answers: { establishmentEntity: { kind: "choice", value: "Các thành viên hộ gia đình" } },
      stopAt: "familyMembers",
    });
    const chat = new Conversation();
    chat.state = walk.state;
    chat.send("tran van lien");
    expect(chat.state.pending).toMatchObject({ kind: "chooseSpelling", stepId: "familyMembers" });
    expect(chat.lastReply.choices?.[0]?.label).toBe("Trần Văn Liên");
    chat.send({ kind: "choice", value: "spell:0" });
    expect(chat.state.table?.row).toEqual({ memberFullName: "Trần Văn Liên" });
    chat.say("12/05/1983", "nam", "Việt Nam", "Kinh", "so 5 duong tran hung dao phuong an binh");
    expect(chat.lastReply.choices?.[0]?.label).toBe("Số 5 đường Trần Hưng Đạo, phường An Bình");
    chat.send({ kind: "choice", value: "spell:0" });
    expect(chat.state.table?.row).toMatchObject({ memberPermanentAddress: "Số 5 đường Trần Hưng Đạo, phường An Bình" });
  });
});
