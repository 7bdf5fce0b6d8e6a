import type { EngineInput } from "../../server/engine/engineIO";
import { transition } from "../../server/engine/transition";
import { readCccdQr } from "../../server/identity/readCccdQr";
import { Conversation } from "../support/conversation";
import { CLOCK, catalogue, walkFlow } from "../support/flowWalker";

const MOTHER_QR = "087195001234||Nguyễn Thị Hồng Nhung|12041995|Nữ|Khóm 3, Phường An Thạnh, Đồng Tháp|15082021";
const FATHER_QR = "087092004321|341234567|Trần Văn Dũng|03091992|Nam|Ấp Tân Hòa, Xã Tân Hội, Đồng Tháp|02012025";

/** A grandmother filing, stopped at the first question of `stopAt`'s person. */
function grandmotherAt(stopAt: string): Conversation {
  const walk = walkFlow("dang-ky-khai-sinh", { unitId: "an-thanh", answers: { requesterRelationship: "Bà" }, stopAt });
  const conversation = new Conversation("vi", "an-thanh");
  conversation.state = walk.state;
  return conversation;
}

const card = (qr: string): EngineInput => ({ kind: "identityCard", reading: readCccdQr(qr) });

describe("an ID card fills a person's identity in the engine", () => {
  it("offers the scan on the mother's first question, shows the card, and fills her fields once confirmed", () => {
    const conversation = grandmotherAt("motherFullName");
    const asked = transition(catalogue(), conversation.state, { kind: "start" }, CLOCK);
    expect(asked.replies.at(-1)!.choices).toContainEqual({ label: "Quét CCCD", value: "identity:scan" });

    conversation.send(card(MOTHER_QR));
    expect(conversation.said).toContain(
      "Nguyễn Thị Hồng Nhung · 12/04/1995 · Nữ · CCCD 087195001234 · cấp 15/08/2021 · thường trú Khóm 3",
    );
    expect(conversation.choiceValues).toEqual(["identity:confirm", "identity:reject"]);
    expect(conversation.state.answers.motherFullName).toBeUndefined();

    conversation.send({ kind: "choice", value: "identity:confirm" });
    expect(conversation.state.answers).toMatchObject({
      motherFullName: "Nguyễn Thị Hồng Nhung",
      motherBirthDateOrYear: "12/04/1995",
      motherIdNumber: "087195001234",
    });
    expect(conversation.state.sources.motherFullName).toEqual({ by: "idCard" });
    // Name, date of birth and ID number skipped: the ethnicity is next.
    expect(conversation.state.stepId).toBe("motherEthnicity");
  });

  it("refuses a man's card for the mother, and a rejected card fills nothing", () => {
    const conversation = grandmotherAt("motherFullName");
    conversation.send(card(FATHER_QR));
    expect(conversation.said).toMatch(/không phải thẻ của người mẹ/);
    expect(conversation.state.pending).toBeNull();
    conversation.send(card(MOTHER_QR)).send({ kind: "choice", value: "identity:reject" });
    expect(conversation.state.answers.motherFullName).toBeUndefined();
    expect(conversation.state.stepId).toBe("motherFullName");
  });

  it("says plainly why a photo gave no card, and asks the question again", () => {
    const conversation = grandmotherAt("motherFullName");
    conversation.send({ kind: "identityCard", reading: { ok: false, reason: "tooLarge" } });
    expect(conversation.said).toMatch(/^Ảnh quá lớn để đọc, nên tôi không điền gì/);
    expect(conversation.lastReply.text).toBe("Họ và tên người mẹ?");
    expect(conversation.state.pending).toBeNull();
  });

  it("answers identity:scan with how to send the card's photo", () => {
    const conversation = grandmotherAt("fatherFullName");
    conversation.send({ kind: "choice", value: "identity:scan" });
    expect(conversation.said).toMatch(/^Gửi ảnh chụp mặt trước CCCD của người cha/);
    expect(conversation.state.stepId).toBe("fatherFullName");
  });
});
