import type { AskStep, FieldTypeName } from "../../flows/flowTypes";
import { t } from "./localized";
import type { Turn } from "./turn";

/** How far ahead the example of a day to come is: a week, the time to get the papers together. */
const DAYS_AHEAD = 7;

// "Ví dụ: 05/03/2020" or "Example: 05/03/2020" closing a parser's message, without a full stop inside.
const CLOSING_EXAMPLE = /\s*(?:Ví dụ|Example): (?:(?!\. ).)*$/u;

/** A Monday–Friday a week or more after `today` (`yyyy-mm-dd`), as `dd/mm/yyyy`. */
export function weekdayAfter(today: string, days = DAYS_AHEAD): string {
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(day.getUTCDate())}/${pad(day.getUTCMonth() + 1)}/${day.getUTCFullYear()}`;
}

/**
 * The example that fits a field: a day to come for an appointment, counted from today (a fixed
 * one would be in the past a week after it was written), else the flow's own example.
 */
export function fieldExample(turn: Turn, step: Pick<AskStep, "example"> & { type: FieldTypeName }): string {
  if (step.type === "futureDate") {
    const date = weekdayAfter(turn.today);
    return turn.text(t("Ví dụ: {date}", "Example: {date}"), { date });
  }
  return step.example ? turn.text(step.example) : "";
}

/**
 * What was wrong with an answer, followed by one example, the field's: a parser's generic example
 * (a date in 2020 for a day to come at the counter) gives way to it, and it is never said twice.
 */
export function withFieldExample(turn: Turn, said: string, step: Pick<AskStep, "example"> & { type: FieldTypeName }) {
  const example = fieldExample(turn, step);
  if (example === "") return said;
  if (said.includes(example)) return said;
  return `${said.replace(CLOSING_EXAMPLE, "")} ${example}`;
}
