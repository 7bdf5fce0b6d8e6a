import { FOLDED_NUMBER_WORDS } from "./foldedNumberWords";
import { editDistance } from "./editDistance";
import { foldToWords } from "./foldDiacritics";
import { normalizeInput } from "./normalizeInput";

/** A choice offered to the citizen: its stable `value` and the labels it may be called by. */
export interface MatchableOption<V extends string> {
  value: V;
  labels: readonly string[];
}

/** Which option a reply designates: one, several equally well, or none. */
export type OptionMatch<V extends string> =
  { kind: "match"; value: V } | { kind: "ambiguous"; values: V[] } | { kind: "none" };

/** One way of naming an option (a label or the value), prepared for comparison. */
interface Form {
  /** Lower case, diacritics kept, punctuation as spaces: tells "bà" from "ba". */
  accented: string;
  accentedWords: readonly string[];
  folded: string;
  foldedWords: readonly string[];
  /** Folded without spaces: "Ê Đê" and "Êđê", "Gia Rai" and "Giarai" meet here. */
  compact: string;
  /** How often each of a–z, 0–9 and the space occurs in `folded`, to skip hopeless typo checks. */
  counts: Int32Array;
}

interface Prepared {
  forms: readonly (readonly Form[])[];
}

interface Reply {
  form: Form;
  hasDiacritics: boolean;
}

/**
 * Option lists are constants of the flows, matched on every message: preparing each list once
 * keeps a match against the 54 ethnic groups with their other names at 5–25 µs on this
 * machine, the slowest being a reply that matches nothing and reaches the typo check.
 */
const prepared = new WeakMap<object, Prepared>();

const ORDINALS: Readonly<Record<string, number>> = { ...FOLDED_NUMBER_WORDS, nhat: 1 };
/** "2", "số 2", "#2", "chọn số 2 ạ", "thứ hai", "phương án 3", "option 2". */
const NUMBERED =
  /^((?:(?:chon|lua chon|phuong an|cai|muc|option|so|thu)\s+)*)(\d{1,3}|[a-z]+)(?:\s+(?:a|nha|nhe|di))?$/;

type Step = (forms: readonly (readonly Form[])[], reply: Reply) => number[] | undefined;

/**
 * Finds the option a citizen's reply designates, trying, from the most to the least certain:
 * the whole label or value (with diacritics first, so "bà" is not "ba", then without); the
 * option's number as shown, counted from 1 ("2", "số 2", "#2", "thứ hai"); the reply's words
 * within a label or a label's words within the reply ("mẹ", "phường An Thạnh"); all the reply's
 * words somewhere in one label ("nhận tại một cửa"); the start of a label ("an th"); and last a small typo (edit
 * distance 1, or 2 for labels over 8 letters),
 * for replies of 3 letters or more. The first rule that designates anything decides; when it
 * designates several options equally well the answer is ambiguous, never a guess.
 *
 * A bare number that is also a word of another option's label ("2" when an option reads
 * "Phường 2") is ambiguous between the two.
 *
 * @example
 * const options = [
 *   { value: "cha", labels: ["Cha"] },
 *   { value: "me", labels: ["Mẹ"] },
 * ] as const;
 * matchOption("me", options) // { kind: "match", value: "me" }
 * matchOption("số 1", options) // { kind: "match", value: "cha" }
 * matchOption("ông", options) // { kind: "none" }
 */
export function matchOption<V extends string>(text: string, options: readonly MatchableOption<V>[]): OptionMatch<V> {
  const reply = prepareReply(text);
  if (reply === undefined || options.length === 0) return { kind: "none" };
  const { forms } = prepare(options);

  for (const step of STEPS) {
    const indexes = step(forms, reply);
    if (indexes !== undefined && indexes.length > 0) return result(indexes, options);
  }
  return { kind: "none" };
}

function result<V extends string>(indexes: number[], options: readonly MatchableOption<V>[]): OptionMatch<V> {
  const values: V[] = [];
  for (const index of [...new Set(indexes)].sort((a, b) => a - b)) {
    const value = options[index]!.value;
    if (!values.includes(value)) values.push(value);
  }
  return values.length === 1 ? { kind: "match", value: values[0]! } : { kind: "ambiguous", values };
}

function prepare<V extends string>(options: readonly MatchableOption<V>[]): Prepared {
  const cached = prepared.get(options);
  if (cached) return cached;
  const fresh: Prepared = {
    forms: options.map((option) =>
      [option.value, ...option.labels].map(toForm).filter((form): form is Form => form !== undefined),
    ),
  };
  prepared.set(options, fresh);
  return fresh;
}

function prepareReply(text: string): Reply | undefined {
  const form = toForm(normalizeInput(text));
  if (form === undefined) return undefined;
  return { form, hasDiacritics: form.accented !== form.folded };
}

function toForm(text: string): Form | undefined {
  const accented = text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, " ")
    .trim();
  const folded = foldToWords(text);
  if (accented === "" && folded === "") return undefined;
  return {
    accented,
    accentedWords: accented ? accented.split(" ") : [],
    folded,
    foldedWords: folded ? folded.split(" ") : [],
    compact: folded.replace(/ /g, ""),
    counts: countCharacters(folded),
  };
}

const SPACE_SLOT = 36;

function countCharacters(folded: string): Int32Array {
  const counts = new Int32Array(SPACE_SLOT + 1);
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if (code >= 97 && code <= 122) counts[code - 97]!++;
    else if (code >= 48 && code <= 57) counts[26 + code - 48]!++;
    else counts[SPACE_SLOT]!++;
  }
  return counts;
}

