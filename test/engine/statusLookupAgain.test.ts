import { Conversation } from "../support/conversation";

const CODE = "HN-20261127-0042-K7QM";
const FOUND = {
  found: true as const,
  code: CODE,
  procedureId: "dang-ky-khai-tu",
  status: "received",
  submittedAt: "27/11/2026",
  updatedAt: "28/11/2026",
  statusText: null,
};

describe("a status lookup whose phone does not match", () => {
  it("asks for the phone again, twice, keeping the code, then gives up to the menu", () => {
    const chat = new Conversation().say(`tra cứu ${CODE}`, "0987 654 321");
    expect(chat.effects).toEqual([{ type: "lookupStatus", code: CODE, phone: "0987654321" }]);
    chat.send({ kind: "statusResult", result: { found: false } });
    expect(chat.said).toContain("chưa khớp nhau");
    expect(chat.state.stepId).toBe("phone");
    expect(chat.state.answers.receiptCode).toBe(CODE);
    chat.send("0987 654 322").send({ kind: "statusResult", result: { found: false } });
    expect(chat.state.stepId).toBe("phone");
    chat.send("0987 654 323").send({ kind: "statusResult", result: { found: false } });
    expect(chat.said).toContain("Không tìm thấy hồ sơ");
    expect(chat.state.flowId).toBeNull();
  });

  it("answers with the status when the phone typed again is right", () => {
    const chat = new Conversation().say(`tra cứu ${CODE}`, "0987 654 321");
    chat.send({ kind: "statusResult", result: { found: false } });
    chat.send("0912 345 678");
    expect(chat.effects).toEqual([{ type: "lookupStatus", code: CODE, phone: "0912345678" }]);
    chat.send({ kind: "statusResult", result: FOUND });
    expect(chat.said).toContain(`Hồ sơ ${CODE}`);
    // A new lookup starts with its own two chances.
    chat.say(`tra cứu ${CODE}`, "0987 654 321").send({ kind: "statusResult", result: { found: false } });
    expect(chat.state.stepId).toBe("phone");
  });
});
