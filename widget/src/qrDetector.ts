import { QR_READER_GLOBAL, QR_READER_PATH, type QrReaderModule } from "./cardScannerContract";
import { loadLazyScript } from "./lazyScript";
import { nativeQrDetector, type QrDetector } from "../shared/nativeQrDetector";

export type { QrDetector };

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
  const native = await nativeQrDetector();
  if (native) return native;
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
