import fc from "fast-check";
import { editDistance } from "../../server/engine/understanding/editDistance";

/** Textbook optimal-string-alignment distance, on the full matrix, to check against. */
function referenceDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]![j]!;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, at(i - 2, j - 2) + 1);
      d[i]![j] = value;
    }
  }
  return at(a.length, b.length);
}

// A small alphabet makes overlaps, swaps and repeats frequent enough to matter.
const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "n", "h", "i", "s", "k"), maxLength: 12 });

describe("editDistance", () => {
  it("is 0 for equal strings", () => {
    expect(editDistance("khai sinh", "khai sinh")).toBe(0);
  });

  it("counts one swap of neighbouring letters as one edit", () => {
    expect(editDistance("khai sihn", "khai sinh")).toBe(1);
  });

  it("counts insertions, deletions and substitutions as one edit each", () => {
    expect(editDistance("ket hon", "ket hôn")).toBe(1);
    expect(editDistance("ho khau", "ho kha")).toBe(1);
    expect(editDistance("tam tru", "tam trus")).toBe(1);
  });

  it("measures against the empty string by length", () => {
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
  });

  it("returns max + 1 when the distance exceeds max", () => {
    expect(editDistance("khai sinh", "ket hon", 2)).toBe(3);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });

  it("does not apply a transposition twice to the same letters, unlike Damerau-Levenshtein", () => {
    expect(editDistance("ca", "abc")).toBe(3);
  });

  describe("properties", () => {
    it("equals the full-matrix optimal-string-alignment distance", () => {
      fc.assert(
        fc.property(word, word, (a, b) => {
          expect(editDistance(a, b)).toBe(referenceDistance(a, b));
        }),
      );
    });

    it("with a cut-off, returns the distance when within it and max + 1 otherwise", () => {
      fc.assert(
        fc.property(word, word, fc.integer({ min: 0, max: 6 }), (a, b, max) => {
          expect(editDistance(a, b, max)).toBe(Math.min(referenceDistance(a, b), max + 1));
        }),
      );
    });

    it("is symmetric and never larger than the longer string", () => {
      fc.assert(
        fc.property(fc.string(), fc.string(), (a, b) => {
          const distance = editDistance(a, b);
          expect(editDistance(b, a)).toBe(distance);
          expect(distance).toBeLessThanOrEqual(Math.max(a.length, b.length));
          expect(distance).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        }),
      );
    });
  });
});
