import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildConsole, CONSOLE_PAGE } from "../console/build";
import { buildWidget, buildWidgetScanner, QR_READER_WASM } from "../widget/build";
import { PROJECT_ROOT } from "./projectRoot";

const ROOT = PROJECT_ROOT;
/** Beside the bundles: the files they were made from, to tell at start whether they are stale. */
const MANIFEST = "browser-assets.json";

export interface BrowserAssets {
  widget: string;
  console: { html: string; js: string; css: string; dashboardJs: string };
  /** Whether they had to be bundled now (missing, or older than one of their sources). */
  built: boolean;
}

/** The widget's lazily loaded parts, served beside it: the ID-card scanner and the QR reader with its WebAssembly. */
export interface WidgetScannerAssets {
  scanner: string;
  qrReader: string;
  /** zxing-wasm's reader, as the package installed it. */
  wasmFile: string;
}

interface Manifest {
  outputs: string[];
  inputs: string[];
}

/**
 * Bundles the widget and the console into `distDir` (`npm ci` runs this through the `prepare`
 * script) and writes the list of every file esbuild read, so that a start can tell a stale
 * bundle without bundling.
 */
export async function buildBrowserAssets(distDir = path.join(ROOT, "dist")): Promise<{ files: string[] }> {
  const [widget, lazy, consoleBuild] = await Promise.all([
    buildWidget({ outFile: path.join(distDir, "widget.js") }),
    buildWidgetScanner({ outDir: distDir }),
    buildConsole({ outFile: path.join(distDir, "console.js") }),
  ]);
  const files = [
    widget.outFile,
    lazy.scanner.outFile,
    lazy.qrReader.outFile,
    consoleBuild.outFile,
    consoleBuild.cssFile,
    consoleBuild.dashboard.outFile,
  ];
  const inputs = [...widget.inputs, ...lazy.scanner.inputs, ...lazy.qrReader.inputs, ...consoleBuild.inputs];
  const manifest: Manifest = {
    outputs: files.map((file) => path.relative(distDir, file)),
    inputs: [...new Set(inputs)].map((file) => path.relative(ROOT, file)).sort(),
  };
  writeFileSync(path.join(distDir, MANIFEST), JSON.stringify(manifest, null, 1));
  return { files };
}

function modifiedAt(file: string): number | null {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * Stale when a bundle is missing or any source it was made from (its own files, the types it shares,
 * socket.io-client's files) changed after it: about 80 `stat` calls, well under a millisecond,
 * against 1–2 s for bundling at every start.
 */
function isStale(distDir: string): boolean {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(distDir, MANIFEST), "utf8")) as Manifest;
  } catch {
    return true;
  }
  const built = manifest.outputs.map((file) => modifiedAt(path.join(distDir, file)));
  if (built.some((at) => at === null)) return true;
  const oldest = Math.min(...(built as number[]));
  return manifest.inputs.some((file) => (modifiedAt(path.join(ROOT, file)) ?? Infinity) > oldest);
}

/** The widget and console as the server sends them: read from `distDir`, bundled first only when stale. */
export async function loadBrowserAssets(distDir = path.join(ROOT, "dist")): Promise<BrowserAssets> {
  const built = isStale(distDir);
  if (built) await buildBrowserAssets(distDir);
  const read = (file: string) => readFileSync(path.join(distDir, file), "utf8");
  return {
    widget: read("widget.js"),
    console: {
      html: readFileSync(CONSOLE_PAGE, "utf8"),
      js: read("console.js"),
      css: read("console.css"),
      dashboardJs: read("dashboard.js"),
    },
    built,
  };
}

const scannerAssets = new Map<string, Promise<WidgetScannerAssets>>();

/**
 * The scanner's scripts, read from `distDir` when they are there and fresh, else bundled once into a
 * folder of this process's own (a test server, a checkout not yet built), never over another's files.
 * Asked for at the first "Quét CCCD" a citizen taps, not at start.
 */
export function loadWidgetScanner(distDir = path.join(ROOT, "dist")): Promise<WidgetScannerAssets> {
  let assets = scannerAssets.get(distDir);
  if (assets) return assets;
  assets = (async () => {
    const read = (dir: string) => ({
      scanner: readFileSync(path.join(dir, "widget-scanner.js"), "utf8"),
      qrReader: readFileSync(path.join(dir, "widget-qr-reader.js"), "utf8"),
      wasmFile: QR_READER_WASM,
    });
    if (!isStale(distDir)) {
      try {
        return read(distDir);
      } catch {
        // Built before the scanner existed: bundled below.
      }
    }
    const own = mkdtempSync(path.join(tmpdir(), "khai-ho-scanner-"));
    try {
      await buildWidgetScanner({ outDir: own });
      return read(own);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  })();
  assets.catch(() => scannerAssets.delete(distDir));
  scannerAssets.set(distDir, assets);
  return assets;
}

if (require.main === module) {
  buildBrowserAssets().then(
    ({ files }) =>
      process.stdout.write(`browser assets built: ${files.map((f) => path.relative(ROOT, f)).join(", ")}\n`),
    (error: unknown) => {
      process.stderr.write(`browser assets build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
