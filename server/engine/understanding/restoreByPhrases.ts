import { foldDiacritics } from "./foldDiacritics";
import { nameLexicon } from "./nameLexicon";
import { PLACE_SYLLABLES } from "./placeSyllables";

/** One typed token: a word, a number ("12", "12/4", "45A") or punctuation, with the spaces typed before it. */
export interface Token {
  readonly text: string;
  /** Lower case, without diacritics. */
  readonly fold: string;
  readonly kind: "word" | "number" | "punct";
  readonly space: string;
}

/** A known phrase: a place, a street, an address word, an authority. */
export interface Phrase {
  /** Its tokens folded: ["nguyen", "hue"], ["30", "thang", "4"]. */
  readonly fold: readonly string[];
  /** Its tokens written, one per folded token: ["Nguyễn", "Huệ"]. */
  readonly written: readonly string[];
  /** What it is, for the grammar: "street", "wardName"… */
  readonly kind: string;
  /** Its prior among the phrases, in (0, 1]. */
  readonly weight: number;
}

/** How likely an item of kind `next` is after one of kind `previous` (null at the start, "end" after the last). */
export type Grammar = (previous: string | null, next: string) => number;

/**
 * What the syllables after an item of this kind are likely named after: a person ("đường" is
 * followed by "Phan Đăng Lưu") or a place ("ấp" by "Long Thạnh"); undefined keeps the current one.
 */
export type SyllableContext = (kind: string) => "person" | "place" | undefined;

type Syllables = ReadonlyMap<string, readonly { written: string; probability: number }[]>;

/** One item of a reading: a phrase, or a single token read as a number, a syllable or left as typed. */
export interface Piece {
  readonly kind: string;
  /** Index of its first token. */
  readonly start: number;
  readonly written: readonly string[];
}

export interface Reading {
  readonly pieces: readonly Piece[];
  /** Share of the probability among the readings found, in (0, 1]. */
  readonly score: number;
}

/** The phrases by their first folded token, for matching at each position. */
export interface PhraseIndex {
  readonly byFirst: ReadonlyMap<string, readonly Phrase[]>;
  /**
   * Syllable forms by fold, with their probability given the fold: the first syllable of a
   * person's name (a surname), a later one (a middle or given name), and a place's syllable.
   */
  readonly syllables: { readonly personFirst: Syllables; readonly personNext: Syllables; readonly place: Syllables };
}

/** A single syllable read through the name and place lexicons: rarer than any known phrase. */
const SYLLABLE = 0.12;
/** A word no lexicon knows, kept as typed. */
const UNKNOWN = 0.01;
/** A word kept as typed although a lexicon knows it: possible, never likely. */
const UNKNOWN_KNOWN = 1e-4;
const BEAM = 48;
/**
 * Paths gathered at a position before the worst are dropped: most paths are hopeless, and sorting all of them at
 * every token was the phrase reader's main cost. What is dropped could never have been among the BEAM kept.
 */
const PRUNE_AT = 4 * BEAM;
/**
 * Longer answers are not read: an address or an authority is rarely over 25 words, and the cost
 * grows with the length (about 4 ms for 40 tokens on one core). They are then taken as typed.
 */
export const MAX_TOKENS = 40;

