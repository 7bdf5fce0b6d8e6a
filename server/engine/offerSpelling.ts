import type { AskStep, FieldTypeName, Step, Value } from "../../flows/flowTypes";
import { TEXTS } from "./engineTexts";
import { fieldTypeOf } from "./fieldParsers";
import type { Localized } from "./localized";
import type { Turn } from "./turn";
import { findProvince, provinceTitle } from "./understanding/parseProvince";
import { findWards, wardTitle } from "./understanding/parseWard";
import { type ConfiguredPlaces, restoreAddressDiacritics } from "./understanding/restoreAddressDiacritics";
import { restoreAuthorityDiacritics } from "./understanding/restoreAuthorityDiacritics";
import { restoreNameDiacritics } from "./understanding/restoreNameDiacritics";

/** A spelling this much less likely than the best is not worth a button. */
const MIN_SHARE_OF_BEST = 0.05;
const MAX_OPTIONS = 3;

interface Spelling {
  readonly text: string;
  readonly score: number;
}

/** How a kind of field is offered: its spellings, and the question for one or for several. */
interface SpellingKind {
  spellings(
    typed: string,
    places: ConfiguredPlaces,
    answers: Readonly<Record<string, Value>>,
    step: AskStep,
  ): Spelling[];
  one: Localized;
  several: Localized;
}

const address: SpellingKind = {
  spellings: (typed, places) =>
    restoreAddressDiacritics(typed, places, MAX_OPTIONS).candidates.map((c) => ({ text: c.address, score: c.score })),
  one: TEXTS.spellingAddressQuestion,
  several: TEXTS.spellingAddressChoose,
};

const KINDS: Partial<Record<FieldTypeName, SpellingKind>> = {
  name: {
    spellings: (typed) =>
      restoreNameDiacritics(typed, MAX_OPTIONS).candidates.map((c) => ({ text: c.name, score: c.score })),
    one: TEXTS.spellingQuestion,
    several: TEXTS.spellingChoose,
  },
  address,
  addressLine: address,
  province: {
    ...address,
    spellings: (typed) => {
      const found = findProvince(typed);
      return found ? [{ text: provinceTitle(found.province), score: 1 }] : [];
    },
  },
  ward: {
    // A ward of the configured province is offered as the list writes it; any other is restored as an address.
    spellings: (typed, places, answers, step) => {
      const province = step.inProvince ? answers[step.inProvince] : undefined;
      const inConfigured =
        typeof province === "string" &&
        findProvince(province)?.province.name === findProvince(places.city.province)?.province.name;
      const wards = inConfigured ? findWards(typed, places.city.provinceUnits ?? []) : [];
      if (wards.length > 0) return wards.map((w) => ({ text: wardTitle(w), score: 1 / wards.length }));
      return address.spellings(typed, places, answers, step);
    },
    one: TEXTS.spellingAddressQuestion,
    several: TEXTS.spellingAddressChoose,
  },
  issuingAuthority: {
    spellings: (typed, places) =>
      restoreAuthorityDiacritics(typed, places.city, MAX_OPTIONS).candidates.map((c) => ({
        text: c.authority,
        score: c.score,
      })),
    one: TEXTS.spellingAuthorityQuestion,
    several: TEXTS.spellingAuthorityChoose,
  },
};

/**
 * Most citizens type without diacritics, and what goes on the signed form must be written right: a
 * name as on the ID card, an address, a ward, an issuing authority. A value typed without any
 * diacritic is never changed silently: the likeliest spellings are offered — one, or two or three
 * where a syllable is ambiguous — with "keep as I typed"; the one chosen is what goes on the form.
 * False when there is nothing to offer (typed with its diacritics, a kind of field that has none,
 * or nothing known to restore).
 *
 * `pendingStep` is the step the chosen spelling is kept for: the field's own, or the table whose
 * column it is.
 */
export function offerSpelling(turn: Turn, field: AskStep, value: Value, pendingStep: Step = field): boolean {
  // Anything typed with a diacritic was typed with a Vietnamese keyboard: "Mai Anh" is then meant, not "Mai Ánh".
  if (typeof value !== "string" || /[\u0300-\u036f]|đ/iu.test(value.normalize("NFD"))) return false;
  const answers = turn.state.table ? { ...turn.state.answers, ...turn.state.table.row } : turn.state.answers;
  const kind = KINDS[fieldTypeOf(field, answers)];
  if (!kind) return false;
  const candidates = kind.spellings(value, turn.catalogue, answers, field);
  const best = candidates[0];
  if (!best || best.text === value) return false;
  const options = candidates.filter((c) => c.score >= best.score * MIN_SHARE_OF_BEST).map((c) => c.text);
  turn.state.pending = { kind: "chooseSpelling", stepId: pendingStep.id, options, typed: value };
  const question = options.length === 1 ? turn.text(kind.one, { name: options[0]! }) : turn.text(kind.several);
  saySpellingChoices(turn, question, options, value);
  return true;
}

/**
 * The spellings offered once more, when the citizen answered "đúng" to two or three of them: which one
 * is meant cannot be guessed, and a yes-word is never a name or an address.
 */
export function offerSpellingAgain(turn: Turn, pending: { stepId: string; options: string[]; typed: string }): void {
  turn.state.pending = { kind: "chooseSpelling", ...pending };
  saySpellingChoices(turn, turn.text(TEXTS.spellingWhichOne), pending.options, pending.typed);
}

function saySpellingChoices(turn: Turn, question: string, options: readonly string[], typed: string): void {
  turn.say(question, {
    choices: [
      ...options.map((text, index) => ({ label: text, value: `spell:${index}` })),
      { label: turn.text(TEXTS.spellingKeep, { name: typed }), value: "spell:keep" },
    ],
    input: { kind: "choice" },
  });
}
