import fc from "fast-check";
import { parseMoney } from "../../server/engine/understanding/parseMoney";
import { expectRejected, expectValue } from "../support/parseExpectations";

const group = (n: number, separator: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);

const nearMoney = fc
  .tuple(
    fc.constantFrom("", "vốn ", "khoảng ", "-"),
    fc.oneof(
      fc.integer({ min: 0, max: 1_000_000_000 }).map((n) => group(n, ".")),
      fc.integer({ min: 0, max: 1_000_000_000 }).map((n) => group(n, ",")),
      fc.integer({ min: 0, max: 9999 }).map(String),
      fc
        .tuple(fc.integer({ min: 0, max: 999 }), fc.constantFrom(",", "."), fc.integer({ min: 0, max: 9999 }))
        .map((p) => p.join("")),
      fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String),
    ),
    fc.constantFrom(
      "",
      " tỷ",
      " ty",
      " tỉ",
      " triệu",
      "tr",
      " nghìn",
      " ngàn",
      "k",
      " triệu 500 nghìn",
      " tỷ 2",
      " hoặc 3 triệu",
    ),
    fc.constantFrom("", " đồng", "đ", " VND", " dong", "."),
  )
  .map((parts) => parts.join(""));

describe("parseMoney", () => {
  it.each([
    ["50.000.000", 50_000_000],
    ["50,000,000", 50_000_000],
    ["50000000", 50_000_000],
    ["50 triệu", 50_000_000],
    ["50 trieu", 50_000_000],
    ["50tr", 50_000_000],
    ["1,5 tỷ", 1_500_000_000],
    ["1.5 ty", 1_500_000_000],
    ["1,5 tỉ", 1_500_000_000],
    ["500 nghìn", 500_000],
    ["500 ngàn", 500_000],
    ["500k", 500_000],
    ["500K", 500_000],
    ["2 tỷ 300 triệu", 2_300_000_000],
    ["2 triệu 500 nghìn", 2_500_000],
    ["50.000.000 đồng", 50_000_000],
    ["50.000.000đ", 50_000_000],
    ["50.000.000 ₫", 50_000_000],
    ["50 triệu VND", 50_000_000],
    ["50 triệu VNĐ", 50_000_000],
    ["vốn khoảng 50 triệu đồng", 50_000_000],
    ["0,5 triệu", 500_000],
    ["1.234,5 nghìn", 1_234_500],
    ["0", 0],
  ])("reads %p as %p", (text, value) => {
    expectValue(parseMoney(text), value);
  });

  it("reads a separator followed by three digits as thousands", () => {
    expectValue(parseMoney("1.500"), 1500);
    expectValue(parseMoney("1.500 tỷ"), 1_500_000_000_000);
  });

  it("rejects a bare number after a unit, which speech and paper read differently", () => {
    const result = parseMoney("1 tỷ 2");
    expectRejected(result, "MONEY_UNREADABLE");
    if (!result.ok) expect(result.message.vi).toContain("1 tỷ 200 triệu");
  });

  it("rejects a fraction of a đồng", () => {
    expectRejected(parseMoney("1,2345 nghìn"), "MONEY_UNREADABLE");
    expectRejected(parseMoney("100,5"), "MONEY_UNREADABLE");
  });

  it("rejects units in increasing order", () => {
    expectRejected(parseMoney("300 triệu 2 tỷ"), "MONEY_UNREADABLE");
  });

  it("rejects two amounts in one answer", () => {
    expectRejected(parseMoney("50 triệu hoặc 60 triệu"), "MONEY_UNREADABLE");
  });

  it.each(["", "abc", "năm mươi triệu", "triệu", "1.2.3"])("rejects %p as unreadable", (text) => {
    expectRejected(parseMoney(text), "MONEY_UNREADABLE");
  });

  it("rejects an amount above 10^15 đồng as too large", () => {
    expectRejected(parseMoney("1.000.001 tỷ"), "MONEY_TOO_LARGE");
    expectValue(parseMoney("1.000.000 tỷ"), 1e15);
  });

  it("gives an example in the message", () => {
    const result = parseMoney("abc");
    if (!result.ok) expect(result.message.vi).toContain("Ví dụ: 50.000.000");
  });

  describe("properties", () => {
    it("never throws, whatever the text", () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), nearMoney),
          (text) => {
            parseMoney(text);
          },
        ),
      );
    });

    it("accepts its own canonical output unchanged, plain or grouped with dots", () => {
      fc.assert(
        fc.property(nearMoney, (text) => {
          const first = parseMoney(text);
          if (!first.ok) return;
          expect(Number.isSafeInteger(first.value)).toBe(true);
          expect(parseMoney(String(first.value))).toEqual(first);
          expect(parseMoney(group(first.value, "."))).toEqual(first);
        }),
      );
    });

    it("reads every amount up to 10^15 grouped with dots, commas or nothing, with any currency word", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 1e15 }),
          fc.constantFrom(".", ",", ""),
          fc.constantFrom("", " đồng", "đ", " VND", " ₫"),
          (n, separator, currency) => {
            expectValue(parseMoney(`${group(n, separator)}${currency}`), n);
          },
        ),
      );
    });

    it("adds the parts of an amount spoken in tỷ, triệu and nghìn", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 999 }),
          fc.integer({ min: 1, max: 999 }),
          fc.integer({ min: 1, max: 999 }),
          (ty, trieu, nghin) => {
            expectValue(parseMoney(`${ty} tỷ ${trieu} triệu ${nghin} nghìn`), ty * 1e9 + trieu * 1e6 + nghin * 1e3);
            expectValue(parseMoney(`${ty} ty ${trieu} trieu ${nghin}k dong`), ty * 1e9 + trieu * 1e6 + nghin * 1e3);
          },
        ),
      );
    });
  });
});
