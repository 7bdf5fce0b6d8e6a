import { t } from "../localized";
import { foldDiacritics } from "./foldDiacritics";
import { normalizeInput } from "./normalizeInput";
import { type ParseResult, parsed, rejected } from "./parseResult";

type Period = "sang" | "trua" | "chieu" | "toi" | "dem" | "khuya" | "am" | "pm";

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// The 24-hour hours each part of the day can name. They overlap on purpose: "11 giờ trưa"
// and "11 giờ sáng" are both 11:00, "12 giờ đêm" and "12 giờ tối" are both 00:00.
const PERIOD_HOURS: Record<Period, ReadonlySet<number>> = {
  sang: new Set(range(0, 11)),
  trua: new Set(range(11, 14)),
  chieu: new Set(range(12, 19)),
  toi: new Set([...range(18, 23), 0]),
  dem: new Set([...range(21, 23), ...range(0, 4)]),
  khuya: new Set([...range(21, 23), ...range(0, 4)]),
  am: new Set(range(0, 11)),
  pm: new Set(range(12, 23)),
};

const EXAMPLE_VI = "14:30 hoặc 2 giờ chiều";
const EXAMPLE_EN = "14:30 or 2 pm";

// On folded text. "14:30", "14.30", "14h30", "14g30", "14 gio 30 phut", "2 gio ruoi" (2:30),
// "3 gio kem 15" (2:45).
const MINUTE_WORD = "(?:phut|ph|p)?(?![a-z])";
const WITH_UNIT = new RegExp(
  "(?<![\\d:.,])(\\d{1,2})(?!\\d)\\s*" +
    // 14:30, 14.30
    "(?:[:.]\\s*(\\d{1,2})(?!\\d)" +
    // 14h30, 14 gio 30 phut, 2 gio ruoi, 3 gio kem 15
    `|(?:gio|g|h)(?![a-z])\\s*(?:(\\d{1,2})(?!\\d)\\s*${MINUTE_WORD}` +
    `|(ruoi)(?![a-z])|kem\\s*(\\d{1,2})(?!\\d)\\s*${MINUTE_WORD})?)`,
);
const PERIOD_WORD = "(sang|trua|chieu|toi|dem|khuya|am|pm|a\\.m\\.?|p\\.m\\.?)";
const PERIOD_RIGHT_AFTER = new RegExp(`^\\s*(?:buoi\\s*)?${PERIOD_WORD}(?![a-z])`);
const HOUR_AND_PERIOD = new RegExp(`(?<![\\d:.,])(\\d{1,2})(?!\\d)\\s*(?:buoi\\s*)?${PERIOD_WORD}(?![a-z])`);
// "buổi chiều, lúc 2 giờ": a part of the day elsewhere in the sentence, read on the text with
// its diacritics. Without them "sang" (go over), "toi" (I) and "dem" (bring) are other words,
// so only the unambiguous "chieu", "trua" and "khuya" count there.
const PERIOD_ANYWHERE = /(?<!\p{L})(sáng|trưa|chiều|tối|đêm|khuya|chieu|trua)(?!\p{L})/u;
const BARE_HOUR = /^(\d{1,2})$/;
// "tôi" (I) written with its diacritics must not fold into "toi" (evening).
const PRONOUN_TOI = /(?<!\p{L})tôi(?!\p{L})/gu;

/**
 * Reads a time of day typed by a citizen and returns it as 24-hour `HH:MM`. Accepts `14:30`,
 * `14h30`, `14 giờ 30 phút`, `14 gio 30`, `2 giờ rưỡi`, `3 giờ kém 15`, a bare hour (`14`),
 * and a part of the day that moves the hour: `2 giờ chiều` → 14:00, `9h sáng` → 09:00,
 * `8 giờ tối` → 20:00, `12 giờ đêm` → 00:00, `2 pm` → 14:00.
 *
 * Codes: `TIME_UNREADABLE`; `TIME_IMPOSSIBLE` (25:00, 10:75, or "14 giờ sáng", where the
 * hour and the part of the day disagree).
 *
 * @example
 * parseTime("2 giờ chiều") // { ok: true, value: "14:00" }
 * parseTime("14h30")       // { ok: true, value: "14:30" }
 * parseTime("25:00").ok    // false, code "TIME_IMPOSSIBLE"
 */
