import { formatReceiptCode } from "../../server/dossier/receiptCode";
import { parseReceiptCode } from "../../server/engine/understanding/parseReceiptCode";

describe("receipt codes", () => {
  it("reads as prefix, filing date and a four-digit number", () => {
    expect(formatReceiptCode({ prefix: "HN", isoDate: "2026-11-27", sequence: 42 })).toBe("HN-20261127-0042");
  });

  it("puts the unit's code first when unit prefixes are configured", () => {
    expect(formatReceiptCode({ prefix: "HN", unitCode: "AT", isoDate: "2026-11-27", sequence: 7 })).toBe("AT-HN-20261127-0007");
  });

  it("is understood back however the citizen types it", () => {
    for (const typed of ["hn-20261127-0042", "HN 20261127 0042", " hn_20261127_0042 "]) {
      expect(parseReceiptCode(typed)).toEqual({ ok: true, value: "HN-20261127-0042" });
    }
    expect(parseReceiptCode("at-hn-20261127-0007")).toEqual({ ok: true, value: "AT-HN-20261127-0007" });
  });

  it("refuses what is not a receipt code, with an example", () => {
    const result = parseReceiptCode("0912345678");
    expect(result).toMatchObject({ ok: false, code: "RECEIPT_CODE_INVALID" });
    expect(!result.ok && result.message.vi).toContain("HN-20261127-0042");
  });
});
