import { Conversation } from "../support/conversation";
import { matchCommand } from "../../server/engine/understanding/matchCommand";
import { walkFlow } from "../support/flowWalker";

/** A birth registration answered up to the child's name. */
function birthUpToChildName(): Conversation {
  return new Conversation().say(
    "khai sinh",
    "Trần Thị Mai",
    "12/04/1995",
    "bỏ qua",
    "cccd",
    "087195001234",
    "bỏ qua",
    "bỏ qua",
    "mẹ",
    "Nguyễn Ngọc Bảo An",
  );
}

describe("global commands", () => {
  it("goes back to the previous question with its answer offered to keep", () => {
    const chat = birthUpToChildName();
    expect(chat.state.stepId).toBe("childDateOfBirth");
    chat.send("quay lại");
    expect(chat.state.stepId).toBe("childFullName");
    expect(chat.lastReply.choices?.[0]).toEqual({ label: "Giữ nguyên: Nguyễn Ngọc Bảo An", value: "keep" });
    chat.send({ kind: "choice", value: "keep" });
    expect(chat.state.stepId).toBe("childDateOfBirth");
    expect(chat.state.answers.childFullName).toBe("Nguyễn Ngọc Bảo An");
  });

  it("understands back in English and without diacritics", () => {
    expect(birthUpToChildName().send("quay lai").state.stepId).toBe("childFullName");
    expect(birthUpToChildName().send("back").state.stepId).toBe("childFullName");
  });

  it("says there is nothing before the first question", () => {
    const chat = new Conversation().say("khai sinh");
    const first = chat.state.stepId;
    chat.send("quay lại");
    expect(chat.state.stepId).toBe(first);
    expect(chat.said).toContain("câu hỏi đầu tiên");
  });

  it("edits a named field mid-flow and comes back to the question it was at", () => {
    const chat = birthUpToChildName().say("05/03/2026");
    const at = chat.state.stepId;
    chat.send("sửa tên của bé");
    expect(chat.state.stepId).toBe("childFullName");
    chat.send("Nguyễn Ngọc Bảo Anh");
    expect(chat.state.answers.childFullName).toBe("Nguyễn Ngọc Bảo Anh");
    expect(chat.state.stepId).toBe(at);
  });

  it("offers the matching fields when the words name several", () => {
    const chat = birthUpToChildName().say("05/03/2026", "sửa ngày sinh");
    expect(chat.state.pending?.kind).toBe("chooseField");
    expect(chat.choiceValues).toEqual(expect.arrayContaining(["edit:requesterDateOfBirth", "edit:childDateOfBirth"]));
    chat.send({ kind: "choice", value: "edit:childDateOfBirth" });
    expect(chat.state.stepId).toBe("childDateOfBirth");
  });

  it("keeps the date in words in step with an edited date of birth", () => {
    const chat = birthUpToChildName().say("05/03/2026", "sửa ngày sinh của bé", "06/03/2026");
    expect(chat.state.answers.childDateOfBirthInWords).toBe(
      "Ngày sáu, tháng ba, năm hai nghìn không trăm hai mươi sáu",
    );
  });

  it("asks before restarting, then starts the procedure again with no answers", () => {
    const chat = birthUpToChildName().send("làm lại");
    expect(chat.state.pending?.kind).toBe("confirmRestart");
    chat.send("không");
    expect(chat.state.stepId).toBe("childDateOfBirth");
    chat.say("lam lai", "co");
    expect(chat.state.flowId).toBe("dang-ky-khai-sinh");
    expect(chat.state.answers.childFullName).toBeUndefined();
    expect(chat.state.stepId).toBe("requesterFullName");
  });

  it("asks before cancelling, then closes the conversation", () => {
    const chat = birthUpToChildName().send("hủy");
    expect(chat.state.pending?.kind).toBe("confirmCancel");
    chat.send("có");
    expect(chat.state.status).toBe("closed");
    chat.send("khai tử");
    expect(chat.state.status).toBe("bot");
    expect(chat.state.flowId).toBe("dang-ky-khai-tu");
  });

  it("explains the commands on help and asks the same question again", () => {
    const chat = birthUpToChildName().send("giúp");
    expect(chat.said).toContain("gặp cán bộ");
    expect(chat.state.stepId).toBe("childDateOfBirth");
  });

  it("asks a clerk of the unit on request, keeps the answers, and lets the citizen carry on with the bot", () => {
    const chat = birthUpToChildName().send("gặp cán bộ");
    expect(chat.state.status).toBe("waiting_clerk");
    expect(chat.effects).toEqual([
      { type: "requestClerk", reason: "asked", flowId: "dang-ky-khai-sinh", stepId: "childDateOfBirth" },
    ]);
    expect(chat.said).toContain("Phường An Thạnh");
    chat.send("bao giờ có người trả lời?");
    expect(chat.state.status).toBe("waiting_clerk");
    expect(chat.state.answers.childFullName).toBe("Nguyễn Ngọc Bảo An");
    chat.send({ kind: "choice", value: "cmd:resume-bot" });
    expect(chat.state.status).toBe("bot");
    expect(chat.state.stepId).toBe("childDateOfBirth");
  });

  it("shows the menu on request and switches procedure when one is chosen", () => {
    const chat = birthUpToChildName().send("menu");
    expect(chat.choiceValues).toContain("dang-ky-ket-hon");
    chat.send({ kind: "choice", value: "dang-ky-ket-hon" });
    expect(chat.state.flowId).toBe("dang-ky-ket-hon");
  });

  it("takes an answer instead when the menu is shown but the citizen answers the question", () => {
    const chat = birthUpToChildName().say("menu", "05/03/2026");
    expect(chat.state.answers.childDateOfBirth).toBe("05/03/2026");
  });

  it("does not take an address starting with 'đổi' for an edit", () => {
    const chat = new Conversation().say("khai sinh", "Trần Thị Mai", "12/04/1995", "đội 5 ấp An Thạnh, Đồng Tháp");
    expect(chat.state.answers.requesterResidence).toBe("đội 5 ấp An Thạnh, Đồng Tháp");
  });
});

