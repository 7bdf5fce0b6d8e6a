import path from "node:path";
import { LegalDeadlines, defaultLegalDeadlines } from "../../server/deadlines/legalDeadlines";
import { WorkingCalendar } from "../../server/deadlines/workingCalendar";
import { PROJECT_ROOT } from "../../server/projectRoot";

/** An instant given as Viet Nam's wall clock. */
const vn = (local: string) => new Date(`${local}+07:00`);

describe("legal due dates, in working days", () => {
  const deadlines = defaultLegalDeadlines();

  it("counts a 3-day procedure over a weekend", () => {
    // Thursday 3 December 2026 + 3 working days: Friday, Monday, Tuesday.
    expect(deadlines.dueDay("dang-ky-ho-kinh-doanh", vn("2026-12-03T09:00:00"))).toBe("2026-12-08");
    expect(deadlines.dueDate("dang-ky-ho-kinh-doanh", vn("2026-12-03T09:00:00"))).toBe("08/12/2026");
  });

  it("skips Tết: received the Friday before, a 3-day procedure is due after the holiday week", () => {
    // Friday 13 Feb 2026; 16–20 Feb are Tết; Monday 23, Tuesday 24, Wednesday 25.
    expect(deadlines.dueDay("cap-giay-xac-nhan-tinh-trang-hon-nhan", vn("2026-02-13T10:00:00"))).toBe("2026-02-25");
    // A 7-day procedure received on Tết's eve counts from the first working day after it.
    expect(deadlines.dueDay("dang-ky-thuong-tru", vn("2026-02-16T10:00:00"))).toBe("2026-03-04");
  });

  it("moves a same-day procedure received at 15:00 or later to the next working day, but not at 14:59", () => {
    expect(deadlines.dueDay("dang-ky-khai-sinh", vn("2026-12-04T14:59:00"))).toBe("2026-12-04");
    expect(deadlines.dueDay("dang-ky-khai-sinh", vn("2026-12-04T15:00:00"))).toBe("2026-12-07");
    // The rule is the procedure's: a marriage registered at 16:00 is still due that day.
    expect(deadlines.dueDay("dang-ky-ket-hon", vn("2026-12-04T16:00:00"))).toBe("2026-12-04");
  });

  it("counts a dossier received on a day off from the next working day, and a worked Saturday as a working day", () => {
    expect(deadlines.dueDay("dang-ky-khai-tu", vn("2026-12-05T20:00:00"))).toBe("2026-12-07");
    expect(deadlines.dueDay("dang-ky-khai-tu", vn("2026-09-01T08:00:00"))).toBe("2026-09-03");
    // Saturday 10 January 2026 is worked in exchange for Friday 2 January.
    expect(deadlines.calendar.isWorkingDay("2026-01-10")).toBe(true);
    expect(deadlines.calendar.isWorkingDay("2026-01-02")).toBe(false);
  });

  it("takes a city's own days off, every year or once, and a later cut-off", () => {
    const file = path.join(PROJECT_ROOT, "flows", "publicHolidays.json");
    const local = new LegalDeadlines(WorkingCalendar.fromFile(file, "12-07, 2026-12-08"), 17);
    expect(local.dueDay("dang-ky-khai-sinh", vn("2026-12-04T16:00:00"))).toBe("2026-12-04");
    expect(local.dueDay("dang-ky-khai-sinh", vn("2026-12-04T17:30:00"))).toBe("2026-12-09");
    expect(local.calendar.isWorkingDay("2027-12-07")).toBe(false);
  });

  it("refuses a holidays file that is not one, saying what is wrong", () => {
    expect(() => WorkingCalendar.fromFile(path.join(PROJECT_ROOT, "package.json"))).toThrow(
      /holidays: .*expected array/,
    );
    expect(() => WorkingCalendar.fromFile("/nonexistent/holidays.json")).toThrow(/ENOENT/);
  });
});
