import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface BrowserBundle {
  outFile: string;
  bytes: number;
  /** What a browser downloads. */
  gzipBytes: number;
  /** Every file the bundle was made from, as esbuild read them: a newer one makes it stale. */
  inputs: string[];
}

/**
 * Bundles one browser entry (the widget, the clerk console) with socket.io-client into a classic
 * script, type-stripped by esbuild (each folder's tsconfig type-checks it). ES2019 reaches
 * Safari 12.1, on the iPhones that cannot update further, and whatever a ward office PC runs.
 */
export async function bundleForBrowser(options: {
  entry: string;
  outFile: string;
  tsconfig: string;
  minify: boolean;
}): Promise<BrowserBundle> {
  const result = await build({
    metafile: true,
    entryPoints: [options.entry],
    outfile: options.outFile,
    bundle: true,
    minify: options.minify,
    format: "iife",
    platform: "browser",
    target: "es2019",
    tsconfig: options.tsconfig,
    legalComments: "eof",
    // `flows/units.ts` freezes its tables; marked pure, the ones a bundle does not read are dropped.
    pure: ["Object.freeze"],
    logLevel: "silent",
  });
  const code = readFileSync(options.outFile);
  const inputs = Object.keys(result.metafile.inputs).map((input) => path.resolve(input));
  return { outFile: options.outFile, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, inputs };
}

export function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** "dist/widget.js: 80.9 KB, 25.5 KB gzipped" (relative to the working folder when inside it). */
export function formatBundleSize(bundle: BrowserBundle): string {
  const relative = path.relative(process.cwd(), bundle.outFile);
  return (
    `${relative.startsWith("..") ? bundle.outFile : relative}: ${kilobytes(bundle.bytes)}, ` +
    `${kilobytes(bundle.gzipBytes)} gzipped`
  );
}
