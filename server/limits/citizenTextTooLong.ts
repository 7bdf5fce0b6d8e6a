import { MAX_INPUT_LENGTH, normalizeInput } from "../engine/understanding/normalizeInput";

const SPACES = /\s+/g;

/**
 * Whether a citizen's text is longer than the engine takes ({@link MAX_INPUT_LENGTH} characters once
 * normalised), so that it is refused whole instead of cut where the citizen cannot see. Counted in
 * code points after NFC with runs of spaces made one, as `normalizeInput` counts; its other steps
 * (invisible characters dropped) only shorten a text, so a text is never taken and then cut.
 *
 * @example citizenTextTooLong("a".repeat(2_001)) // true
 * @example citizenTextTooLong(`${"a ".repeat(1_000)}   `) // false: 1,999 characters once trimmed
 */
export function citizenTextTooLong(text: string): boolean {
  // UTF-16 units are never fewer than the code points left after normalising.
  if (text.length <= MAX_INPUT_LENGTH) return false;
  // A text the engine keeps whole comes out of it shorter than the cut length (a cut may drop one trailing space).
  if (Array.from(normalizeInput(text)).length < MAX_INPUT_LENGTH - 1) return false;
  return Array.from(text.normalize("NFC").replace(SPACES, " ").trim()).length > MAX_INPUT_LENGTH;
}
