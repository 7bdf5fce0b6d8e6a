import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Ways text becomes markup or code. The browser code (widget, console) creates every element
 * and writes text with `textContent`/`append`: one use of these would be one way for a server
 * or citizen string to become HTML (and pages enforcing Trusted Types would refuse it).
 */
export const HTML_SINKS = ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "DOMParser", "createContextualFragment", "srcdoc"];

/** The TypeScript files of a browser source folder, with their text. */
export function sourceFiles(dir: string): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".ts"))
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), "utf8") }));
}
