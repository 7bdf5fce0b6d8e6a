import fc from "fast-check";
import { ETHNICITIES } from "../../server/engine/understanding/ethnicities";
import { foldDiacritics } from "../../server/engine/understanding/foldDiacritics";
import { parseEthnicity } from "../../server/engine/understanding/parseEthnicity";
import { expectRejected } from "../support/parseExpectations";

describe("ETHNICITIES", () => {
  it("lists the 54 ethnic groups once each, with Kinh first and Mông written “Mông (Hmông)”", () => {
    expect(ETHNICITIES).toHaveLength(54);
    expect(new Set(ETHNICITIES).size).toBe(54);
    expect(new Set(ETHNICITIES.map((name) => foldDiacritics(name))).size).toBe(54);
    expect(ETHNICITIES[0]).toBe("Kinh");
    expect(ETHNICITIES).toContain("Mông (Hmông)");
    for (const name of ETHNICITIES) expect(name).toBe(name.normalize("NFC"));
  });
});

describe("parseEthnicity", () => {
  it("reads the usual ways of writing Kinh", () => {
    for (const typed of ["Kinh", "kinh", "KINH", "dân tộc Kinh", "dan toc kinh", "dt kinh", "người Kinh", "Kinh."]) {
      expect(parseEthnicity(typed)).toEqual({ ok: true, value: "Kinh" });
    }
  });

  it("reads Hmông in its spellings as “Mông (Hmông)”", () => {
    for (const typed of ["hmong", "mong", "Mông", "H'Mông", "HMÔNG", "Mông (Hmông)"]) {
      expect(parseEthnicity(typed)).toEqual({ ok: true, value: "Mông (Hmông)" });
    }
  });

  it("reads other names and joined spellings of Central Highlands groups", () => {
    expect(parseEthnicity("Êđê")).toEqual({ ok: true, value: "Ê Đê" });
    expect(parseEthnicity("giarai")).toEqual({ ok: true, value: "Gia Rai" });
    expect(parseEthnicity("Jrai")).toEqual({ ok: true, value: "Gia Rai" });
    expect(parseEthnicity("Khơ-me")).toEqual({ ok: true, value: "Khmer" });
    expect(parseEthnicity("Vân Kiều")).toEqual({ ok: true, value: "Bru Vân Kiều" });
  });

  it("tells apart groups whose names differ only by diacritics or one letter", () => {
    expect(parseEthnicity("tày")).toEqual({ ok: true, value: "Tày" });
    expect(parseEthnicity("thái")).toEqual({ ok: true, value: "Thái" });
    expect(parseEthnicity("thai")).toEqual({ ok: true, value: "Thái" });
    expect(parseEthnicity("co")).toEqual({ ok: true, value: "Co" });
    expect(parseEthnicity("cơ ho")).toEqual({ ok: true, value: "Cơ Ho" });
  });

  it("forgives a small typo", () => {
    expect(parseEthnicity("kihn")).toEqual({ ok: true, value: "Kinh" });
    expect(parseEthnicity("xo dangg")).toEqual({ ok: true, value: "Xơ Đăng" });
  });

  it("rejects an unknown name with ETHNICITY_UNKNOWN and suggests the closest names", () => {
    const message = expectRejected(parseEthnicity("Khinn"), "ETHNICITY_UNKNOWN");
    expect(message).toContain("Kinh");
    expectRejected(parseEthnicity("Zulu"), "ETHNICITY_UNKNOWN");
  });

  it("rejects digits and an empty reply with ETHNICITY_UNKNOWN", () => {
    expectRejected(parseEthnicity("1"), "ETHNICITY_UNKNOWN");
    expectRejected(parseEthnicity("Kinh 2"), "ETHNICITY_UNKNOWN");
    expect(expectRejected(parseEthnicity(""), "ETHNICITY_UNKNOWN")).toContain("Kinh");
  });

  it("asks which group is meant when the reply fits several, naming them", () => {
    const message = expectRejected(parseEthnicity("tai"), "ETHNICITY_AMBIGUOUS");
    expect(message).toContain("Tày");
    expect(message).toContain("Thái");
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
        parseEthnicity(text);
      }),
    );
  });

  it("parses its own output again to the same value", () => {
    const words = fc.constantFrom(
      "dân",
      "tộc",
      "kinh",
      "hmong",
      "tà",
      "ôi",
      "la",
      "ha",
      "cơ",
      "x",
      "thai",
      "ede",
      "bru",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(words, { maxLength: 4 }).map((w) => w.join(" ")),
          fc.string({ maxLength: 10 }),
        ),
        (text) => {
          const first = parseEthnicity(text);
          if (!first.ok) return;
          expect(ETHNICITIES).toContain(first.value);
          expect(parseEthnicity(first.value)).toEqual(first);
        },
      ),
    );
  });

  it("reads every group's name in any case, without diacritics and after “dân tộc”", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ETHNICITIES),
        fc.constantFrom("same", "upper", "lower", "folded", "NFD"),
        fc.constantFrom("", "dân tộc ", "dan toc ", "DT "),
        (name, shape, prefix) => {
          const written =
            shape === "upper"
              ? name.toUpperCase()
              : shape === "lower"
                ? name.toLowerCase()
                : shape === "folded"
                  ? foldDiacritics(name)
                  : shape === "NFD"
                    ? name.normalize("NFD")
                    : name;
          expect(parseEthnicity(`${prefix}${written}`)).toEqual({ ok: true, value: name });
        },
      ),
    );
  });
});
