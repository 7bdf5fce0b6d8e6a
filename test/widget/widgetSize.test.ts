import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildWidget, buildWidgetScanner, formatSize, type WidgetBuild } from "../../widget/build";
import { describeBrowserSource, HTML_SINKS, sourceFiles } from "../support/browserSource";

/** The budget: `widget.js` ≤ 50 KB gzipped, socket.io-client included. */
const GZIP_BUDGET_BYTES = 50 * 1024;

describe("widget.js bundle", () => {
  let dir: string;
  let build: WidgetBuild;
  let code: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "khai-ho-widget-"));
    build = await buildWidget({ outFile: path.join(dir, "widget.js") });
    code = readFileSync(build.outFile, "utf8");
    process.stdout.write(`${formatSize(build)} (budget ${GZIP_BUDGET_BYTES / 1024} KB gzipped)\n`);
  }, 60_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("weighs at most 50 KB gzipped, socket.io-client included", () => {
    expect(code).toContain("/socket.io");
    expect(build.gzipBytes).toBeLessThanOrEqual(GZIP_BUDGET_BYTES);
  });

  // Assertions on booleans and short lists: a failing match must not print 80 KB of bundle.
  it("is one classic script that defines <khai-ho-chat> and loads nothing else", () => {
    expect(/^("use strict";)?\(\(\)=>\{/.test(code)).toBe(true);
    expect(code.includes('"khai-ho-chat"')).toBe(true);
    expect(["import(", "require(", "sourceMappingURL"].filter((name) => code.includes(name))).toEqual([]);
  });

  it("carries no HTML sink, eval, console.log, server table or socket.io's debug build", () => {
    // `debug` rides along with socket.io-client's `esm-debug` entry only; `receiptPrefix` is the
    // city table of flows/units.ts, which the widget does not use.
    const banned = [...HTML_SINKS, "console.log", "eval(", "debug", "receiptPrefix"];
    expect(banned.filter((name) => code.includes(name))).toEqual([]);
  });

  it("keeps Vietnamese as ASCII escapes, so a page in another charset cannot garble it", () => {
    expect(/^[\x00-\x7f]*$/.test(code)).toBe(true);
  });
});

describe("the ID-card scanner, loaded on first use", () => {
  let dir: string;
  let first: string;
  let scanner: string;
  let qrReader: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "khai-ho-widget-scanner-"));
    const [widget, lazy] = await Promise.all([
      buildWidget({ outFile: path.join(dir, "widget.js") }),
      buildWidgetScanner({ outDir: dir }),
    ]);
    [first, scanner, qrReader] = [widget, lazy.scanner, lazy.qrReader].map((b) => readFileSync(b.outFile, "utf8")) as [
      string,
      string,
      string,
    ];
    process.stdout.write(`${formatSize(lazy.scanner)}, ${formatSize(lazy.qrReader)} (loaded on first scan)\n`);
  }, 60_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("is not in the widget's first load: no camera, no QR reader, no scanner panel", () => {
    // Names that survive minifying: the APIs called, a class name, a text's key.
    const scannerCode = ["getUserMedia", "BarcodeDetector", "zxing", "readBarcodes", "scanner-frame", "cameraDenied"];
    expect(scannerCode.filter((name) => first.includes(name))).toEqual([]);
    expect(scannerCode.filter((name) => scanner.includes(name))).toEqual([
      "getUserMedia",
      "BarcodeDetector",
      "scanner-frame",
      "cameraDenied",
    ]);
    expect(qrReader.includes("readBarcodes") || qrReader.includes("zxing")).toBe(true);
  });

  it("loads the QR reader's WebAssembly from the widget's server, not from the package's CDN default", () => {
    expect(qrReader.includes("/widget-qr-reader.wasm")).toBe(true);
    expect(scanner.includes("/widget-qr-reader.js")).toBe(true);
  });
});

describeBrowserSource("widget", (sourceDir) => {
  it("has no console.log left", () => {
    expect(
      sourceFiles(sourceDir)
        .filter(({ text }) => text.includes("console.log"))
        .map(({ name }) => name),
    ).toEqual([]);
  });
});
