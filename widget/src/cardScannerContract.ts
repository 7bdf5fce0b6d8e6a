import type { Locale } from "../../server/channels/web/protocol";

/**
 * What the widget and its lazily loaded scanner (`widget-scanner.js`) say to each other: the scanner
 * is its own script, so the two meet through one global, typed here and imported as types only.
 */
export interface CardScannerOptions {
  /** Where the panel goes: inside the widget's panel, in its shadow root. */
  host: HTMLElement;
  locale: Locale;
  /** The widget's server: the QR reader's script and WebAssembly come from it, never from a CDN. */
  serverOrigin: string;
  /** The camera read a QR code: its text, as read. */
  qrRead(text: string): void;
  /** The citizen chose a photo of the card instead. */
  photoChosen(file: File): void;
  /** Closed without a result (the close button, Escape). */
  closed(): void;
}

export interface OpenCardScanner {
  /** Ends the camera and removes the panel, without calling back. */
  close(): void;
}

export interface CardScannerModule {
  open(options: CardScannerOptions): OpenCardScanner;
}

/** The QR reader for browsers without `BarcodeDetector` (`widget-qr-reader.js`, zxing-wasm). */
export interface QrReaderModule {
  /** The text of the QR code in `image`, or null when none could be read. */
  read(image: ImageData): Promise<string | null>;
}

/** The globals the two lazy scripts define when they run. */
export const CARD_SCANNER_GLOBAL = "KhaiHoCardScanner";
export const QR_READER_GLOBAL = "KhaiHoQrReader";
/** Their paths on the widget's server. */
export const CARD_SCANNER_PATH = "/widget-scanner.js";
export const QR_READER_PATH = "/widget-qr-reader.js";
export const QR_READER_WASM_PATH = "/widget-qr-reader.wasm";
