import { Conversation } from "../support/conversation";
import { walkFlow, type WalkOptions } from "../support/flowWalker";

function askedAt(procedureId: string, stepId: string, options: WalkOptions = {}): Conversation {
  const chat = new Conversation(options.locale ?? "vi");
  chat.state = walkFlow(procedureId, { ...options, stopAt: stepId }).state;
  expect(chat.state.stepId).toBe(stepId);
  return chat;
}

describe("a period of residence", () => {
  it("refuses an end before the start of the marital-status period, and takes a right one", () => {
    const chat = askedAt("cap-giay-xac-nhan-tinh-trang-hon-nhan", "periodFrom", { answers: { needsPeriod: "có" } });
    chat.say("05/03/2020", "01/01/2015");
    expect(chat.said).toContain(
      'Thời điểm kết thúc (01/01/2015) ở trước thời điểm bắt đầu (05/03/2020). Xin kiểm tra lại: "đến" phải sau "từ".',
    );
    expect(chat.state.answers.periodTo).toBeUndefined();
    expect(chat.state.stepId).toBe("periodTo");
    chat.send("31/12/2022");
    expect(chat.state.answers.periodTo).toBe("31/12/2022");
  });

  it("says so in English too", () => {
    const chat = askedAt("cap-giay-xac-nhan-tinh-trang-hon-nhan", "periodFrom", {
      answers: { needsPeriod: "yes" },
      locale: "en",
    });
    chat.say("05/03/2020", "01/01/2015");
    expect(chat.said).toContain('The end (01/01/2015) is before the start (05/03/2020). Please check: "to" must come');
  });

  it("refuses a row of the criminal record's residence history that ends before it starts", () => {
    const chat = askedAt("cap-phieu-ly-lich-tu-phap", "residenceHistory");
    chat.say("05/2016", "03/2015");
    expect(chat.said).toContain("Thời điểm kết thúc (03/2015) ở trước thời điểm bắt đầu (05/2016).");
    expect(chat.state.table?.row).toEqual({ fromMonthYear: "05/2016" });
    chat.send("nay");
    expect(chat.state.table?.row).toEqual({ fromMonthYear: "05/2016", toMonthYear: "nay" });
  });
});
