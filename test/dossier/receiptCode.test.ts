import { formatReceiptCode, newReceiptSuffix } from "../../server/dossier/receiptCode";
import { parseReceiptCode } from "../../server/engine/understanding/parseReceiptCode";
import { matchCommand } from "../../server/engine/understanding/matchCommand";

const SUFFIX = /^[23456789BCDFGHJKMNPQRSTVWXZ]{4}$/;

describe("receipt codes", () => {
  it("reads as prefix, filing date, a four-digit number and a random part", () => {
    expect(formatReceiptCode({ prefix: "HN", isoDate: "2026-11-27", sequence: 42, suffix: "K7QM" })).toBe(
      "HN-20261127-0042-K7QM",
    );
  });

  it("puts the unit's code first when unit prefixes are configured", () => {
    expect(
      formatReceiptCode({ prefix: "HN", unitCode: "AT", isoDate: "2026-11-27", sequence: 7, suffix: "B4XT" }),
    ).toBe("AT-HN-20261127-0007-B4XT");
  });

  it("draws the random part from digits 2-9 and consonants: no look-alike, no word, rarely the same twice", () => {
    const drawn = Array.from({ length: 200 }, () => newReceiptSuffix());
    for (const suffix of drawn) expect(suffix).toMatch(SUFFIX);
    // 200 draws out of 531,441 values: one repeat is a 4% chance, three about one in 100,000.
    expect(new Set(drawn).size).toBeGreaterThanOrEqual(198);
  });

  it("is understood back however the citizen types it", () => {
    for (const typed of ["hn-20261127-0042-k7qm", "HN 20261127 0042 K7QM", " hn_20261127_0042_k7qm "]) {
      expect(parseReceiptCode(typed)).toEqual({ ok: true, value: "HN-20261127-0042-K7QM" });
    }
    expect(parseReceiptCode("at-hn-20261127-0007-b4xt")).toEqual({ ok: true, value: "AT-HN-20261127-0007-B4XT" });
  });

  it("still understands a code given before the random part existed", () => {
    expect(parseReceiptCode("hn 20261127 0042")).toEqual({ ok: true, value: "HN-20261127-0042" });
    expect(parseReceiptCode("at-hn-20261127-0007")).toEqual({ ok: true, value: "AT-HN-20261127-0007" });
    expect(matchCommand("tra cứu HN-20261127-0042")).toEqual({ kind: "status", code: "HN-20261127-0042" });
    expect(matchCommand("tra cứu hn-20261127-0042 k7qm")).toEqual({ kind: "status", code: "HN-20261127-0042-K7QM" });
  });

  it("refuses what is not a receipt code, with an example, and a random part with a look-alike", () => {
    const result = parseReceiptCode("0912345678");
    expect(result).toMatchObject({ ok: false, code: "RECEIPT_CODE_INVALID" });
    expect(!result.ok && result.message.vi).toContain("HN-20261127-0042-K7QM");
    expect(parseReceiptCode("HN-20261127-0042-K0QM")).toMatchObject({ ok: false });
  });
});
