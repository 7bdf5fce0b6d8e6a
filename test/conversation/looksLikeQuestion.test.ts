import { looksLikeQuestion } from "../../server/conversation/answeredByBridge";

describe("looksLikeQuestion", () => {
  it.each([
    "mấy giờ phường mở cửa?",
    "may gio phuong mo cua",
    "ly hôn thì làm sao",
    "lệ phí khai sinh bao nhiêu",
    "nộp hồ sơ ở đâu",
    "làm giấy này mất mấy ngày, có được không",
    "cho hỏi thủ tục nhận con nuôi là gì",
    "What documents do I need",
  ])("takes %j for a question", (text) => {
    expect(looksLikeQuestion(text)).toBe(true);
  });

  it.each(["Nguyễn Văn An", "không nhớ", "12/03/2026", "0912345678", "có", "ấp Tân Hội, xã Tân Hội"])(
    "takes %j for an answer",
    (text) => {
      expect(looksLikeQuestion(text)).toBe(false);
    },
  );
});
