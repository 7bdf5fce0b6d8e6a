import type { City, Unit } from "../../flows/units";

/** The receipt code of a unit's dossier: the unit's code in front when the city configures it. */
export function receiptCodeFor(city: City, units: readonly Unit[], unitId: string | null, isoDate: string, sequence: number): string {
  const unit = units.find((u) => u.id === unitId);
  return formatReceiptCode({ prefix: city.receiptPrefix, unitCode: city.unitPrefixedCodes ? (unit?.code ?? null) : null, isoDate, sequence });
}

/**
 * A receipt code a citizen can read out on the phone: the city's prefix, the filing date in
 * Asia/Ho_Chi_Minh and the day's sequence number, optionally after the unit's code.
 *
 * @example formatReceiptCode({ prefix: "HN", isoDate: "2026-11-27", sequence: 42 }) // "HN-20261127-0042"
 * @example formatReceiptCode({ prefix: "HN", unitCode: "AT", isoDate: "2026-11-27", sequence: 7 }) // "AT-HN-20261127-0007"
 */
export function formatReceiptCode(parts: { prefix: string; unitCode?: string | null; isoDate: string; sequence: number }): string {
  const day = parts.isoDate.replace(/-/g, "");
  const number = String(parts.sequence).padStart(4, "0");
  const code = `${parts.prefix}-${day}-${number}`;
  return parts.unitCode ? `${parts.unitCode}-${code}` : code;
}
