import fc from "fast-check";
import { parseMonthYear } from "../../server/engine/understanding/parseMonthYear";
import { expectRejected, expectValue, pad } from "../support/parseExpectations";

const FORMATS: Array<(m: number, y: number) => string> = [
  (m, y) => `${m}/${y}`,
  (m, y) => `${pad(m)}-${y}`,
  (m, y) => `${m}.${y}`,
  (m, y) => `${y}-${pad(m)}`,
  (m, y) => `tháng ${m} năm ${y}`,
  (m, y) => `thang ${m} nam ${y}`,
  (m, y) => `thang ${m}/${y}`,
  (m, y) => `từ tháng ${pad(m)}, năm ${y}`,
];

const nearMonthYear = fc
  .tuple(
    fc.constantFrom("", "từ ", "tháng ", "thang ", "khoảng "),
    fc.integer({ min: -1, max: 40 }),
    fc.constantFrom("/", "-", ".", " năm ", " nam ", " ", ""),
    fc.oneof(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1800, max: 2200 }), fc.integer({ min: 0, max: 99999 })),
    fc.constantFrom("", ".", " đến nay", "/2020"),
  )
  .map((parts) => parts.join(""));

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  nearMonthYear,
  fc.constantFrom("nay", "hiện nay", "hien tai", "now", "Hiện tại."),
);

describe("parseMonthYear", () => {
  it.each([
    ["3/2015", "03/2015"],
    ["03-2015", "03/2015"],
    ["3.2015", "03/2015"],
    ["2015-03", "03/2015"],
    ["tháng 3 năm 2015", "03/2015"],
    ["thang 3/2015", "03/2015"],
    ["THÁNG 12 NĂM 1999", "12/1999"],
    ["từ tháng 3/2015", "03/2015"],
  ])("reads %p as %p", (text, value) => {
    expectValue(parseMonthYear(text), value);
  });

  it("reads the month and year of a full date", () => {
    expectValue(parseMonthYear("5/3/2015"), "03/2015");
  });

  it.each(["nay", "hiện nay", "hien nay", "hiện tại", "hien tai", "now", "Đến nay."])(
    "reads %p as nay when allowNow is set",
    (text) => {
      expectValue(parseMonthYear(text, { allowNow: true }), "nay");
    },
  );

  it("rejects nay when allowNow is not set", () => {
    expectRejected(parseMonthYear("nay"), "MONTH_YEAR_UNREADABLE");
  });

  it("mentions nay in the message when allowNow is set", () => {
    const result = parseMonthYear("abc", { allowNow: true });
    expectRejected(result, "MONTH_YEAR_UNREADABLE");
    if (!result.ok) expect(result.message.vi).toContain('"nay"');
  });

  it("rejects a two-digit year and asks for four digits", () => {
    const result = parseMonthYear("3/15");
    expectRejected(result, "MONTH_YEAR_UNREADABLE");
    if (!result.ok) expect(result.message.vi).toContain("4 chữ số");
  });

  it("rejects month 13 as impossible", () => {
    expectRejected(parseMonthYear("13/2015"), "MONTH_YEAR_IMPOSSIBLE");
  });

  it("rejects month 0 as impossible", () => {
    expectRejected(parseMonthYear("tháng 0 năm 2015"), "MONTH_YEAR_IMPOSSIBLE");
  });

  it("rejects a year before 1900 as out of range", () => {
    expectRejected(parseMonthYear("3/1850"), "MONTH_YEAR_OUT_OF_RANGE");
  });

  it.each(["", "abc", "2015", "tháng ba"])("rejects %p as unreadable", (text) => {
    expectRejected(parseMonthYear(text), "MONTH_YEAR_UNREADABLE");
  });

  it("gives an example in the message", () => {
    const result = parseMonthYear("abc");
    if (!result.ok) expect(result.message.vi).toContain("Ví dụ: 03/2015");
  });

  describe("properties", () => {
    it("never throws, whatever the text", () => {
      fc.assert(
        fc.property(anyText, fc.boolean(), (text, allowNow) => {
          parseMonthYear(text, { allowNow });
        }),
      );
    });

    it("accepts its own canonical output unchanged", () => {
      fc.assert(
        fc.property(anyText, fc.boolean(), (text, allowNow) => {
          const first = parseMonthYear(text, { allowNow });
          if (first.ok) expect(parseMonthYear(first.value, { allowNow })).toEqual(first);
        }),
      );
    });

    it("reads every month and year in every accepted format as the same mm/yyyy", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 1900, max: 2100 }),
          fc.constantFrom(...FORMATS),
          (m, y, format) => {
            expectValue(parseMonthYear(format(m, y)), `${pad(m)}/${y}`);
          },
        ),
      );
    });
  });
});
