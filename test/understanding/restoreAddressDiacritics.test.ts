import { HONG_NGU_CITY, HONG_NGU_UNITS_2022 } from "../../flows/units";
import { restoreAddressDiacritics } from "../../server/engine/understanding/restoreAddressDiacritics";
import { ADDRESS_RESTORATION_SET } from "./addressRestorationSet";

const PLACES = { units: HONG_NGU_UNITS_2022, city: HONG_NGU_CITY };

const spellings = (typed: string, limit?: number) =>
  restoreAddressDiacritics(typed, PLACES, limit).candidates.map((c) => c.address);
const best = (typed: string) => spellings(typed)[0];

/** Without diacritics, capitals kept: what a keyboard without a Vietnamese input method types. */
function strip(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

/** What counts as the same spelling: the same letters with the same diacritics, whatever the capitals and commas. */
function sameLetters(a: string, b: string): boolean {
  const key = (s: string) =>
    s.normalize("NFC").toLocaleLowerCase("vi").replace(/[,.;]/g, " ").replace(/\s+/g, " ").trim();
  return key(a) === key(b);
}

describe("restoreAddressDiacritics", () => {
  it("offers an address typed without diacritics with them, its parts separated by commas", () => {
    expect(best("so 12 duong nguyen hue khom 3 phuong an thanh")).toBe(
      "Số 12 đường Nguyễn Huệ, khóm 3, phường An Thạnh",
    );
  });

  it("takes an address typed with any diacritic as typed", () => {
    expect(spellings("Số 12 duong nguyen hue")).toEqual([]);
    expect(spellings("so 12 đuong nguyen hue")).toEqual([]);
  });

  it("keeps the citizen's commas and capitals", () => {
    expect(best("So 12 Nguyen Hue, khom 3, phuong An Thanh")).toBe("Số 12 Nguyễn Huệ, khóm 3, phường An Thạnh");
  });

  it("tells the street from the alley word and the surname: ngõ 5 but đường Ngô Quyền", () => {
    expect(best("ngo 5 duong ngo quyen")).toBe("Ngõ 5, đường Ngô Quyền");
  });

  it("reads the configured hamlets, the province's units since 2025 and the provinces", () => {
    expect(best("ap tan binh xa tan hoi thanh pho hong ngu tinh dong thap")).toBe(
      "Ấp Tân Bình, xã Tân Hội, thành phố Hồng Ngự, tỉnh Đồng Tháp",
    );
    expect(best("xa tan ho co dong thap")).toBe("Xã Tân Hộ Cơ, Đồng Tháp");
    expect(best("phuong ben thanh thanh pho ho chi minh")).toContain("thành phố Hồ Chí Minh");
  });

  it("offers nothing for an answer far longer than an address, which stays as typed", () => {
    expect(spellings("so 12 duong nguyen hue ".repeat(20))).toEqual([]);
    expect(spellings("a ".repeat(250))).toEqual([]);
  });

  it("returns at most `limit` spellings, best first, with shares in (0, 1]", () => {
    const { candidates } = restoreAddressDiacritics("ap 2 xa binh thanh", PLACES, 3);
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.length).toBeLessThanOrEqual(3);
    for (const [i, c] of candidates.entries()) {
      expect(c.score).toBeGreaterThan(0);
      expect(c.score).toBeLessThanOrEqual(1);
      if (i > 0) expect(c.score).toBeLessThanOrEqual(candidates[i - 1]!.score);
    }
  });

  it("measures the held-out set: most addresses come back right, nearly all among the three offered", () => {
    const typings = ADDRESS_RESTORATION_SET.flatMap((address) => [
      { address, typed: strip(address) },
      { address, typed: strip(address).toLowerCase().replace(/,/g, "") },
    ]);
    let top1 = 0;
    let top3 = 0;
    let exact = 0;
    const missed: string[] = [];
    const started = performance.now();
    for (const { address, typed } of typings) {
      const offered = spellings(typed, 3);
      if (offered[0] !== undefined && sameLetters(offered[0], address)) top1++;
      if (offered[0] === address) exact++;
      if (offered.some((o) => sameLetters(o, address))) top3++;
      else missed.push(`${typed} → ${offered[0] ?? "(nothing)"}`);
    }
    const perAddress = (performance.now() - started) / typings.length;
    const n = typings.length;
    const pct = (k: number) => `${((100 * k) / n).toFixed(1)}% (${k}/${n})`;
    console.log(
      `address restoration: top-1 ${pct(top1)}, top-3 ${pct(top3)}, exactly as written ${pct(exact)}; ` +
        `${perAddress.toFixed(3)} ms per address` +
        (process.env.SHOW_MISSED ? `\nmissed:\n${missed.join("\n")}` : ""),
    );
    expect(n).toBeGreaterThanOrEqual(200);
    expect(top3 / n).toBeGreaterThanOrEqual(0.8);
    expect(top1 / n).toBeGreaterThanOrEqual(0.7);
  });
});
