import type { Locale } from "../../server/channels/web/protocol";
import {
  CARD_SCANNER_GLOBAL,
  CARD_SCANNER_PATH,
  type CardScannerModule,
  type OpenCardScanner,
} from "./cardScannerContract";
import type { KhaiHoChatElement } from "./chatView";
import { loadLazyScript } from "./lazyScript";

/** The choice the server offers at a person's first identity question; the widget answers it with the scanner. */
export const IDENTITY_SCAN_CHOICE = "identity:scan";

export interface IdentityScanDeps {
  serverOrigin: string;
  view: KhaiHoChatElement;
  locale(): Locale;
  /** The scanner's script could not be loaded. */
  failed(): void;
  qrRead(text: string): void;
  photoChosen(file: File): void;
}

/**
 * "Quét CCCD" in the web widget: the tap is not sent; the scanner (its own script, fetched from the
 * widget's server on first use) opens over the chat, and what it reads or the photo chosen is sent
 * instead. Closing it gives the focus back to the button that opened it, at the same question.
 */
export class IdentityScan {
  private scanner: OpenCardScanner | null = null;
  private loading = false;

  constructor(private readonly deps: IdentityScanDeps) {}

  async open(): Promise<void> {
    if (this.scanner || this.loading) return;
    const { view } = this.deps;
    const returnTo = view.focusedElement;
    this.loading = true;
    let module: CardScannerModule;
    try {
      module = await loadLazyScript<CardScannerModule>(
        `${this.deps.serverOrigin}${CARD_SCANNER_PATH}`,
        CARD_SCANNER_GLOBAL,
      );
    } catch {
      this.deps.failed();
      return;
    } finally {
      this.loading = false;
    }
    if (!view.isOpen) return;
    const ended = (): void => {
      this.scanner = null;
    };
    this.scanner = module.open({
      host: view.overlayHost,
      locale: this.deps.locale(),
      serverOrigin: this.deps.serverOrigin,
      qrRead: (text) => {
        ended();
        view.returnFocus(null);
        this.deps.qrRead(text);
      },
      photoChosen: (file) => {
        ended();
        view.returnFocus(null);
        this.deps.photoChosen(file);
      },
      closed: () => {
        ended();
        view.returnFocus(returnTo);
      },
    });
  }

  /** The widget closes, resets or changes language: the camera goes off with the panel. */
  close(): void {
    this.scanner?.close();
    this.scanner = null;
  }
}
