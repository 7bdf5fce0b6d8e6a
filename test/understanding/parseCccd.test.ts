import fc from "fast-check";
import { parseCccd } from "../../server/engine/understanding/parseCccd";
import { PROVINCE_CODES } from "../../server/engine/understanding/provinceCodes";
import { expectRejected } from "../support/parseExpectations";

/** A valid personal ID: province, sex/century digit 0–3, birth year, six random digits. */
const validCccd = fc
  .record({
    province: fc.constantFrom(...PROVINCE_CODES.keys()),
    genderCentury: fc.integer({ min: 0, max: 3 }),
    year: fc.integer({ min: 0, max: 99 }),
    serial: fc.integer({ min: 0, max: 999_999 }),
  })
  .map(
    ({ province, genderCentury, year, serial }) =>
      `${province}${genderCentury}${String(year).padStart(2, "0")}${String(serial).padStart(6, "0")}`,
  );

const digitsAndSeparators = fc.string({
  unit: fc.constantFrom("0", "1", "2", "3", "4", "7", "8", "9", " ", ".", "-", "a"),
  maxLength: 20,
});

const known = fc.record(
  { gender: fc.constantFrom("Nam" as const, "Nữ" as const), birthYear: fc.integer({ min: 1880, max: 2120 }) },
  { requiredKeys: [] },
);

describe("PROVINCE_CODES", () => {
  it("holds the 63 provinces of TT 07/2016, each under a three-digit code", () => {
    expect(PROVINCE_CODES.size).toBe(63);
    for (const code of PROVINCE_CODES.keys()) expect(code).toMatch(/^\d{3}$/);
  });

  it("gives Đồng Tháp the code 087, Hà Nội 001 and TP. Hồ Chí Minh 079", () => {
    expect(PROVINCE_CODES.get("087")).toBe("Đồng Tháp");
    expect(PROVINCE_CODES.get("001")).toBe("Hà Nội");
    expect(PROVINCE_CODES.get("079")).toBe("TP. Hồ Chí Minh");
  });
});

