import type { CodedText } from "../codedTexts";
import { HANDOFF_REFUSAL_TEXTS } from "../handoff/handoffTexts";
import type { HttpErrorText } from "../http/httpErrorTexts";

/** What the console's REST routes answer when they refuse, by code (docs/protocol.md, "Clerk console protocol"). */
export const CONSOLE_REST_TEXTS = {
  AUTH_REQUIRED: {
    status: 401,
    vi: "Phiên đăng nhập đã hết hạn, bạn đăng nhập lại nhé.",
    en: "Your session has ended; please log in again.",
  },
  AUTH_CSRF_INVALID: {
    status: 403,
    vi: "Yêu cầu không kèm mã bảo vệ hợp lệ; tải lại trang rồi thử lại.",
    en: "The request lacks a valid protection token; reload the page and try again.",
  },
  AUTH_PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    vi: "Bạn đổi mật khẩu một lần trước khi làm việc.",
    en: "Change your one-time password before doing anything else.",
  },
  AUTH_RATE_LIMITED: {
    status: 429,
    vi: "Nhập mật khẩu sai nhiều lần, vui lòng thử lại sau một phút.",
    en: "Too many attempts; please try again in a minute.",
  },
  AUTH_LOGIN_INVALID: {
    status: 400,
    vi: "Vui lòng nhập tên đăng nhập và mật khẩu.",
    en: "Please enter a username and a password.",
  },
  AUTH_LOGIN_FAILED: { status: 401, vi: "Tên đăng nhập hoặc mật khẩu không đúng.", en: "Wrong username or password." },
  "AUTH_LOGIN_FAILED.currentPassword": {
    status: 401,
    vi: "Mật khẩu hiện tại không đúng.",
    en: "The current password is wrong.",
  },
  AUTH_PASSWORD_INVALID: {
    status: 400,
    vi: "Vui lòng nhập mật khẩu hiện tại và mật khẩu mới.",
    en: "Please enter the current and the new password.",
  },
  CONSOLE_NOT_FOUND: {
    status: 404,
    vi: "Không tìm thấy hồ sơ trong đơn vị của bạn.",
    en: "No such dossier in your units.",
  },
  "CONSOLE_NOT_FOUND.attachment": {
    status: 404,
    vi: "Không có tệp này trong hồ sơ.",
    en: "No such file in this dossier.",
  },
  DOSSIER_STATUS_INVALID: {
    status: 400,
    vi: "Chọn trạng thái mới; từ chối thì ghi rõ lý do.",
    en: "Choose the new status; a rejection needs a reason.",
  },
  "DOSSIER_STATUS_INVALID.missing": {
    status: 400,
    vi: "Yêu cầu bổ sung thì ghi rõ cần bổ sung những gì, mỗi mục một dòng.",
    en: "A request for more needs the list of what is missing, one item a line.",
  },
} as const satisfies Readonly<Record<string, HttpErrorText>>;

/** What `/clerk` refuses a connection or an event with, by code (docs/protocol.md, "`/clerk`"). */
export const CONSOLE_SOCKET_TEXTS = {
  AUTH_REQUIRED: {
    vi: "Phiên đăng nhập đã hết; bạn đăng nhập lại nhé.",
    en: "Your session has ended; please log in again.",
  },
  // The store did not answer: whether the session lives is unknown, and signing in again settles it.
  "AUTH_REQUIRED.unchecked": { vi: "Bạn đăng nhập lại nhé.", en: "Please log in again." },
  AUTH_PASSWORD_CHANGE_REQUIRED: {
    vi: "Bạn đổi mật khẩu một lần trước khi làm việc.",
    en: "Change your one-time password before doing anything else.",
  },
  CONSOLE_NOT_FOUND: {
    vi: "Không tìm thấy cuộc trò chuyện trong đơn vị của bạn.",
    en: "No such conversation in your units.",
  },
  CONSOLE_PAYLOAD_INVALID: { vi: "Yêu cầu không hợp lệ.", en: "Invalid request." },
  CONSOLE_UNAVAILABLE: { vi: "Hệ thống đang bận, thử lại sau.", en: "The system is busy; try again." },
  ...HANDOFF_REFUSAL_TEXTS,
} as const satisfies Readonly<Record<string, CodedText>>;
