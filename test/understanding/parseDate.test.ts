import fc from "fast-check";
import { parseBirthDate } from "../../server/engine/understanding/parseBirthDate";
import { parseDate } from "../../server/engine/understanding/parseDate";
import { expectRejected, expectValue, isRealDate, pad } from "../support/parseExpectations";

const TODAY = "2026-05-01";

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Every written form parseDate accepts, for one day. */
const FORMATS: Array<(d: number, m: number, y: number) => string> = [
  (d, m, y) => `${d}/${m}/${y}`,
  (d, m, y) => `${pad(d)}/${pad(m)}/${y}`,
  (d, m, y) => `${pad(d)}-${pad(m)}-${y}`,
  (d, m, y) => `${d}.${m}.${y}`,
  (d, m, y) => `${y}-${pad(m)}-${pad(d)}`,
  (d, m, y) => `ngày ${d} tháng ${m} năm ${y}`,
  (d, m, y) => `ngay ${d} thang ${m} nam ${y}`,
  (d, m, y) => `NGÀY ${pad(d)} THÁNG ${pad(m)} NĂM ${y}`,
  (d, m, y) => `${d} thang ${m} ${y}`,
  (d, m, y) => `mùng ${d} tháng ${m}, năm ${y}`,
  (d, m, y) => `sinh ngày ${d}/${m}/${y} tại Hồng Ngự`,
  (d, m, y) => `${d} ${MONTH_NAMES[m - 1]!} ${y}`,
  (d, m, y) => `${MONTH_NAMES[m - 1]!} ${d}, ${y}`,
];

