import { cityDayOf, type CityDay } from "../deadlines/cityDay";
import type { Dossier, SubmitMethod } from "../dossier/dossier";
import { dossierFiler } from "../dossier/dossierFiler";
import { isOpenDossier } from "../dossier/dossierLifecycle";
import { STATUS_TEXTS } from "../dossier/statusTexts";
import type { CsvCell } from "./csvTable";
import { maskIdNumber, maskPhone } from "./maskIdentifiers";

export const DOSSIERS_CSV_HEADER = [
  "Mã hồ sơ / Receipt code",
  "Thủ tục / Procedure",
  "Đơn vị / Unit",
  "Trạng thái / Status",
  "Ngày giờ nhận / Received",
  "Cách nộp / Submitted",
  "Cách nhận kết quả / Result by",
  "Hạn xử lý / Due",
  "Quá hạn / Overdue",
  "Người nộp / Applicant",
  "Số giấy tờ tùy thân / ID number",
  "Điện thoại / Phone",
] as const;

const METHOD_NAMES: Record<SubmitMethod, string> = {
  online: "Trực tuyến",
  counter: "Tại quầy",
  postal: "Bưu chính công ích",
};

/** "2026-03-01 14:05", the city's time: what a spreadsheet reads as a date and time in any locale. */
export function cityDateTime(iso: string): string {
  const local = new Date(Date.parse(iso) + 7 * 60 * 60 * 1000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

export interface DossierCsvContext {
  today: CityDay;
  /** CCCD and phone as stored: only an admin's audited full export. */
  full: boolean;
  procedureName: (procedureId: string) => string;
  unitName: (unitId: string | null) => string;
}

/**
 * A dossier as an export row: what the office tracks (procedure, unit, status, when, how, due day) and
 * who filed it, with the CCCD and the phone masked unless the export is the full one.
 */
export function dossierCsvRow(dossier: Dossier, context: DossierCsvContext): CsvCell[] {
  const dueDay = dossier.dueDate ? cityDayOf(dossier.dueDate) : null;
  const filer = dossierFiler(dossier.fields);
  const idNumber = filer.idNumber;
  const phone = filer.phone ?? dossier.submission.postalPhone ?? null;
  return [
    dossier.code,
    context.procedureName(dossier.procedureId),
    context.unitName(dossier.unitId),
    STATUS_TEXTS[dossier.status]?.name.vi ?? dossier.status,
    cityDateTime(dossier.createdAt),
    METHOD_NAMES[dossier.submission.submitMethod] ?? dossier.submission.submitMethod,
    METHOD_NAMES[dossier.submission.returnMethod] ?? dossier.submission.returnMethod,
    dueDay,
    dueDay === null ? null : isOpenDossier(dossier.status) && dueDay < context.today ? "Có" : "Không",
    filer.name,
    idNumber === null ? null : context.full ? idNumber : maskIdNumber(idNumber),
    phone === null ? null : context.full ? phone : maskPhone(phone),
  ];
}
