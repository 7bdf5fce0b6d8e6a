import { QR_READER_GLOBAL, QR_READER_PATH, type QrReaderModule } from "./cardScannerContract";
import { loadLazyScript } from "./lazyScript";

/** The Shape Detection API's reader, where the browser has one (Chrome on Android, Safari 17+). */
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

/** Reads the QR code in the camera's current frame: its text, or null. */
export type QrDetector = (video: HTMLVideoElement) => Promise<string | null>;

/**
 * A camera frame is read at this long side: the QR code of a card held in the frame spans a few
 * hundred pixels of it, and zxing reads a 960-pixel frame in well under the 250 ms between reads.
 */
const FRAME_LONG_SIDE = 960;

/**
 * The browser's own `BarcodeDetector` when it reads QR codes; otherwise zxing-wasm, its script and
 * WebAssembly fetched from the widget's server on first use (a city page's policy may allow no CDN, and
 * a citizen's browser should tell no third party that they are scanning an ID card).
 */
export async function createQrDetector(serverOrigin: string): Promise<QrDetector> {
  const native = (window as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  const formats = native ? await native.getSupportedFormats().catch(() => [] as string[]) : [];
  if (native && formats.includes("qr_code")) {
    const detector = new native({ formats: ["qr_code"] });
    return async (video) => {
      const [found] = await detector.detect(video).catch(() => []);
      return found?.rawValue || null;
    };
  }
  const reader = await loadLazyScript<QrReaderModule>(`${serverOrigin}${QR_READER_PATH}`, QR_READER_GLOBAL);
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) throw new Error("no 2D canvas");
  return async (video) => {
    const { videoWidth: width, videoHeight: height } = video;
    if (width === 0 || height === 0) return null;
    const scale = Math.min(1, FRAME_LONG_SIDE / Math.max(width, height));
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    return reader.read(context.getImageData(0, 0, canvas.width, canvas.height));
  };
}