const validDate = fc
  .record({
    y: fc.integer({ min: 1900, max: 2100 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .filter(({ d, m, y }) => isRealDate(d, m, y));

const nearDate = fc
  .tuple(
    fc.constantFrom("", "sinh ngày ", "ngay ", "  ", "ngày "),
    fc.integer({ min: -2, max: 40 }),
    fc.constantFrom("/", "-", ".", " / ", " tháng ", " thang ", "//", ""),
    fc.integer({ min: -1, max: 14 }),
    fc.constantFrom("/", "-", ".", " năm ", " ", ""),
    fc.oneof(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1800, max: 2200 }), fc.integer({ min: 0, max: 99999 })),
    fc.constantFrom("", ".", " ạ", " nhé", "/2020"),
  )
  .map((parts) => parts.join(""));

describe("parseDate", () => {
  it.each([
    ["5/3/2020", "05/03/2020"],
    ["05-03-2020", "05/03/2020"],
    ["5.3.2020", "05/03/2020"],
    ["2020-03-05", "05/03/2020"],
    ["ngày 5 tháng 3 năm 2020", "05/03/2020"],
    ["ngay 5 thang 3 nam 2020", "05/03/2020"],
    ["5 thang 3 2020", "05/03/2020"],
    ["sinh ngày 5/3/2020", "05/03/2020"],
    ["mùng 5 tháng 3, năm 2020", "05/03/2020"],
    ["5 / 3 / 2020", "05/03/2020"],
    ["５/３/２０２０", "05/03/2020"],
    ["March 5, 2020", "05/03/2020"],
    ["5th of March 2020", "05/03/2020"],
    ["29/02/2024", "29/02/2024"],
    ["1/1/1900", "01/01/1900"],
  ])("reads %p as %p", (text, value) => {
    expectValue(parseDate(text), value);
  });

  it("reads the day first, as Vietnamese write it", () => {
    expectValue(parseDate("01/02/2020"), "01/02/2020");
  });

  it("takes the first date of a sentence that holds two", () => {
    expectValue(parseDate("sinh 5/3/2020, đăng ký 2020-04-01"), "05/03/2020");
  });

  it("rejects 31/02/2020 as an impossible date", () => {
    expectRejected(parseDate("31/02/2020"), "DATE_IMPOSSIBLE");
  });

  it("rejects 29/02/2023 because 2023 is not a leap year", () => {
    expectRejected(parseDate("29/02/2023"), "DATE_IMPOSSIBLE");
  });

  it("rejects 29/02/1900 because century years are leap only when divisible by 400", () => {
    expectRejected(parseDate("29/02/1900"), "DATE_IMPOSSIBLE");
  });

  it("rejects month 13 as impossible", () => {
    expectRejected(parseDate("5/13/2020"), "DATE_IMPOSSIBLE");
  });

  it("rejects day 0 as impossible", () => {
    expectRejected(parseDate("0/3/2020"), "DATE_IMPOSSIBLE");
  });

  it("tells a citizen who wrote the month first to write the day first", () => {
    const result = parseDate("03/25/2020");
    expectRejected(result, "DATE_IMPOSSIBLE");
    if (!result.ok) expect(result.message.vi).toContain("ngày trước, tháng sau");
  });

  it("rejects a two-digit year and asks for four digits", () => {
    const result = parseDate("05/03/20");
    expectRejected(result, "DATE_YEAR_TWO_DIGITS");
    if (!result.ok) {
      expect(result.message.vi).toContain("4 chữ số");
      expect(result.message.en).toContain("4 digits");
    }
  });

  it("rejects years before 1900 as out of range", () => {
    expectRejected(parseDate("1/1/1899"), "DATE_OUT_OF_RANGE");
  });

  it("rejects years after 2100 as out of range", () => {
    expectRejected(parseDate("1/1/2202"), "DATE_OUT_OF_RANGE");
  });

  it.each(["", "hôm qua", "abc", "5/3", "2020", "ngày 5 tháng 3", "5/3/20201"])("rejects %p as unreadable", (text) => {
    expectRejected(parseDate(text), "DATE_UNREADABLE");
  });

  it("asks for the year when only the day and month are given", () => {
    const result = parseDate("5/3");
    if (!result.ok) expect(result.message.vi).toContain("thiếu năm");
  });

  it("gives an example in every message", () => {
    for (const text of ["abc", "31/02/2020", "1/1/1899", "5/3/20"]) {
      const result = parseDate(text);
      if (!result.ok) expect(result.message.vi).toContain("Ví dụ: 05/03/2020");
    }
  });

  it("rejects a date after today with notInFuture", () => {
    expectRejected(parseDate("02/05/2026", { today: TODAY, notInFuture: true }), "DATE_IN_FUTURE");
  });

  it("accepts today with notInFuture", () => {
    expectValue(parseDate("01/05/2026", { today: TODAY, notInFuture: true }), "01/05/2026");
  });

  it("rejects a date before today with notInPast", () => {
    expectRejected(parseDate("30/04/2026", { today: TODAY, notInPast: true }), "DATE_IN_PAST");
  });

  it("accepts today with notInPast", () => {
    expectValue(parseDate("1/5/2026", { today: TODAY, notInPast: true }), "01/05/2026");
  });

  it("ignores today when neither check is asked for", () => {
    expectValue(parseDate("1/1/2099", { today: TODAY }), "01/01/2099");
  });

  it("throws when notInFuture comes without a valid today, a bug in the caller", () => {
    expect(() => parseDate("1/1/2020", { notInFuture: true })).toThrow(/today/);
    expect(() => parseDate("1/1/2020", { today: "01/05/2026", notInPast: true })).toThrow(/today/);
  });

  describe("properties", () => {
    it("never throws, whatever the text", () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), nearDate),
          (text) => {
            parseDate(text);
            parseDate(text, { today: TODAY, notInFuture: true });
            parseDate(text, { today: TODAY, notInPast: true });
          },
        ),
      );
    });

    it("accepts its own canonical output unchanged", () => {
      fc.assert(
        fc.property(nearDate, (text) => {
          const first = parseDate(text);
          if (first.ok) expect(parseDate(first.value)).toEqual(first);
        }),
      );
    });

    it("reads every valid date in every accepted format as the same canonical date", () => {
      fc.assert(
        fc.property(validDate, fc.constantFrom(...FORMATS), ({ d, m, y }, format) => {
          expectValue(parseDate(format(d, m, y)), `${pad(d)}/${pad(m)}/${y}`);
        }),
      );
    });

    it("accepts a numeric day and month exactly when the calendar has them", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 39 }),
          fc.integer({ min: 0, max: 19 }),
          fc.integer({ min: 1900, max: 2100 }),
          (d, m, y) => {
            const result = parseDate(`${d}/${m}/${y}`);
            if (isRealDate(d, m, y)) expectValue(result, `${pad(d)}/${pad(m)}/${y}`);
            else expectRejected(result, "DATE_IMPOSSIBLE");
          },
        ),
      );
    });

    it("with notInFuture, accepts a valid date exactly when it is not after today", () => {
      fc.assert(
        fc.property(validDate, validDate, (date, now) => {
          const today = `${now.y}-${pad(now.m)}-${pad(now.d)}`;
          const result = parseDate(`${date.d}/${date.m}/${date.y}`, { today, notInFuture: true });
          const notAfter = `${date.y}${pad(date.m)}${pad(date.d)}` <= today.replace(/-/g, "");
          if (notAfter) expect(result.ok).toBe(true);
          else expectRejected(result, "DATE_IN_FUTURE");
        }),
      );
    });
  });
});

describe("parseBirthDate", () => {
  it("reads a date of birth like parseDate", () => {
    expectValue(parseBirthDate("ngay 5 thang 3 nam 2020", TODAY), "05/03/2020");
  });

  it("rejects a date of birth after today and says a birth cannot be in the future", () => {
    const result = parseBirthDate("05/03/2027", TODAY);
    expectRejected(result, "DATE_IN_FUTURE");
    if (!result.ok) {
      expect(result.message.vi).toContain("Ngày sinh không thể ở tương lai");
      expect(result.message.en).toContain("cannot be in the future");
    }
  });

  it("accepts a child born today", () => {
    expectValue(parseBirthDate("01/05/2026", TODAY), "01/05/2026");
  });

  it("passes other rejections through", () => {
    expectRejected(parseBirthDate("31/02/2020", TODAY), "DATE_IMPOSSIBLE");
  });

  it("never throws and accepts its own output unchanged", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), nearDate), (text) => {
        const first = parseBirthDate(text, TODAY);
        // The year understood from two digits is confirmed once; written out, it needs no confirming.
        if (first.ok) expect(parseBirthDate(first.value, TODAY)).toEqual({ ok: true, value: first.value });
      }),
    );
  });
});
