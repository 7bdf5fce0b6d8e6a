import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { HONG_NGU_UNITS_2022 } from "../../flows/units";
import { buildBrowserAssets } from "../../server/loadBrowserAssets";

/** The bundles keep Vietnamese as ASCII escapes (`\xEC`, `\u1ED9`): read them back as text. */
function unescaped(code: string): string {
  return code
    .replace(/\\u\{([0-9a-fA-F]+)\}/g, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/\\u([0-9a-fA-F]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\x([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .normalize("NFC");
}

describe("the browser bundles", () => {
  let dir: string;
  let bundles: { name: string; text: string }[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "khai-ho-dist-"));
    await buildBrowserAssets(dir);
    bundles = ["widget.js", "console.js"].map((name) => ({
      name,
      text: unescaped(readFileSync(path.join(dir, name), "utf8")),
    }));
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("name no unit: the widget and the console get the city's units from the server", () => {
    // "An Bình A", "Tân Hội": the names without "Phường"/"Xã", which other texts may carry.
    const names = HONG_NGU_UNITS_2022.map((u) => u.nameVi.replace(/^(Phường|Xã) /, ""));
    const found = bundles.flatMap(({ name, text }) =>
      names.filter((unit) => text.includes(unit)).map((unit) => `${name}: ${unit}`),
    );
    expect(found).toEqual([]);
  });
});
