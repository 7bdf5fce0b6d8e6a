import { randomInt } from "node:crypto";
import type { City, Unit } from "../../flows/units";
import { RECEIPT_SUFFIX_ALPHABET, RECEIPT_SUFFIX_LENGTH } from "../engine/understanding/receiptSuffix";

/** The receipt code of a unit's dossier: the unit's code in front when the city configures it. */
export function receiptCodeFor(
  city: City,
  units: readonly Unit[],
  unitId: string | null,
  isoDate: string,
  sequence: number,
  suffix: string,
): string {
  const unit = units.find((u) => u.id === unitId);
  return formatReceiptCode({
    prefix: city.receiptPrefix,
    unitCode: city.unitPrefixedCodes ? (unit?.code ?? null) : null,
    isoDate,
    sequence,
    suffix,
  });
}

/**
 * A receipt code a citizen can read out on the phone: the city's prefix, the filing date in
 * Asia/Ho_Chi_Minh, the day's sequence number and the random part (see `receiptSuffix.ts`),
 * optionally after the unit's code. Codes given before the random part existed have none.
 *
 * @example formatReceiptCode({ prefix: "HN", isoDate: "2026-11-27", sequence: 42, suffix: "K7QM" }) //
 * "HN-20261127-0042-K7QM"
 * @example formatReceiptCode({ prefix: "HN", unitCode: "AT", isoDate: "2026-11-27", sequence: 7, suffix: "B4XT" }) //
 * "AT-HN-20261127-0007-B4XT"
 */
export function formatReceiptCode(parts: {
  prefix: string;
  unitCode?: string | null;
  isoDate: string;
  sequence: number;
  suffix?: string | null;
}): string {
  const day = parts.isoDate.replace(/-/g, "");
  const number = String(parts.sequence).padStart(4, "0");
  const code = `${parts.prefix}-${day}-${number}${parts.suffix ? `-${parts.suffix}` : ""}`;
  return parts.unitCode ? `${parts.unitCode}-${code}` : code;
}

/** A fresh random part for a receipt code, from the operating system's CSPRNG. */
export function newReceiptSuffix(): string {
  let suffix = "";
  for (let i = 0; i < RECEIPT_SUFFIX_LENGTH; i++)
    suffix += RECEIPT_SUFFIX_ALPHABET[randomInt(RECEIPT_SUFFIX_ALPHABET.length)];
  return suffix;
}
