import fc from "fast-check";
import { MAX_INPUT_LENGTH, normalizeInput } from "../../server/engine/understanding/normalizeInput";

const codePoints = (s: string) => Array.from(s).length;

/** Text as phones send it: NFD or NFC letters, invisible characters, odd spaces, full-width digits. */
const messyText = fc
  .array(
    fc.constantFrom(
      "Nguyễn",
      "Nguye\u0302\u0303n",
      "Văn",
      "Va\u0306n",
      "A",
      "đ",
      "Đ",
      " ",
      "  ",
      "\t",
      "\n",
      "\u00A0",
      "\u3000",
      "\u200B",
      "\u200D",
      "\uFEFF",
      "\u00AD",
      "\u0007",
      "\u009F",
      "５",
      "０",
      "1",
      "/",
      "e",
      "\u0301",
      "\u0323",
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(""));

describe("normalizeInput", () => {
  it("composes NFD Vietnamese into NFC", () => {
    expect(normalizeInput("Nguye\u0302\u0303n")).toBe("Nguyễn");
  });

  it("removes zero-width characters and soft hyphens", () => {
    expect(normalizeInput("Ngu\u200Byễn\u200D Văn\uFEFF A\u00AD")).toBe("Nguyễn Văn A");
  });

  it("removes control characters and turns tabs and newlines into spaces", () => {
    expect(normalizeInput("Nguyễn\u0007\tVăn\r\nA\u009F")).toBe("Nguyễn Văn A");
  });

  it("turns full-width digits into ASCII digits", () => {
    expect(normalizeInput("０９１２ ３４５ ６７８")).toBe("0912 345 678");
  });

  it("collapses runs of white space, including no-break and ideographic spaces, and trims", () => {
    expect(normalizeInput("  Nguyễn \u00A0\u3000 Văn   A  ")).toBe("Nguyễn Văn A");
  });

  it("cuts text longer than MAX_INPUT_LENGTH characters instead of rejecting it", () => {
    expect(normalizeInput("a".repeat(MAX_INPUT_LENGTH + 500))).toBe("a".repeat(MAX_INPUT_LENGTH));
  });

  it("counts the cap in characters, so an emoji is never split in half", () => {
    const result = normalizeInput("😀".repeat(MAX_INPUT_LENGTH + 1));
    expect(codePoints(result)).toBe(MAX_INPUT_LENGTH);
    expect(result).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it("returns an empty string for white space only", () => {
    expect(normalizeInput(" \u200B\t\n ")).toBe("");
  });

  it("composes a letter and its mark that an invisible character separated", () => {
    expect(normalizeInput("e\u200B\u0301")).toBe("é");
  });

  it("turns full-width digits and slashes into ASCII", () => {
    expect(normalizeInput("５／３／２０２０")).toBe("5/3/2020");
  });

  describe("properties", () => {
    const anyText = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), messyText);

    it("never throws, whatever the text", () => {
      fc.assert(fc.property(anyText, (text) => void normalizeInput(text)));
    });

    it("returns trimmed text with single spaces and no invisible or control characters", () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const result = normalizeInput(text);
          expect(result).toBe(result.trim());
          expect(result).not.toMatch(/\s\s|[\t\n\r\u00A0\u3000\u200B-\u200D\u2060\uFEFF\u00AD]/);
          expect(result).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
          expect(result).not.toMatch(/[\uFF01-\uFF5E]/);
        }),
      );
    });

    it("keeps at most MAX_INPUT_LENGTH characters", () => {
      fc.assert(
        fc.property(fc.string({ unit: "grapheme", minLength: 1900, maxLength: 2200 }), (text) => {
          expect(codePoints(normalizeInput(text))).toBeLessThanOrEqual(MAX_INPUT_LENGTH);
        }),
        { numRuns: 20 },
      );
    });

    it("is idempotent and returns NFC", () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const once = normalizeInput(text);
          expect(normalizeInput(once)).toBe(once);
          expect(once).toBe(once.normalize("NFC"));
        }),
      );
    });
  });
});
