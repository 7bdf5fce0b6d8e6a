import fc from "fast-check";
import { foldDiacritics } from "../../server/engine/understanding/foldDiacritics";
import { parseYesNo } from "../../server/engine/understanding/parseYesNo";

const YES = [
  "có",
  "co",
  "ừ",
  "u",
  "ờ",
  "ok",
  "oke",
  "okay",
  "dạ",
  "da",
  "vâng",
  "vang",
  "đúng",
  "dung",
  "đúng rồi",
  "phải",
  "yes",
  "y",
  "đồng ý",
  "dong y",
  "chắc chắn",
];
const NO = ["không", "khong", "ko", "k", "kg", "hông", "hong", "sai", "no", "n", "chưa", "chua", "không phải"];
const POLITE_ENDINGS = ["", " ạ", " a", " nhé", " nha", "!", ".", "!!", " ạ.", "?"];

describe("parseYesNo", () => {
  it.each(YES)("reads “%s” as yes", (word) => {
    expect(parseYesNo(word)).toEqual({ ok: true, value: true });
  });

  it.each(NO)("reads “%s” as no", (word) => {
    expect(parseYesNo(word)).toEqual({ ok: true, value: false });
  });

  it("ignores case, diacritics and trailing punctuation", () => {
    expect(parseYesNo("CÓ!")).toEqual({ ok: true, value: true });
    expect(parseYesNo("KHÔNG.")).toEqual({ ok: true, value: false });
    expect(parseYesNo("Đúng Rồi!!")).toEqual({ ok: true, value: true });
  });

  it("reads through polite particles around the answer", () => {
    expect(parseYesNo("dạ có ạ")).toEqual({ ok: true, value: true });
    expect(parseYesNo("ko a")).toEqual({ ok: true, value: false });
    expect(parseYesNo("dạ không ạ")).toEqual({ ok: true, value: false });
    expect(parseYesNo("vâng, đúng rồi ạ")).toEqual({ ok: true, value: true });
    expect(parseYesNo("dạ chưa")).toEqual({ ok: true, value: false });
    expect(parseYesNo("không, cảm ơn")).toEqual({ ok: true, value: false });
    expect(parseYesNo("không có đâu")).toEqual({ ok: true, value: false });
  });

  it("refuses a question back or an unrelated reply with YES_NO_UNREADABLE", () => {
    for (const text of ["có không?", "phải không", "để tôi xem", "", "ạ", "12"]) {
      const result = parseYesNo(text);
      expect(result).toMatchObject({ ok: false, code: "YES_NO_UNREADABLE" });
      if (result.ok) throw new Error("accepted");
      expect(result.message.vi.trim()).not.toBe("");
      expect(result.message.en.trim()).not.toBe("");
    }
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
        parseYesNo(text);
      }),
    );
  });

  it("reads its canonical answer (có / không) again as the same value", () => {
    const words = fc.constantFrom(...YES, ...NO, "ạ", "nhé", "dạ", "không", "phải", "rồi", "gì", "?");
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(words, { maxLength: 4 }).map((w) => w.join(" ")),
          fc.string({ maxLength: 8 }),
        ),
        (text) => {
          const first = parseYesNo(text);
          if (!first.ok) return;
          expect(parseYesNo(first.value ? "có" : "không")).toEqual(first);
        },
      ),
    );
  });

  it("reads every accepted word the same in any case, with or without diacritics and polite endings", () => {
    const answers = [...YES.map((w) => [w, true] as const), ...NO.map((w) => [w, false] as const)];
    fc.assert(
      fc.property(
        fc.constantFrom(...answers),
        fc.constantFrom("lower", "upper", "folded", "title"),
        fc.constantFrom(...POLITE_ENDINGS),
        fc.boolean(),
        ([word, value], casing, ending, prefixDa) => {
          const cased =
            casing === "upper"
              ? word.toUpperCase()
              : casing === "folded"
                ? foldDiacritics(word)
                : casing === "title"
                  ? word.charAt(0).toUpperCase() + word.slice(1)
                  : word;
          const typed = `${prefixDa ? "dạ " : ""}${cased}${ending}`;
          expect(parseYesNo(typed)).toEqual({ ok: true, value });
        },
      ),
    );
  });
});
