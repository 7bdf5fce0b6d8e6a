import fc from "fast-check";
import { parsePhone } from "../../server/engine/understanding/parsePhone";
import { expectRejected } from "../support/parseExpectations";

/** The 9 digits after the leading 0 of a valid mobile number. */
const national = fc
  .tuple(fc.constantFrom("3", "5", "7", "8", "9"), fc.stringMatching(/^\d{8}$/))
  .map(([prefix, rest]) => `${prefix}${rest}`);

const group = (digits: string, separator: string) =>
  `${digits.slice(0, 3)}${separator}${digits.slice(3, 6)}${separator}${digits.slice(6)}`;

const shapes: ((n: string) => string)[] = [
  (n) => `0${n}`,
  (n) => `0${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
  (n) => `0${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6)}`,
  (n) => `0${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`,
  (n) => `+84 ${group(n, " ")}`,
  (n) => `+84${n}`,
  (n) => `84${n}`,
  (n) => `(+84) ${group(n, "-")}`,
  (n) => `0084 ${group(n, " ")}`,
  (n) => `+84 (0) ${group(n, " ")}`,
  (n) => ` 0${n} `,
];

const phoneish = fc.string({
  unit: fc.constantFrom("0", "2", "3", "4", "8", "9", "+", " ", ".", "-", "(", ")", "a"),
  maxLength: 18,
});

describe("parsePhone", () => {
  it("reads the usual written shapes of a mobile number as 10 digits", () => {
    for (const typed of [
      "0912 345 678",
      "0912.345.678",
      "+84 912 345 678",
      "84912345678",
      "(+84) 912-345-678",
      "0912345678",
    ]) {
      expect(parsePhone(typed)).toEqual({ ok: true, value: "0912345678" });
    }
  });

  it("accepts the mobile prefixes 03, 05, 07, 08 and 09", () => {
    for (const prefix of ["03", "05", "07", "08", "09"]) {
      expect(parsePhone(`${prefix}12345678`)).toEqual({ ok: true, value: `${prefix}12345678` });
    }
  });

  it("refuses a 02x landline with PHONE_NOT_MOBILE and says SMS cannot reach it", () => {
    const message = expectRejected(parsePhone("0277 3851 234"), "PHONE_NOT_MOBILE");
    expect(message).toContain("SMS");
  });

  it("rejects a mobile number of 9 digits and says how many were typed", () => {
    expect(expectRejected(parsePhone("091234567"), "PHONE_INVALID")).toContain("9 chữ số");
  });

  it("rejects 11-digit numbers that are not +84 numbers", () => {
    expectRejected(parsePhone("09123456789"), "PHONE_INVALID");
  });

  it("explains that 01x numbers became 10 digits in 2018", () => {
    expect(expectRejected(parsePhone("0169 123 4567"), "PHONE_INVALID")).toContain("2018");
  });

  it("rejects prefixes that are neither mobile nor landline", () => {
    expectRejected(parsePhone("0412345678"), "PHONE_INVALID");
    expectRejected(parsePhone("0612345678"), "PHONE_INVALID");
  });

  it("rejects letters and foreign country codes, giving an example", () => {
    expect(expectRejected(parsePhone("không có"), "PHONE_INVALID")).toContain("0912 345 678");
    expectRejected(parsePhone("+1 912 345 678"), "PHONE_INVALID");
    expectRejected(parsePhone(""), "PHONE_INVALID");
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), phoneish), (text) => {
        parsePhone(text);
      }),
    );
  });

  it("parses its own output again to the same value", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          phoneish,
          national.map((n) => `+84${n}`),
        ),
        (text) => {
          const first = parsePhone(text);
          if (!first.ok) return;
          expect(first.value).toMatch(/^0[35789]\d{8}$/);
          expect(parsePhone(first.value)).toEqual(first);
        },
      ),
    );
  });

  it("reads a valid number the same in every written shape", () => {
    fc.assert(
      fc.property(national, fc.constantFrom(...shapes), (n, shape) => {
        expect(parsePhone(shape(n))).toEqual({ ok: true, value: `0${n}` });
      }),
    );
  });
});
