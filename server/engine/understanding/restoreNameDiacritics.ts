import { foldDiacritics } from "./foldDiacritics";
import { nameLexicon, type NameSyllable } from "./nameLexicon";
import { normalizeInput } from "./normalizeInput";

export interface RestoredName {
  /** The full name, each syllable capitalised, NFC: "Nguyễn Thị Hồng Nhung". */
  readonly name: string;
  /** Share of the probability among the names considered, in (0, 1]; the list is sorted by it. */
  readonly score: number;
}

/** Diacritical marks that make a different letter (â ă ê ô ơ ư đ), as opposed to tones. */
const QUALITY_MARKS = new Set(["\u0302", "\u0306", "\u031b"]);
const TONE_MARKS = new Set(["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]);
/** Probability given to a syllable the lexicon does not know, in every position and for both sexes. */
const UNKNOWN = 1e-3;
/** Floor of any position probability, so that a rare use of a known syllable stays possible. */
const FLOOR = 1e-7;
/** Weight left to the lexicon's forms when the typed diacritics match none of them. */
const DOUBTED_ALTERNATIVE = 0.2;
/** Partial names kept per sex at each syllable. */
const BEAM = 16;

type Sex = 0 | 1;
type Slot = "surname" | "firstMiddle" | "middle" | "given" | "alone";

/** One way of writing one typed syllable, with its probability in its slot for a woman and a man. */
interface Option {
  readonly written: string;
  readonly probability: readonly [number, number];
}

interface Signature {
  /** Per base letter: "" or the quality mark it carries ("đ" counts as one). */
  readonly qualities: readonly string[];
  readonly tone: string;
}

interface Index {
  readonly byFold: ReadonlyMap<string, readonly NameSyllable[]>;
  readonly surnameTotal: number;
  readonly middleTotal: readonly [number, number];
  readonly givenTotal: readonly [number, number];
}

let index: Index | undefined;

function nameIndex(): Index {
  if (index) return index;
  const byFold = new Map<string, NameSyllable[]>();
  let surnameTotal = 0;
  const middleTotal: [number, number] = [0, 0];
  const givenTotal: [number, number] = [0, 0];
  for (const syllable of nameLexicon().values()) {
    const fold = foldDiacritics(syllable.form);
    byFold.set(fold, [...(byFold.get(fold) ?? []), syllable]);
    surnameTotal += syllable.surname;
    middleTotal[0] += syllable.middleFemale;
    middleTotal[1] += syllable.middleMale;
    givenTotal[0] += syllable.givenFemale;
    givenTotal[1] += syllable.givenMale;
  }
  index = { byFold, surnameTotal, middleTotal, givenTotal };
  return index;
}

/**
 * Probability of a syllable in a slot for one sex: the first syllable is the surname, the last the
 * given name, those between are mostly middle names but often a given-name-like syllable ("Thị Hồng
 * Nhung") and, right after the surname of a long name, sometimes a second surname ("Trần Nguyễn …").
 * Elsewhere a syllable that is only a surname is rare: "Nguyễn" must not outweigh the given name
 * "Nguyên" at the end of "Trần Khôi Nguyên" merely because it is the commonest surname.
 */
function slotProbability(
  syllable: NameSyllable,
  slot: Slot,
  sex: Sex,
  { surnameTotal, middleTotal, givenTotal }: Index,
) {
  const surname = syllable.surname / surnameTotal;
  const middle = (sex === 0 ? syllable.middleFemale : syllable.middleMale) / middleTotal[sex];
  const given = (sex === 0 ? syllable.givenFemale : syllable.givenMale) / givenTotal[sex];
  let p: number;
  switch (slot) {
    case "surname":
      p = surname;
      break;
    case "firstMiddle":
      p = 0.55 * middle + 0.3 * given + 0.15 * surname;
      break;
    case "middle":
      p = 0.6 * middle + 0.395 * given + 0.005 * surname;
      break;
    case "given":
      p = 0.948 * given + 0.05 * middle + 0.002 * surname;
      break;
    case "alone":
      p = 0.5 * given + 0.5 * surname;
      break;
  }
  return Math.max(p, FLOOR);
}

function slotOf(position: number, count: number): Slot {
  if (count === 1) return "alone";
  if (position === 0) return "surname";
  if (position === count - 1) return "given";
  return position === 1 && count >= 4 ? "firstMiddle" : "middle";
}

function signature(syllable: string): Signature {
  const qualities: string[] = [];
  let tone = "";
  for (const char of syllable.normalize("NFD")) {
    if (QUALITY_MARKS.has(char)) qualities[qualities.length - 1] = char;
    else if (TONE_MARKS.has(char)) tone = char;
    else qualities.push(char === "đ" ? "đ" : "");
  }
  return { qualities, tone };
}

/** Whether every mark the citizen typed is in the form (the form may add the missing ones). */
function typedMarksFit(typed: Signature, form: Signature): boolean {
  if (typed.tone !== "" && typed.tone !== form.tone) return false;
  return typed.qualities.every((quality, i) => quality === "" || quality === form.qualities[i]);
}

function sameMarks(a: Signature, b: Signature): boolean {
  return (
    a.tone === b.tone && a.qualities.length === b.qualities.length && a.qualities.every((q, i) => q === b.qualities[i])
  );
}

/** "nGUYỄN" → "Nguyễn"; "h'hen" → "H'Hen"; "jean-pierre" → "Jean-Pierre". */
function capitalise(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|['-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

function optionsFor(token: string, slot: Slot, idx: Index): Option[] {
  const lower = token.toLowerCase();
  const fold = foldDiacritics(lower);
  const forms = /^[a-z]+$/.test(fold) ? (idx.byFold.get(fold) ?? []) : [];
  const probability = (syllable: NameSyllable, factor = 1): [number, number] => [
    factor * slotProbability(syllable, slot, 0, idx),
    factor * slotProbability(syllable, slot, 1, idx),
  ];
  const unknown: Option = { written: capitalise(token), probability: [UNKNOWN, UNKNOWN] };
  if (forms.length === 0) return [unknown];
  const lexiconOptions = (chosen: readonly NameSyllable[], factor = 1): Option[] =>
    chosen.map((syllable) => ({ written: capitalise(syllable.form), probability: probability(syllable, factor) }));
  if (lower === fold) return lexiconOptions(forms);
  // Typed with (some) diacritics: a known form with exactly these marks is kept as typed (even with
  // the new-style tone placement, "Hoà"); otherwise only the missing marks are added.
  const typed = signature(lower);
  const exact = forms.find((syllable) => sameMarks(signature(syllable.form), typed));
  if (exact) return [{ written: capitalise(token), probability: probability(exact) }];
  const fitting = forms.filter((syllable) => typedMarksFit(typed, signature(syllable.form)));
  if (fitting.length > 0) return lexiconOptions(fitting);
  // Marks the lexicon does not know for this syllable: the citizen's spelling first, the known forms after.
  const alternatives = lexiconOptions(forms, DOUBTED_ALTERNATIVE);
  const best = Math.max(...alternatives.flatMap((option) => option.probability));
  return [
    { written: capitalise(token), probability: [Math.max(UNKNOWN, best), Math.max(UNKNOWN, best)] },
    ...alternatives,
  ];
}

interface Partial {
  readonly choices: readonly number[];
  readonly probability: number;
}

function bestForSex(options: readonly (readonly Option[])[], sex: Sex): Partial[] {
  let beam: Partial[] = [{ choices: [], probability: 1 }];
  for (const slotOptions of options) {
    const next: Partial[] = [];
    for (const partial of beam)
      slotOptions.forEach((option, choice) =>
        next.push({
          choices: [...partial.choices, choice],
          probability: partial.probability * option.probability[sex],
        }),
      );
    next.sort((a, b) => b.probability - a.probability);
    beam = next.slice(0, BEAM);
  }
  return beam;
}

/**
 * Proposes the diacritised forms of a Vietnamese personal name typed without diacritics, or with
 * some of them, for the citizen to confirm: "nguyen thi hong nhung" → "Nguyễn Thị Hồng Nhung". The
 * first syllable is read as the surname, the last as the given name, those between as middle names;
 * each is written in its likeliest known forms for its position, and the whole name is scored as a
 * mixture over the two sexes, so that "Thị" pulls the given name towards women's names and "Văn"
 * towards men's. Syllables typed with diacritics are kept when the lexicon knows them so (only
 * missing marks are added); unknown syllables are kept as typed, capitalised.
 *
 * Never apply the result silently: it is a proposal, the citizen confirms one or keeps their own.
 *
 * @example restoreNameDiacritics("nguyen thi hong nhung").candidates[0].name // "Nguyễn Thị Hồng Nhung"
 * @example restoreNameDiacritics("NGUYEN VAN THANH").candidates[0].name // "Nguyễn Văn Thành"
 */
export function restoreNameDiacritics(typed: string, limit = 3): { candidates: RestoredName[] } {
  const tokens = normalizeInput(typed).split(" ").filter(Boolean);
  if (tokens.length === 0 || limit <= 0) return { candidates: [] };
  const idx = nameIndex();
  const options = tokens.map((token, position) => optionsFor(token, slotOf(position, tokens.length), idx));
  const scored = new Map<string, number>();
  for (const sex of [0, 1] as const)
    for (const { choices } of bestForSex(options, sex)) {
      const name = choices.map((choice, position) => options[position]![choice]!.written).join(" ");
      if (scored.has(name)) continue;
      const [female, male] = choices.reduce(
        ([f, m], choice, position) => {
          const [pf, pm] = options[position]![choice]!.probability;
          return [f * pf, m * pm];
        },
        [1, 1],
      );
      scored.set(name, 0.5 * female + 0.5 * male);
    }
  const total = [...scored.values()].reduce((sum, value) => sum + value, 0);
  const candidates = [...scored]
    .map(([name, score]) => ({ name, score: total > 0 ? score / total : 1 / scored.size }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
  return { candidates };
}
