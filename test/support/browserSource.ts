import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
/** The browser code both the widget and the console bundle. */
const SHARED_DIR = path.join(ROOT, "widget/shared");

/**
 * Ways text becomes markup or code. The browser code (widget, console) creates every element
 * and writes text with `textContent`/`append`: one use of these would be one way for a server
 * or citizen string to become HTML (and pages enforcing Trusted Types would refuse it).
 */
export const HTML_SINKS = [
  "innerHTML",
  "outerHTML",
  "insertAdjacentHTML",
  "document.write",
  "DOMParser",
  "createContextualFragment",
  "srcdoc",
];

/** The TypeScript files of a browser source folder, with their text. */
export function sourceFiles(dir: string): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".ts"))
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), "utf8") }));
}

/**
 * What every browser source folder (`widget`, `console`) must hold to, as tests: it type-checks
 * against the DOM, never parses HTML, and takes nothing from the server but types.
 */
export function describeBrowserSource(folder: "widget" | "console", more?: (sourceDir: string) => void): void {
  const sourceDir = path.join(ROOT, folder, "src");
  const bundled = (): { name: string; text: string }[] => [...sourceFiles(sourceDir), ...sourceFiles(SHARED_DIR)];
  describe(`${folder}/src`, () => {
    // esbuild strips types without checking them, and the root tsconfig has no DOM library.
    it(`type-checks against the browser's DOM (${folder}/tsconfig.json)`, () => {
      const tsc = path.join(ROOT, "node_modules/.bin/tsc");
      expect(() =>
        execFileSync(tsc, ["--noEmit", "-p", `${folder}/tsconfig.json`], { cwd: ROOT, stdio: "pipe" }),
      ).not.toThrow();
    }, 60_000);

    it("never parses HTML: every element is created, every text is a text node", () => {
      const found = bundled().flatMap(({ name, text }) =>
        HTML_SINKS.filter((sink) => text.includes(sink)).map((sink) => `${name}: ${sink}`),
      );
      expect(found).toEqual([]);
    });

    it("imports server code with `import type` only, so none of it reaches the bundle", () => {
      const valueImports = bundled().flatMap(({ name, text }) =>
        [...text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"([^"]+)";/gms)]
          .filter((m) => m[2]!.includes("/server/") && !m[1])
          .map((m) => `${name}: ${m[2]}`),
      );
      expect(valueImports).toEqual([]);
    });

    more?.(sourceDir);
  });
}
