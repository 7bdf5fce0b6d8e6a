import type { ChatMessage, ConversationStatus, MessageAuthor } from "../../server/channels/web/protocol";
import type { DraftField, HandoffReason, QueueItem } from "../../server/console/clerkProtocol";

/** The console's words. Clerks read Vietnamese only: no second language here. */

export const APP_TITLE = "Khai Hộ – Bàn làm việc";

export const REASON_LABELS: Readonly<Record<HandoffReason, string>> = {
  asked: "Yêu cầu gặp cán bộ",
  stuck: "Gặp khó khăn",
  required: "Thủ tục cần cán bộ",
};

export const STATUS_LABELS: Readonly<Record<ConversationStatus, string>> = {
  bot: "Đang khai với trợ lý",
  waiting_clerk: "Đang chờ cán bộ",
  with_clerk: "Cán bộ đang hỗ trợ",
  completed: "Đã nộp hồ sơ",
  closed: "Đã kết thúc",
};

export const AUTHOR_LABELS: Readonly<Record<MessageAuthor, string>> = {
  citizen: "Công dân",
  bot: "Trợ lý",
  clerk: "Cán bộ",
  system: "Hệ thống",
};

/** A channel by its name, for the badges and the outbox alert ("Hàng đợi Zalo đang ùn…"). */
export const CHANNEL_LABELS: Readonly<Record<QueueItem["channel"], string>> = {
  web: "Web",
  zalo: "Zalo",
  terminal: "Dòng lệnh",
};

type Via = NonNullable<ChatMessage["via"]>;

/** A message not written by Khai Hộ itself: who wrote it, on the message, and why on hover. */
export const VIA_LABELS: Readonly<Record<Via, { label: string; title: string }>> = {
  botpress: { label: "Botpress", title: "Trả lời từ bot hỏi đáp của thành phố" },
  zalo: { label: "Nhắn từ Zalo OA", title: "Viết trong công cụ chat của Zalo OA; công dân đã nhận tin này" },
};

type SourceKind = NonNullable<DraftField["source"]>["by"];

export const SOURCE_LABELS: Readonly<Record<SourceKind, string>> = {
  citizen: "Công dân",
  bot: "Trợ lý",
  clerk: "Cán bộ",
  idCard: "CCCD (mã QR)",
};

