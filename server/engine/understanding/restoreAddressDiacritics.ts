import type { City, Unit } from "../../../flows/units";
import { ADDRESS_ABBREVIATIONS, ADDRESS_WORDS, type AddressWordKind } from "./addressWords";
import { foldDiacritics } from "./foldDiacritics";
import { REGION_NAMES } from "./regionNames";
import {
  capitalise,
  type Grammar,
  indexPhrases,
  type Phrase,
  type PhraseIndex,
  type Piece,
  restoreByPhrases,
  type SyllableContext,
  tokenize,
  type Token,
} from "./restoreByPhrases";
import { STREET_NAMES } from "./streetNames";
import { PROVINCE_ALIASES, PROVINCES_2025 } from "./vietnamProvinces";

/** The places of the configuration: the city's units (with their hamlets and streets) and the city. */
export interface ConfiguredPlaces {
  readonly units: readonly Unit[];
  readonly city: City;
}

export interface RestoredAddress {
  /** The address with its diacritics, capitals and commas: "Số 12 đường Nguyễn Huệ, khóm 3, phường An Thạnh". */
  readonly address: string;
  /** Share of the probability among the spellings considered, in (0, 1]; the list is sorted by it. */
  readonly score: number;
}

type NameKind = "streetName" | "hamletName" | "wardName" | "communeName" | "regionName" | "provinceName";

const KEYWORDS: ReadonlySet<string> = new Set([...Object.keys(ADDRESS_WORDS), "commune"]);
const NAMES: ReadonlySet<string> = new Set([
  "streetName",
  "hamletName",
  "wardName",
  "communeName",
  "regionName",
  "provinceName",
]);
const SYLLABLES: ReadonlySet<string> = new Set(["syllable", "unknown"]);
/** Address words that begin a new part of the address, and take a comma before them. */
const SEGMENT_WORDS: ReadonlySet<string> = new Set(["alley", "street", "hamlet", "ward", "commune", "region"]);

type KeywordKind = AddressWordKind | "commune";

/**
 * What usually follows each address word: "số" a number, "đường" a street name, "phường" a ward's
 * name or number… Anything else after a keyword is possible but rare (the floor), so that "Ngô
 * Quyền" after "đường" is read as a street, not as "ngõ" + "Quyền".
 */
const AFTER_KEYWORD: Readonly<Record<KeywordKind, Readonly<Record<string, number>>>> = {
  house: { number: 1 },
  alley: { number: 1, house: 0.5, syllable: 0.3, streetName: 0.3, hamletName: 0.3 },
  street: {
    streetName: 1,
    syllable: 0.6,
    number: 0.6,
    house: 0.3,
    regionName: 0.3,
    wardName: 0.3,
    communeName: 0.3,
    provinceName: 0.2,
    hamletName: 0.2,
  },
  hamlet: {
    number: 1,
    hamletName: 1,
    syllable: 0.6,
    house: 0.3,
    wardName: 0.3,
    communeName: 0.3,
    regionName: 0.3,
    streetName: 0.2,
    provinceName: 0.1,
  },
  // "phường" is followed by a ward's name or number, "xã" and "thị trấn" by a commune's: "xã Mỹ Thọ", "phường Mỹ Tho".
  ward: {
    wardName: 1,
    number: 1,
    syllable: 0.5,
    regionName: 0.4,
    communeName: 0.3,
    hamletName: 0.05,
    streetName: 0.1,
    provinceName: 0.1,
  },
  commune: {
    communeName: 1,
    number: 0.3,
    syllable: 0.5,
    regionName: 0.4,
    wardName: 0.3,
    hamletName: 0.05,
    streetName: 0.1,
    provinceName: 0.1,
  },
  region: {
    regionName: 1,
    provinceName: 1,
    number: 0.7,
    wardName: 0.5,
    communeName: 0.5,
    syllable: 0.5,
    streetName: 0.1,
  },
  place: {
    streetName: 1,
    hamletName: 1,
    wardName: 1,
    communeName: 1,
    regionName: 1,
    provinceName: 1,
    ward: 0.8,
    commune: 0.8,
    region: 0.8,
    syllable: 0.6,
    place: 0.5,
    number: 0.3,
    word: 0.3,
  },
  word: {
    syllable: 0.5,
    streetName: 0.5,
    wardName: 0.5,
    communeName: 0.5,
    regionName: 0.5,
    provinceName: 0.5,
    hamletName: 0.5,
  },
};
const RARE = 0.02;

function group(kind: string): "keyword" | "name" | "syllable" | "number" | "end" {
  if (kind === "end") return "end";
  if (kind === "number") return "number";
  if (KEYWORDS.has(kind)) return "keyword";
  if (NAMES.has(kind)) return "name";
  return "syllable";
}

