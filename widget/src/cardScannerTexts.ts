import type { Locale } from "../../server/channels/web/protocol";

/** What the scanner panel says; it travels in the scanner's own script, not in the widget's first load. */
export interface CardScannerText {
  title: string;
  close: string;
  cameraLabel: string;
  aim: string;
  startingCamera: string;
  /** The citizen said no to the camera (or the browser did for them). */
  cameraDenied: string;
  /** No camera, or none that the page may use (a desktop, a page not served over HTTPS). */
  cameraAbsent: string;
  /** The camera runs but no QR reader could be loaded. */
  readerUnavailable: string;
  choosePhoto: string;
  photoHint: string;
}

export const CARD_SCANNER_TEXT: Readonly<Record<Locale, CardScannerText>> = {
  vi: {
    title: "Quét CCCD",
    close: "Đóng, quay lại câu hỏi",
    cameraLabel: "Hình từ máy ảnh",
    aim: "Đưa mã QR ở mặt trước CCCD vào giữa khung hình, giữ yên một lát.",
    startingCamera: "Đang mở máy ảnh…",
    cameraDenied: "Máy ảnh chưa được cho phép dùng. Bạn hãy bấm “Chọn ảnh” để gửi ảnh chụp mặt trước CCCD.",
    cameraAbsent: "Không dùng được máy ảnh trên thiết bị này. Bạn hãy bấm “Chọn ảnh” để gửi ảnh chụp mặt trước CCCD.",
    readerUnavailable: "Không đọc được mã QR trên thiết bị này. Bạn hãy bấm “Chọn ảnh” để gửi ảnh chụp mặt trước CCCD.",
    choosePhoto: "Chọn ảnh",
    photoHint: "Ảnh chụp rõ mặt trước CCCD, thấy trọn mã QR.",
  },
  en: {
    title: "Scan ID card",
    close: "Close, back to the question",
    cameraLabel: "Camera view",
    aim: "Hold the QR code on the front of the ID card in the middle of the frame, and keep still for a moment.",
    startingCamera: "Opening the camera…",
    cameraDenied: "The camera is not allowed. Press “Choose a photo” to send a photo of the front of the ID card.",
    cameraAbsent:
      "No camera can be used on this device. Press “Choose a photo” to send a photo of the front of the ID card.",
    readerUnavailable:
      "QR codes cannot be read on this device. Press “Choose a photo” to send a photo of the front of the ID card.",
    choosePhoto: "Choose a photo",
    photoHint: "A clear photo of the front of the ID card, with the whole QR code in it.",
  },
};
