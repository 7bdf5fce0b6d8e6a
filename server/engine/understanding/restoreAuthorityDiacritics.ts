import type { City } from "../../../flows/units";
import { foldDiacritics } from "./foldDiacritics";
import { AUTHORITY_WORDS, ISSUING_AUTHORITIES } from "./issuingAuthorities";
import { REGION_NAMES } from "./regionNames";
import {
  type Grammar,
  indexPhrases,
  type Phrase,
  type PhraseIndex,
  restoreByPhrases,
  type SyllableContext,
  tokenize,
} from "./restoreByPhrases";
import { PROVINCE_ALIASES, PROVINCES_2025 } from "./vietnamProvinces";

export interface RestoredAuthority {
  /** The authority with its diacritics and capitals: "Cục Cảnh sát quản lý hành chính về trật tự xã hội". */
  readonly authority: string;
  /** Share of the probability among the spellings considered, in (0, 1]; the list is sorted by it. */
  readonly score: number;
}

function phrase(written: string, kind: string, weight: number): Phrase {
  const tokens = tokenize(written);
  return { fold: tokens.map((t) => t.fold), written: tokens.map((t) => t.text), kind, weight };
}

// A known authority whole is likelier than the same words put together; a place name follows
// "tỉnh", "thành phố", "phường"…; a syllable no list knows is rare in an authority's name.
const authorityGrammar: Grammar = (_previous, next) => {
  if (next === "syllable") return 0.3;
  if (next === "unknown") return 0.1;
  return 1;
};
const placeSyllables: SyllableContext = () => "place";

const indexes = new WeakMap<City, PhraseIndex>();

function authorityIndex(city: City): PhraseIndex {
  let index = indexes.get(city);
  if (!index) {
    const places = [
      city.province,
      city.name,
      ...PROVINCES_2025.flatMap((p) => [p.name, ...p.formerly]),
      ...PROVINCE_ALIASES,
      ...REGION_NAMES,
      ...(city.provinceUnits ?? []).map((u) => u.name),
    ];
    index = indexPhrases([
      ...ISSUING_AUTHORITIES.map((a) => phrase(a, "authority", 1)),
      ...AUTHORITY_WORDS.map((w) => phrase(w, "word", 0.2)),
      ...places.map((p) => phrase(p, "place", 0.2)),
      // Each province's police, by its name since 2025 or before: "Công an tỉnh Đồng Tháp".
      ...PROVINCES_2025.flatMap((p) =>
        [p.name, ...p.formerly].map((name) =>
          phrase(
            `Công an ${p.kind === "thanh-pho" && name === p.name ? "thành phố" : "tỉnh"} ${name}`,
            "authority",
            0.8,
          ),
        ),
      ),
    ]);
    indexes.set(city, index);
  }
  return index;
}

/**
 * Proposes the spelling of an issuing authority typed without diacritics ("cuc canh sat quan ly
 * hanh chinh ve trat tu xa hoi", "bo cong an", "cong an tinh dong thap"), from the authorities
 * identity papers name and the provinces' police; other words are restored one by one. Returns
 * nothing for an answer typed with any diacritic. A proposal for the citizen to confirm, never
 * applied silently.
 *
 * @example restoreAuthorityDiacritics("bo cong an", city).candidates[0].authority // "Bộ Công an"
 */
export function restoreAuthorityDiacritics(typed: string, city: City, limit = 3): { candidates: RestoredAuthority[] } {
  const text = typed.normalize("NFC").trim().replace(/\s+/g, " ");
  if (limit <= 0 || text === "" || foldDiacritics(text) !== text.toLowerCase()) return { candidates: [] };
  const tokens = tokenize(text);
  const readings = restoreByPhrases(tokens, authorityIndex(city), authorityGrammar, placeSyllables, limit);
  const scored = new Map<string, number>();
  for (const reading of readings) {
    let authority = "";
    for (const piece of reading.pieces)
      piece.written.forEach((written, k) => {
        const space = tokens[piece.start + k]!.space !== "" ? " " : "";
        authority += authority === "" ? written : space + written;
      });
    authority = authority.charAt(0).toUpperCase() + authority.slice(1);
    scored.set(authority, (scored.get(authority) ?? 0) + reading.score);
  }
  const candidates = [...scored]
    .map(([authority, score]) => ({ authority, score }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
  return { candidates };
}
