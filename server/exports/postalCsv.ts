import type { PostalRow } from "../console/postalProtocol";
import type { CsvCell } from "./csvTable";
import { cityDateTime } from "./dossiersCsv";

/** The post office's working list: one line per errand, what the postman needs at the door. */
export const POSTAL_CSV_HEADER = [
  "STT / No.",
  "Mã hồ sơ / Receipt code",
  "Đơn vị / Unit",
  "Việc cần làm / Errand",
  "Trạng thái / Postal status",
  "Công dân / Citizen",
  "Số giấy tờ (đã che) / ID number (masked)",
  "Địa chỉ / Address",
  "Điện thoại / Phone",
  "Khung giờ hẹn / Time window",
  "Giấy tờ cần nhận / Papers to collect",
  "Kết quả cần trả / Result to deliver",
  "Nộp lúc / Submitted",
  "Từ ngày trước / Carried over",
] as const;

/** "Nhận hồ sơ + Trả kết quả": what the postman does at this address. */
export function postalErrand(row: Pick<PostalRow, "pickUp" | "deliver">): string {
  return [row.pickUp ? "Nhận hồ sơ" : null, row.deliver ? "Trả kết quả" : null].filter(Boolean).join(" + ");
}

/**
 * "0909 123 456": grouped as Vietnamese numbers are read out. Written as bare digits, Excel takes a phone for a number
 * and drops its leading 0, and the postman dials a wrong number.
 */
export function phoneForReading(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.length === 10 || digits.length === 11
    ? `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`
    : phone;
}

/** The list's rows as CSV cells, numbered as printed. */
export function postalCsvRows(rows: readonly PostalRow[]): CsvCell[][] {
  return rows.map((row, index) => [
    index + 1,
    row.code,
    row.unitName ?? row.unitId,
    postalErrand(row),
    row.statusText,
    row.name,
    row.idNumberMasked,
    row.address,
    row.phone === null ? null : phoneForReading(row.phone),
    row.timeWindow,
    row.toCollect.join("; "),
    row.toDeliver,
    cityDateTime(row.createdAt),
    row.carriedOver ? "Có" : "Không",
  ]);
}