const addressGrammar: Grammar = (previous, next) => {
  const nextGroup = group(next);
  if (previous === null || previous === "sep") {
    if (nextGroup === "end") return 1;
    if (nextGroup === "keyword" || nextGroup === "number") return 1;
    if (next === "provinceName" || next === "regionName" || next === "wardName" || next === "communeName")
      return previous === "sep" ? 0.8 : 0.5;
    return nextGroup === "name" ? 0.5 : 0.2;
  }
  if (next === "punct") return KEYWORDS.has(previous ?? "") ? 0.05 : 1;
  if (KEYWORDS.has(previous)) {
    if (nextGroup === "end") return previous === "place" ? 0.2 : RARE;
    return AFTER_KEYWORD[previous as KeywordKind][next] ?? (next === "unknown" ? 0.3 : RARE);
  }
  const after = group(previous);
  if (nextGroup === "end") return 1;
  if (nextGroup === "keyword") return next === "house" ? 0.1 : 1;
  if (after === "number") {
    if (nextGroup === "number") return 0.05;
    return next === "streetName" ? 0.8 : 0.3;
  }
  if (after === "name") {
    if (next === "provinceName") return 0.6;
    if (next === "regionName") return 0.5;
    if (nextGroup === "number") return 0.4;
    return nextGroup === "syllable" ? 0.05 : 0.1;
  }
  // After a syllable: the rest of a name the lexicons do not hold as a phrase.
  if (nextGroup === "syllable") return 1;
  return nextGroup === "number" ? 0.5 : 0.2;
};

// Streets and alleys are named after people; hamlets, communes and districts after places.
const addressContext: SyllableContext = (kind) => {
  if (kind === "street" || kind === "alley") return "person";
  if (KEYWORDS.has(kind)) return "place";
  return undefined;
};

/** "Ấp Tân Bình" → the hamlet's name "Tân Bình"; "Khóm 1" → nothing to add (a number). */
function withoutLeadingWord(place: string, words: readonly string[]): string {
  const folded = foldDiacritics(place);
  const word = [...words].sort((a, b) => b.length - a.length).find((w) => folded.startsWith(`${foldDiacritics(w)} `));
  return word ? place.slice(word.length).trim() : place;
}

function phrase(written: string, kind: string, weight: number): Phrase | null {
  const tokens = tokenize(written);
  if (tokens.length === 0 || tokens.every((t) => t.kind === "number")) return null;
  return { fold: tokens.map((t) => t.fold), written: tokens.map((t) => t.text), kind, weight };
}

function addressPhrases({ units, city }: ConfiguredPlaces): Phrase[] {
  const phrases: (Phrase | null)[] = [];
  // Connecting words ("gần", "chợ") are rarer than the words that build an address.
  for (const [kind, words] of Object.entries(ADDRESS_WORDS))
    for (const w of words) {
      const commune = kind === "ward" && (w === "xã" || w === "thị trấn");
      phrases.push(phrase(w, commune ? "commune" : kind, kind === "word" ? 0.1 : 1));
    }
  const names = (list: readonly string[], kind: NameKind, weight: number) => {
    for (const name of list) phrases.push(phrase(name, kind, weight));
  };
  // "p 13" and "p.13" alike; the full stop goes with the abbreviation it ends.
  for (const [abbreviation, { written, kind }] of Object.entries(ADDRESS_ABBREVIATIONS)) {
    phrases.push({ fold: [abbreviation], written: [written], kind, weight: 0.5 });
    phrases.push({ fold: [abbreviation, "."], written: [written, ""], kind, weight: 0.5 });
  }
  phrases.push({ fold: ["hcm"], written: ["Hồ Chí Minh"], kind: "provinceName", weight: 0.5 });
  for (const u of units)
    names([withoutLeadingWord(u.nameVi, ADDRESS_WORDS.ward)], u.kind === "xa" ? "communeName" : "wardName", 1);
  names(
    units.flatMap((u) => (u.hamlets ?? []).map((h) => withoutLeadingWord(h, ADDRESS_WORDS.hamlet))),
    "hamletName",
    0.8,
  );
  names(
    units.flatMap((u) => (u.streets ?? []).map((s) => withoutLeadingWord(s, ADDRESS_WORDS.street))),
    "streetName",
    1,
  );
  for (const u of city.provinceUnits ?? []) {
    names([u.name], u.kind === "xa" ? "communeName" : "wardName", 0.8);
    for (const former of u.formerly ?? [])
      names([withoutLeadingWord(former, ADDRESS_WORDS.ward)], /^xã /i.test(former) ? "communeName" : "wardName", 0.8);
  }
  names([city.name, ...REGION_NAMES], "regionName", 0.6);
  names([city.province], "provinceName", 1);
  names(
    PROVINCES_2025.map((p) => p.name),
    "provinceName",
    0.8,
  );
  names([...PROVINCES_2025.flatMap((p) => p.formerly), ...PROVINCE_ALIASES], "provinceName", 0.5);
  names(STREET_NAMES, "streetName", 0.6);
  // One phrase per written form and kind: the same street in several units weighs once, at its highest.
  const best = new Map<string, Phrase>();
  for (const p of phrases) {
    if (!p) continue;
    const key = `${p.kind}|${p.fold.join(" ")}|${p.written.join(" ")}`;
    if ((best.get(key)?.weight ?? 0) < p.weight) best.set(key, p);
  }
  return [...best.values()];
}

