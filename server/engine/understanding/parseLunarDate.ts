import { FOLDED_NUMBER_WORDS } from "./foldedNumberWords";
import { t, type Localized } from "../localized";
import { foldDiacritics } from "./foldDiacritics";
import { type LunarDay, lunarToSolar } from "./lunarToSolar";
import { normalizeInput } from "./normalizeInput";

export type LunarReading =
  | { ok: true; lunar: LunarDay; solar: string; said: Localized }
  /** Only a year was given: most of a lunar year lies in the solar year of the same number. */
  | { ok: true; lunar: null; year: number; said: Localized }
  | { ok: false; code: string; message: Localized };

// On folded text. "âm lịch", "(ÂL)", "âm", "lịch âm", "lịch ta"; "tháng giêng" and "tháng chạp" name lunar months only.
const LUNAR_WORDS = /(?<![a-z])(?:am lich|lich am|lich ta|al|am)(?![a-z])/g;
const LUNAR_MONTH_NAMES = /(?<![a-z])thang\s+(?:gieng|chap)(?![a-z])/;
const LEAP = /(?<![a-z])nhuan(?![a-z])/g;
// Lunar months: "tháng một" is the eleventh (the first is "giêng"), the twelfth "chạp".
const MONTH_WORDS: Readonly<Record<string, number>> = {
  ...FOLDED_NUMBER_WORDS,
  gieng: 1,
  mot: 11,
  "muoi mot": 11,
  "muoi hai": 12,
  chap: 12,
};
const DAY_WORDS: Readonly<Record<string, number>> = { ...FOLDED_NUMBER_WORDS, ram: 15 };
const WORD = "(?:muoi mot|muoi hai|gieng|chap|mot|hai|ba|tu|bon|nam|sau|bay|tam|chin|muoi|ram)";
const DAY_MONTH_NUMBERS = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})(?!\d)/;
const DAY_MONTH_WORDS = new RegExp(
  `(?:(?:ngay|mung|mong)\\s*)?(\\d{1,2}|${WORD})\\s*,?\\s*thang\\s*(?:nhuan\\s*)?(\\d{1,2}|${WORD})(?![a-z])`,
);
const YEAR = /(?<!\d)(\d{4}|\d{2})(?!\d)/g;

/** Whether the answer gives a date of the lunar calendar ("15/8 âm lịch", "mùng 3 tháng giêng âm"). */
export function mentionsLunar(text: string): boolean {
  const folded = foldDiacritics(normalizeInput(text));
  LUNAR_WORDS.lastIndex = 0;
  return LUNAR_WORDS.test(folded) || LUNAR_MONTH_NAMES.test(folded);
}

