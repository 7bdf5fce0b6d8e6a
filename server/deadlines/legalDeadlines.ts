import path from "node:path";
import { procedureFacts } from "../../flows/procedureFacts";
import { localHour, localIsoDate } from "../engine/clock";
import { PROJECT_ROOT } from "../projectRoot";
import { addDays, type CityDay, formDate } from "./cityDay";
import { WorkingCalendar } from "./workingCalendar";

/**
 * Procedures whose law says a dossier received after the afternoon cut-off is handled from the
 * next working day: birth and death registration (Luật Hộ tịch Điều 16, 34 as applied: "nhận sau
 * 15 giờ thì trả trong ngày làm việc tiếp theo") and certified copies (Nghị định 23/2015 Điều 7).
 */
const CUT_OFF_PROCEDURES: ReadonlySet<string> = new Set([
  "dang-ky-khai-sinh",
  "dang-ky-khai-tu",
  "chung-thuc-ban-sao-tu-ban-chinh",
]);

/**
 * When a dossier is due by law: its procedure's processing time (`processingDays` in the
 * procedure facts) in working days from the day it is received. A dossier received on a day off
 * counts from the next working day; one received after the cut-off counts from the next working
 * day where the procedure says so. "0 days" (on the spot) is due the day it counts from.
 */
export class LegalDeadlines {
  constructor(
    readonly calendar: WorkingCalendar,
    /** The afternoon cut-off, in hours after midnight in Viet Nam (15 = 15:00). */
    private readonly cutOffHour = 15,
  ) {}

  /** The due day of a dossier of `procedureId` received at `receivedAt`, or null where the law sets no time. */
  dueDay(procedureId: string, receivedAt: Date): CityDay | null {
    const days = procedureFacts(procedureId).processingDays;
    if (days === null) return null;
    let from = localIsoDate(receivedAt);
    if (
      CUT_OFF_PROCEDURES.has(procedureId) &&
      localHour(receivedAt) >= this.cutOffHour &&
      this.calendar.isWorkingDay(from)
    ) {
      from = addDays(from, 1);
    }
    return this.calendar.addWorkingDays(from, days);
  }

  /** The same, written as on forms (`dd/mm/yyyy`), or undefined. */
  dueDate(procedureId: string, receivedAt: Date): string | undefined {
    const day = this.dueDay(procedureId, receivedAt);
    return day === null ? undefined : formDate(day);
  }
}

/** The deadlines of the shipped holidays file and the 15:00 cut-off: for tools and tests without settings. */
export function defaultLegalDeadlines(): LegalDeadlines {
  return new LegalDeadlines(WorkingCalendar.fromFile(path.join(PROJECT_ROOT, "flows", "publicHolidays.json")));
}
