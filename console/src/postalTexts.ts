import type { PostalStatus } from "../../server/console/postalProtocol";

/** The words of the "Bưu chính" view: the postal list of a day, its moves and its printout. */

/** The button that moves an errand to a status: what the clerk has just seen happen. */
export const POSTAL_MOVE_LABELS: Readonly<Record<PostalStatus, string>> = {
  to_pick_up: "Chờ nhận hồ sơ",
  picked_up: "Đã nhận hồ sơ",
  to_deliver: "Giao bưu điện trả",
  returned: "Đã trả kết quả",
};

/** A status as the citizen is told it, for the confirmation (the server sends the current one's). */
export const POSTAL_STATUS_LABELS: Readonly<Record<PostalStatus, string>> = {
  to_pick_up: "chờ bưu điện đến nhận hồ sơ",
  picked_up: "bưu điện đã nhận hồ sơ tại nhà",
  to_deliver: "kết quả đã giao bưu điện để trả tại nhà",
  returned: "bưu điện đã trả kết quả tại nhà",
};

export const POSTAL_TEXTS = {
  tab: "Bưu chính",
  title: "Danh sách bưu chính công ích",
  printTitle: "DANH SÁCH BƯU CHÍNH CÔNG ÍCH",
  filters: "Chọn ngày và đơn vị",
  day: "Ngày",
  unit: "Đơn vị",
  allUnits: "Tất cả đơn vị",
  print: "In danh sách",
  csv: "Tải CSV",
  loading: "Đang tải danh sách…",
  none: "Không có hồ sơ nào cần bưu điện nhận hoặc trả trong ngày này.",
  truncated: "Danh sách quá dài, chỉ hiện một phần: chọn một đơn vị để xem đủ.",
  count: (n: number, carried: number) =>
    n === 0 ? "Không có việc nào" : `${n} việc${carried > 0 ? `, ${carried} từ ngày trước chưa xong` : ""}`,
  summary: (pickUps: number, deliveries: number) => `${pickUps} lượt nhận hồ sơ, ${deliveries} lượt trả kết quả`,
  printedAt: (at: string) => `In lúc ${at}`,
  dayLine: (day: string) => `Ngày ${day}`,
  columns: {
    index: "STT",
    code: "Mã hồ sơ",
    citizen: "Công dân",
    address: "Địa chỉ",
    phone: "Điện thoại",
    window: "Giờ hẹn",
    errand: "Việc cần làm",
    status: "Trạng thái",
    action: "Chuyển trạng thái",
    signature: "Ký nhận",
  },
  idNumber: (masked: string) => `Giấy tờ: ${masked}`,
  collect: "Nhận hồ sơ:",
  deliver: "Trả:",
  carriedOver: "Từ ngày trước",
  lastStep: "Đã xong",
  waitingForResult: "Chờ có kết quả",
  moveLabel: (label: string, code: string) => `${label} – hồ sơ ${code}`,
  confirmTitle: (code: string, status: string) => `Chuyển hồ sơ ${code} sang “${status}”?`,
  confirmIntro: "Công dân được báo ngay qua kênh đã dùng để khai hồ sơ (web hoặc Zalo). Không hoàn tác được.",
  confirm: "Xác nhận",
  moved: (code: string, status: string) => `Đã chuyển hồ sơ ${code} sang “${status}”. Công dân đã được báo.`,
  handOver: "Cán bộ bàn giao",
  postman: "Nhân viên bưu điện",
  signHint: "(ký, ghi rõ họ tên)",
} as const;
