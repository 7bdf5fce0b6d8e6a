import fc from "fast-check";
import { foldDiacritics } from "../../server/engine/understanding/foldDiacritics";
import { numberInWords } from "../../server/engine/understanding/numberInWords";
import { parseInteger } from "../../server/engine/understanding/parseInteger";
import { expectRejected, expectValue } from "../support/parseExpectations";

const ENGLISH = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
  "twenty",
];

const nearInteger = fc
  .tuple(
    fc.constantFrom("", "cho tôi ", "số ", "-", "khoảng "),
    fc.oneof(
      fc.integer({ min: -1000, max: 1_000_000 }).map(String),
      fc.constantFrom(
        "một",
        "hai",
        "ba",
        "bốn",
        "tư",
        "năm",
        "lăm",
        "mười",
        "mươi",
        "mốt",
        "không",
        "chín",
        "muoi",
        "twenty",
        "one",
      ),
      fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
    ),
    fc.constantFrom("", " ", " mươi", " muoi lam", " bản", " hoặc 3", ".000", ",5", "-one"),
  )
  .map((parts) => parts.join(""));

describe("parseInteger", () => {
  it.each([
    ["3", 3],
    ["3 bản", 3],
    ["cho tôi 2 bản sao", 2],
    ["0", 0],
    ["-2", -2],
    ["1.000", 1000],
    ["1,000", 1000],
    ["một", 1],
    ["hai", 2],
    ["ba", 3],
    ["bốn", 4],
    ["tư", 4],
    ["năm", 5],
    ["sáu", 6],
    ["bảy", 7],
    ["tám", 8],
    ["chín", 9],
    ["mười", 10],
    ["mười một", 11],
    ["mười bốn", 14],
    ["mười tư", 14],
    ["mười lăm", 15],
    ["mười chín", 19],
    ["hai mươi", 20],
    ["hai mươi mốt", 21],
    ["hai mươi lăm", 25],
    ["muoi lam", 15],
    ["hai muoi", 20],
    ["ba bản", 3],
    ["không", 0],
    ["ten", 10],
    ["twenty", 20],
    ["twenty-one", 21],
    ["Three copies", 3],
  ])("reads %p as %p", (text, value) => {
    expectValue(parseInteger(text), value);
  });

  it.each(ENGLISH.map((word, n) => [word, n] as const))("reads the English word %p as %p", (word, n) => {
    expectValue(parseInteger(word), n);
  });

  it.each(["", "abc", "2 hoặc 3", "hai hoặc ba", "1,5", "lăm", "hai mươi mươi", "constructor", "toString"])(
    "rejects %p as unreadable",
    (text) => {
      expectRejected(parseInteger(text), "INTEGER_UNREADABLE");
    },
  );

  it("rejects a number above max and states the allowed range", () => {
    const result = parseInteger("12", { min: 1, max: 10 });
    expectRejected(result, "INTEGER_TOO_LARGE");
    if (!result.ok) {
      expect(result.message.vi).toContain("từ 1 đến 10");
      expect(result.message.en).toContain("from 1 to 10");
    }
  });

  it("rejects a number below min and states the allowed range", () => {
    const result = parseInteger("không", { min: 1, max: 10 });
    expectRejected(result, "INTEGER_TOO_SMALL");
    if (!result.ok) expect(result.message.vi).toContain("từ 1 đến 10");
  });

  it("states a one-sided range when only min is given", () => {
    const result = parseInteger("-1", { min: 0 });
    expectRejected(result, "INTEGER_TOO_SMALL");
    if (!result.ok) expect(result.message.vi).toContain("từ 0 trở lên");
  });

  it("rejects a number too long to be exact", () => {
    expectRejected(parseInteger("123456789012345678901234567890"), "INTEGER_UNREADABLE");
  });

  describe("properties", () => {
    it("never throws, whatever the text", () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), nearInteger),
          (text) => {
            parseInteger(text);
            parseInteger(text, { min: 1, max: 10 });
          },
        ),
      );
    });

    it("accepts its own canonical output unchanged", () => {
      fc.assert(
        fc.property(nearInteger, (text) => {
          const first = parseInteger(text);
          if (first.ok) expect(parseInteger(String(first.value))).toEqual(first);
        }),
      );
    });

    it("reads every safe integer written in digits", () => {
      fc.assert(
        fc.property(fc.maxSafeInteger(), (n) => {
          expectValue(parseInteger(String(n)), n);
        }),
      );
    });

    it("reads the Vietnamese words for 0 to 99, with and without diacritics", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 99 }), (n) => {
          const words = numberInWords(n);
          expectValue(parseInteger(words), n);
          expectValue(parseInteger(foldDiacritics(words)), n);
        }),
      );
    });

    it("accepts a number exactly when it lies between min and max", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: -50, max: 50 }),
          fc.integer({ min: -20, max: 20 }),
          fc.integer({ min: 0, max: 30 }),
          (n, min, width) => {
            const max = min + width;
            const result = parseInteger(String(n), { min, max });
            if (n < min) expectRejected(result, "INTEGER_TOO_SMALL");
            else if (n > max) expectRejected(result, "INTEGER_TOO_LARGE");
            else expectValue(result, n);
          },
        ),
      );
    });
  });
});
