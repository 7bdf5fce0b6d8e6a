/**
 * `widget-scanner.js`: the ID-card scanner, loaded by the widget the first time a citizen taps
 * "Quét CCCD", so that the widget's first load stays small for the many who never do.
 */
import { CARD_SCANNER_GLOBAL, type CardScannerModule } from "./cardScannerContract";
import { openCardScannerPanel } from "./cardScannerPanel";

const scanner: CardScannerModule = { open: openCardScannerPanel };
(window as unknown as Record<string, unknown>)[CARD_SCANNER_GLOBAL] = scanner;
