import { t } from "../localized";
import { foldDiacritics } from "./foldDiacritics";
import { normalizeInput } from "./normalizeInput";
import { type ParseResult, parsed, rejected } from "./parseResult";

// 10^15 đồng (one million billion) is far above any household business's capital, and it is
// the largest amount numberInWords reads for the "bằng chữ" line.
const MAX_AMOUNT = 10n ** 15n;

const UNITS: ReadonlyMap<string, bigint> = new Map([
  ["ty", 10n ** 9n],
  ["ti", 10n ** 9n],
  ["trieu", 10n ** 6n],
  ["tr", 10n ** 6n],
  ["nghin", 1000n],
  ["ngan", 1000n],
  ["k", 1000n],
]);

const EXAMPLE_VI = "50.000.000 hoặc 50 triệu";
const EXAMPLE_EN = "50.000.000 or 50 triệu (50 million)";

// "đ", "đồng", "VND", "VNĐ" and "₫", folded; "d" counts only as a whole word or glued to a
// number ("50.000đ").
const CURRENCY = /(?<![a-z])(?:dong|vnd|d)(?![a-z])|₫/g;
const TOKENS = /\d+(?:[.,]\d+)*|[a-z]+|\S/g;
const NUMBER = /^\d+(?:[.,]\d+)*$/;

interface Term {
  digits: string;
  unit: bigint;
}

/**
 * Reads an amount of money in Vietnamese đồng and returns it as an integer number of đồng.
 * Accepts `50.000.000`, `50,000,000`, `50000000`, `50 triệu`, `1,5 tỷ`, `1.5 ty`,
 * `500 nghìn`, `500 ngàn`, `500k`, `2 tỷ 300 triệu`, with or without `đồng`, `đ` or `VND`.
 *
 * A separator followed by exactly three digits groups thousands (`1.500` is 1500); otherwise
 * it is a decimal comma or point (`1,5 tỷ`). A bare number after a unit ("1 tỷ 2") is refused,
 * because it reads as 1.2 billion in speech and 1,000,000,002 on paper.
 *
 * Codes: `MONEY_UNREADABLE`, `MONEY_TOO_LARGE` (above 10^15 đồng).
 *
 * @example
 * parseMoney("1,5 tỷ đồng")        // { ok: true, value: 1500000000 }
 * parseMoney("2 tỷ 300 triệu")     // { ok: true, value: 2300000000 }
 * parseMoney("500k")               // { ok: true, value: 500000 }
 */
export function parseMoney(text: string): ParseResult<number> {
  const folded = foldDiacritics(normalizeInput(text)).replace(CURRENCY, " ");
  const terms = findTerms(folded);
  if (terms === "ambiguous") {
    return unreadable(
      "Xin ghi rõ đơn vị cho từng phần: 1 tỷ 200 triệu, không ghi 1 tỷ 2.",
      "Please give the unit of each part: 1 tỷ 200 triệu (1.2 billion), not 1 tỷ 2.",
    );
  }
  if (!terms) return unreadable("Xin ghi một số tiền bằng chữ số.", "Please write one amount in digits.");

  let total = 0n;
  for (const term of terms) {
    const amount = toDong(term);
    if (amount === "fraction") {
      return unreadable(
        "Số tiền phải là số đồng chẵn, không có phần lẻ.",
        "The amount must be a whole number of đồng.",
      );
    }
    if (amount === undefined) {
      return unreadable("Xin ghi dấu chấm giữa từng nhóm 3 chữ số.", "Please separate groups of 3 digits with dots.");
    }
    total += amount;
  }
  if (total > MAX_AMOUNT) {
    return rejected(
      "MONEY_TOO_LARGE",
      t(
        `Số tiền này lớn quá (tối đa 1 triệu tỷ đồng). Xin kiểm tra lại số chữ số 0. Ví dụ: ${EXAMPLE_VI}`,
        `This amount is too large (at most 10^15 đồng). Please check the number of zeros. Example: ${EXAMPLE_EN}`,
      ),
    );
  }
  return parsed(Number(total));
}

/**
 * The single amount in the text, as terms of strictly decreasing units ("2 tỷ 300 triệu");
 * undefined when there is none or more than one amount ("50 hoặc 60 triệu").
 */
function findTerms(folded: string): Term[] | "ambiguous" | undefined {
  const tokens = folded.match(TOKENS) ?? [];
  const groups: Term[][] = [];
  let current: Term[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!NUMBER.test(token)) {
      current = undefined;
      continue;
    }
    const unit = UNITS.get(tokens[i + 1] ?? "");
    if (unit !== undefined) i++;
    if (!current) {
      current = [];
      groups.push(current);
    }
    current.push({ digits: token, unit: unit ?? 1n });
  }
  const [terms, ...others] = groups;
  if (!terms || others.length > 0) return undefined;
  for (let i = 1; i < terms.length; i++) {
    const unit = terms[i]!.unit;
    if (unit === 1n) return "ambiguous";
    if (unit >= terms[i - 1]!.unit) return undefined;
  }
  return terms;
}

/** Exact value of one term in đồng; undefined when its separators make no sense. */
function toDong({ digits, unit }: Term): bigint | "fraction" | undefined {
  const parts = digits.split(/[.,]/);
  const separators = digits.replace(/\d/g, "");
  const [head, ...tail] = parts;
  const last = tail[tail.length - 1];
  let whole: string;
  let fraction = "";
  if (tail.length === 0) {
    whole = head!;
  } else if (new Set(separators).size === 1 && tail.every((p) => p.length === 3)) {
    whole = parts.join("");
  } else if (tail.length === 1) {
    whole = head!;
    fraction = last!;
  } else if (
    // "1.234,5" or "1,234.5": thousands grouped one way, decimals the other.
    new Set(separators.slice(0, -1)).size === 1 &&
    separators.at(-1) !== separators[0] &&
    tail.slice(0, -1).every((p) => p.length === 3)
  ) {
    whole = [head, ...tail.slice(0, -1)].join("");
    fraction = last!;
  } else {
    return undefined;
  }
  const scale = 10n ** BigInt(fraction.length);
  const scaled = (BigInt(whole) * scale + BigInt(fraction || "0")) * unit;
  return scaled % scale === 0n ? scaled / scale : "fraction";
}

function unreadable(vi: string, en: string): ParseResult<number> {
  return rejected(
    "MONEY_UNREADABLE",
    t(
      `Tôi chưa đọc được số tiền này. ${vi} Ví dụ: ${EXAMPLE_VI}`,
      `I could not read this amount. ${en} Example: ${EXAMPLE_EN}`,
    ),
  );
}
