import fc from "fast-check";
import { parseYearOrDate } from "../../server/engine/understanding/parseYearOrDate";
import { expectRejected, expectValue } from "../support/parseExpectations";

const TODAY = "2026-05-01";

const nearYearOrDate = fc
  .tuple(
    fc.constantFrom("", "năm ", "nam ", "sinh năm ", "ngày 5/3/", "5 tháng 3 năm ", "3/"),
    fc.oneof(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1850, max: 2100 }), fc.integer({ min: 0, max: 99999 })),
    fc.constantFrom("", ".", " ạ", " hoặc 1961"),
  )
  .map((parts) => parts.join(""));

describe("parseYearOrDate", () => {
  it.each([
    ["1960", "1960"],
    ["năm 1960", "1960"],
    ["nam 1960", "1960"],
    ["sinh năm 1960 ạ", "1960"],
    ["5/3/1960", "05/03/1960"],
    ["ngày 5 tháng 3 năm 1960", "05/03/1960"],
    ["2026", "2026"],
  ])("reads %p as %p", (text, value) => {
    expectValue(parseYearOrDate(text, TODAY), value);
  });

  it("rejects a year after the current year", () => {
    const result = parseYearOrDate("2030", TODAY);
    expectRejected(result, "DATE_IN_FUTURE");
    if (!result.ok) expect(result.message.vi).toContain("tương lai");
  });

  it("rejects a full date after today", () => {
    expectRejected(parseYearOrDate("02/05/2026", TODAY), "DATE_IN_FUTURE");
  });

  it("rejects a year before 1900 as out of range", () => {
    expectRejected(parseYearOrDate("1850", TODAY), "DATE_OUT_OF_RANGE");
  });

  it("rejects an impossible full date instead of keeping its year", () => {
    expectRejected(parseYearOrDate("31/02/1960", TODAY), "DATE_IMPOSSIBLE");
  });

  it("rejects a two-digit year alone; in a date, reads it by what a birth date allows, to be confirmed", () => {
    expectRejected(parseYearOrDate("60", TODAY), "DATE_YEAR_TWO_DIGITS");
    // 2060 has not come: 1960.
    expect(parseYearOrDate("5/3/60", TODAY)).toMatchObject({
      ok: true,
      value: "05/03/1960",
      warning: { code: "DATE_YEAR_ASSUMED" },
    });
    // 1920 and 2020 are both possible: four digits are asked for.
    expectRejected(parseYearOrDate("5/3/20", TODAY), "DATE_YEAR_TWO_DIGITS");
  });

  it("rejects a month and year, which is neither a date nor a year alone", () => {
    expectRejected(parseYearOrDate("3/1960", TODAY), "DATE_UNREADABLE");
  });

  it.each(["", "không nhớ", "1960 hoặc 1961"])("rejects %p as unreadable", (text) => {
    expectRejected(parseYearOrDate(text, TODAY), "DATE_UNREADABLE");
  });

  it("offers both a full date and a year alone as examples", () => {
    const result = parseYearOrDate("không nhớ", TODAY);
    if (!result.ok) expect(result.message.vi).toContain("Ví dụ: 05/03/1960, hoặc chỉ năm: 1960");
  });

  describe("properties", () => {
    it("never throws, whatever the text", () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), nearYearOrDate), (text) => {
          parseYearOrDate(text, TODAY);
        }),
      );
    });

    it("accepts its own canonical output unchanged", () => {
      fc.assert(
        fc.property(nearYearOrDate, (text) => {
          const first = parseYearOrDate(text, TODAY);
          // The year understood from two digits is confirmed once; written out, it needs no confirming.
          if (first.ok) expect(parseYearOrDate(first.value, TODAY)).toEqual({ ok: true, value: first.value });
        }),
      );
    });

    it("accepts a year alone exactly when it lies between 1900 and the current year", () => {
      fc.assert(
        fc.property(fc.integer({ min: 1000, max: 9999 }), fc.constantFrom("", "năm ", "nam "), (year, prefix) => {
          const result = parseYearOrDate(`${prefix}${year}`, TODAY);
          if (year >= 1900 && year <= 2026) expectValue(result, String(year));
          else expectRejected(result, year < 1900 ? "DATE_OUT_OF_RANGE" : "DATE_IN_FUTURE");
        }),
      );
    });
  });
});
