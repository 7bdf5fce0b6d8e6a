import fc from "fast-check";
import { parseName } from "../../server/engine/understanding/parseName";
import { expectRejected } from "../support/parseExpectations";

/** Syllables of Vietnamese names, written in lower case with diacritics. */
const SYLLABLES = [
  "nguyễn",
  "trần",
  "lê",
  "phạm",
  "huỳnh",
  "võ",
  "đặng",
  "bùi",
  "đỗ",
  "hồ",
  "văn",
  "thị",
  "hữu",
  "đức",
  "minh",
  "ngọc",
  "thanh",
  "an",
  "bình",
  "châu",
  "dũng",
  "giang",
  "hương",
  "khoa",
  "loan",
  "mỹ",
  "nhung",
  "phúc",
  "quỳnh",
  "sơn",
  "tâm",
  "uyên",
  "việt",
  "xuân",
  "yến",
  "ánh",
  "ước",
];
const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const nameWords = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 5 });
const randomCase = (text: string, flips: boolean[]) =>
  Array.from(text)
    .map((char, i) => (flips[i % Math.max(flips.length, 1)] ? char.toUpperCase() : char.toLowerCase()))
    .join("");

describe("parseName", () => {
  it("capitalises each word of a name typed in lower case", () => {
    expect(parseName("nguyễn văn an")).toEqual({ ok: true, value: "Nguyễn Văn An" });
  });

  it("writes a name typed in capitals with a capital first letter only", () => {
    expect(parseName("NGUYỄN VĂN AN")).toEqual({ ok: true, value: "Nguyễn Văn An" });
    expect(parseName("ĐẶNG THỊ ÚT")).toEqual({ ok: true, value: "Đặng Thị Út" });
  });

  it("collapses spaces and composes decomposed diacritics (NFC)", () => {
    const decomposed = "  nguye\u0302\u0303n   va\u0306n  an ";
    expect(parseName(decomposed)).toEqual({ ok: true, value: "Nguyễn Văn An".normalize("NFC") });
  });

  it("keeps a name typed without diacritics as typed, capitalised", () => {
    expect(parseName("nguyen van an")).toEqual({ ok: true, value: "Nguyen Van An" });
  });

  it("capitalises after a hyphen or an apostrophe, as in Ê Đê and foreign names", () => {
    expect(parseName("h'hen niê")).toEqual({ ok: true, value: "H'Hen Niê" });
    expect(parseName("y’ngông niê kdăm")).toEqual({ ok: true, value: "Y'Ngông Niê Kdăm" });
    expect(parseName("jean-pierre dupont")).toEqual({ ok: true, value: "Jean-Pierre Dupont" });
  });

  it("drops a full stop typed after the name", () => {
    expect(parseName("Lê Thị Hoa.")).toEqual({ ok: true, value: "Lê Thị Hoa" });
  });

  it("rejects digits with NAME_HAS_DIGITS", () => {
    expectRejected(parseName("Nguyễn Văn 2"), "NAME_HAS_DIGITS");
    expectRejected(parseName("0912345678"), "NAME_HAS_DIGITS");
  });

  it("rejects symbols other than a hyphen or apostrophe and names them", () => {
    expect(expectRejected(parseName("Nguyễn @Văn An"), "NAME_INVALID_CHARACTERS")).toContain("@");
    expectRejected(parseName("Nguyễn_Văn_An"), "NAME_INVALID_CHARACTERS");
    expectRejected(parseName("Nguyễn Văn An 😀"), "NAME_INVALID_CHARACTERS");
  });

  it("rejects a hyphen or apostrophe that is not between letters", () => {
    expectRejected(parseName("Nguyễn - An"), "NAME_INVALID_CHARACTERS");
    expectRejected(parseName("'Nguyễn An"), "NAME_INVALID_CHARACTERS");
  });

  it("rejects an empty reply or a single letter as too short", () => {
    expectRejected(parseName(""), "NAME_TOO_SHORT");
    expectRejected(parseName("   "), "NAME_TOO_SHORT");
    expectRejected(parseName("A"), "NAME_TOO_SHORT");
  });

  it("accepts 100 characters and rejects 101 as too long", () => {
    const hundred = `${"Nguyễn ".repeat(14)}An`;
    expect(hundred).toHaveLength(100);
    expect(parseName(hundred)).toEqual({ ok: true, value: hundred });
    expectRejected(parseName(`${"Nguyễn ".repeat(14)}Anh`), "NAME_TOO_LONG");
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 120 }), (text) => {
        parseName(text);
      }),
    );
  });

  it("parses its own output again to the same value", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "grapheme", maxLength: 30 }),
          fc.string({ unit: "binary", maxLength: 30 }),
          nameWords.map((words) => words.join(" ")),
          fc.string({ unit: fc.constantFrom("a", "Ă", "ß", "ǅ", "İ", "ŉ", "'", "-", " ", "\u0301"), maxLength: 12 }),
        ),
        (text) => {
          const first = parseName(text);
          if (!first.ok) return;
          expect(parseName(first.value)).toEqual(first);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives the same name however it is cased, spaced or composed", () => {
    fc.assert(
      fc.property(
        nameWords,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
        fc.constantFrom("NFC" as const, "NFD" as const),
        (words, flips, form) => {
          const expected = words.map(capitalised).join(" ");
          const typed = `  ${randomCase(words.join("   "), flips)} `.normalize(form);
          expect(parseName(typed)).toEqual({ ok: true, value: expected });
        },
      ),
    );
  });
});
