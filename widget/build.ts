import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const ROOT = path.resolve(__dirname, "..");
const ENTRY = path.join(__dirname, "src/index.ts");

export interface WidgetBuildOptions {
  /** @default "dist/widget.js" under the repository root */
  outFile?: string;
  /** @default true */
  minify?: boolean;
}

export interface WidgetBuild {
  outFile: string;
  bytes: number;
  /** What a browser downloads: the test holds it under 50 KB. */
  gzipBytes: number;
}

/**
 * Bundles the widget and socket.io-client into one classic script, `widget.js`. The client comes
 * from its package entry (the build without `debug`), tree-shaken: about 12.8 KB of the 26 KB
 * gzipped. Its prebuilt `dist/socket.io.esm.min.js` would save 0.14 KB, not worth reaching past
 * the package's `exports`. ES2019 reaches Safari 12.1, on the iPhones that cannot update further.
 *
 * @example
 * const { outFile, gzipBytes } = await buildWidget();
 * app.get("/widget.js", (_req, res) => res.sendFile(outFile));
 */
export async function buildWidget(options: WidgetBuildOptions = {}): Promise<WidgetBuild> {
  const outFile = path.resolve(ROOT, options.outFile ?? "dist/widget.js");
  await build({
    entryPoints: [ENTRY],
    outfile: outFile,
    bundle: true,
    minify: options.minify ?? true,
    format: "iife",
    platform: "browser",
    target: "es2019",
    tsconfig: path.join(__dirname, "tsconfig.json"),
    legalComments: "eof",
    // `flows/units.ts` freezes its tables; marked pure, the ones the widget does not read are dropped.
    pure: ["Object.freeze"],
    logLevel: "silent",
  });
  const code = readFileSync(outFile);
  return { outFile, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

/** "dist/widget.js: 80.9 KB, 25.5 KB gzipped" */
export function formatSize(result: WidgetBuild): string {
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  const relative = path.relative(process.cwd(), result.outFile);
  return `${relative.startsWith("..") ? result.outFile : relative}: ${kb(result.bytes)}, ${kb(result.gzipBytes)} gzipped`;
}

if (require.main === module) {
  buildWidget().then(
    (result) => process.stdout.write(`${formatSize(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`widget build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
