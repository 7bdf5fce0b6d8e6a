import { STATUS_LOOKUP_FLOW_ID } from "../../server/engine/statusLookupFlowId";
import { Conversation } from "../support/conversation";

const MENU = ["dang-ky-khai-sinh", "dang-ky-ket-hon", "dang-ky-ho-kinh-doanh", STATUS_LOOKUP_FLOW_ID, "cmd:human"];

/** A conversation opened on the menu, as the widget opens it. */
const atMenu = (locale: "vi" | "en" = "vi") => new Conversation(locale).send({ kind: "start", locale });

describe("small talk at the menu", () => {
  it("greets back in a line and shows the menu, never as a misunderstanding", () => {
    const chat = atMenu().send("chào em");
    expect(chat.said).toMatch(/^Chào bạn!/);
    expect(chat.said).not.toMatch(/chưa hiểu/);
    expect(chat.replies).toHaveLength(1);
    expect(chat.choiceValues).toEqual(expect.arrayContaining(MENU));
    expect([chat.state.flowId, chat.state.notUnderstood, chat.effects]).toEqual([null, 0, []]);
  });

  it('answers thanks with "Không có gì ạ" and a goodbye with a goodbye, each with the menu', () => {
    const thanks = atMenu().send("cảm ơn nha");
    expect(thanks.said).toMatch(/^Không có gì ạ!/);
    expect(thanks.choiceValues).toEqual(expect.arrayContaining(MENU));
    expect(atMenu().send("tạm biệt").said).toMatch(/^Tạm biệt bạn!/);
  });

  it("says it is the city's automatic assistant when asked who answers", () => {
    const chat = atMenu().send("bot hả");
    expect(chat.said).toContain("trợ lý tự động của thành phố Hồng Ngự, không phải người");
    expect(chat.choiceValues).toEqual(expect.arrayContaining(MENU));
  });

  it("answers in English to English small talk in an English conversation", () => {
    expect(atMenu("en").send("thanks").said).toMatch(/^You're welcome!/);
    expect(atMenu("en").send("hello").said).toMatch(/^Hello! Which procedure do you need\?/);
  });

  it("never calls a clerk for greetings, however many", () => {
    const chat = atMenu().say("alo", "chào", "hello", "ok", "cảm ơn");
    expect(chat.state.status).toBe("bot");
    expect(chat.effects).toEqual([]);
    // Nor do they count towards the two misunderstandings that call one.
    chat.send("asdf qwer");
    expect(chat.state.status).toBe("bot");
    expect(chat.said).toContain("chưa hiểu");
  });
});

describe("reactions, kind words and who is chatting, at the menu", () => {
  it("acknowledges an emoji or laughter with the menu, never as a misunderstanding", () => {
    for (const text of ["👍", "hahaha", ":D"]) {
      const chat = atMenu().send(text);
      expect([text, chat.said]).toEqual([text, expect.stringMatching(/^Dạ\. Bạn cần làm thủ tục gì\?/)]);
      expect(chat.choiceValues).toEqual(expect.arrayContaining(MENU));
      expect([chat.state.flowId, chat.state.notUnderstood, chat.effects]).toEqual([null, 0, []]);
    }
  });

  it("thanks a compliment or a well-wish, in Vietnamese and in English", () => {
    const kind = atMenu().send("bạn dễ thương quá");
    expect(kind.said).toMatch(/^Cảm ơn bạn nhiều!/);
    expect(kind.choiceValues).toEqual(expect.arrayContaining(MENU));
    expect(atMenu().send("chúc em một ngày vui vẻ").said).toMatch(/^Cảm ơn bạn nhiều!/);
    expect(atMenu("en").send("great job").said).toMatch(/^Thank you, that is kind!/);
  });

  it("says who answers when asked who is chatting, without calling a clerk", () => {
    const chat = atMenu().send("đây là tổng đài hay máy tự động vậy");
    expect(chat.said).toContain("trợ lý tự động của thành phố Hồng Ngự, không phải người");
    expect([chat.state.status, chat.effects]).toEqual(["bot", []]);
  });
});

describe("what other offices do, at the menu", () => {
  it("says plainly it does not do a divorce, shows what it does, and asks the city's bot", () => {
    const chat = atMenu().send("ly hôn thế nào");
    expect(chat.said).toMatch(/^Việc này trợ lý không làm được/);
    expect(chat.said).not.toMatch(/chưa hiểu/);
    expect(chat.choiceValues).toEqual(expect.arrayContaining(MENU));
    expect(chat.state.flowId).toBeNull();
    expect(chat.state.notUnderstood).toBe(0);
    expect(chat.effects).toEqual([{ type: "relayQuestion" }]);
  });

  it("says the same in English", () => {
    const chat = atMenu("en").send("how do I renew my passport");
    expect(chat.said).toMatch(/^This assistant does not handle that/);
    expect(chat.choiceValues).toEqual(expect.arrayContaining(MENU));
  });

  it("starts no certified copy for a contract to notarise, and offers it for a bare 'công chứng'", () => {
    const contract = atMenu().send("công chứng hợp đồng mua bán nhà");
    expect(contract.state.flowId).toBeNull();
    expect(contract.said).toMatch(/^Việc này trợ lý không làm được/);

    const bare = atMenu().send("công chứng");
    expect(bare.state.flowId).toBeNull();
    expect(bare.said).toBe("Bạn muốn làm thủ tục nào trong các thủ tục sau?");
    expect(bare.choiceValues).toEqual(["chung-thuc-ban-sao-tu-ban-chinh"]);

    expect(atMenu().send("công chứng bằng đại học").state.flowId).toBe("chung-thuc-ban-sao-tu-ban-chinh");
  });

  it("says so for a power cut, and for a birth certificate to correct instead of starting a birth registration", () => {
    for (const text of ["nhà tôi bị cúp điện từ sáng tới giờ, báo ai", "đổi tên trong giấy khai sinh cho con"]) {
      const chat = atMenu().send(text);
      expect([text, chat.state.flowId]).toEqual([text, null]);
      expect(chat.said).toMatch(/^Việc này trợ lý không làm được/);
      expect(chat.effects).toEqual([{ type: "relayQuestion" }]);
    }
  });

  it("never calls a clerk for questions about other offices", () => {
    const chat = atMenu().say("ly hôn thế nào", "làm hộ chiếu ở đâu", "đóng tiền điện");
    expect(chat.state.status).toBe("bot");
    expect(chat.effects).toEqual([{ type: "relayQuestion" }]);
  });
});

describe("first messages the matcher reads for their need", () => {
  it("starts the procedure a long message asks for, without calling a clerk for its length", () => {
    const chat = atMenu().send(
      "Chào anh chị cán bộ, nhà tôi có mặt bằng nhỏ ngay chợ Hồng Ngự, trước giờ cho thuê nhưng giờ người ta trả " +
        "lại. Vợ chồng tôi tính tự mở một tiệm bán đồ gia dụng với văn phòng phẩm, thuê thêm một đứa cháu phụ bán. " +
        "Tôi nghe nói buôn bán như vậy phải có giấy phép đàng hoàng mới không bị phạt, vậy cho tôi hỏi phải đăng ký " +
        "ở đâu, tốn bao nhiêu tiền và bao lâu thì có ạ.",
    );
    expect(chat.state.flowId).toBe("dang-ky-ho-kinh-doanh");
    expect(chat.state.status).toBe("bot");
  });

  it("looks up a dossier handed in, even when the message names its procedure", () => {
    const chat = atMenu().send("em nộp hồ sơ khai sinh cho con hôm thứ 2 rồi, bao giờ có giấy ạ");
    expect(chat.state.flowId).toBe(STATUS_LOOKUP_FLOW_ID);
  });

  it("looks up a dossier handed in on a day and asked about, in any wording", () => {
    for (const text of [
      "hôm 25 tôi có nộp hồ sơ đăng ký kết hôn, chừng nào lấy được vậy",
      "I submitted my marriage registration two weeks ago, is it ready?",
    ]) {
      expect([text, atMenu().send(text).state.flowId]).toEqual([text, STATUS_LOOKUP_FLOW_ID]);
    }
  });

  it("calls a clerk for a person asked for indirectly, by a number to call", () => {
    const chat = atMenu().send("cho xin số hotline của phường");
    expect(chat.state.status).toBe("waiting_clerk");
    expect(chat.effects).toEqual([expect.objectContaining({ type: "requestClerk", reason: "asked" })]);
  });

  it("calls a clerk for a person asked for next to a procedure's name", () => {
    const chat = atMenu().send("có cán bộ nào đang online không, em cần hỏi về lý lịch tư pháp");
    expect(chat.state.status).toBe("waiting_clerk");
    expect(chat.effects).toEqual([expect.objectContaining({ type: "requestClerk", reason: "asked" })]);
  });
});
