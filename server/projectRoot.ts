import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The repository's root folder (templates, the widget's and console's sources, `dist/`), found
 * by walking up to `package.json`: the same answer whether the server runs from its sources
 * (tsx, tests) or from its bundle in `dist/`, where `__dirname` is one folder deep.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
