import path from "node:path";
import { type BrowserBundle, bundleForBrowser, formatBundleSize } from "./browserBundle";
import { PROJECT_ROOT } from "../server/projectRoot";

const ROOT = PROJECT_ROOT;
const ENTRY = path.join(ROOT, "widget/src/index.ts");

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

/** "dist/widget.js: 80.9 KB, 25.5 KB gzipped" */
export function formatSize(result: WidgetBuild): string {
  return formatBundleSize(result);
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
