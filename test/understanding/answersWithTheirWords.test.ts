import { parseName } from "../../server/engine/understanding/parseName";
import { parseBirthDate } from "../../server/engine/understanding/parseBirthDate";
import { parsePhone } from "../../server/engine/understanding/parsePhone";
import type { AskStep } from "../../flows/flowTypes";
import { parseAnswer } from "../../server/engine/fieldParsers";
import { Conversation } from "../support/conversation";
import { catalogue, walkFlow } from "../support/flowWalker";

describe("a name typed with what people say around it", () => {
  it.each([
    ["tên bé là nguyễn thị hồng nhung", "Nguyễn Thị Hồng Nhung"],
    ["Bé tên Trần Bảo An", "Trần Bảo An"],
    ["tôi là Lê Văn Tám", "Lê Văn Tám"],
    ["Họ tên: Phạm Thị Lan", "Phạm Thị Lan"],
    ["họ và tên : võ văn kiệt ạ", "Võ Văn Kiệt"],
    ["mẹ tên Huỳnh Thị Mỹ", "Huỳnh Thị Mỹ"],
    ["my name is John Smith", "John Smith"],
    // "Lã" is a family name, not "là"; "Minh" a given name, not "mình".
    ["tên Lã Văn Minh", "Lã Văn Minh"],
    ["Minh Lan", "Minh Lan"],
  ])("reads %p as %p", (typed, name) => {
    expect(parseName(typed)).toEqual({ ok: true, value: name });
  });

  it("queries a one-word name instead of taking it silently, and keeps it when the citizen says it is right", () => {
    expect(parseName("An")).toMatchObject({ ok: true, value: "An", warning: { code: "NAME_ONE_WORD" } });
    const chat = new Conversation().say("khai sinh", "Mai");
    expect(chat.state.stepId).toBe("requesterFullName");
    expect(chat.said).toContain('Họ tên chỉ có một chữ: "Mai"');
    chat.send("đúng");
    expect(chat.state.answers.requesterFullName).toBe("Mai");
  });
});

describe("a phone given with its label", () => {
  it.each([
    ["sđt 0912345678", "0912345678"],
    ["số của em là 0912 345 678 ạ", "0912345678"],
    ["phone: +84 912 345 678", "0912345678"],
    ["ĐT: 0388.111.222", "0388111222"],
  ])("reads %p as %p", (typed, phone) => {
    expect(parsePhone(typed)).toEqual({ ok: true, value: phone });
  });

  it("never says 10 digits are needed to someone who typed 10", () => {
    const result = parsePhone("0612 345 678");
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/bạn đã nhập 10 chữ số|you typed 10 digits/);
    expect(JSON.stringify(result)).toContain("bắt đầu bằng 03, 05, 07, 08 hoặc 09");
  });
});

describe("a parent's ID number that says the other sex", () => {
  const stepOf = (id: string) => {
    const flow = catalogue().flows.get("dang-ky-khai-sinh")!;
    return flow.flow.steps.find((step) => step.id === id) as AskStep;
  };

  it("queries a mother's CCCD with a man's sex digit, and a father's with a woman's", () => {
    // 087 (Đồng Tháp), 0 = a man born in the 1900s, 1 = a woman.
    const mother = parseAnswer("087095001234", { today: "2026-12-04", answers: {}, step: stepOf("motherIdNumber") });
    expect(mother).toMatchObject({ ok: true, warning: { code: "CCCD_MISMATCH" } });
    const father = parseAnswer("087195001234", { today: "2026-12-04", answers: {}, step: stepOf("fatherIdNumber") });
    expect(father).toMatchObject({ ok: true, warning: { code: "CCCD_MISMATCH" } });
    expect(parseAnswer("087195001234", { today: "2026-12-04", answers: {}, step: stepOf("motherIdNumber") })).toEqual({
      ok: true,
      value: "087195001234",
    });
  });
});

describe("a two-digit year, and a child born a century ago", () => {
  it('reads a newborn\'s "26" as this year and an adult\'s "95" as 1995, each shown to be confirmed', () => {
    expect(parseBirthDate("12/4/26", "2026-12-04", 100)).toMatchObject({
      ok: true,
      value: "12/04/2026",
      warning: { code: "DATE_YEAR_ASSUMED" },
    });
    expect(parseBirthDate("12/04/95", "2026-12-04")).toMatchObject({ ok: true, value: "12/04/1995" });
    // Where both centuries fit, the citizen writes the year out.
    expect(parseBirthDate("12/04/25", "2026-12-04")).toMatchObject({ ok: false, code: "DATE_YEAR_TWO_DIGITS" });
  });

  it("asks the citizen to confirm the year understood, in the birth registration", () => {
    const chat = walkTo("childDateOfBirth");
    chat.send("3/11/26");
    expect(chat.said).toContain('Năm "26" được hiểu là năm 2026: ngày 03/11/2026.');
    chat.send("đúng");
    expect(chat.state.answers.childDateOfBirth).toBe("03/11/2026");
  });

  it("refuses a child born a century ago", () => {
    const chat = walkTo("childDateOfBirth");
    chat.send("03/11/1925");
    expect(chat.state.answers.childDateOfBirth).toBeUndefined();
    expect(chat.said).toContain("Năm 1925 là");
  });
});

/** A birth registration walked up to `stepId`, with the walk's own answers. */
function walkTo(stepId: string, answers: Record<string, string> = {}): Conversation {
  const walk = walkFlow("dang-ky-khai-sinh", { stopAt: stepId, answers });
  const chat = new Conversation();
  for (const input of walk.inputs) chat.send(input);
  expect(chat.state.stepId).toBe(stepId);
  return chat;
}

describe('"cùng địa chỉ với mẹ", "như trên": the other person\'s answer, said so', () => {
  // The mother files: her residence is hers; the father's is asked.
  const PARENTS = { requesterRelationship: "Mẹ", fatherKnown: "có" };
  it("copies the mother's residence to the father's, and tells the citizen", () => {
    const chat = walkTo("fatherResidence", PARENTS);
    const mother = chat.state.answers.motherResidence as string;
    expect(mother).toBeTruthy();
    chat.send("cùng địa chỉ với mẹ");
    expect(chat.state.answers.fatherResidence).toBe(mother);
    expect(chat.said).toContain(`Đã điền giống mẹ: ${mother}.`);
  });

  it('takes "như trên" as the last address given, and reads an address that merely starts alike as an address', () => {
    const above = walkTo("fatherResidence", PARENTS);
    above.send("như trên");
    expect(above.state.answers.fatherResidence).toBe(above.state.answers.motherResidence);
    const other = walkTo("fatherResidence", PARENTS);
    other.send("Cùng Nhà 12, ấp Tân Hội, xã Tân Hội");
    expect(other.state.answers.fatherResidence).toBe("Cùng Nhà 12, ấp Tân Hội, xã Tân Hội");
  });
});

describe("a shop's phone", () => {
  it("is read like every phone, a landline accepted, in the household business registration", () => {
    const hqPhone = catalogue()
      .flows.get("dang-ky-ho-kinh-doanh")!
      .flow.steps.find((step) => step.id === "hqPhone") as AskStep;
    const read = (text: string) => parseAnswer(text, { today: "2026-12-04", answers: {}, step: hqPhone });
    expect(read("ĐT cửa hàng: 0277 3837 123")).toEqual({ ok: true, value: "02773837123" });
    expect(read("+84 912 345 678")).toEqual({ ok: true, value: "0912345678" });
    expect(read("cửa hàng chưa có số")).toMatchObject({ ok: false, code: "PHONE_INVALID" });
  });
});
