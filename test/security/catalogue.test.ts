import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Present in CI next to the repository, like the procedures' reference.
const CATALOGUE = path.resolve(__dirname, "../../../shared/reference/security-cases.md");

/** The numbers of the adversarial cases of section (c): the lines "N. …" after its heading. */
function caseNumbers(markdown: string): number[] {
  const section = markdown.split(/^## \(c\)/m)[1]?.split(/^## /m)[0] ?? "";
  return [...section.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
}

describe("the security catalogue", () => {
  const numbers = caseNumbers(readFileSync(CATALOGUE, "utf8"));
  const files = readdirSync(__dirname).filter((f) => /^case\d{2}-[a-z0-9-]+\.test\.ts$/.test(f));

  it("lists its cases from 1 without gaps", () => {
    expect(numbers.length).toBeGreaterThanOrEqual(58);
    expect(numbers).toEqual(numbers.map((_n, i) => i + 1));
  });

  it("has one test file per case, named by its number", () => {
    const covered = files.map((f) => Number(f.slice(4, 6)));
    expect(numbers.filter((n) => !covered.includes(n))).toEqual([]);
    expect(covered.filter((n) => covered.indexOf(n) !== covered.lastIndexOf(n))).toEqual([]);
    expect(covered.filter((n) => !numbers.includes(n))).toEqual([]);
  });
});