describe("parseCccd", () => {
  it("accepts a 12-digit number and returns its digits", () => {
    expect(parseCccd("087095001234")).toEqual({ ok: true, value: "087095001234" });
  });

  it("ignores spaces, dots and dashes between the groups", () => {
    for (const typed of ["087 095 001 234", "087.095.001.234", "087-095-001-234", " 0870 9500 1234 "]) {
      expect(parseCccd(typed)).toEqual({ ok: true, value: "087095001234" });
    }
  });

  it("rejects a CCCD of 11 digits and says how many were typed", () => {
    expect(expectRejected(parseCccd("08709500123"), "CCCD_LENGTH")).toContain("11");
  });

  it("rejects a CCCD of 13 digits and says how many were typed", () => {
    expect(expectRejected(parseCccd("0870950012345"), "CCCD_LENGTH")).toContain("13");
  });

  it("asks for the number when the reply is empty", () => {
    expectRejected(parseCccd("   "), "CCCD_LENGTH");
  });

  it("rejects letters with CCCD_NOT_DIGITS", () => {
    expectRejected(parseCccd("08709500123O"), "CCCD_NOT_DIGITS");
    expectRejected(parseCccd("CCCD 087095001234"), "CCCD_NOT_DIGITS");
  });

  it("rejects a number whose first three digits are no province code and names them", () => {
    expect(expectRejected(parseCccd("003095001234"), "CCCD_PROVINCE")).toContain("003");
    expectRejected(parseCccd("097095001234"), "CCCD_PROVINCE");
  });

  it("rejects a 4th digit from 4 to 9, which no one living has", () => {
    for (const digit of [4, 5, 6, 7, 8, 9]) expectRejected(parseCccd(`087${digit}95001234`), "CCCD_CENTURY");
  });

  it("accepts every province code", () => {
    for (const code of PROVINCE_CODES.keys()) expect(parseCccd(`${code}095001234`).ok).toBe(true);
  });

  it("returns no warning when the declared sex and birth year agree with the number", () => {
    expect(parseCccd("087095001234", { gender: "Nam", birthYear: 1995 })).toEqual({ ok: true, value: "087095001234" });
    expect(parseCccd("087303001234", { gender: "Nữ", birthYear: 2003 })).toEqual({ ok: true, value: "087303001234" });
    expect(parseCccd("087200001234", { gender: "Nam", birthYear: 2000 })).toEqual({ ok: true, value: "087200001234" });
    expect(parseCccd("087199001234", { gender: "Nữ", birthYear: 1999 })).toEqual({ ok: true, value: "087199001234" });
  });

  it("accepts the number with a CCCD_MISMATCH warning when the sex digit disagrees with the declared sex", () => {
    const result = parseCccd("087095001234", { gender: "Nữ" });
    expect(result).toMatchObject({ ok: true, value: "087095001234", warning: { code: "CCCD_MISMATCH" } });
    if (!result.ok) throw new Error("rejected");
    expect(result.warning?.message.vi).toContain("nam");
    expect(result.warning?.message.vi).toContain("nữ");
    expect(result.warning?.message.en).toContain("male");
    expect(result.warning?.message.en).toContain("female");
  });

  it("warns with both years when the birth year disagrees, including the century", () => {
    const result = parseCccd("087295001234", { birthYear: 1995 });
    if (!result.ok) throw new Error("rejected");
    expect(result.warning?.code).toBe("CCCD_MISMATCH");
    expect(result.warning?.message.vi).toContain("2095");
    expect(result.warning?.message.vi).toContain("1995");
    expect(result.warning?.message.en.trim()).not.toBe("");
  });

  it("never throws, whatever the text and the known facts", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), digitsAndSeparators), known, (text, facts) => {
        parseCccd(text, facts);
      }),
    );
  });

  it("parses its own output again to the same value and warning", () => {
    fc.assert(
      fc.property(fc.oneof(digitsAndSeparators, validCccd), fc.option(known, { nil: undefined }), (text, facts) => {
        const first = parseCccd(text, facts);
        if (!first.ok) return;
        expect(parseCccd(first.value, facts)).toEqual(first);
      }),
    );
  });

  it("reads any valid number the same in every written shape", () => {
    const shapes = [
      (d: string) => d,
      (d: string) => d.replace(/(\d{3})(?=\d)/g, "$1 "),
      (d: string) => d.replace(/(\d{3})(?=\d)/g, "$1."),
      (d: string) => d.replace(/(\d{3})(?=\d)/g, "$1-"),
      (d: string) => `${d.slice(0, 3)} ${d[3]} ${d.slice(4, 6)} ${d.slice(6)}`,
      (d: string) => `  ${d.slice(0, 4)}  ${d.slice(4, 8)}\t${d.slice(8)} `,
    ];
    fc.assert(
      fc.property(validCccd, fc.constantFrom(...shapes), (digits, shape) => {
        expect(parseCccd(shape(digits))).toEqual({ ok: true, value: digits });
      }),
    );
  });

  it("warns exactly when the declared facts differ from what the number encodes", () => {
    fc.assert(
      fc.property(validCccd, known, (digits, facts) => {
        const g = Number(digits[3]);
        const gender = g % 2 === 0 ? "Nam" : "Nữ";
        const year = (g < 2 ? 1900 : 2000) + Number(digits.slice(4, 6));
        const differs =
          (facts.gender !== undefined && facts.gender !== gender) ||
          (facts.birthYear !== undefined && facts.birthYear !== year);
        const result = parseCccd(digits, facts);
        if (!result.ok) throw new Error("rejected");
        expect(result.warning?.code).toBe(differs ? "CCCD_MISMATCH" : undefined);
      }),
    );
  });
});
