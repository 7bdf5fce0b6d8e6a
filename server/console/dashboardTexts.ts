import type { HttpErrorText } from "../http/httpErrorTexts";

/** The longest range the dashboard and its exports read: a year, leap day included. */
export const DASHBOARD_MAX_DAYS = 366;

/** What the dashboard's routes answer when they refuse, by code (docs/protocol.md, "Dashboard and exports"). */
export const DASHBOARD_TEXTS = {
  "DASHBOARD_RANGE_INVALID.date": {
    status: 400,
    vi: (p: { name: string; value: string }) =>
      `Ngày "${p.value}" (${p.name}) không hợp lệ; viết theo dạng YYYY-MM-DD, ví dụ 2026-03-01.`,
    en: (p: { name: string; value: string }) =>
      `"${p.value}" (${p.name}) is not a valid date; write it as YYYY-MM-DD, e.g. 2026-03-01.`,
  },
  "DASHBOARD_RANGE_INVALID.reversed": {
    status: 400,
    vi: (p: { from: string; to: string }) => `Ngày bắt đầu ${p.from} sau ngày kết thúc ${p.to}; đổi lại hai ngày.`,
    en: (p: { from: string; to: string }) => `The start ${p.from} is after the end ${p.to}; swap the two days.`,
  },
  "DASHBOARD_RANGE_INVALID.tooLong": {
    status: 400,
    vi: (p: { days: number }) =>
      `Khoảng thời gian dài ${p.days} ngày; chọn tối đa ${DASHBOARD_MAX_DAYS} ngày (xuất nhiều lần nếu cần).`,
    en: (p: { days: number }) =>
      `The range is ${p.days} days long; choose at most ${DASHBOARD_MAX_DAYS} (export several times if needed).`,
  },
  DASHBOARD_UNIT_UNKNOWN: {
    status: 400,
    vi: (p: { unit: string }) => `Không có đơn vị "${p.unit}" trong danh sách phường/xã.`,
    en: (p: { unit: string }) => `There is no unit "${p.unit}" in the list of wards and communes.`,
  },
  DASHBOARD_UNIT_FORBIDDEN: {
    status: 403,
    vi: (p: { unit: string }) => `Bạn chỉ xem được số liệu của đơn vị mình; "${p.unit}" không thuộc đơn vị của bạn.`,
    en: (p: { unit: string }) => `You can only see your own units' figures; "${p.unit}" is not one of them.`,
  },
  DASHBOARD_EXPORT_FORBIDDEN: {
    status: 403,
    vi: "Chỉ quản trị viên được tải bản đầy đủ (CCCD và số điện thoại không che); bạn tải bản đã che.",
    en: "Only an administrator may download the full export (ID and phone numbers unmasked); use the masked one.",
  },
  DASHBOARD_AUDIT_FAILED: {
    status: 503,
    vi: "Chưa ghi được nhật ký nên chưa thể tải bản đầy đủ; thử lại sau ít phút.",
    en: "The audit log could not be written, so the full export is not given; try again in a few minutes.",
  },
} as const satisfies Readonly<Record<string, HttpErrorText>>;
