import fc from "fast-check";
import { ETHNICITIES } from "../../server/engine/understanding/ethnicities";
import { foldDiacritics } from "../../server/engine/understanding/foldDiacritics";
import { matchOption } from "../../server/engine/understanding/matchOption";

const UNITS = [
  { value: "an-thanh", labels: ["Phường An Thạnh", "An Thạnh"] },
  { value: "an-loc", labels: ["Phường An Lộc", "An Lộc"] },
  { value: "an-lac", labels: ["Phường An Lạc", "An Lạc"] },
  { value: "an-binh-a", labels: ["Xã An Bình A", "An Bình A"] },
  { value: "an-binh-b", labels: ["Xã An Bình B", "An Bình B"] },
  { value: "tan-hoi", labels: ["Xã Tân Hội", "Tân Hội"] },
  { value: "binh-thanh", labels: ["Xã Bình Thạnh", "Bình Thạnh"] },
] as const;

const RELATIONS = [
  { value: "cha", labels: ["Cha"] },
  { value: "me", labels: ["Mẹ"] },
  { value: "ong", labels: ["Ông"] },
  { value: "nguoi-giam-ho", labels: ["Người giám hộ"] },
] as const;

const CHANNELS = [
  { value: "online", labels: ["Nộp trực tuyến"] },
  { value: "counter", labels: ["Nộp tại Bộ phận một cửa"] },
  { value: "postal", labels: ["Qua bưu điện"] },
] as const;

const ETHNIC_OPTIONS = ETHNICITIES.map((name, i) => ({ value: `e${i}`, labels: [name] }));

/** Lists whose labels are all distinct even without diacritics. */
const LISTS = [UNITS, RELATIONS, CHANNELS, ETHNIC_OPTIONS] as const;

