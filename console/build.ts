import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { type BrowserBundle, bundleForBrowser, formatBundleSize, kilobytes } from "../widget/browserBundle";
import { PROJECT_ROOT } from "../server/projectRoot";

const ROOT = PROJECT_ROOT;
const ENTRY = path.join(ROOT, "console/src/index.ts");
const STYLESHEET = path.join(ROOT, "console/console.css");
/**
 * The dashboard and Chart.js, a second script the console loads when its tab is first opened: the
 * clerks who never open it never download Chart.js (~70 KB gzipped), and the console's first load is
 * the same size as without a dashboard.
 */
const DASHBOARD_ENTRY = path.join(ROOT, "console/src/dashboardBundle.ts");
/** The page the server sends at `/console`: it loads `/console.css` and `/console.js`, nothing inline. */
export const CONSOLE_PAGE = path.join(ROOT, "console/index.html");

export interface ConsoleBuildOptions {
  /** @default "dist/console.js" under the repository root; the stylesheet goes beside it as `console.css` */
  outFile?: string;
  /** @default true */
  minify?: boolean;
}

export interface ConsoleBuild extends BrowserBundle {
  cssFile: string;
  cssBytes: number;
  /** `dashboard.js` beside `console.js`, served as `/console-dashboard.js`. */
  dashboard: BrowserBundle;
}

/**
 * Bundles the clerk console and socket.io-client into one classic script, `console.js`, and
 * minifies its stylesheet into `console.css` beside it, with the widget's settings
 * (`widget/browserBundle.ts`).
 *
 * @example
 * const { outFile, cssFile } = await buildConsole();
 * app.get("/console.js", (_req, res) => res.sendFile(outFile));
 * app.get("/console.css", (_req, res) => res.sendFile(cssFile));
 * app.get("/console", (_req, res) => res.sendFile(CONSOLE_PAGE));
 */
export async function buildConsole(options: ConsoleBuildOptions = {}): Promise<ConsoleBuild> {
  const outFile = path.resolve(ROOT, options.outFile ?? "dist/console.js");
  const cssFile = path.join(path.dirname(outFile), "console.css");
  const minify = options.minify ?? true;
  const tsconfig = path.join(ROOT, "console/tsconfig.json");
  const dashboardFile = path.join(path.dirname(outFile), "dashboard.js");
  const [script, stylesheet, dashboard] = await Promise.all([
    bundleForBrowser({ entry: ENTRY, outFile, tsconfig, minify }),
    build({
      entryPoints: [STYLESHEET],
      outfile: cssFile,
      bundle: true,
      minify,
      target: ["chrome90", "firefox90", "safari14"],
      logLevel: "silent",
      metafile: true,
    }),
    bundleForBrowser({ entry: DASHBOARD_ENTRY, outFile: dashboardFile, tsconfig, minify }),
  ]);
  const inputs = [
    ...new Set([
      ...script.inputs,
      ...Object.keys(stylesheet.metafile.inputs).map((input) => path.resolve(input)),
      ...dashboard.inputs,
    ]),
  ];
  return { ...script, inputs, cssFile, cssBytes: readFileSync(cssFile).length, dashboard };
}

/** "dist/console.js: 60.2 KB, 19.1 KB gzipped; console.css 9.0 KB; dist/dashboard.js: 210.4 KB, 71.0 KB gzipped" */
export function formatSize(result: ConsoleBuild): string {
  const css = `console.css ${kilobytes(result.cssBytes)}`;
  return `${formatBundleSize(result)}; ${css}; ${formatBundleSize(result.dashboard)}`;
}

if (require.main === module) {
  buildConsole().then(
    (result) => process.stdout.write(`${formatSize(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`console build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