const indexes = new WeakMap<City, WeakMap<readonly Unit[], PhraseIndex>>();

function addressIndex(places: ConfiguredPlaces): PhraseIndex {
  let byUnits = indexes.get(places.city);
  if (!byUnits) {
    byUnits = new WeakMap();
    indexes.set(places.city, byUnits);
  }
  let index = byUnits.get(places.units);
  if (!index) {
    index = indexPhrases(addressPhrases(places));
    byUnits.set(places.units, index);
  }
  return index;
}

/** Whether a comma goes before the piece at `i`, for an address typed without any. */
function takesComma(pieces: readonly Piece[], i: number): boolean {
  const piece = pieces[i]!;
  const previous = pieces[i - 1];
  if (!previous || previous.kind === "punct" || KEYWORDS.has(previous.kind)) return false;
  // A place named without its word after another name: "ấp Tân Bình, Tân Hội, Hồng Ngự, Đồng Tháp".
  const placeName = ["provinceName", "regionName", "wardName", "communeName"].includes(piece.kind);
  const startsPart =
    SEGMENT_WORDS.has(piece.kind) ||
    (placeName &&
      previous.kind !== "number" &&
      (NAMES.has(previous.kind) || piece.kind === "provinceName" || piece.kind === "regionName"));
  if (!startsPart) return false;
  // "Số 12 đường…", "Số 14 hẻm 2…", "12 Nguyễn Huệ": the house number leads into what follows it.
  if (previous.kind === "number") {
    const before = pieces[i - 2];
    return !(
      before === undefined ||
      before.kind === "punct" ||
      (before.kind === "house" && isPartStart(pieces, i - 2))
    );
  }
  return true;
}

function isPartStart(pieces: readonly Piece[], i: number): boolean {
  const before = pieces[i - 1];
  return before === undefined || before.kind === "punct";
}

/** Writes a reading out: spaces as typed, the citizen's capitals kept, the first letter capitalised. */
function render(tokens: readonly Token[], pieces: readonly Piece[], keepCapitals: boolean, addCommas: boolean): string {
  let out = "";
  let spaceNext = false;
  pieces.forEach((piece, i) => {
    const comma = addCommas && takesComma(pieces, i);
    if (comma) out += ",";
    piece.written.forEach((written, k) => {
      // The full stop of an abbreviation written out ("p." → "phường").
      if (written === "") return;
      const token = tokens[piece.start + k]!;
      const typedCapital = keepCapitals && /^\p{Lu}/u.test(token.text);
      let word = typedCapital ? capitalise(written) : written;
      if (out === "") word = word.charAt(0).toUpperCase() + word.slice(1);
      const spaced = token.space !== "" || (k === 0 && (comma || (spaceNext && piece.kind !== "punct")));
      out += out === "" ? word : (spaced ? " " : "") + word;
    });
    spaceNext = KEYWORDS.has(piece.kind);
  });
  return out;
}

/**
 * Proposes the spelling of an address typed without diacritics, for the citizen to confirm: "so 12
 * duong nguyen hue khom 3 phuong an thanh" → "Số 12 đường Nguyễn Huệ, khóm 3, phường An Thạnh".
 * The address is read as a sequence of address words (số, đường, hẻm, khóm, ấp, phường, xã,
 * huyện, tỉnh…) and names: the configured city's wards, hamlets and streets first, then the
 * province's units since 2025, Vietnam's provinces (new and former), districts and cities, and
 * streets named after famous people and dates; other syllables through the personal-name
 * lexicon. Each word follows the one before as addresses do ("đường" is followed by a street,
 * "số" by a number), which settles "ngõ" against "Ngô" and "đường" against "Dương". A comma is
 * put between the parts of an address typed without any.
 *
 * Returns nothing for an address typed with any diacritic: it is taken as typed. Never apply the
 * result silently: it is a proposal, the citizen confirms one or keeps their own.
 *
 * @example restoreAddressDiacritics("so 12 duong nguyen hue khom 3 phuong an thanh", places).candidates[0].address
 * // "Số 12 đường Nguyễn Huệ, khóm 3, phường An Thạnh"
 */
export function restoreAddressDiacritics(
  typed: string,
  places: ConfiguredPlaces,
  limit = 3,
): { candidates: RestoredAddress[] } {
  const text = typed.normalize("NFC").trim().replace(/\s+/g, " ");
  if (limit <= 0 || text === "" || foldDiacritics(text) !== text.toLowerCase()) return { candidates: [] };
  const tokens = tokenize(text);
  const letters = text.replace(/[^\p{L}]/gu, "");
  const keepCapitals = letters !== letters.toUpperCase() && letters !== letters.toLowerCase();
  const addCommas = !/[,;]/.test(text);
  const readings = restoreByPhrases(tokens, addressIndex(places), addressGrammar, addressContext, limit);
  const scored = new Map<string, number>();
  for (const reading of readings) {
    const address = render(tokens, reading.pieces, keepCapitals, addCommas);
    scored.set(address, (scored.get(address) ?? 0) + reading.score);
  }
  const candidates = [...scored]
    .map(([address, score]) => ({ address, score }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
  return { candidates };
}
