import { ALL_FLOWS } from "../../flows/catalogue";
import type { IdentityGroup } from "../../flows/flowTypes";
import { readCccdQr } from "../../server/identity/readCccdQr";
import { Conversation } from "../support/conversation";
import { walkFlow } from "../support/flowWalker";

const WOMAN = "087195001234||Nguyễn Thị Hồng Nhung|12041995|Nữ|Khóm 3, Phường An Thạnh, Đồng Tháp|15082021";
const MAN = "087092004321|341234567|Trần Văn Dũng|03091992|Nam|Ấp Tân Hòa, Xã Tân Hội, Đồng Tháp|02012025";

const groups = ALL_FLOWS.flatMap((flow) =>
  (flow.identities ?? []).map((group): [string, string, IdentityGroup] => [flow.id, group.id, group]),
);

describe("an ID card fills the identity of every person a procedure declares", () => {
  it("declares people in every procedure that asks for an ID number", () => {
    const declared = new Set(groups.map(([flowId]) => flowId));
    const asksId = (flow: (typeof ALL_FLOWS)[number]) =>
      flow.steps.some((s) => s.kind === "ask" && (s.type === "idNumber" || s.type === "cccd"));
    const asking = ALL_FLOWS.filter(asksId);
    expect(asking.map((f) => f.id).filter((id) => !declared.has(id))).toEqual([]);
  });

  it.each(groups)("%s: %s", (flowId, _id, group) => {
    const first = Object.values(group.fields)[0]!;
    // A grandmother filing a birth, so that neither parent's questions are copied from hers.
    const answers: Record<string, string> = flowId === "dang-ky-khai-sinh" ? { requesterRelationship: "Bà" } : {};
    const walk = walkFlow(flowId, { unitId: "an-thanh", answers, stopAt: first });
    const conversation = new Conversation("vi", "an-thanh");
    conversation.state = walk.state;
    const man = group.sex === "Nam";
    conversation.send({ kind: "identityCard", reading: readCccdQr(man ? MAN : WOMAN) });
    expect(conversation.choiceValues).toEqual(["identity:confirm", "identity:reject"]);
    conversation.send({ kind: "choice", value: "identity:confirm" });

    const filled = conversation.state.answers;
    expect(filled[group.fields.fullName]).toBe(man ? "Trần Văn Dũng" : "Nguyễn Thị Hồng Nhung");
    expect(filled[group.fields.idNumber]).toBe(man ? "087092004321" : "087195001234");
    if (group.fields.dateOfBirth) expect(filled[group.fields.dateOfBirth]).toBe(man ? "03/09/1992" : "12/04/1995");
    if (group.fields.sex) expect(filled[group.fields.sex]).toBe(man ? "Nam" : "Nữ");
    if (group.fields.residence) expect(String(filled[group.fields.residence])).toMatch(man ? /^Ấp Tân Hòa/ : /^Khóm 3/);
    if (group.fields.issueDate) expect(filled[group.fields.issueDate]).toBe(man ? "02/01/2025" : "15/08/2021");
    if (group.fields.issuer) expect(filled[group.fields.issuer]).toBeTruthy();
    for (const field of Object.values(group.fields))
      expect([field, conversation.state.sources[field]]).toEqual([field, { by: "idCard" }]);
    // The conversation goes on past every question the card answered.
    expect(Object.values(group.fields)).not.toContain(conversation.state.stepId);
  });
});
