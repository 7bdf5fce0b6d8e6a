import { MAX_INPUT_LENGTH } from "../../engine/understanding/normalizeInput";
import type { ErrorCode, Locale } from "./protocol";

const LIMIT_VI = MAX_INPUT_LENGTH.toLocaleString("vi-VN");
const LIMIT_EN = MAX_INPUT_LENGTH.toLocaleString("en-US");

/** What the citizen reads when a message is refused, in the conversation's language. */
export const CHAT_ERROR_MESSAGES: Readonly<Record<ErrorCode, Record<Locale, string>>> = {
  CHAT_PAYLOAD_INVALID: {
    vi: "Tin nhắn không hợp lệ nên chưa được gửi. Bạn thử gửi lại nhé.",
    en: "The message was not valid and was not sent. Please try again.",
  },
  CHAT_TEXT_TOO_LONG: {
    vi:
      `Tin nhắn dài quá ${LIMIT_VI} ký tự nên chưa được gửi. Nội dung vẫn còn trong ô soạn tin: bạn rút gọn ` +
      "hoặc chia thành vài tin ngắn hơn rồi gửi lại nhé.",
    en:
      `The message is longer than ${LIMIT_EN} characters and was not sent. Your text is still in the message ` +
      "box: please shorten it or split it into a few shorter messages.",
  },
  CHAT_MESSAGE_ID_REUSED: {
    vi:
      "Tin nhắn này trùng mã với một tin đã gửi nhưng nội dung khác, nên không được nhận. Bạn gửi lại như tin mới " +
      "nhé.",
    en:
      "This message reuses the id of another one with different content and was refused. Please send it again as a " +
      "new message.",
  },
  CHAT_RATE_LIMITED: {
    vi: "Bạn gửi nhanh quá, vui lòng chờ một chút rồi gửi tiếp.",
    en: "You are sending too fast; please wait a moment and try again.",
  },
  CHAT_ATTACHMENT_UNKNOWN: {
    vi: "Không tìm thấy tệp đính kèm này. Bạn tải tệp lên lại nhé.",
    en: "This attachment was not found. Please upload the file again.",
  },
  CHAT_UNAVAILABLE: {
    vi: "Hệ thống đang bận nên chưa lưu được tin nhắn. Bạn gửi lại sau ít phút nhé; tin chưa lưu sẽ không bị tính.",
    en: "The system is busy and could not save the message. Please send it again in a few minutes; nothing was saved.",
  },
};

/** What a refused handshake says (`connect_error`), before the conversation's language is known. */
export const CHAT_HANDSHAKE_MESSAGES = {
  CHAT_AUTH_INVALID: {
    vi: "Không mở được cuộc trò chuyện; bạn tải lại trang nhé.",
    en: "The chat could not be opened; please reload the page.",
  },
  CHAT_RATE_LIMITED: CHAT_ERROR_MESSAGES.CHAT_RATE_LIMITED,
  CHAT_TOO_MANY_CONNECTIONS: {
    vi:
      "Có quá nhiều cửa sổ trò chuyện đang mở từ cùng một mạng. Hệ thống sẽ tự kết nối lại khi có chỗ; bạn cũng có " +
      "thể đóng bớt các cửa sổ không dùng.",
    en:
      "Too many chat windows are open from the same network. The chat reconnects by itself as soon as there is room; " +
      "you can also close the windows you do not use.",
  },
  CHAT_UNAVAILABLE: CHAT_ERROR_MESSAGES.CHAT_UNAVAILABLE,
} as const satisfies Readonly<Record<string, Record<Locale, string>>>;