function numberOf(word: string, table: Readonly<Record<string, number>>): number | undefined {
  return /^\d+$/.test(word) ? Number(word) : table[word];
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "15/8 âm lịch năm 1960", "15/2 nhuận âm lịch năm 2023": how the citizen's date is said back. */
function lunarSaid(lunar: LunarDay): Localized {
  const leapVi = lunar.leap ? " nhuận" : "";
  const leapEn = lunar.leap ? " (leap month)" : "";
  return t(
    `${lunar.day}/${lunar.month}${leapVi} âm lịch năm ${lunar.year}`,
    `the lunar date ${lunar.day}/${lunar.month}${leapEn} of ${lunar.year}`,
  );
}

const EXAMPLE = t("Ví dụ: 15/8 âm lịch năm 1960", "Example: 15/8 âm lịch năm 1960 (15th day of the 8th lunar month)");

/**
 * Reads a date given in the lunar calendar, as grandparents' birth dates and death anniversaries
 * often are: "15/8 âm lịch năm 1960", "mùng 3 tháng giêng âm năm 1950", "ngày 10 tháng 2 âm lịch
 * 1985", "rằm tháng 7 âm lịch 1975", with "nhuận" for a leap month. The date is converted to the
 * solar calendar (see {@link lunarToSolar}); the caller says it back for the citizen to confirm.
 * Month words follow the lunar usage: "tháng giêng" is the first month, "tháng một" the eleventh,
 * "tháng chạp" the twelfth.
 *
 * Codes: `LUNAR_DATE_UNREADABLE`, `LUNAR_YEAR_TWO_DIGITS`, `LUNAR_YEAR_MISSING`, `LUNAR_NO_SUCH_DAY`,
 * `LUNAR_NO_LEAP_MONTH`, `LUNAR_OUT_OF_RANGE`.
 *
 * @example parseLunarDate("15/8 âm lịch năm 1960").solar // "05/10/1960"
 */
export function parseLunarDate(text: string): LunarReading {
  const folded = foldDiacritics(normalizeInput(text));
  const leap = folded.match(LEAP) !== null;
  const rest = folded.replace(LUNAR_WORDS, " ").replace(/\s+/g, " ").trim();
  const years = [...rest.matchAll(YEAR)];
  const dayMonth = DAY_MONTH_NUMBERS.exec(rest) ?? DAY_MONTH_WORDS.exec(rest);
  // The year is the number that is not the day or the month.
  const year = years.find(
    (m) => !dayMonth || m.index! < dayMonth.index || m.index! >= dayMonth.index + dayMonth[0].length,
  )?.[1];
  if (year?.length === 2) {
    return {
      ok: false,
      code: "LUNAR_YEAR_TWO_DIGITS",
      message: t(
        `Năm "${year}" có thể là 19${year} hoặc 20${year}. Xin ghi năm đủ 4 chữ số. ${EXAMPLE.vi}`,
        `The year "${year}" could be 19${year} or 20${year}. Please write the year with 4 digits. ${EXAMPLE.en}`,
      ),
    };
  }
  const day = dayMonth ? numberOf(dayMonth[1]!, DAY_WORDS) : undefined;
  const month = dayMonth ? numberOf(dayMonth[2]!, MONTH_WORDS) : undefined;
  if (day === undefined || month === undefined) {
    if (year !== undefined && !dayMonth) {
      const y = Number(year);
      return {
        ok: true,
        lunar: null,
        year: y,
        said: t(
          `Năm ${y} âm lịch phần lớn trùng năm ${y} dương lịch (những ngày cuối tháng chạp rơi sang năm ${y + 1})`,
          `The lunar year ${y} mostly falls in the solar year ${y} (its last days, in the twelfth month, in ${y + 1})`,
        ),
      };
    }
    return {
      ok: false,
      code: "LUNAR_DATE_UNREADABLE",
      message: t(
        `Tôi chưa đọc được ngày âm lịch này. Xin ghi ngày, tháng âm lịch và năm. ${EXAMPLE.vi}`,
        `I could not read this lunar date. Please give the day, the lunar month and the year. ${EXAMPLE.en}`,
      ),
    };
  }
  if (year === undefined) {
    return {
      ok: false,
      code: "LUNAR_YEAR_MISSING",
      message: t(
        `Ngày âm lịch này thiếu năm. Xin ghi cả năm (4 chữ số). ${EXAMPLE.vi}`,
        `This lunar date has no year. Please add the year (4 digits). ${EXAMPLE.en}`,
      ),
    };
  }
  const lunar: LunarDay = { day, month, year: Number(year), leap };
  const solar = lunarToSolar(lunar);
  if (!solar.ok) return conversionProblem(solar.reason, lunar);
  return {
    ok: true,
    lunar,
    solar: `${pad(solar.day)}/${pad(solar.month)}/${solar.year}`,
    said: lunarSaid(lunar),
  };
}

function conversionProblem(reason: "NO_SUCH_DAY" | "NO_LEAP_MONTH" | "OUT_OF_RANGE", lunar: LunarDay): LunarReading {
  if (reason === "NO_LEAP_MONTH") {
    return {
      ok: false,
      code: "LUNAR_NO_LEAP_MONTH",
      message: t(
        `Năm ${lunar.year} âm lịch không có tháng ${lunar.month} nhuận. Xin kiểm tra lại tháng, hoặc bỏ chữ "nhuận".`,
        `The lunar year ${lunar.year} has no leap month ${lunar.month}. Please check the month, or leave out ` +
          `"nhuận" (leap).`,
      ),
    };
  }
  if (reason === "OUT_OF_RANGE") {
    return {
      ok: false,
      code: "LUNAR_OUT_OF_RANGE",
      message: t(
        `Năm ${lunar.year} nằm ngoài khoảng đổi được. Xin kiểm tra lại năm. ${EXAMPLE.vi}`,
        `The year ${lunar.year} is outside the range that can be converted. Please check it. ${EXAMPLE.en}`,
      ),
    };
  }
  return {
    ok: false,
    code: "LUNAR_NO_SUCH_DAY",
    message: t(
      `Tháng ${lunar.month}${lunar.leap ? " nhuận" : ""} âm lịch năm ${lunar.year} không có ngày ${lunar.day}. ` +
        "Xin kiểm tra lại ngày, tháng.",
      `Lunar month ${lunar.month}${lunar.leap ? " (leap)" : ""} of ${lunar.year} has no day ${lunar.day}. ` +
        "Please check the day and the month.",
    ),
  };
}
