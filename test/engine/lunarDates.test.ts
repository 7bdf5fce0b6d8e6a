import { Conversation } from "../support/conversation";
import { walkFlow } from "../support/flowWalker";

/** A death registration at the question `stepId`, the earlier ones answered as a citizen would. */
function askedAt(stepId: string, locale: "vi" | "en" = "vi"): Conversation {
  const chat = new Conversation(locale);
  chat.state = walkFlow("dang-ky-khai-tu", { stopAt: stepId, locale }).state;
  expect(chat.state.stepId).toBe(stepId);
  return chat;
}

describe("a date given in the lunar calendar", () => {
  it("is converted and said back with its solar date, and kept once the citizen confirms it", () => {
    const chat = askedAt("deceasedDateOfBirth").send("15/8 âm lịch năm 1960");
    expect(chat.said).toBe("Ngày 15/8 âm lịch năm 1960 là ngày 05/10/1960 dương lịch — đúng không?");
    expect(chat.lastReply.choices?.map((c) => c.value)).toEqual(["yes", "no"]);
    expect(chat.state.answers.deceasedDateOfBirth).toBeUndefined();
    chat.send("đúng");
    expect(chat.state.answers.deceasedDateOfBirth).toBe("05/10/1960");
    expect(chat.state.stepId).not.toBe("deceasedDateOfBirth");
  });

  it("reads the ways people say it: mùng, tháng giêng, ngày … tháng … âm lịch", () => {
    expect(askedAt("deceasedDateOfBirth").send("mùng 3 tháng giêng âm năm 1950").said).toBe(
      "Ngày 3/1 âm lịch năm 1950 là ngày 19/02/1950 dương lịch — đúng không?",
    );
    expect(askedAt("deathDate").send("ngay 10 thang 2 am lich 1985").said).toBe(
      "Ngày 10/2 âm lịch năm 1985 là ngày 01/03/1985 dương lịch — đúng không?",
    );
    expect(askedAt("deathDate").send("rằm tháng chạp âm lịch 2005").said).toBe(
      "Ngày 15/12 âm lịch năm 2005 là ngày 14/01/2006 dương lịch — đúng không?",
    );
  });

  it("is never read as the solar date of the same numbers", () => {
    const chat = askedAt("deathDate").send("10/2/1985 âm lịch");
    expect(chat.said).toContain("là ngày 01/03/1985 dương lịch");
    chat.send("có");
    expect(chat.state.answers.deathDate).toBe("01/03/1985");
  });

  it("is asked again, nothing kept, when the citizen says the solar date is wrong", () => {
    const chat = askedAt("deathDate").send("15/8 âm lịch năm 1960").send("không");
    expect(chat.state.answers.deathDate).toBeUndefined();
    expect(chat.state.stepId).toBe("deathDate");
    expect(chat.state.pending).toBeNull();
  });

  it("takes a leap month, and refuses one the year does not have", () => {
    expect(askedAt("deathDate").send("1/2 nhuận âm lịch năm 2023").said).toBe(
      "Ngày 1/2 nhuận âm lịch năm 2023 là ngày 22/03/2023 dương lịch — đúng không?",
    );
    const refused = askedAt("deathDate").send("1/3 nhuận âm lịch năm 2023");
    expect(refused.said).toContain(
      'Năm 2023 âm lịch không có tháng 3 nhuận. Xin kiểm tra lại tháng, hoặc bỏ chữ "nhuận".',
    );
    expect(refused.state.pending).toBeNull();
  });

  it("is checked as the field checks any date: a death date to come is refused", () => {
    const chat = askedAt("deathDate").send("15/8 âm lịch năm 2027");
    expect(chat.state.pending).toBeNull();
    expect(chat.said).toMatch(/sau hôm nay/);
  });

  it("is confirmed in a table's row too: a household member's date of birth", () => {
    const chat = new Conversation();
    chat.state = walkFlow("dang-ky-thuong-tru", {
      answers: { hasHouseholdMembers: "có" },
      stopAt: "householdMembers",
    }).state;
    chat.say("Trần Văn Bảy", "mùng 3 tháng giêng âm năm 1950");
    expect(chat.said).toBe("Ngày 3/1 âm lịch năm 1950 là ngày 19/02/1950 dương lịch — đúng không?");
    chat.send("có");
    expect(chat.state.table?.row).toEqual({ memberFullName: "Trần Văn Bảy", memberDateOfBirth: "19/02/1950" });
  });

  it("is said back in English to an English-speaking citizen", () => {
    const chat = askedAt("deceasedDateOfBirth", "en").send("15/8 am lich 1960");
    expect(chat.said).toBe("The lunar date 15/8 of 1960 is 05/10/1960 in the solar calendar — is that right?");
  });
});
