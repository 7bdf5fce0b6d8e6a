import fc from "fast-check";
import { foldDiacritics, foldToWords } from "../../server/engine/understanding/foldDiacritics";

// The 12 Vietnamese vowels and the 5 tone marks (huyền, sắc, ngã, hỏi, nặng).
const VOWELS: Array<[string, string]> = [
  ["a", "a"],
  ["ă", "a"],
  ["â", "a"],
  ["e", "e"],
  ["ê", "e"],
  ["i", "i"],
  ["o", "o"],
  ["ô", "o"],
  ["ơ", "o"],
  ["u", "u"],
  ["ư", "u"],
  ["y", "y"],
];
const TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
const VIETNAMESE_LETTERS = VOWELS.flatMap(([vowel, base]) =>
  TONES.flatMap((tone) => {
    const lower = (vowel + tone).normalize("NFC");
    return [
      [lower, base],
      [lower.toUpperCase(), base],
    ] as Array<[string, string]>;
  }),
);

const vietnameseText = fc
  .array(
    fc.constantFrom(
      ...VIETNAMESE_LETTERS.map(([letter]) => letter),
      "đ",
      "Đ",
      "ng",
      "h",
      " ",
      "-",
      "!",
      "1",
      ",",
      "\u0301",
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));
const anyText = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), vietnameseText);

describe("foldDiacritics", () => {
  it("lower-cases and strips diacritics", () => {
    expect(foldDiacritics("Đăng Ký Khai Sinh")).toBe("dang ky khai sinh");
  });

  it("folds đ and Đ to d", () => {
    expect(foldDiacritics("Đồng đội")).toBe("dong doi");
  });

  it("keeps punctuation", () => {
    expect(foldDiacritics("Sửa ngày-sinh!")).toBe("sua ngay-sinh!");
  });

  it.each(VIETNAMESE_LETTERS)("folds %p to %p", (letter, base) => {
    expect(foldDiacritics(letter)).toBe(base);
  });

  it("folds NFD input like NFC input", () => {
    expect(foldDiacritics("Nguye\u0302\u0303n")).toBe(foldDiacritics("Nguyễn"));
  });

  describe("properties", () => {
    it("never throws, whatever the text", () => {
      fc.assert(fc.property(anyText, (text) => void foldDiacritics(text)));
    });

    it("leaves no combining mark of the Vietnamese range and no upper-case ASCII", () => {
      fc.assert(
        fc.property(anyText, (text) => {
          expect(foldDiacritics(text)).not.toMatch(/[\u0300-\u036fA-ZĐđ]/);
        }),
      );
    });

    it("is idempotent", () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const once = foldDiacritics(text);
          expect(foldDiacritics(once)).toBe(once);
        }),
      );
    });

    it("gives the same result for NFC and NFD forms of the text", () => {
      fc.assert(
        fc.property(anyText, (text) => {
          expect(foldDiacritics(text.normalize("NFD"))).toBe(foldDiacritics(text.normalize("NFC")));
        }),
      );
    });

    it("turns Vietnamese text into plain ASCII", () => {
      fc.assert(
        fc.property(vietnameseText, (text) => {
          expect(foldDiacritics(text)).toMatch(/^[\x20-\x7e]*$/);
        }),
      );
    });
  });
});

describe("foldToWords", () => {
  it("folds and reduces punctuation and runs of spaces to single spaces", () => {
    expect(foldToWords("Sửa  ngày-sinh!")).toBe("sua ngay sinh");
  });

  it("keeps digits", () => {
    expect(foldToWords("Tra cứu HS-0042")).toBe("tra cuu hs 0042");
  });

  it("returns an empty string for punctuation only", () => {
    expect(foldToWords(" ?!… ")).toBe("");
  });

  describe("properties", () => {
    it("returns lower-case ASCII words separated by single spaces", () => {
      fc.assert(
        fc.property(anyText, (text) => {
          expect(foldToWords(text)).toMatch(/^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/);
        }),
      );
    });

    it("is idempotent", () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const once = foldToWords(text);
          expect(foldToWords(once)).toBe(once);
        }),
      );
    });
  });
});
