import type { AskStep, Value } from "../../flows/flowTypes";
import { TEXTS } from "./engineTexts";
import type { Turn } from "./turn";
import { restoreNameDiacritics } from "./understanding/restoreNameDiacritics";

/** A spelling this much less likely than the best is not worth a button. */
const MIN_SHARE_OF_BEST = 0.05;
const MAX_OPTIONS = 3;

/**
 * Most citizens type without diacritics, and a name must match the ID card: a name typed without diacritics is
 * never changed silently. The likeliest spellings are offered — one, or two or three where a
 * syllable is ambiguous — with "keep as I typed"; the one chosen is what goes on the form. False when the name
 * needs no restoring (typed with its diacritics, or nothing known to restore).
 */
export function offerSpelling(turn: Turn, step: AskStep, value: Value): boolean {
  // A name with any diacritic was typed with a Vietnamese keyboard: "Mai Anh" is then meant, not "Mai Ánh".
  if (typeof value !== "string" || step.type !== "name" || /[\u0300-\u036f]|đ/iu.test(value.normalize("NFD")))
    return false;
  const { candidates } = restoreNameDiacritics(value, MAX_OPTIONS);
  const best = candidates[0];
  if (!best || best.name === value) return false;
  const options = candidates.filter((c) => c.score >= best.score * MIN_SHARE_OF_BEST).map((c) => c.name);
  turn.state.pending = { kind: "chooseSpelling", stepId: step.id, options, typed: value };
  const question =
    options.length === 1 ? turn.text(TEXTS.spellingQuestion, { name: options[0]! }) : turn.text(TEXTS.spellingChoose);
  turn.say(question, {
    choices: [
      ...options.map((name, index) => ({ label: name, value: `spell:${index}` })),
      { label: turn.text(TEXTS.spellingKeep, { name: value }), value: "spell:keep" },
    ],
    input: { kind: "choice" },
  });
  return true;
}
