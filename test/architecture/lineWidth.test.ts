import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const WIDTH: number = JSON.parse(readFileSync(path.join(ROOT, ".prettierrc.json"), "utf8")).printWidth;
const CODE = /\.(ts|js|cjs|css|html)$/;
// Generated or installed; docs/forms holds rendered forms, compared byte for byte by the form tests.
const SKIPPED = new Set(["node_modules", "dist", "forms", ".git"]);

function codeFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : codeFiles(relative);
    return CODE.test(entry.name) ? [relative] : [];
  });
}

describe("line width", () => {
  it(`keeps every line of code within the formatter's ${WIDTH} characters`, () => {
    const files = ["server", "widget", "console", "flows", "test", "bench", "fakes", "docs"].flatMap(codeFiles);
    expect(files.length).toBeGreaterThan(300);
    const over = files.flatMap((file) =>
      readFileSync(path.join(ROOT, file), "utf8")
        .split("\n")
        .flatMap((line, index) => ([...line].length > WIDTH ? [`${file}:${index + 1} (${[...line].length})`] : [])),
    );
    expect(over).toEqual([]);
  });
});
