import type { HttpErrorText } from "../http/httpErrorTexts";

/** What the postal list's routes answer when they refuse, by code (docs/protocol.md, "Postal list"). */
export const POSTAL_LIST_TEXTS = {
  POSTAL_DAY_INVALID: {
    status: 400,
    vi: (p: { value: string }) => `Ngày "${p.value}" không hợp lệ; viết theo dạng YYYY-MM-DD, ví dụ 2026-03-02.`,
    en: (p: { value: string }) => `"${p.value}" is not a valid day; write it as YYYY-MM-DD, e.g. 2026-03-02.`,
  },
  POSTAL_UNIT_UNKNOWN: {
    status: 400,
    vi: (p: { unit: string }) => `Không có đơn vị "${p.unit}" trong danh sách phường/xã.`,
    en: (p: { unit: string }) => `There is no unit "${p.unit}" in the list of wards and communes.`,
  },
  POSTAL_UNIT_FORBIDDEN: {
    status: 403,
    vi: (p: { unit: string }) =>
      `Bạn chỉ xem được danh sách bưu chính của đơn vị mình; "${p.unit}" không thuộc đơn vị của bạn.`,
    en: (p: { unit: string }) => `You can only see your own units' postal lists; "${p.unit}" is not one of them.`,
  },
  POSTAL_STATUS_INVALID: {
    status: 400,
    vi: "Chọn trạng thái bưu chính mới: picked_up, to_deliver hoặc returned.",
    en: "Choose the new postal status: picked_up, to_deliver or returned.",
  },
  POSTAL_AUDIT_FAILED: {
    status: 503,
    vi: "Chưa ghi được nhật ký nên chưa thể tải danh sách có số điện thoại; thử lại sau ít phút.",
    en: "The audit log could not be written, so the list with phone numbers is not given; try again in a few minutes.",
  },
} as const satisfies Readonly<Record<string, HttpErrorText>>;
