import fc from "fast-check";
import { parseEmail } from "../../server/engine/understanding/parseEmail";
import { expectRejected } from "../support/parseExpectations";

const localPart = fc
  .array(fc.stringMatching(/^[a-z0-9_+]{1,8}$/), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join("."));
const domain = fc
  .tuple(
    fc.array(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/), { minLength: 1, maxLength: 3 }),
    fc.constantFrom("com", "vn", "gov.vn", "edu.vn", "org", "net"),
  )
  .map(([labels, top]) => [...labels, top].join("."));

describe("parseEmail", () => {
  it("accepts an address and lower-cases its domain only", () => {
    expect(parseEmail("NguyenVanAn@Gmail.COM")).toEqual({ ok: true, value: "NguyenVanAn@gmail.com" });
  });

  it("drops spaces typed around the address and its @", () => {
    expect(parseEmail("  an.nguyen @ dongthap.gov.vn ")).toEqual({ ok: true, value: "an.nguyen@dongthap.gov.vn" });
  });

  it("drops a mailto: prefix, angle brackets and a full stop after the address", () => {
    expect(parseEmail("mailto:an@yahoo.com.vn")).toEqual({ ok: true, value: "an@yahoo.com.vn" });
    expect(parseEmail("<an@yahoo.com>")).toEqual({ ok: true, value: "an@yahoo.com" });
    expect(parseEmail("an@yahoo.com.")).toEqual({ ok: true, value: "an@yahoo.com" });
  });

  it("rejects an address without @, domain or top-level part", () => {
    for (const typed of ["an.gmail.com", "an@", "@gmail.com", "an@gmail", "an@gmail.c", "an@@gmail.com", ""]) {
      expectRejected(parseEmail(typed), "EMAIL_INVALID");
    }
  });

  it("rejects Vietnamese accents, double dots and bad domain labels", () => {
    for (const typed of ["nguyễn@gmail.com", "an..binh@gmail.com", ".an@gmail.com", "an@-gmail.com", "an@gmail..com"]) {
      expectRejected(parseEmail(typed), "EMAIL_INVALID");
    }
  });

  it("warns with a suggestion when the domain is one slip from a common provider", () => {
    for (const typed of ["an@gmail.con", "an@gmial.com", "an@gmai.com", "an@yahoo.co"]) {
      const result = parseEmail(typed);
      expect(result).toMatchObject({ ok: true, warning: { code: "EMAIL_DOMAIN_SUSPECT" } });
      if (!result.ok) throw new Error("rejected");
      expect(result.warning?.message.vi).toMatch(/an@(gmail|yahoo)\.com/);
      expect(result.warning?.message.en.trim()).not.toBe("");
    }
  });

  it("does not warn for real providers one letter from a common one", () => {
    expect(parseEmail("an@ymail.com")).toEqual({ ok: true, value: "an@ymail.com" });
    expect(parseEmail("an@mail.com")).toEqual({ ok: true, value: "an@mail.com" });
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (text) => {
        parseEmail(text);
      }),
    );
  });

  it("parses its own output again to the same value and warning", () => {
    const emailish = fc.string({
      unit: fc.constantFrom("a", "B", "1", "@", ".", "-", " ", "_", "m", "c", "o"),
      maxLength: 20,
    });
    fc.assert(
      fc.property(
        fc.oneof(
          emailish,
          fc.tuple(localPart, domain).map(([l, d]) => `${l}@${d}`),
        ),
        (text) => {
          const first = parseEmail(text);
          if (!first.ok) return;
          expect(parseEmail(first.value)).toEqual(first);
        },
      ),
    );
  });

  it("reads a valid address the same with a capitalised domain or spaces around it", () => {
    fc.assert(
      fc.property(localPart, domain, fc.constantFrom("plain", "upper", "spaced"), (local, dom, shape) => {
        const typed =
          shape === "upper"
            ? `${local}@${dom.toUpperCase()}`
            : shape === "spaced"
              ? ` ${local} @ ${dom} `
              : `${local}@${dom}`;
        const result = parseEmail(typed);
        expect(result).toMatchObject({ ok: true, value: `${local}@${dom}` });
      }),
    );
  });
});