describe("the review", () => {
  const reviewed = () => {
    const walk = walkFlow("dang-ky-khai-tu", { answers: { review: "sửa thông tin" } });
    const chat = new Conversation();
    chat.state = walk.state;
    return chat;
  };

  it("shows every answer grouped as on the paper form before submitting", () => {
    const walk = walkFlow("dang-ky-khai-tu");
    const review = walk.replies.find((r) => r.text.startsWith("Bạn kiểm tra lại thông tin"))!;
    expect(review.text).toContain("NGƯỜI YÊU CẦU\n• Họ, chữ đệm, tên người yêu cầu: Nguyễn Văn An");
    expect(review.text).toContain("NGƯỜI ĐÃ CHẾT\n");
    expect(review.text).toContain("Nguyên nhân chết: Nội dung mẫu");
  });

  it("changes one answer and returns to the review without re-asking the rest", () => {
    const chat = reviewed();
    expect(chat.state.pending?.kind).toBe("chooseField");
    chat.send({ kind: "choice", value: "edit:causeOfDeath" });
    expect(chat.state.stepId).toBe("causeOfDeath");
    chat.send("Tai nạn giao thông");
    expect(chat.state.stepId).toBe("review");
    expect(chat.said).toContain("Nguyên nhân chết: Tai nạn giao thông");
    chat.send({ kind: "choice", value: "review:confirm" });
    expect(chat.effects[0]).toMatchObject({
      type: "submitDossier",
      draft: { fields: { causeOfDeath: "Tai nạn giao thông" } },
    });
  });

  it("asks the questions a changed branch opens before coming back to the review", () => {
    const walk = walkFlow("dang-ky-khai-tu", { answers: { hasDeathNotice: "không" }, stopAt: "review" });
    const chat = new Conversation();
    chat.state = walk.state;
    expect(chat.state.stepId).toBe("review");
    chat.send("sửa có giấy báo tử");
    expect(chat.state.stepId).toBe("hasDeathNotice");
    chat.send("có");
    expect(chat.state.stepId).toBe("deathNoticeNumber");
    chat.say("GBT-123", "Bệnh viện Đa khoa Đồng Tháp", "bỏ qua", "bỏ qua");
    expect(chat.state.stepId).toBe("review");
  });

  it("leaves out of the dossier the answers of a branch the citizen turned away from", () => {
    const walk = walkFlow("dang-ky-khai-tu", { answers: { hasDeathNotice: "không" } });
    expect(walk.draft!.fields).not.toHaveProperty("deathNoticeIssuer");
  });
});

describe("words that look like commands", () => {
  it("takes 'sửa chữa …' (repair) as an answer, not as an edit", () => {
    expect(matchCommand("Sửa chữa điện thoại")).toBeNull();
    expect(matchCommand("Suất ăn công nghiệp")).toBeNull();
    expect(matchCommand("sửa số điện thoại")).toEqual({ kind: "edit", target: "so dien thoai" });
  });

  it("refuses 'no' to a declaration the dossier cannot go without, and asks again", () => {
    const walk = walkFlow("dang-ky-ho-kinh-doanh", { answers: { commitment: "không" } });
    expect(walk.draft).toBeNull();
    expect(walk.replies.some((r) => r.text.startsWith("Không có cam kết"))).toBe(true);
  });
});

describe("status lookup", () => {
  it("asks the phone for a code with its random part, typed with a space, and asks the store for both", () => {
    const chat = new Conversation().say("tra cứu hn-20261127-0042 k7qm", "0912 345 678");
    expect(chat.effects).toEqual([{ type: "lookupStatus", code: "HN-20261127-0042-K7QM", phone: "0912345678" }]);
  });

  it("still takes a code given before codes had a random part", () => {
    const chat = new Conversation().say("tra cứu", "HN-20261127-0042", "0912345678");
    expect(chat.effects).toEqual([{ type: "lookupStatus", code: "HN-20261127-0042", phone: "0912345678" }]);
  });

  it("tells a locked code with the minutes left, then offers the menu again", () => {
    const chat = new Conversation().say("tra cứu HN-20261127-0042-K7QM", "0912345678");
    chat.send({ kind: "statusResult", result: { found: false, refused: "locked", retryMinutes: 27 } });
    expect(chat.said).toContain("tạm khóa tra cứu");
    expect(chat.said).toContain("27 phút");
    expect(chat.state.flowId).toBeNull();
    expect(chat.choiceValues).toContain("tra-cuu-ho-so");
  });

  it("tells too many lookups in English with the minutes to wait", () => {
    const chat = new Conversation("en").say("status HN-20261127-0042-K7QM", "0912345678");
    chat.send({ kind: "statusResult", result: { found: false, refused: "rateLimited", retryMinutes: 1 } });
    expect(chat.said).toContain("Too many lookups; please try again in 1 min.");
  });
});
