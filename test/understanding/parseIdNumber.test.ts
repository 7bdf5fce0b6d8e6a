import fc from "fast-check";
import { parseIdNumber } from "../../server/engine/understanding/parseIdNumber";
import { PROVINCE_CODES } from "../../server/engine/understanding/provinceCodes";
import { expectRejected } from "../support/parseExpectations";

const validCccd = fc
  .tuple(fc.constantFrom(...PROVINCE_CODES.keys()), fc.integer({ min: 0, max: 3 }), fc.stringMatching(/^\d{8}$/))
  .map(([province, g, rest]) => `${province}${g}${rest}`);
const validCmnd = fc.stringMatching(/^\d{9}$/);
const digitsAndSeparators = fc.string({
  unit: fc.constantFrom("0", "1", "3", "5", "8", "9", " ", ".", "-", "x"),
  maxLength: 16,
});
const allowCmnd = fc.boolean();

describe("parseIdNumber", () => {
  it("accepts a 12-digit personal ID with or without CMND allowed", () => {
    expect(parseIdNumber("087 095 001 234", { allowCmnd: true })).toEqual({ ok: true, value: "087095001234" });
    expect(parseIdNumber("087.095.001.234", { allowCmnd: false })).toEqual({ ok: true, value: "087095001234" });
  });

  it("accepts an old 9-digit CMND when the form allows it", () => {
    expect(parseIdNumber("341 234 567", { allowCmnd: true })).toEqual({ ok: true, value: "341234567" });
  });

  it("refuses a 9-digit CMND when the form needs a CCCD and says a CCCD has 12 digits", () => {
    expect(expectRejected(parseIdNumber("341234567", { allowCmnd: false }), "CCCD_LENGTH")).toContain("12");
  });

  it("rejects 7 digits with ID_NUMBER_INVALID naming both accepted forms", () => {
    const text = expectRejected(parseIdNumber("3412345", { allowCmnd: true }), "ID_NUMBER_INVALID");
    expect(text).toContain("12");
    expect(text).toContain("9");
    expect(text).toContain("CMND");
    expect(text).toContain("CCCD");
  });

  it("rejects letters and empty replies with ID_NUMBER_INVALID when CMND is allowed", () => {
    expectRejected(parseIdNumber("34123456A", { allowCmnd: true }), "ID_NUMBER_INVALID");
    expectRejected(parseIdNumber("", { allowCmnd: true }), "ID_NUMBER_INVALID");
  });

  it("checks a 12-digit number as a CCCD: province, century", () => {
    expectRejected(parseIdNumber("003095001234", { allowCmnd: true }), "CCCD_PROVINCE");
    expectRejected(parseIdNumber("087595001234", { allowCmnd: true }), "CCCD_CENTURY");
  });

  it("rejects 11 digits as a CCCD of the wrong length when CMND is not allowed", () => {
    expect(expectRejected(parseIdNumber("08709500123", { allowCmnd: false }), "CCCD_LENGTH")).toContain("11");
  });

  it("passes the known sex and birth year on to the CCCD check", () => {
    const result = parseIdNumber("087095001234", { allowCmnd: true, known: { gender: "Nữ", birthYear: 1995 } });
    expect(result).toMatchObject({ ok: true, value: "087095001234", warning: { code: "CCCD_MISMATCH" } });
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), digitsAndSeparators),
        allowCmnd,
        (text, allow) => {
          parseIdNumber(text, { allowCmnd: allow, known: { gender: "Nam", birthYear: 1990 } });
        },
      ),
    );
  });

  it("parses its own output again to the same value", () => {
    fc.assert(
      fc.property(fc.oneof(digitsAndSeparators, validCccd, validCmnd), allowCmnd, (text, allow) => {
        const first = parseIdNumber(text, { allowCmnd: allow });
        if (!first.ok) return;
        expect(parseIdNumber(first.value, { allowCmnd: allow })).toEqual(first);
      }),
    );
  });

  it("reads valid CCCD and CMND numbers the same with spaces, dots or dashes", () => {
    fc.assert(
      fc.property(fc.oneof(validCccd, validCmnd), fc.constantFrom(" ", ".", "-", ""), (digits, separator) => {
        const typed = digits.replace(/(\d{3})(?=\d)/g, `$1${separator}`);
        expect(parseIdNumber(typed, { allowCmnd: true })).toEqual({ ok: true, value: digits });
      }),
    );
  });
});
