import fc from "fast-check";
import { numberInWords } from "../../server/engine/understanding/numberInWords";

const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
const UNIT_AFTER_TENS: Record<string, number> = { mốt: 1, lăm: 5 };

/** An independent reader of the words, to check numberInWords against. */
function readBack(text: string): number {
  const words = text.toLowerCase().split(" ");
  const billion = words.lastIndexOf("tỷ");
  if (billion >= 0) return readBelowBillion(words.slice(0, billion)) * 1e9 + readBelowBillion(words.slice(billion + 1));
  return readBelowBillion(words);
}

function readBelowBillion(words: string[]): number {
  let total = 0;
  let group: string[] = [];
  for (const word of words) {
    if (word === "triệu" || word === "nghìn") {
      total += readGroup(group) * (word === "triệu" ? 1e6 : 1e3);
      group = [];
    } else {
      group.push(word);
    }
  }
  return total + readGroup(group);
}

function readGroup(words: string[]): number {
  let value = 0;
  let i = 0;
  const digit = (word: string | undefined) => {
    const n = DIGITS.indexOf(word ?? "");
    if (n < 0) throw new Error(`unexpected word ${String(word)} in ${words.join(" ")}`);
    return n;
  };
  if (words[i + 1] === "trăm") {
    value += digit(words[i]) * 100;
    i += 2;
  }
  if (words[i] === "linh") i += 1;
  else if (words[i] === "mười") {
    value += 10;
    i += 1;
  } else if (words[i + 1] === "mươi") {
    value += digit(words[i]) * 10;
    i += 2;
  }
  const unit = words[i];
  if (unit !== undefined) value += UNIT_AFTER_TENS[unit] ?? digit(unit);
  return value;
}

describe("numberInWords", () => {
  it.each([
    [0, "Không"],
    [5, "Năm"],
    [10, "Mười"],
    [14, "Mười bốn"],
    [15, "Mười lăm"],
    [21, "Hai mươi mốt"],
    [24, "Hai mươi bốn"],
    [25, "Hai mươi lăm"],
    [11, "Mười một"],
    [101, "Một trăm linh một"],
    [105, "Một trăm linh năm"],
    [110, "Một trăm mười"],
    [115, "Một trăm mười lăm"],
    [1000, "Một nghìn"],
    [1001, "Một nghìn không trăm linh một"],
    [2004, "Hai nghìn không trăm linh bốn"],
    [2020, "Hai nghìn không trăm hai mươi"],
    [15_000, "Mười lăm nghìn"],
    [1_500_000, "Một triệu năm trăm nghìn"],
    [1_000_050, "Một triệu không trăm năm mươi"],
    [50_000_000, "Năm mươi triệu"],
    [1_000_000_000, "Một tỷ"],
    [1_000_000_005, "Một tỷ không trăm linh năm"],
    [2_300_000_000, "Hai tỷ ba trăm triệu"],
    [1_000_000_000_000, "Một nghìn tỷ"],
    [1e15, "Một triệu tỷ"],
  ])("reads %p as %p", (n, words) => {
    expect(numberInWords(n)).toBe(words);
  });

  it.each([-1, 1.5, Number.NaN, 1e15 + 1, Infinity])("throws a RangeError on %p, which no form amount can be", (n) => {
    expect(() => numberInWords(n)).toThrow(RangeError);
  });

  describe("properties", () => {
    const amount = fc.oneof(fc.integer({ min: 0, max: 1e15 }), fc.integer({ min: 0, max: 1_000_000 }));

    it("reads back to the same number", () => {
      fc.assert(
        fc.property(amount, (n) => {
          expect(readBack(numberInWords(n))).toBe(n);
        }),
      );
    });

    it("starts with a capital letter and uses single spaces between lower-case words", () => {
      fc.assert(
        fc.property(amount, (n) => {
          const words = numberInWords(n);
          expect(words.charAt(0)).toBe(words.charAt(0).toUpperCase());
          expect(words.slice(1)).toBe(words.slice(1).toLowerCase());
          expect(words).not.toMatch(/^\s|\s$|\s\s/);
        }),
      );
    });

    it("says mốt only after a tens word of twenty or more, and lăm only after a tens word", () => {
      fc.assert(
        fc.property(amount, (n) => {
          const words = numberInWords(n).toLowerCase().split(" ");
          words.forEach((word, i) => {
            if (word === "mốt") expect(words[i - 1]).toBe("mươi");
            if (word === "lăm") expect(["mươi", "mười"]).toContain(words[i - 1]);
          });
        }),
      );
    });
  });
});