/**
 * The bag distance (characters one side has that the other lacks), a lower bound of the edit
 * distance computed without allocating: most labels are ruled out by it alone.
 */
function bagDistance(a: Int32Array, b: Int32Array, withSpaces: boolean): number {
  let extra = 0;
  let missing = 0;
  const slots = withSpaces ? SPACE_SLOT + 1 : SPACE_SLOT;
  for (let i = 0; i < slots; i++) {
    const difference = a[i]! - b[i]!;
    if (difference > 0) extra += difference;
    else missing -= difference;
  }
  return Math.max(extra, missing);
}

/** Runs a test with diacritics first (when the reply has them), then without. */
function byAccentThenFold(
  forms: readonly (readonly Form[])[],
  reply: Reply,
  score: (form: Form, reply: Form, accented: boolean) => number,
): number[] {
  const passes = reply.hasDiacritics ? [true, false] : [false];
  for (const accented of passes) {
    let best = 0;
    let indexes: number[] = [];
    forms.forEach((optionForms, index) => {
      let optionBest = 0;
      for (const form of optionForms) optionBest = Math.max(optionBest, score(form, reply.form, accented));
      if (optionBest > best) {
        best = optionBest;
        indexes = [index];
      } else if (optionBest === best && optionBest > 0) {
        indexes.push(index);
      }
    });
    if (indexes.length === 1 || (indexes.length > 1 && !accented)) return indexes;
  }
  return [];
}

function exactMatches(forms: readonly (readonly Form[])[], reply: Reply): number[] {
  return byAccentThenFold(forms, reply, (form, input, accented) => {
    if (accented) return input.accented !== "" && form.accented === input.accented ? 1 : 0;
    if (input.folded !== "" && form.folded === input.folded) return 1;
    return input.compact !== "" && form.compact === input.compact ? 1 : 0;
  });
}

function numbered(forms: readonly (readonly Form[])[], reply: Reply): number[] | undefined {
  const match = NUMBERED.exec(reply.form.folded);
  if (!match) return undefined;
  const prefixed = match[1] !== "";
  const token = match[2]!;
  const isDigits = /^\d+$/.test(token);
  const position = isDigits ? Number(token) : prefixed ? ORDINALS[token] : undefined;
  if (position === undefined || position < 1 || position > forms.length) return undefined;
  const indexes = [position - 1];
  if (isDigits && !prefixed) {
    forms.forEach((optionForms, index) => {
      if (optionForms.some((form) => form.foldedWords.includes(token))) indexes.push(index);
    });
  }
  return indexes;
}

function wordMatches(forms: readonly (readonly Form[])[], reply: Reply): number[] {
  return byAccentThenFold(forms, reply, (form, input, accented) => {
    const labelWords = accented ? form.accentedWords : form.foldedWords;
    const inputWords = accented ? input.accentedWords : input.foldedWords;
    if (labelWords.length === 0 || inputWords.length === 0) return 0;
    if (containsRun(labelWords, inputWords)) return inputWords.length;
    if (containsRun(inputWords, labelWords)) return labelWords.length;
    return 0;
  });
}

/** Every word of the reply somewhere in a label, in any order: "nhận tại một cửa" for "Nhận tại Bộ phận Một cửa". */
function scatteredWordMatches(forms: readonly (readonly Form[])[], reply: Reply): number[] {
  return byAccentThenFold(forms, reply, (form, input, accented) => {
    const labelWords = accented ? form.accentedWords : form.foldedWords;
    const inputWords = accented ? input.accentedWords : input.foldedWords;
    if (inputWords.length < 2) return 0;
    return inputWords.every((word) => labelWords.includes(word)) ? inputWords.length : 0;
  });
}

function prefixMatches(forms: readonly (readonly Form[])[], reply: Reply): number[] {
  if (reply.form.compact.length < 2) return [];
  return byAccentThenFold(forms, reply, (form, input, accented) => {
    const label = accented ? form.accented : form.folded;
    const typed = accented ? input.accented : input.folded;
    if (typed === "") return 0;
    if (label.startsWith(typed) || label.includes(` ${typed}`)) return 1;
    return !accented && form.compact.startsWith(input.compact) ? 1 : 0;
  });
}

function typoMatches(forms: readonly (readonly Form[])[], reply: Reply): number[] {
  const typed = reply.form.folded;
  if (reply.form.compact.length < 3) return [];
  let best = Infinity;
  let indexes: number[] = [];
  forms.forEach((optionForms, index) => {
    for (const form of optionForms) {
      const max = form.compact.length > 8 ? 2 : 1;
      if (Math.abs(reply.form.compact.length - form.compact.length) > max) continue;
      const distance = Math.min(
        Math.abs(typed.length - form.folded.length) > max || bagDistance(reply.form.counts, form.counts, true) > max
          ? max + 1
          : editDistance(typed, form.folded, max),
        bagDistance(reply.form.counts, form.counts, false) > max
          ? max + 1
          : editDistance(reply.form.compact, form.compact, max),
      );
      if (distance > max) continue;
      if (distance < best) {
        best = distance;
        indexes = [index];
      } else if (distance === best && !indexes.includes(index)) {
        indexes.push(index);
      }
    }
  });
  return indexes;
}

const STEPS: readonly Step[] = [exactMatches, numbered, wordMatches, scatteredWordMatches, prefixMatches, typoMatches];

/** Whether `needle` appears in `haystack` as consecutive whole words. */
function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length > haystack.length) return false;
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (haystack[start + offset] !== needle[offset]) continue outer;
    }
    return true;
  }
  return false;
}