const TOKEN = /(\s*)(\d+(?:[/.-]\d+)*[a-zA-Z]?(?![\p{L}\d])|\p{L}+(?:['’]\p{L}+)?|[^\s\p{L}\d]+|\d+)/gu;

/** Splits a typed text into words, numbers and punctuation, keeping the spaces typed before each. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.normalize("NFC").matchAll(TOKEN)) {
    const [, space, raw] = match;
    const token = raw!;
    const kind = /^\d/.test(token) ? "number" : /^\p{L}/u.test(token) ? "word" : "punct";
    tokens.push({ text: token, fold: foldDiacritics(token), kind, space: space! });
  }
  return tokens;
}

/** "nguyễn" → "Nguyễn"; "h'hen" → "H'Hen". */
export function capitalise(word: string): string {
  return word.replace(/(^|['’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

type Weights = Map<string, Map<string, number>>;

function addWeight(weights: Weights, written: string, weight: number): void {
  const fold = foldDiacritics(written);
  const forms = weights.get(fold) ?? new Map<string, number>();
  forms.set(written, (forms.get(written) ?? 0) + weight);
  weights.set(fold, forms);
}

/** Mixes weight tables (each normalised to 1 first) and gives each form its probability given its fold. */
function mix(parts: readonly { weights: Weights; share: number }[]): Syllables {
  const mixed: Weights = new Map();
  for (const { weights, share } of parts) {
    let total = 0;
    for (const forms of weights.values()) for (const w of forms.values()) total += w;
    for (const forms of weights.values())
      for (const [written, w] of forms) addWeight(mixed, written, (share * w) / total);
  }
  const syllables = new Map<string, { written: string; probability: number }[]>();
  for (const [fold, forms] of mixed) {
    const sum = [...forms.values()].reduce((a, b) => a + b, 0);
    syllables.set(
      fold,
      [...forms]
        .map(([written, weight]) => ({ written, probability: weight / sum }))
        .sort((a, b) => b.probability - a.probability),
    );
  }
  return syllables;
}

/**
 * Indexes phrases for {@link restoreByPhrases}. Syllables not inside a known phrase are read through
 * the personal-name lexicon (streets are mostly named after people: the first syllable is then a
 * surname, the others middle or given names) and through place syllables (the capitalised
 * syllables of the phrases themselves, and common toponymic syllables), each written form weighted
 * by how often it is used.
 */
export function indexPhrases(phrases: readonly Phrase[]): PhraseIndex {
  const byFirst = new Map<string, Phrase[]>();
  for (const phrase of phrases) {
    const first = phrase.fold[0]!;
    byFirst.set(first, [...(byFirst.get(first) ?? []), phrase]);
  }
  const surnames: Weights = new Map();
  const later: Weights = new Map();
  const given: Weights = new Map();
  for (const s of nameLexicon().values()) {
    if (s.surname > 0) addWeight(surnames, capitalise(s.form), s.surname);
    const rest = s.middleFemale + s.middleMale + s.givenFemale + s.givenMale;
    if (rest > 0) addWeight(later, capitalise(s.form), rest);
    if (s.givenFemale + s.givenMale > 0) addWeight(given, capitalise(s.form), s.givenFemale + s.givenMale);
  }
  const places: Weights = new Map();
  // Phrases with digits ("30 Tháng 4") name dates, not places.
  const named = phrases.filter((p) => !p.fold.some((f) => /\d/.test(f)));
  for (const written of [...named.flatMap((p) => p.written), ...PLACE_SYLLABLES])
    if (/^\p{Lu}\p{Ll}*$/u.test(written)) addWeight(places, written, 1);
  return {
    byFirst,
    syllables: {
      // Streets are named after places and events too ("Cầu Giấy", "Hàng Bạc", "Giải Phóng").
      personFirst: mix([
        { weights: surnames, share: 0.55 },
        { weights: later, share: 0.1 },
        { weights: places, share: 0.35 },
      ]),
      personNext: mix([
        { weights: later, share: 0.65 },
        { weights: places, share: 0.35 },
      ]),
      // Places share their syllables with given names (Hòa, Bình, An), hardly with middle names (Thị, Văn).
      place: mix([
        { weights: places, share: 0.6 },
        { weights: given, share: 0.3 },
        { weights: surnames, share: 0.1 },
      ]),
    },
  };
}

/** The pieces of a path, last first: extending a path shares its pieces instead of copying them. */
interface PieceList {
  readonly piece: Piece;
  readonly before: PieceList | null;
}

interface Path {
  /** Natural logarithm of the path's probability: sums neither underflow nor slow down on long answers. */
  readonly logProbability: number;
  readonly state: string | null;
  readonly context: "person" | "place";
  readonly pieces: PieceList | null;
}

function piecesOf(list: PieceList | null): Piece[] {
  const pieces: Piece[] = [];
  for (let at = list; at; at = at.before) pieces.push(at.piece);
  return pieces.reverse();
}

function matches(phrase: Phrase, tokens: readonly Token[], at: number): boolean {
  if (at + phrase.fold.length > tokens.length) return false;
  return phrase.fold.every((fold, i) => tokens[at + i]!.fold === fold);
}

/**
 * The likeliest readings of a text typed without diacritics, as sequences of known phrases and
 * single syllables, scored by their priors and by how well each follows the one before (the
 * grammar), best first. Punctuation is kept as typed and starts afresh (state "sep").
 */
const byLikelihood = (a: Path, b: Path) => b.logProbability - a.logProbability;

export function restoreByPhrases(
  tokens: readonly Token[],
  index: PhraseIndex,
  grammar: Grammar,
  contextAfter: SyllableContext,
  limit: number,
): Reading[] {
  if (tokens.length > MAX_TOKENS) return [];
  const beams: Path[][] = tokens.map(() => []);
  beams.push([]);
  beams[0] = [{ logProbability: 0, state: null, context: "place", pieces: null }];
  // Below its floor a path cannot reach a position's best BEAM: a path no better than the BEAM-th kept when the
  // position was last pruned would rank after it. The last position keeps every path: all share the scores.
  const floors = beams.map(() => -Infinity);
  const push = (to: number, path: Path) => {
    if (to < tokens.length && path.logProbability <= floors[to]!) return;
    const beam = beams[to]!;
    beam.push(path);
    if (to < tokens.length && beam.length >= PRUNE_AT) {
      beam.sort(byLikelihood);
      beam.length = BEAM;
      floors[to] = beam[BEAM - 1]!.logProbability;
    }
  };
  const extend = (path: Path, to: number, piece: Piece, weight: number) => {
    const factor = weight * grammar(path.state, piece.kind);
    if (factor <= 0) return;
    const context = piece.kind === "syllable" ? path.context : (contextAfter(piece.kind) ?? path.context);
    push(to, {
      logProbability: path.logProbability + Math.log(factor),
      state: piece.kind,
      context,
      pieces: { piece, before: path.pieces },
    });
  };
  for (let at = 0; at < tokens.length; at++) {
    const paths = beams[at]!.sort(byLikelihood).slice(0, BEAM);
    const token = tokens[at]!;
    const phrases = (index.byFirst.get(token.fold) ?? []).filter((phrase) => matches(phrase, tokens, at));
    const word = token.kind === "word";
    const readings = {
      place: word ? (index.syllables.place.get(token.fold) ?? []) : [],
      personFirst: word ? (index.syllables.personFirst.get(token.fold) ?? []) : [],
      personNext: word ? (index.syllables.personNext.get(token.fold) ?? []) : [],
    };
    // Unknown words are most often names: capitalised, as a name is on a form.
    const asTyped: Piece = { kind: "unknown", start: at, written: [capitalise(token.text.toLowerCase())] };
    for (const path of paths) {
      if (token.kind === "punct") {
        // A comma or a semicolon closes what came before; a hyphen or a slash joins two names.
        const closes = /[,;]/.test(token.text);
        push(at + 1, {
          logProbability: path.logProbability + Math.log(grammar(path.state, "punct")),
          state: closes ? "sep" : path.state,
          context: closes ? "place" : path.context,
          pieces: { piece: { kind: "punct", start: at, written: [token.text] }, before: path.pieces },
        });
        continue;
      }
      const syllables =
        path.context === "place"
          ? readings.place
          : path.state === "syllable"
            ? readings.personNext
            : readings.personFirst;
      for (const phrase of phrases)
        extend(path, at + phrase.fold.length, { kind: phrase.kind, start: at, written: phrase.written }, phrase.weight);
      if (token.kind === "number") {
        extend(path, at + 1, { kind: "number", start: at, written: [token.text] }, 1);
        continue;
      }
      for (const syllable of syllables)
        extend(
          path,
          at + 1,
          { kind: "syllable", start: at, written: [syllable.written] },
          SYLLABLE * syllable.probability,
        );
      extend(path, at + 1, asTyped, phrases.length > 0 || syllables.length > 0 ? UNKNOWN_KNOWN : UNKNOWN);
    }
  }
  const ends = beams[tokens.length]!.map((path) => ({
    ...path,
    logProbability: path.logProbability + (path.state === null ? 0 : Math.log(grammar(path.state, "end"))),
  }));
  ends.sort(byLikelihood);
  const best = ends[0]?.logProbability ?? 0;
  const shares = ends.map((path) => Math.exp(path.logProbability - best));
  const total = shares.reduce((sum, share) => sum + share, 0);
  return ends
    .slice(0, Math.max(limit, 0) * 8)
    .map((path, i) => ({ pieces: piecesOf(path.pieces), score: total > 0 ? shares[i]! / total : 0 }));
}
