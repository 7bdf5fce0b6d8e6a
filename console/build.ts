import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const ROOT = path.resolve(__dirname, "..");
const ENTRY = path.join(__dirname, "src/index.ts");
const STYLESHEET = path.join(__dirname, "console.css");
/** The page the server sends at `/console`: it loads `/console.css` and `/console.js`, nothing inline. */
export const CONSOLE_PAGE = path.join(__dirname, "index.html");

export interface ConsoleBuildOptions {
  /** @default "dist/console.js" under the repository root; the stylesheet goes beside it as `console.css` */
  outFile?: string;
  /** @default true */
  minify?: boolean;
}

export interface ConsoleBuild {
  outFile: string;
  bytes: number;
  gzipBytes: number;
  cssFile: string;
  cssBytes: number;
}

/**
 * Bundles the clerk console and socket.io-client into one classic script, `console.js`, and
 * minifies its stylesheet into `console.css` beside it. Same settings as the widget
 * (`widget/build.ts`): the office PCs run whatever browser the ward has, and ES2019 costs
 * nothing here.
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
  await Promise.all([
    build({
      entryPoints: [ENTRY],
      outfile: outFile,
      bundle: true,
      minify,
      format: "iife",
      platform: "browser",
      target: "es2019",
      tsconfig: path.join(__dirname, "tsconfig.json"),
      legalComments: "eof",
      // `flows/units.ts` freezes its tables; marked pure, the city table the console does not read is dropped.
      pure: ["Object.freeze"],
      logLevel: "silent",
    }),
    build({ entryPoints: [STYLESHEET], outfile: cssFile, bundle: true, minify, target: ["chrome90", "firefox90", "safari14"], logLevel: "silent" }),
  ]);
  const code = readFileSync(outFile);
  return { outFile, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, cssFile, cssBytes: readFileSync(cssFile).length };
}

/** "dist/console.js: 60.2 KB, 19.1 KB gzipped; console.css 9.0 KB" */
export function formatSize(result: ConsoleBuild): string {
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  const relative = path.relative(process.cwd(), result.outFile);
  return `${relative.startsWith("..") ? result.outFile : relative}: ${kb(result.bytes)}, ${kb(result.gzipBytes)} gzipped; console.css ${kb(result.cssBytes)}`;
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
