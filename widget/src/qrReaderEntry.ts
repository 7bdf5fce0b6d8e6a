/**
 * `widget-qr-reader.js`: zxing-wasm's QR reader for browsers without `BarcodeDetector`, loaded by the
 * scanner only there. Its WebAssembly comes from the same server as this script (the package would
 * fetch it from a CDN by default).
 */
import { prepareZXingModule, readBarcodes } from "zxing-wasm/reader";
import { QR_READER_GLOBAL, QR_READER_WASM_PATH, type QrReaderModule } from "./cardScannerContract";

const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
const wasmUrl = new URL(QR_READER_WASM_PATH, script?.src ?? location.href).href;
prepareZXingModule({ overrides: { locateFile: () => wasmUrl } });

const reader: QrReaderModule = {
  async read(image) {
    const [found] = await readBarcodes(image, {
      formats: ["QRCode"],
      tryHarder: true,
      tryRotate: true,
      tryInvert: false,
      maxNumberOfSymbols: 1,
    });
    return found?.isValid && found.text ? found.text : null;
  },
};
(window as unknown as Record<string, unknown>)[QR_READER_GLOBAL] = reader;
