/** The Shape Detection API's reader, where the browser has one (Chrome on Android, macOS, ChromeOS; Safari 17+). */
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
 * The browser's own `BarcodeDetector` when it reads QR codes, or null. Shared by the widget's scanner (which
 * falls back to zxing-wasm) and the console's (which falls back to a still of the webcam read on the server).
 */
export async function nativeQrDetector(): Promise<QrDetector | null> {
  const native = (window as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  const formats = native ? await native.getSupportedFormats().catch(() => [] as string[]) : [];
  if (!native || !formats.includes("qr_code")) return null;
  const detector = new native({ formats: ["qr_code"] });
  return async (video) => {
    const [found] = await detector.detect(video).catch(() => []);
    return found?.rawValue || null;
  };
}
