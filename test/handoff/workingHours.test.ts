import { isWorkingTime, parseWorkingHours } from "../../server/handoff/workingHours";

// Instants given in UTC; the schedule is read in Asia/Ho_Chi_Minh (UTC+7).
const at = (isoLocal: string) => new Date(`${isoLocal}+07:00`);

describe("working hours", () => {
  const hours = parseWorkingHours("mon-fri 07:00-11:30 13:30-17:00; sat 07:30-11:30", "09-02,2026-12-31");

  it("are open during the morning and afternoon periods of a working day, local time", () => {
    expect(isWorkingTime(hours, at("2026-11-27T08:00:00"))).toBe(true); // Friday
    expect(isWorkingTime(hours, at("2026-11-27T16:59:00"))).toBe(true);
  });

  it("are closed at lunch, in the evening, on Sunday and on days off", () => {
    expect(isWorkingTime(hours, at("2026-11-27T12:00:00"))).toBe(false);
    expect(isWorkingTime(hours, at("2026-11-27T17:00:00"))).toBe(false);
    expect(isWorkingTime(hours, at("2026-11-29T09:00:00"))).toBe(false); // Sunday
    expect(isWorkingTime(hours, at("2026-09-02T09:00:00"))).toBe(false); // every year
    expect(isWorkingTime(hours, at("2026-12-31T09:00:00"))).toBe(false); // once
    expect(isWorkingTime(hours, at("2026-11-28T08:00:00"))).toBe(true); // Saturday morning
  });

  it("read the same instant as the local day, not UTC's: 06:30 local Monday is 23:30 UTC Sunday", () => {
    expect(isWorkingTime(parseWorkingHours("mon 06:00-07:00", ""), new Date("2026-11-29T23:30:00Z"))).toBe(true);
  });

  it("are told to citizens in their language", () => {
    expect(hours.text.vi).toBe("thứ Hai–thứ Sáu 07:00–11:30, 13:30–17:00; thứ Bảy 07:30–11:30");
    expect(hours.text.en).toBe("Monday–Friday 07:00–11:30, 13:30–17:00; Saturday 07:30–11:30");
  });

  it.each(["moon 07:00-11:00", "mon 11:00-07:00", "mon", "mon 7h-11h"])(
    "refuse a schedule they cannot read: %s",
    (spec) => {
      expect(() => parseWorkingHours(spec, "")).toThrow();
    },
  );
});
