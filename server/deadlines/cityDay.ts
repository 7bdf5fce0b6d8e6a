import { VIETNAM_OFFSET_MS } from "../engine/clock";

/** A day in the city's calendar (Asia/Ho_Chi_Minh, UTC+7 all year, no daylight saving), `YYYY-MM-DD`. */
export type CityDay = string;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The day `n` days after (or before, n < 0) a city day. */
export function addDays(day: CityDay, n: number): CityDay {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The instant a city day starts (00:00 in Viet Nam), as the ISO string the store keeps times in. */
export function cityDayStart(day: CityDay): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS).toISOString();
}

/** Whether the text is a real `YYYY-MM-DD` day. */
export function isCityDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

/** `dd/mm/yyyy`, as dates are written on forms and receipts. */
export function formDate(day: CityDay): string {
  const [year, month, date] = day.split("-");
  return `${date}/${month}/${year}`;
}

/** `YYYY-MM-DD` from a form date, or null when it is not one. */
export function cityDayOf(formDateText: string): CityDay | null {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(formDateText);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : null;
}

/** Every city day from `from` to `to`, both included. */
export function daysOf(range: { from: CityDay; to: CityDay }): CityDay[] {
  const days: CityDay[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) days.push(day);
  return days;
}
