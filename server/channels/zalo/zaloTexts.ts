import { t, type Localized } from "../../engine/localized";
import { MAX_INPUT_LENGTH } from "../../engine/understanding/normalizeInput";
import { MAX_IMAGE_PIXELS } from "../../uploads/inspectUpload";
import type { UploadRefusal } from "../../uploads/inspectUpload";

/** Why a citizen's Zalo photo or file was not taken. */
export type ZaloMediaRefusal = UploadRefusal | "notAllowed" | "tooLarge" | "failed" | "notExpected" | "quota";

/** What the conversation is told when a citizen's Zalo photo or file is not taken, in their language. */
export const ZALO_MEDIA_REFUSALS: Record<ZaloMediaRefusal, Localized> = {
  notExpected: t(
    "Câu hỏi hiện tại không cần ảnh hay tệp. Bạn trả lời câu hỏi ở trên bằng tin nhắn nhé.",
    "The current question needs no photo or file. Please answer the question above with a message.",
  ),
  notAllowed: t(
    "Không tải được tệp này từ Zalo. Bạn gửi lại ảnh hoặc tệp ngay trong cuộc trò chuyện này nhé.",
    "This file could not be fetched from Zalo. Please send the photo or file again in this chat.",
  ),
  failed: t(
    "Chưa tải được tệp từ Zalo. Bạn gửi lại giúp nhé.",
    "The file could not be fetched from Zalo. Please send it again.",
  ),
  tooLarge: t(
    "Tệp lớn quá. Bạn chụp lại ảnh nhỏ hơn hoặc gửi bản scan nhẹ hơn.",
    "The file is too large. Please send a smaller photo or scan.",
  ),
  quota: t(
    "Cuộc trò chuyện này đã gửi đủ số tệp cho phép. Cần gửi thêm thì bạn nhờ cán bộ hỗ trợ.",
    "This conversation has sent as many files as allowed. Ask a clerk to send more.",
  ),
  type: t(
    "Chỉ nhận ảnh JPG, PNG hoặc tệp PDF. Tệp này không phải ảnh hay PDF.",
    "Only JPG or PNG photos and PDF files are accepted. This file is neither.",
  ),
  damaged: t(
    "Tệp bị hỏng hoặc chưa gửi hết nên không mở được. Bạn chụp hoặc lưu lại tệp rồi gửi lại.",
    "The file is damaged or incomplete and cannot be opened. Please take or save it again and send it again.",
  ),
  tooManyPixels: t(
    `Ảnh lớn quá ${MAX_IMAGE_PIXELS / 1_000_000} triệu điểm ảnh. Bạn chụp lại ở chế độ thường.`,
    `The image has more than ${MAX_IMAGE_PIXELS / 1_000_000} million pixels. Please take it in the normal mode.`,
  ),
  encrypted: t(
    "Tệp PDF có đặt mật khẩu nên cán bộ không mở được. Bạn gửi bản không có mật khẩu.",
    "The PDF is protected by a password, so the office cannot open it. Please send it without a password.",
  ),
  activeContent: t(
    "Tệp PDF có chứa mã chạy hoặc tệp khác bên trong nên không nhận. Bạn gửi ảnh chụp hoặc bản scan của giấy tờ.",
    "The PDF contains scripts or other files, so it is not accepted. Please send a photo or a scan instead.",
  ),
};

export const ZALO_TEXTS = {
  rateLimited: t("Bạn gửi nhanh quá, vui lòng chờ một chút rồi gửi tiếp.", "Too many messages; please wait a moment."),
  textTooLong: t(
    `Tin nhắn dài quá ${MAX_INPUT_LENGTH.toLocaleString("vi-VN")} ký tự nên trợ lý chưa nhận. Bạn chia thành vài ` +
      "tin ngắn hơn rồi gửi lại nhé.",
    `The message is longer than ${MAX_INPUT_LENGTH.toLocaleString("en-US")} characters and was not taken. Please ` +
      "send it again as a few shorter messages.",
  ),
  sharedInfo: (name: string | null) =>
    t(
      `Đã nhận thông tin bạn chia sẻ qua Zalo${name ? ` (${name})` : ""}; cán bộ sẽ đối chiếu khi cần.`,
      `Received the information you shared through Zalo${name ? ` (${name})` : ""}; a clerk checks it when needed.`,
    ),
  location: (latitude: string, longitude: string) =>
    `📍 ${latitude}, ${longitude} (https://www.google.com/maps?q=${latitude},${longitude})`,
  adminName: "Quản trị viên OA (Zalo)",
  adminWrote: (text: string) => `Quản trị viên OA nhắn trên Zalo: ${text}`,
};
