import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildConsole, CONSOLE_PAGE } from "../console/build";
import { buildWidget } from "../widget/build";
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
  const [widget, consoleBuild] = await Promise.all([
    buildWidget({ outFile: path.join(distDir, "widget.js") }),
    buildConsole({ outFile: path.join(distDir, "console.js") }),
  ]);
  const manifest: Manifest = {
    outputs: [widget.outFile, consoleBuild.outFile, consoleBuild.cssFile, consoleBuild.dashboard.outFile].map((file) =>
      path.relative(distDir, file),
    ),
    inputs: [...new Set([...widget.inputs, ...consoleBuild.inputs])].map((file) => path.relative(ROOT, file)).sort(),
  };
  writeFileSync(path.join(distDir, MANIFEST), JSON.stringify(manifest, null, 1));
  return { files: [widget.outFile, consoleBuild.outFile, consoleBuild.cssFile, consoleBuild.dashboard.outFile] };
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