describe("matchOption", () => {
  it("matches a label exactly, without diacritics, or in capitals", () => {
    expect(matchOption("An Thạnh", UNITS)).toEqual({ kind: "match", value: "an-thanh" });
    expect(matchOption("an thanh", UNITS)).toEqual({ kind: "match", value: "an-thanh" });
    expect(matchOption("PHƯỜNG AN LỘC", UNITS)).toEqual({ kind: "match", value: "an-loc" });
  });

  it("matches the option's value", () => {
    expect(matchOption("an-binh-b", UNITS)).toEqual({ kind: "match", value: "an-binh-b" });
  });

  it("matches the option's number as shown, counted from 1", () => {
    for (const typed of ["2", "số 2", "so 2", "#2", "2.", "chọn số 2", "thứ hai", "thu 2", "số hai ạ"]) {
      expect(matchOption(typed, UNITS)).toEqual({ kind: "match", value: "an-loc" });
    }
  });

  it("finds nothing for a number beyond the list", () => {
    expect(matchOption("9", RELATIONS)).toEqual({ kind: "none" });
  });

  it("is ambiguous when a bare number is also a word of another option's label", () => {
    const wards = [
      { value: "p2", labels: ["Phường 2"] },
      { value: "p1", labels: ["Phường 1"] },
    ];
    expect(matchOption("2", wards)).toEqual({ kind: "ambiguous", values: ["p2", "p1"] });
    expect(matchOption("phường 1", wards)).toEqual({ kind: "match", value: "p1" });
    expect(matchOption("số 2", wards)).toEqual({ kind: "match", value: "p1" });
  });

  it("tells “Bà” from “Ba” when the reply has diacritics, and asks when it has none", () => {
    const family = [
      { value: "father", labels: ["Ba"] },
      { value: "grandmother", labels: ["Bà"] },
    ];
    expect(matchOption("bà", family)).toEqual({ kind: "match", value: "grandmother" });
    expect(matchOption("ba", family)).toEqual({ kind: "ambiguous", values: ["father", "grandmother"] });
  });

  it("matches the words of one label, and is ambiguous when several labels have them", () => {
    expect(matchOption("mẹ", RELATIONS)).toEqual({ kind: "match", value: "me" });
    expect(matchOption("giam ho", RELATIONS)).toEqual({ kind: "match", value: "nguoi-giam-ho" });
    expect(matchOption("buu dien", CHANNELS)).toEqual({ kind: "match", value: "postal" });
    expect(matchOption("an binh", UNITS)).toEqual({ kind: "ambiguous", values: ["an-binh-a", "an-binh-b"] });
    expect(matchOption("nộp", CHANNELS)).toEqual({ kind: "ambiguous", values: ["online", "counter"] });
  });

  it("matches a label named inside a longer reply", () => {
    expect(matchOption("tôi ở phường an lạc", UNITS)).toEqual({ kind: "match", value: "an-lac" });
    expect(matchOption("cho em nộp trực tuyến nha", CHANNELS)).toEqual({ kind: "match", value: "online" });
  });

  it("matches the unique start of a label", () => {
    expect(matchOption("an th", UNITS)).toEqual({ kind: "match", value: "an-thanh" });
    expect(matchOption("tru", CHANNELS)).toEqual({ kind: "match", value: "online" });
  });

  it("forgives one slip in a short label and two in a label over 8 letters", () => {
    expect(matchOption("tan hoj", UNITS)).toEqual({ kind: "match", value: "tan-hoi" });
    expect(matchOption("chaa", RELATIONS)).toEqual({ kind: "match", value: "cha" });
    expect(matchOption("binh thahn", UNITS)).toEqual({ kind: "match", value: "binh-thanh" });
    expect(matchOption("nguoi giamm hoo", RELATIONS)).toEqual({ kind: "match", value: "nguoi-giam-ho" });
    expect(matchOption("chxyy", RELATIONS)).toEqual({ kind: "none" });
  });

  it("is ambiguous when a typo is as close to two labels", () => {
    expect(matchOption("an lsc", UNITS)).toEqual({ kind: "ambiguous", values: ["an-loc", "an-lac"] });
  });

  it("finds nothing for an empty reply, an unrelated one or an empty list", () => {
    expect(matchOption("", UNITS)).toEqual({ kind: "none" });
    expect(matchOption("  ?! ", UNITS)).toEqual({ kind: "none" });
    expect(matchOption("xin chào", RELATIONS)).toEqual({ kind: "none" });
    expect(matchOption("cha", [])).toEqual({ kind: "none" });
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), fc.constantFrom(...LISTS), (text, options) => {
        matchOption(text, options);
      }),
    );
  });

  it("matches an option's value again to that option once a reply matched it", () => {
    const words = fc.constantFrom(
      "an",
      "binh",
      "thạnh",
      "2",
      "số",
      "mẹ",
      "cha",
      "nộp",
      "tày",
      "kinh",
      "ba",
      "xã",
      "lộc",
      "x",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(words, { maxLength: 4 }).map((w) => w.join(" ")),
          fc.string({ maxLength: 10 }),
        ),
        fc.constantFrom(...LISTS),
        (text, options) => {
          const first = matchOption<string>(text, options);
          if (first.kind !== "match") return;
          expect(matchOption<string>(first.value, options)).toEqual(first);
        },
      ),
    );
  });

  it("matches every label however it is written: case, diacritics, spacing, punctuation, number", () => {
    const shapes: ((label: string, position: number) => string)[] = [
      (label) => label,
      (label) => label.toUpperCase(),
      (label) => label.toLowerCase(),
      (label) => foldDiacritics(label),
      (label) => `  ${label.replace(/ /g, "   ")}! `,
      (label) => label.normalize("NFD"),
      (_, position) => String(position),
      (_, position) => `số ${position}`,
      (_, position) => `#${position}`,
    ];
    fc.assert(
      fc.property(
        fc
          .constantFrom(...LISTS)
          .chain((options) => fc.tuple(fc.constant(options), fc.nat({ max: options.length - 1 }))),
        fc.constantFrom(...shapes),
        ([options, index], shape) => {
          const option = options[index]!;
          const label = option.labels[option.labels.length - 1]!;
          expect(matchOption<string>(shape(label, index + 1), options)).toEqual({ kind: "match", value: option.value });
        },
      ),
    );
  });
  it("matches a reply whose words all stand in one label, in another order or with words left out", () => {
    const returns = [
      { value: "online", labels: ["Nhận bản điện tử (qua Cổng DVC/VNeID)"] },
      { value: "counter", labels: ["Nhận tại Bộ phận Một cửa"] },
      { value: "postal", labels: ["Bưu điện trả kết quả tại nhà"] },
    ];
    expect(matchOption("nhan tai mot cua", returns)).toEqual({ kind: "match", value: "counter" });
    expect(matchOption("một cửa nhận", returns)).toEqual({ kind: "match", value: "counter" });
  });
});
