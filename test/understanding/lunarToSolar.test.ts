import { lunarToSolar } from "../../server/engine/understanding/lunarToSolar";
import { mentionsLunar, parseLunarDate } from "../../server/engine/understanding/parseLunarDate";

const solar = (day: number, month: number, year: number, leap = false) => lunarToSolar({ day, month, year, leap });

describe("lunarToSolar", () => {
  it("puts Tết on Vietnam's dates, not China's: 21/01/1985, 17/02/2007, 17/02/2026", () => {
    // In 1985 and 2007 the new moon fell on either side of midnight between UTC+7 and UTC+8.
    expect(solar(1, 1, 1985)).toEqual({ ok: true, day: 21, month: 1, year: 1985 });
    expect(solar(1, 1, 2007)).toEqual({ ok: true, day: 17, month: 2, year: 2007 });
    expect(solar(1, 1, 2026)).toEqual({ ok: true, day: 17, month: 2, year: 2026 });
  });

  it("converts a day of a leap month, and refuses a leap month the year does not have", () => {
    // 2023 had a leap second month (tháng 2 nhuận), 2025 a leap sixth month.
    expect(solar(1, 2, 2023, true)).toEqual({ ok: true, day: 22, month: 3, year: 2023 });
    expect(solar(1, 2, 2023)).toEqual({ ok: true, day: 20, month: 2, year: 2023 });
    expect(solar(1, 6, 2025, true)).toEqual({ ok: true, day: 25, month: 7, year: 2025 });
    expect(solar(1, 3, 2023, true)).toEqual({ ok: false, reason: "NO_LEAP_MONTH" });
    expect(solar(30, 3, 2023, true)).toEqual({ ok: false, reason: "NO_LEAP_MONTH" });
  });

  it("refuses a day the month does not have, and a year outside the tables", () => {
    // The first month of 2023 had 29 days.
    expect(solar(30, 1, 2023)).toEqual({ ok: false, reason: "NO_SUCH_DAY" });
    expect(solar(31, 5, 1990)).toEqual({ ok: false, reason: "NO_SUCH_DAY" });
    expect(solar(1, 13, 1990)).toEqual({ ok: false, reason: "NO_SUCH_DAY" });
    expect(solar(1, 1, 2300)).toEqual({ ok: false, reason: "OUT_OF_RANGE" });
  });
});

describe("parseLunarDate", () => {
  it("tells a lunar date from a solar one", () => {
    for (const lunar of ["15/8 âm lịch 1960", "15/8 AL 1960", "mùng 3 tháng giêng âm năm 1950", "tháng chạp năm 1970"])
      expect([lunar, mentionsLunar(lunar)]).toEqual([lunar, true]);
    for (const plain of ["15/08/1960", "ngày 5 tháng 3 năm 2020", "tháng năm năm 2020", "tám giờ sáng", "dương lịch"])
      expect([plain, mentionsLunar(plain)]).toEqual([plain, false]);
  });

  it("reads the day, the lunar month in figures or words, the leap month and the year", () => {
    const read = (text: string) => {
      const r = parseLunarDate(text);
      return r.ok && r.lunar ? { ...r.lunar, solar: r.solar } : r;
    };
    expect(read("15/8 âm lịch năm 1960")).toEqual({ day: 15, month: 8, year: 1960, leap: false, solar: "05/10/1960" });
    expect(read("mung 3 thang gieng am nam 1950")).toMatchObject({ day: 3, month: 1, year: 1950 });
    expect(read("ngày 10 tháng 2 âm lịch 1985")).toMatchObject({ day: 10, month: 2, solar: "01/03/1985" });
    expect(read("rằm tháng bảy âm lịch năm 1975")).toMatchObject({ day: 15, month: 7, year: 1975 });
    expect(read("mồng một tháng chạp âm 1999")).toMatchObject({ day: 1, month: 12, year: 1999 });
    expect(read("ngày 1 tháng 2 nhuận âm lịch 2023")).toMatchObject({ leap: true, solar: "22/03/2023" });
  });

  it("says what is missing: the year, or four digits for it", () => {
    expect(parseLunarDate("15/8 âm lịch")).toMatchObject({ ok: false, code: "LUNAR_YEAR_MISSING" });
    expect(parseLunarDate("15/8/60 âm lịch")).toMatchObject({ ok: false, code: "LUNAR_YEAR_TWO_DIGITS" });
    expect(parseLunarDate("âm lịch")).toMatchObject({ ok: false, code: "LUNAR_DATE_UNREADABLE" });
  });

  it("takes a lunar year alone as a year, saying where its last days fall", () => {
    const year = parseLunarDate("năm 1960 âm lịch");
    expect(year).toMatchObject({ ok: true, lunar: null, year: 1960 });
  });
});
