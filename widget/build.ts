import path from "node:path";
import { type BrowserBundle, bundleForBrowser, formatBundleSize } from "./browserBundle";
import { PROJECT_ROOT } from "../server/projectRoot";

const ROOT = PROJECT_ROOT;
const ENTRY = path.join(ROOT, "widget/src/index.ts");
/** The lazily loaded parts: the ID-card scanner, and the QR reader for browsers without `BarcodeDetector`. */
const SCANNER_ENTRY = path.join(ROOT, "widget/src/cardScannerEntry.ts");
const QR_READER_ENTRY = path.join(ROOT, "widget/src/qrReaderEntry.ts");
/** zxing-wasm's reader, served beside `widget-qr-reader.js` as it is installed. */
export const QR_READER_WASM = require.resolve("zxing-wasm/reader/zxing_reader.wasm");

export interface WidgetBuildOptions {
  /** @default "dist/widget.js" under the repository root */
  outFile?: string;
  /** @default true */
  minify?: boolean;
}

/** `gzipBytes` is what a browser downloads: the test holds it under 50 KB. */
export type WidgetBuild = BrowserBundle;

/**
 * Bundles the widget and socket.io-client into one classic script, `widget.js`. The client comes
 * from its package entry (the build without `debug`), tree-shaken: about 12.8 KB of the 26 KB
 * gzipped. Its prebuilt `dist/socket.io.esm.min.js` would save 0.14 KB, not worth reaching past
 * the package's `exports`.
 *
 * @example
 * const { outFile, gzipBytes } = await buildWidget();
 * app.get("/widget.js", (_req, res) => res.sendFile(outFile));
 */
export async function buildWidget(options: WidgetBuildOptions = {}): Promise<WidgetBuild> {
  const outFile = path.resolve(ROOT, options.outFile ?? "dist/widget.js");
  return bundleForBrowser({
    entry: ENTRY,
    outFile,
    tsconfig: path.join(ROOT, "widget/tsconfig.json"),
    minify: options.minify ?? true,
  });
}

/**
 * The scripts the widget loads only when a citizen taps "Quét CCCD": `widget-scanner.js` (the panel and
 * the camera) and `widget-qr-reader.js` (zxing-wasm, for browsers without `BarcodeDetector`), beside
 * `outDir`'s `widget.js`. Kept out of it so that its first load stays under 50 KB gzipped.
 */
export async function buildWidgetScanner(
  options: { outDir?: string; minify?: boolean } = {},
): Promise<{ scanner: BrowserBundle; qrReader: BrowserBundle }> {
  const outDir = path.resolve(ROOT, options.outDir ?? "dist");
  const bundle = (entry: string, file: string) =>
    bundleForBrowser({
      entry,
      outFile: path.join(outDir, file),
      tsconfig: path.join(ROOT, "widget/tsconfig.json"),
      minify: options.minify ?? true,
    });
  const [scanner, qrReader] = await Promise.all([
    bundle(SCANNER_ENTRY, "widget-scanner.js"),
    bundle(QR_READER_ENTRY, "widget-qr-reader.js"),
  ]);
  return { scanner, qrReader };
}

/** "dist/widget.js: 80.9 KB, 25.5 KB gzipped" */
export function formatSize(result: WidgetBuild): string {
  return formatBundleSize(result);
}

if (require.main === module) {
  Promise.all([buildWidget(), buildWidgetScanner()]).then(
    ([result, lazy]) =>
      process.stdout.write(`${[result, lazy.scanner, lazy.qrReader].map((built) => formatSize(built)).join("\n")}\n`),
    (error: unknown) => {
      process.stderr.write(`widget build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
