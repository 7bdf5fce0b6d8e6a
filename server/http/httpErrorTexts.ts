import type { CodedText, CodeOf } from "../codedTexts";
import { fill, TEXTS } from "../engine/engineTexts";
import { MAX_IMAGE_PIXELS } from "../uploads/inspectUpload";

/** A refusal answered over HTTP: its status and its wording. */
export interface HttpErrorText extends CodedText {
  status: number;
}

const MILLION_PIXELS = MAX_IMAGE_PIXELS / 1_000_000;

/** What the citizen's HTTP API answers when it refuses, by code (docs/protocol.md, "HTTP API"). */
export const HTTP_ERROR_TEXTS = {
  HTTP_RATE_LIMITED: {
    status: 429,
    vi: "Bạn gửi yêu cầu nhanh quá, vui lòng chờ một chút.",
    en: "Too many requests; please wait a moment.",
  },
  HTTP_NOT_FOUND: { status: 404, vi: "Không có trang này.", en: "There is no such page." },
  HTTP_BAD_REQUEST: { status: 400, vi: "Yêu cầu không hợp lệ.", en: "The request is not valid." },
  HTTP_INTERNAL: {
    status: 500,
    vi: "Đã có lỗi, bạn thử lại sau ít phút.",
    en: "Something went wrong; please try again in a few minutes.",
  },

  DOSSIER_NOT_FOUND: {
    status: 404,
    vi: "Không tìm thấy hồ sơ này trong cuộc trò chuyện của bạn.",
    en: "This dossier was not found in your conversation.",
  },

  STATUS_REQUEST_TOO_LARGE: { status: 413, vi: "Yêu cầu tra cứu quá dài.", en: "The lookup request is too long." },
  "STATUS_REQUEST_INVALID.notJson": {
    status: 400,
    vi: "Nội dung yêu cầu tra cứu không phải JSON hợp lệ.",
    en: "The lookup request body is not valid JSON.",
  },
  STATUS_REQUEST_INVALID: {
    status: 400,
    vi: 'Gửi mã hồ sơ và số điện thoại dạng JSON: { "code": "HN-20261127-0042-K7QM", "phone": "0912345678" }.',
    en: 'Send the receipt code and the phone as JSON: { "code": "HN-20261127-0042-K7QM", "phone": "0912345678" }.',
  },
  STATUS_USE_POST: {
    status: 405,
    vi:
      'Tra cứu bằng POST /api/status với nội dung JSON { "code": "HN-20261127-0042-K7QM", "phone": "0912345678" }; ' +
      "không đưa số điện thoại vào địa chỉ.",
    en:
      'Look up with POST /api/status and a JSON body { "code": "HN-20261127-0042-K7QM", "phone": "0912345678" }; ' +
      "never put the phone in the address.",
  },
  STATUS_NOT_FOUND: {
    status: 404,
    vi: "Không tìm thấy hồ sơ khớp với mã và số điện thoại này.",
    en: "No dossier matches this code and phone number.",
  },
  // The chat tells the same sentences: one lock, whichever way the citizen comes in.
  STATUS_LOCKED: {
    status: 429,
    vi: (p: { minutes: number }) => fill(TEXTS.statusLocked.vi, p),
    en: (p: { minutes: number }) => fill(TEXTS.statusLocked.en, p),
  },
  STATUS_RATE_LIMITED: {
    status: 429,
    vi: (p: { minutes: number }) => fill(TEXTS.statusRateLimited.vi, p),
    en: (p: { minutes: number }) => fill(TEXTS.statusRateLimited.en, p),
  },

  UPLOAD_UNAUTHORIZED: {
    status: 401,
    vi: "Phiên trò chuyện không hợp lệ; tải lại trang rồi gửi lại tệp.",
    en: "The chat session is not valid; reload the page and send the file again.",
  },
  UPLOAD_NOT_EXPECTED: {
    status: 409,
    vi: "Lúc này chưa cần gửi tệp. Khi trợ lý hỏi giấy tờ, bạn bấm nút đính kèm để gửi ảnh hoặc tệp PDF.",
    en:
      "No file is needed right now. When the assistant asks for a document, use the attach button to send a photo " +
      "or a PDF.",
  },
  UPLOAD_QUOTA_FILES: {
    status: 413,
    vi: (p: { max: number }) =>
      `Cuộc trò chuyện này đã gửi đủ ${p.max} tệp, không nhận thêm. Cần gửi thêm thì bạn nhờ cán bộ hỗ trợ.`,
    en: (p: { max: number }) =>
      `This conversation has already sent ${p.max} files, the most allowed. To send more, ask a clerk for help.`,
  },
  UPLOAD_QUOTA_BYTES: {
    status: 413,
    vi: (p: { total: string }) =>
      `Các tệp gửi trong cuộc trò chuyện này đã đến giới hạn ${p.total}, không nhận thêm. Cần gửi thêm thì bạn ` +
      `nhờ cán bộ hỗ trợ.`,
    en: (p: { total: string }) =>
      `The files sent in this conversation have reached the ${p.total} limit. To send more, ask a clerk for help.`,
  },
  UPLOAD_NOT_MULTIPART: { status: 400, vi: "Không đọc được tệp gửi lên.", en: "The upload could not be read." },
  UPLOAD_EMPTY: { status: 400, vi: "Chưa có tệp nào được gửi.", en: "No file was sent." },
  UPLOAD_TOO_LARGE: {
    status: 413,
    vi: (p: { largest: string }) => `Tệp lớn quá ${p.largest}. Bạn chụp lại ảnh nhỏ hơn hoặc gửi bản scan nhẹ hơn.`,
    en: (p: { largest: string }) => `The file is larger than ${p.largest}. Please send a smaller photo or scan.`,
  },
  UPLOAD_TYPE_REFUSED: {
    status: 415,
    vi: "Chỉ nhận ảnh JPG, PNG hoặc tệp PDF. Tệp này không phải ảnh hay PDF.",
    en: "Only JPG or PNG photos and PDF files are accepted. This file is neither.",
  },
  UPLOAD_FILE_DAMAGED: {
    status: 415,
    vi: "Tệp bị hỏng hoặc chưa gửi hết nên không mở được. Bạn chụp hoặc lưu lại tệp rồi gửi lại.",
    en: "The file is damaged or incomplete and cannot be opened. Please take or save it again and send it again.",
  },
  UPLOAD_IMAGE_TOO_LARGE: {
    status: 413,
    vi: `Ảnh lớn quá ${MILLION_PIXELS} triệu điểm ảnh. Bạn chụp lại ở chế độ thường hoặc gửi ảnh nhỏ hơn.`,
    en:
      `The image has more than ${MILLION_PIXELS} million pixels. Please take it in the normal camera mode or send a ` +
      `smaller image.`,
  },
  UPLOAD_PDF_ENCRYPTED: {
    status: 415,
    vi: "Tệp PDF có đặt mật khẩu nên cán bộ không mở được. Bạn gửi bản không có mật khẩu.",
    en: "The PDF is protected by a password, so the office cannot open it. Please send it without a password.",
  },
  UPLOAD_PDF_ACTIVE_CONTENT: {
    status: 415,
    vi: "Tệp PDF có chứa mã chạy hoặc tệp khác bên trong nên không nhận. Bạn gửi ảnh chụp hoặc bản scan của giấy tờ.",
    en:
      "The PDF contains scripts or other files, so it is not accepted. Please send a photo or a scan of the " +
      "document.",
  },
  UPLOAD_UNAVAILABLE: {
    status: 503,
    vi: "Chưa lưu được tệp, bạn thử lại sau ít phút.",
    en: "The file could not be saved; please try again in a few minutes.",
  },
} as const satisfies Readonly<Record<string, HttpErrorText>>;

export type HttpErrorKey = keyof typeof HTTP_ERROR_TEXTS;
export type HttpErrorCode = CodeOf<HttpErrorKey>;
