import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/** The browser sources (widget and console) and each place one writes HTML from a string. */
export function htmlSinks(): { file: string; line: string }[] {
  const files = ["widget", "console/src"].flatMap((dir) =>
    readdirSync(path.join(ROOT, dir), { recursive: true })
      .map(String)
      .filter((f) => /\.tsx?$/.test(f) && !f.includes("node_modules"))
      .map((f) => path.join(dir, f)),
  );
  return files.flatMap((file) =>
    readFileSync(path.join(ROOT, file), "utf8")
      .split("\n")
      .filter((line) =>
        /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write\(|new Function\(|eval\(/.test(line),
      )
      .map((line) => ({ file, line: line.trim() })),
  );
}
