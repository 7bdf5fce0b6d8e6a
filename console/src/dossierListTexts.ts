import type { DossierStatus } from "../../server/console/consoleRestProtocol";

/** The words of the workspace's tabs and of the submitted dossiers' view. */

/** A dossier's status as the list and the dossier show it. */
export const DOSSIER_STATUS_LABELS: Readonly<Record<DossierStatus, string>> = {
  submitted: "Đã nộp, chờ tiếp nhận",
  received: "Đã tiếp nhận",
  processing: "Đang xử lý",
  needs_more_info: "Cần bổ sung",
  done: "Đã có kết quả",
  returned: "Đã trả kết quả",
  rejected: "Bị từ chối",
};

/** The button that moves a dossier to a status. */
export const DOSSIER_MOVE_LABELS: Readonly<Record<DossierStatus, string>> = {
  submitted: "Chờ tiếp nhận",
  received: "Tiếp nhận",
  processing: "Chuyển xử lý",
  needs_more_info: "Yêu cầu bổ sung",
  done: "Báo đã có kết quả",
  returned: "Đã trả kết quả",
  rejected: "Từ chối hồ sơ",
};

export const DOSSIER_TEXTS = {
  /** A dossier past its legal due day, or due today or on the next working day. */
  dueOverdue: (date: string) => `Quá hạn (hạn ${date})`,
  dueSoon: (date: string) => `Sắp đến hạn: ${date}`,
  tabsLabel: "Khu làm việc",
  queueTab: "Hàng chờ",
  dossiersTab: "Hồ sơ",
  reportsTab: "Báo cáo ngày",

  listTitle: "Hồ sơ đã nộp",
  searchLabel: "Tìm theo mã hồ sơ, số điện thoại hoặc họ tên",
  searchPlaceholder: "VD: HN-20261127-0001-K7QM, 0912 345 678, nguyen van an",
  searchHint: "Enter để tìm. Để trống rồi tìm để xem các hồ sơ mới nhất.",
  search: "Tìm",
  searching: "Đang tìm…",
  latest: (n: number) => (n === 0 ? "Chưa có hồ sơ nào" : `${n} hồ sơ mới nhất`),
  found: (n: number, query: string) =>
    n === 0 ? `Không có hồ sơ khớp với “${query}”` : `${n} hồ sơ khớp với “${query}”`,
  noneYet: "Đơn vị của bạn chưa có hồ sơ nào được nộp.",
  noneFound: (query: string) =>
    `Không tìm thấy hồ sơ nào khớp với “${query}”. Kiểm tra lại mã hồ sơ, số điện thoại hoặc họ tên.`,
  columns: { code: "Mã hồ sơ", procedure: "Thủ tục", unit: "Đơn vị", status: "Trạng thái", updated: "Cập nhật" },
  openLabel: (code: string) => `Mở hồ sơ ${code}`,

  detailTitle: "Chi tiết hồ sơ",
  detailEmpty: "Chọn một hồ sơ trong danh sách để xem.",
  procedure: "Thủ tục",
  unit: "Đơn vị",
  status: "Trạng thái",
  submittedAt: "Nộp lúc",
  updatedAt: "Cập nhật lúc",
  rejectionReason: "Lý do từ chối",
  printForm: "Xem tờ khai để in",
  newTab: "(mở thẻ mới)",
  noFields: "Hồ sơ không có mục nào để hiện.",
  documents: "Giấy tờ cần nộp",
  attachments: "Giấy tờ đã tải lên",
  noAttachments: "Công dân không tải lên giấy tờ nào.",
  download: (label: string) => `Tải về: ${label}`,

  moveTitle: "Chuyển trạng thái",
  moveHint: "Công dân được báo ngay trong cuộc trò chuyện, và tra cứu trạng thái hiện trạng thái mới.",
  finalStatus: "Hồ sơ đã ở trạng thái cuối, không chuyển tiếp được nữa.",
  confirmTitle: (code: string, status: string) => `Chuyển hồ sơ ${code} sang “${status}”?`,
  confirmIntro: "Công dân được báo ngay qua kênh đã dùng để khai hồ sơ. Không hoàn tác được.",
  confirm: "Xác nhận",
  reasonLabel: "Lý do từ chối (công dân sẽ đọc lý do này)",
  reasonRequired: "Ghi lý do từ chối để công dân biết cần làm gì.",
  missingLabel: "Cần bổ sung những gì (công dân sẽ đọc danh sách này)",
  missingHint: "Mỗi giấy tờ hoặc thông tin một dòng, ví dụ: Giấy báo tử (bản chính).",
  missingRequired: "Ghi những gì cần bổ sung để công dân mang đến đủ một lần.",
  missingTooLong: "Tối đa 20 mục, mỗi mục tối đa 300 ký tự.",
  missingItems: "Cần bổ sung",
  moved: (code: string, status: string) => `Đã chuyển hồ sơ ${code} sang “${status}”. Công dân đã được báo.`,

  openDossier: "Mở trong danh sách hồ sơ",
  sourceClerk: (name: string) => `Cán bộ ${name}`,
} as const;
