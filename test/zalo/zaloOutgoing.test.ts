import { splitText, zaloMessagesOf, ZALO_TEXT_LIMIT } from "../../server/channels/zalo/zaloOutgoing";
import type { ConversationMessage } from "../../server/conversation/conversationTypes";

const message = (over: Partial<ConversationMessage>): ConversationMessage => ({
  id: "m1",
  seq: 3,
  conversationId: "c1",
  author: "bot",
  text: "Bạn cần làm thủ tục nào?",
  at: "2026-12-04T09:00:00.000Z",
  ...over,
});

describe("Zalo outgoing messages", () => {
  it("puts up to five short choices on oa.query.show buttons whose payload is the value", () => {
    const choices = [
      { label: "Đăng ký khai sinh", value: "dang-ky-khai-sinh" },
      { label: "Gặp cán bộ", value: "cmd:human" },
    ];
    expect(zaloMessagesOf(message({ choices }), "vi")).toEqual([
      {
        text: "Bạn cần làm thủ tục nào?",
        attachment: {
          type: "template",
          payload: {
            buttons: [
              { title: "Đăng ký khai sinh", type: "oa.query.show", payload: "dang-ky-khai-sinh" },
              { title: "Gặp cán bộ", type: "oa.query.show", payload: "cmd:human" },
            ],
          },
        },
      },
    ]);
  });

  it("lists more choices than fit as numbers, with how to answer", () => {
    const choices = Array.from({ length: 8 }, (_, i) => ({ label: `Thủ tục ${i + 1}`, value: `p${i + 1}` }));
    const [only, ...rest] = zaloMessagesOf(message({ choices }), "vi");
    expect(rest).toEqual([]);
    expect(only).not.toHaveProperty("attachment");
    expect(only!.text).toContain("\n1. Thủ tục 1\n");
    expect(only!.text).toContain("8. Thủ tục 8\nTrả lời bằng số hoặc tên lựa chọn.");
  });

  it("lists a choice whose label is too long for a button", () => {
    const choices = [
      { label: "Có", value: "yes" },
      { label: "Đăng ký kết hôn có yếu tố nước ngoài tại phường", value: "long" },
    ];
    const [only] = zaloMessagesOf(message({ choices }), "en");
    expect(only!.text).toMatch(/1\. Có\n2\. Đăng ký kết hôn.*\nAnswer with the number or the words/);
  });

  it("names the clerk and tells how to send a document", () => {
    expect(zaloMessagesOf(message({ author: "clerk", text: "Chào anh" }), "vi")).toEqual([
      { text: "Cán bộ: Chào anh" },
    ]);
    const [upload] = zaloMessagesOf(message({ text: "Gửi giấy chứng sinh", input: { kind: "upload" } }), "vi");
    expect(upload!.text).toContain("ngay trong Zalo");
  });

  it("splits a long text at Zalo's limit on word boundaries, buttons on the last piece", () => {
    const words = Array.from({ length: 900 }, (_, i) => `từ${i}`).join(" ");
    const parts = zaloMessagesOf(message({ text: words, choices: [{ label: "Đúng", value: "yes" }] }), "vi");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect([...part.text].length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
    expect(parts.map((p) => p.text).join(" ")).toBe(words);
    expect(parts.slice(0, -1).every((p) => !("attachment" in p))).toBe(true);
    expect(parts[parts.length - 1]).toHaveProperty("attachment");
  });

  it("measures in NFC characters and cuts a word longer than the limit", () => {
    const decomposed = "e\u0301".repeat(1500); // 3000 code units, 1500 characters once composed
    expect(zaloMessagesOf(message({ text: decomposed }), "vi")).toEqual([{ text: "é".repeat(1500) }]);
    const word = "a".repeat(4500);
    expect(splitText(word, 2000).map((p) => p.length)).toEqual([2000, 2000, 500]);
    expect(splitText("para one\n\npara two", 12)).toEqual(["para one", "para two"]);
  });
});
