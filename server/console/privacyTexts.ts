import type { HttpErrorText } from "../http/httpErrorTexts";

/** What the console's personal-data requests answer when they refuse. */
export const PRIVACY_TEXTS = {
  PRIVACY_FORBIDDEN: {
    status: 403,
    vi: "Chỉ quản trị viên mới xuất hoặc xóa dữ liệu của công dân.",
    en: "Only an administrator exports or erases a citizen's data.",
  },
  PRIVACY_NOT_FOUND: {
    status: 404,
    vi: "Không có hồ sơ hay cuộc trò chuyện nào với mã này.",
    en: "There is no dossier or conversation with this code.",
  },
  PRIVACY_CONFIRM_MISMATCH: {
    status: 400,
    vi: "Gõ lại đúng mã hồ sơ (hoặc mã cuộc trò chuyện) để xác nhận xóa.",
    en: "Type the dossier code (or conversation id) again, exactly, to confirm the erasure.",
  },
  PRIVACY_DOSSIER_OPEN: {
    status: 409,
    vi: (p: { codes: string }) =>
      `Hồ sơ ${p.codes} đang được giải quyết: trả kết quả hoặc từ chối hồ sơ trước, rồi mới xóa dữ liệu.`,
    en: (p: { codes: string }) =>
      `Dossier ${p.codes} is still being processed: return its result or reject it first, then erase the data.`,
  },
  PRIVACY_AUDIT_FAILED: {
    status: 503,
    vi: "Chưa ghi được nhật ký nên chưa thực hiện yêu cầu; thử lại sau ít phút.",
    en: "The audit log could not be written, so nothing was done; try again in a few minutes.",
  },
} as const satisfies Readonly<Record<string, HttpErrorText>>;