export const TEXTS = {
  loginTitle: "Đăng nhập bàn làm việc",
  loginIntro: "Dành cho cán bộ tiếp nhận hồ sơ của phường, xã.",
  username: "Tên đăng nhập",
  password: "Mật khẩu",
  login: "Đăng nhập",
  loggingIn: "Đang đăng nhập…",
  logout: "Đăng xuất",
  changePassword: "Đổi mật khẩu",
  mustChangePassword: "Mật khẩu này do người khác đặt. Bạn đặt mật khẩu mới của riêng mình trước khi làm việc.",
  currentPassword: "Mật khẩu hiện tại",
  newPassword: "Mật khẩu mới",
  repeatPassword: "Nhập lại mật khẩu mới",
  passwordsDiffer: "Hai lần nhập mật khẩu mới không giống nhau.",
  passwordChanged: "Đã đổi mật khẩu.",
  save: "Lưu",
  cancel: "Huỷ",
  networkError: "Không liên lạc được máy chủ. Kiểm tra mạng rồi thử lại.",
  noAnswer: "Máy chủ không trả lời. Bạn thử lại nhé.",
  sessionEnded: "Phiên đăng nhập đã hết hạn, bạn đăng nhập lại nhé.",

  queueTitle: "Hàng chờ",
  transcriptLabel: "Nội dung trò chuyện",
  queueEmpty: "Chưa có công dân nào cần hỗ trợ.",
  queueWaiting: (n: number) => (n === 0 ? "Không ai đang chờ" : `${n} người đang chờ`),
  noProcedure: "Chưa chọn thủ tục",
  noUnit: "Chưa rõ đơn vị",
  unheld: "Chưa ai nhận",
  heldBy: (name: string) => `${name} đang hỗ trợ`,
  heldByYou: "Bạn đang hỗ trợ",
  newBadge: "Mới",
  arrivals: (n: number) => (n === 1 ? "Có 1 công dân mới cần hỗ trợ." : `Có ${n} công dân mới cần hỗ trợ.`),
  zaloTitle: "Công dân nhắn qua Zalo",
  channelBackedUp: (channel: string, n: number) => `Hàng đợi ${channel} đang ùn: ${n} công dân chờ gửi`,
  nodeApart:
    "Máy chủ này đang mất liên lạc với các máy chủ khác: bạn chỉ thấy công dân và đồng nghiệp đang kết nối vào " +
    "máy chủ này. Báo bộ phận CNTT.",
  soundOn: "Âm báo: bật",
  soundOff: "Âm báo: tắt",

  conversationTitle: "Cuộc trò chuyện",
  zaloName: "Tên Zalo:",
  zaloUnreachable: (reason: string) => `Không gửi được tin qua Zalo: ${reason} — gọi điện cho công dân nếu cần`,
  zaloUnknownReason: "Zalo không nhận tin cho người này",
  zaloPending: "Đang chờ gửi qua Zalo…",
  noSelection: "Chọn một cuộc trò chuyện trong hàng chờ để xem.",
  loading: "Đang tải…",
  take: "Nhận hỗ trợ",
  release: "Trả về trợ lý",
  transfer: "Chuyển",
  close: "Kết thúc",
  scanCard: "Quét CCCD",
  scanCardHint: (person: string) => `Đọc CCCD của ${person}; công dân xác nhận trước khi điền.`,
  scanCardSent: "Đã gửi thông tin thẻ cho công dân xác nhận.",
  scanCardNotImage: "Không đọc được ảnh này; chụp lại hoặc chọn ảnh khác.",
  scanTitle: (person: string) => `Quét CCCD của ${person}`,
  scanCamera: "Hình từ webcam",
  scanStarting: "Đang mở webcam…",
  scanAim: "Đưa mã QR ở mặt trước thẻ vào giữa khung hình; thẻ được đọc ngay.",
  scanAimCapture: 'Đưa mặt trước thẻ vào khung hình, giữ yên, rồi bấm "Chụp".',
  scanCameraDenied: 'Trình duyệt không cho dùng webcam: bấm "Chọn ảnh" để gửi ảnh chụp thẻ.',
  scanCameraAbsent: 'Không có webcam: bấm "Chọn ảnh" để gửi ảnh chụp thẻ.',
  scanCapture: "Chụp",
  scanChoosePhoto: "Chọn ảnh",
  composerLabel: "Tin nhắn cho công dân",
  composerHint: "Enter để gửi, Shift+Enter để xuống dòng.",
  composerLocked: 'Bấm "Nhận hỗ trợ" để nhắn cho công dân.',
  send: "Gửi",
  sending: "đang gửi…",
  cannedTitle: "Câu trả lời mẫu",
  citizenTyping: "Công dân đang nhập…",
  choicesShown: "Nút đã hiện:",
  releaseTitle: "Trả cuộc trò chuyện về trợ lý",
  releaseIntro: "Trợ lý hỏi tiếp câu đầu tiên chưa có câu trả lời, kể từ:",
  releaseCurrent: "Chỗ đang dừng",
  releaseReview: "Màn xem lại hồ sơ",
  releaseStep: "Một bước cụ thể:",
  transferTitle: "Chuyển cuộc trò chuyện",
  transferIntro: "Chuyển cuộc trò chuyện và hồ sơ nháp cho:",
  transferToClerk: "Một cán bộ của đơn vị (nhận ngay)",
  transferToUnit: "Hàng chờ của đơn vị khác",
  notSignedIn: "không trực tuyến",
  chooseClerk: "Chọn một cán bộ đang trực tuyến.",
  chooseUnit: "Chọn một đơn vị.",
  notesTitle: "Ghi chú nội bộ",
  notesSummary: (n: number) => `Ghi chú nội bộ (${n}) · chỉ cán bộ thấy`,
  notePlaceholder: "Ghi chú cho cán bộ khác, công dân không thấy…",
  addNote: "Thêm ghi chú",
  closeTitle: "Kết thúc cuộc trò chuyện?",
  closeIntro: "Công dân được cảm ơn và mời đánh giá. Hồ sơ nháp vẫn được giữ.",
  done: (what: string) => `Đã ${what.toLowerCase()}.`,

  dossierTitle: "Hồ sơ nháp",
  dossierEmpty: "Hồ sơ nháp hiện ở đây khi chọn một cuộc trò chuyện.",
  dossierNoFields: "Công dân chưa khai mục nào.",
  progress: (step: number, total: number) => `Bước ${step}/${total}`,
  receiptCode: "Mã hồ sơ",
  attachments: "Giấy tờ đã tải lên",
  noAttachments: "Chưa có giấy tờ nào.",
  emptyValue: "chưa có",
  edit: "Sửa",
  editLabel: (label: string) => `Sửa ${label}`,
  editHint: "Gõ như công dân sẽ trả lời; công dân được hỏi lại để xác nhận.",
  yourself: "bạn",

  offline: "Mất kết nối… đang kết nối lại.",
  refused: "Máy chủ từ chối kết nối.",
  retry: "Thử lại",
} as const;
