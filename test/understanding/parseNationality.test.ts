import fc from "fast-check";
import { foldDiacritics } from "../../server/engine/understanding/foldDiacritics";
import { parseNationality } from "../../server/engine/understanding/parseNationality";
import { expectRejected } from "../support/parseExpectations";

const COMMON = [
  "Việt Nam",
  "Campuchia",
  "Lào",
  "Trung Quốc",
  "Hàn Quốc",
  "Nhật Bản",
  "Hoa Kỳ",
  "Đài Loan",
  "Thái Lan",
  "Pháp",
  "Úc",
];

describe("parseNationality", () => {
  it("reads the ways of writing Việt Nam", () => {
    for (const typed of [
      "Việt Nam",
      "viet nam",
      "vn",
      "VN",
      "vietnam",
      "Vietnamese",
      "quốc tịch Việt Nam",
      "người Việt Nam",
    ]) {
      expect(parseNationality(typed)).toEqual({ ok: true, value: "Việt Nam" });
    }
  });

  it("reads common nationalities by their Vietnamese, English or informal names", () => {
    expect(parseNationality("cambodia")).toEqual({ ok: true, value: "Campuchia" });
    expect(parseNationality("Mỹ")).toEqual({ ok: true, value: "Hoa Kỳ" });
    expect(parseNationality("USA")).toEqual({ ok: true, value: "Hoa Kỳ" });
    expect(parseNationality("korea")).toEqual({ ok: true, value: "Hàn Quốc" });
    expect(parseNationality("trung quoc")).toEqual({ ok: true, value: "Trung Quốc" });
    expect(parseNationality("laos")).toEqual({ ok: true, value: "Lào" });
    expect(parseNationality("Australia")).toEqual({ ok: true, value: "Úc" });
  });

  it("forgives a small typo in a long name", () => {
    expect(parseNationality("campuchiaa")).toEqual({ ok: true, value: "Campuchia" });
    expect(parseNationality("thai lam")).toEqual({ ok: true, value: "Thái Lan" });
  });

  it("takes an unlisted country as typed, capitalised, rather than guessing a listed one", () => {
    expect(parseNationality("ai cập")).toEqual({ ok: true, value: "Ai Cập" });
    expect(parseNationality("mali")).toEqual({ ok: true, value: "Mali" });
    expect(parseNationality("áo")).toEqual({ ok: true, value: "Áo" });
  });

  it("rejects digits and symbols with NATIONALITY_INVALID", () => {
    expectRejected(parseNationality("VN123"), "NATIONALITY_INVALID");
    expectRejected(parseNationality("a@b"), "NATIONALITY_INVALID");
    expectRejected(parseNationality(""), "NATIONALITY_INVALID");
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
        parseNationality(text);
      }),
    );
  });

  it("parses its own output again to the same value", () => {
    const words = fc.constantFrom("việt", "nam", "quốc", "tịch", "người", "nước", "hàn", "lao", "ai", "cập", "x", "mỹ");
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(words, { maxLength: 4 }).map((w) => w.join(" ")),
          fc.string({ unit: "grapheme", maxLength: 12 }),
        ),
        (text) => {
          const first = parseNationality(text);
          if (!first.ok) return;
          expect(parseNationality(first.value)).toEqual(first);
        },
      ),
    );
  });

  it("reads the common nationalities in any case, without diacritics and after “quốc tịch”", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COMMON),
        fc.constantFrom("same", "upper", "lower", "folded"),
        fc.constantFrom("", "quốc tịch ", "quoc tich ", "nước "),
        (name, shape, prefix) => {
          const written =
            shape === "upper"
              ? name.toUpperCase()
              : shape === "lower"
                ? name.toLowerCase()
                : shape === "folded"
                  ? foldDiacritics(name)
                  : name;
          expect(parseNationality(`${prefix}${written}`)).toEqual({ ok: true, value: name });
        },
      ),
    );
  });
});
