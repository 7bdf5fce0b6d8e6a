import type { Locale } from "../../server/channels/web/protocol";

/**
 * Every text the widget writes itself. Everything else the citizen reads (questions, choices,
 * error messages) comes from the server in the conversation's language.
 */
export interface UiText {
  launcher: string;
  unread: (count: number) => string;
  title: string;
  close: string;
  /** The other language's name, written in that language: the switch button's text. */
  otherLocaleName: string;
  otherLocaleLabel: string;
  logLabel: string;
  choicesLabel: string;
  inputLabel: string;
  placeholder: string;
  send: string;
  attach: string;
  /**
   * The header's count of what is left. The server's total is the most questions the flow can still
   * ask, so the count only goes down; "about" because a branch not taken may take some off.
   */
  progress: (step: number, total: number) => string;
  waitingClerk: string;
  withClerk: string;
  connecting: string;
  reconnecting: string;
  queued: string;
  refused: string;
  retry: string;
  sending: string;
  notSentYet: string;
  author: { bot: string; citizen: string; clerk: string; system: string };
  typing: string;
  clerkTyping: string;
  uploading: string;
  fileSent: (fileName: string) => string;
  uploadFailed: string;
  uploadWrongType: string;
  sendFailed: string;
  doneTitle: string;
  doneCode: string;
  doneHint: string;
  openForm: string;
  formFailed: string;
  /** The ID-card scanner's script could not be loaded (it comes on first use). */
  scannerFailed: string;
  /** The citizen's bubble for a QR code read by the camera, and for a photo of the card sent. */
  cardScanned: string;
  cardPhotoSent: string;
  conversationReplaced: string;
  conversationClosed: string;
  newConversation: string;
}

export const UI_TEXT: Readonly<Record<Locale, UiText>> = {
  vi: {
    launcher: "Hỏi thủ tục",
    unread: (count) => `${count} tin nhắn mới`,
    title: "Trợ lý thủ tục hành chính",
    close: "Đóng",
    otherLocaleName: "English",
    otherLocaleLabel: "English – chuyển sang tiếng Anh",
    logLabel: "Nội dung trò chuyện",
    choicesLabel: "Chọn một câu trả lời",
    inputLabel: "Câu trả lời của bạn",
    placeholder: "Nhập câu trả lời…",
    send: "Gửi",
    attach: "Gửi ảnh hoặc tệp PDF (JPG, PNG, PDF)",
    progress: (step, total) => (total - step < 1 ? "Câu cuối" : `Còn khoảng ${total - step + 1} câu`),
    waitingClerk: "Đang chờ cán bộ tiếp nhận",
    withClerk: "Cán bộ đang hỗ trợ bạn",
    connecting: "Đang kết nối…",
    reconnecting: "Đang kết nối lại…",
    queued: "Tin nhắn của bạn sẽ được gửi khi có kết nối.",
    refused: "Chưa kết nối được với hệ thống.",
    retry: "Thử lại",
    sending: "Đang gửi…",
    notSentYet: "Chưa gửi — chờ kết nối",
    author: { bot: "Trợ lý", citizen: "Bạn", clerk: "Cán bộ", system: "Thông báo" },
    typing: "Trợ lý đang trả lời…",
    clerkTyping: "Cán bộ đang nhập…",
    uploading: "Đang tải lên…",
    fileSent: (name) => `Tệp đã gửi: ${name}`,
    uploadFailed: "Không tải lên được tệp. Kiểm tra kết nối mạng rồi thử lại.",
    uploadWrongType: "Chỉ nhận ảnh JPG, PNG hoặc tệp PDF.",
    sendFailed: "Không gửi được tin nhắn. Vui lòng thử lại.",
    doneTitle: "Hồ sơ đã được tiếp nhận",
    doneCode: "Mã hồ sơ",
    doneHint: "Ghi lại mã này để tra cứu tình trạng hồ sơ.",
    openForm: "Xem/in tờ khai",
    formFailed: "Không mở được tờ khai. Vui lòng thử lại sau.",
    scannerFailed: "Không mở được phần quét CCCD. Kiểm tra kết nối mạng rồi thử lại, hoặc nhập thông tin.",
    cardScanned: "Đã quét mã QR trên CCCD",
    cardPhotoSent: "Đã gửi ảnh mặt trước CCCD",
    conversationReplaced: "Cuộc trò chuyện trước không còn nữa; đã bắt đầu cuộc trò chuyện mới.",
    conversationClosed: "Cuộc trò chuyện đã kết thúc.",
    newConversation: "Bắt đầu cuộc trò chuyện mới",
  },
  en: {
    launcher: "Ask about procedures",
    unread: (count) => (count === 1 ? "1 new message" : `${count} new messages`),
    title: "Administrative procedures assistant",
    close: "Close",
    otherLocaleName: "Tiếng Việt",
    otherLocaleLabel: "Tiếng Việt – switch to Vietnamese",
    logLabel: "Conversation",
    choicesLabel: "Choose an answer",
    inputLabel: "Your answer",
    placeholder: "Type your answer…",
    send: "Send",
    attach: "Send a photo or a PDF (JPG, PNG, PDF)",
    progress: (step, total) => (total - step < 1 ? "Last question" : `About ${total - step + 1} questions left`),
    waitingClerk: "Waiting for a clerk",
    withClerk: "A clerk is helping you",
    connecting: "Connecting…",
    reconnecting: "Reconnecting…",
    queued: "Your messages will be sent when the connection is back.",
    refused: "Cannot reach the service.",
    retry: "Try again",
    sending: "Sending…",
    notSentYet: "Not sent yet — waiting for the connection",
    author: { bot: "Assistant", citizen: "You", clerk: "Clerk", system: "Notice" },
    typing: "The assistant is typing…",
    clerkTyping: "The clerk is typing…",
    uploading: "Uploading…",
    fileSent: (name) => `File sent: ${name}`,
    uploadFailed: "The file could not be uploaded. Check the network and try again.",
    uploadWrongType: "Only JPG or PNG photos and PDF files are accepted.",
    sendFailed: "The message could not be sent. Please try again.",
    doneTitle: "Your dossier has been received",
    doneCode: "Receipt code",
    doneHint: "Keep this code to check your dossier's status.",
    openForm: "View/print the form",
    formFailed: "The form could not be opened. Please try again later.",
    scannerFailed: "The ID card scanner could not be opened. Check the network and try again, or type the details.",
    cardScanned: "ID card QR code scanned",
    cardPhotoSent: "Photo of the ID card's front sent",
    conversationReplaced: "The previous conversation is no longer available; a new one has started.",
    conversationClosed: "This conversation has ended.",
    newConversation: "Start a new conversation",
  },
};
