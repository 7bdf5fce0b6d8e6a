/** The words of the "Dữ liệu cá nhân" view: a citizen's requests about their data, carried out by an administrator. */
export const PRIVACY_TEXTS = {
  tab: "Dữ liệu cá nhân",
  title: "Yêu cầu về dữ liệu cá nhân của công dân",
  intro:
    "Công dân có quyền xem, nhận bản sao và yêu cầu xóa dữ liệu cá nhân của mình (Luật Bảo vệ dữ liệu cá nhân " +
    "2025). Mỗi lần tra cứu, tải về hoặc xóa đều được ghi nhật ký.",
  lookupForm: "Tra cứu dữ liệu của một công dân",
  lookupLabel: "Mã hồ sơ hoặc mã cuộc trò chuyện",
  lookupHint: "Ví dụ: HN-20261127-0001-K7QM. Đối chiếu số CCCD và số điện thoại (đã che) với giấy tờ của công dân.",
  lookup: "Tra cứu",
  loading: "Đang tra cứu…",
  heldTitle: "Dữ liệu đang lưu",
  conversation: "Cuộc trò chuyện",
  channel: "Kênh",
  since: "Bắt đầu",
  lastActivity: "Hoạt động cuối",
  messages: "Tin nhắn",
  uploads: "Tệp đã gửi",
  dossiers: "Hồ sơ",
  noDossier: "Chưa nộp hồ sơ nào.",
  dossierColumns: {
    code: "Mã hồ sơ",
    procedure: "Thủ tục",
    status: "Trạng thái",
    idNumber: "CCCD",
    phone: "Điện thoại",
  },
  hidden: "—",
  export: "Tải bản sao dữ liệu (JSON)",
  exportHint: "Tệp gồm toàn bộ tin nhắn, câu trả lời, hồ sơ và tệp đã gửi: trao cho công dân, không lưu lại máy.",
  eraseTitle: "Xóa dữ liệu",
  eraseIntro: (ref: string) =>
    `Xóa vĩnh viễn cuộc trò chuyện, câu trả lời, hồ sơ và tệp của công dân này. Không thể hoàn tác. Gõ lại mã ${ref} ` +
    "để xác nhận.",
  eraseLabel: "Gõ lại mã để xác nhận",
  erase: "Xóa vĩnh viễn",
  eraseMismatch: "Mã gõ lại chưa khớp với mã đã tra cứu.",
  erased: (dossiers: number, uploads: number) =>
    `Đã xóa dữ liệu của công dân: ${dossiers} hồ sơ, ${uploads} tệp, cùng toàn bộ tin nhắn và câu trả lời.`,
} as const;
