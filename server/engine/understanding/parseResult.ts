import type { Localized } from "../localized";

/**
 * What every parser of citizen input returns. Expected failures are values, not exceptions:
 * `code` is UPPER_SNAKE with an area prefix (`DATE_IMPOSSIBLE`), `message` tells the citizen
 * what is wrong and gives an example, in both languages.
 *
 * `warning` marks a value that parses but contradicts something already known (a CCCD whose
 * sex digit disagrees with the declared sex): the engine asks the citizen to confirm it.
 * `confirm` marks a value read into another form than the one typed (a lunar date converted to
 * the solar calendar): the engine asks this yes/no question before keeping it.
 */
export type ParseResult<T> =
  { ok: true; value: T; warning?: ParseProblem; confirm?: Localized } | ({ ok: false } & ParseProblem);

export interface ParseProblem {
  code: string;
  message: Localized;
}

export function parsed<T>(value: T, warning?: ParseProblem): ParseResult<T> {
  return warning ? { ok: true, value, warning } : { ok: true, value };
}

export function rejected<T = never>(code: string, message: Localized): ParseResult<T> {
  return { ok: false, code, message };
}