export function parseTime(text: string): ParseResult<string> {
  const lower = normalizeInput(text).toLowerCase().replace(PRONOUN_TOI, "I");
  const found = findTime(foldDiacritics(lower), lower);
  if (!found) {
    return rejected(
      "TIME_UNREADABLE",
      t(
        `Tôi chưa đọc được giờ này. Xin ghi giờ và phút. Ví dụ: ${EXAMPLE_VI}`,
        `I could not read this time. Please write the hour and the minutes. Example: ${EXAMPLE_EN}`,
      ),
    );
  }
  let { hour, minute } = found;
  const { minutesBefore, period } = found;
  if (minutesBefore !== undefined) {
    if (minutesBefore < 1 || minutesBefore > 59)
      return impossible(`${hour} giờ kém ${minutesBefore}`, `${hour}:00 minus ${minutesBefore} minutes`);
    hour = (hour + 23) % 24;
    minute = 60 - minutesBefore;
  }
  if (hour > 23 || minute > 59) return impossible(`${pad(hour)}:${pad(minute)}`, `${pad(hour)}:${pad(minute)}`);
  if (period) {
    const hours = PERIOD_HOURS[period];
    const inPeriod =
      hour > 12 ? (hours.has(hour) ? hour : undefined) : [hour % 12, (hour % 12) + 12].find((h) => hours.has(h));
    if (inPeriod === undefined) {
      return rejected(
        "TIME_IMPOSSIBLE",
        t(
          `${hour} giờ không thuộc buổi ${PERIOD_VI[period]}. Xin ghi lại giờ. Ví dụ: ${EXAMPLE_VI}`,
          `${hour} o'clock is not in the ${PERIOD_EN[period]}. Please write the time again. Example: ${EXAMPLE_EN}`,
        ),
      );
    }
    hour = inPeriod;
  }
  return parsed(`${pad(hour)}:${pad(minute)}`);
}

interface FoundTime {
  hour: number;
  minute: number;
  minutesBefore?: number;
  period?: Period;
}

function findTime(folded: string, lower: string): FoundTime | undefined {
  const withUnit = WITH_UNIT.exec(folded);
  if (withUnit) {
    const [whole, hour, colonMinute, unitMinute, half, before] = withUnit;
    const after = PERIOD_RIGHT_AFTER.exec(folded.slice(withUnit.index + whole.length));
    const minute = half ? 30 : Number(colonMinute ?? unitMinute ?? 0);
    const found: FoundTime = { hour: Number(hour), minute };
    // A 24-hour figure ("14h") already says the part of the day; a distant word cannot move it.
    const elsewhere = found.hour <= 12 ? PERIOD_ANYWHERE.exec(lower) : null;
    const period = toPeriod(after?.[1] ?? (elsewhere ? foldDiacritics(elsewhere[1]!) : undefined));
    if (before !== undefined) found.minutesBefore = Number(before);
    if (period) found.period = period;
    return found;
  }
  const withPeriod = HOUR_AND_PERIOD.exec(folded);
  if (withPeriod) {
    const period = toPeriod(withPeriod[2]);
    return period ? { hour: Number(withPeriod[1]), minute: 0, period } : { hour: Number(withPeriod[1]), minute: 0 };
  }
  const bare = BARE_HOUR.exec(folded);
  return bare ? { hour: Number(bare[1]), minute: 0 } : undefined;
}

function toPeriod(word: string | undefined): Period | undefined {
  if (word === undefined) return undefined;
  if (word.startsWith("a.")) return "am";
  if (word.startsWith("p.")) return "pm";
  return word as Period;
}

const PERIOD_VI: Record<Period, string> = {
  sang: "sáng",
  trua: "trưa",
  chieu: "chiều",
  toi: "tối",
  dem: "đêm",
  khuya: "khuya",
  am: "sáng (AM)",
  pm: "chiều, tối (PM)",
};

const PERIOD_EN: Record<Period, string> = {
  sang: "morning",
  trua: "midday",
  chieu: "afternoon",
  toi: "evening",
  dem: "night",
  khuya: "night",
  am: "morning (AM)",
  pm: "afternoon or evening (PM)",
};

function impossible(vi: string, en: string): ParseResult<string> {
  return rejected(
    "TIME_IMPOSSIBLE",
    t(
      `Không có giờ ${vi}: giờ từ 0 đến 23, phút từ 0 đến 59. Ví dụ: ${EXAMPLE_VI}`,
      `There is no time ${en}: hours go from 0 to 23, minutes from 0 to 59. Example: ${EXAMPLE_EN}`,
    ),
  );
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
