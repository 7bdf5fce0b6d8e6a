// Typed with the Telex keys while the Vietnamese keyboard was off: "dang kys", "ddawng".
// English shares the vowel pairs ("how", "need", "book"), so a pair only counts when what is
// left is a whole syllable, never a two-letter one like "ho", unless the pair is one no
// English word holds ("tuw" is "tư", "ddi" is "đi") or a tone key follows it ("hooj" is "hộ").
const TELEX = /dd|aa|aw|ee|oo|ow|uw|[fsrxj]$/;
const TELEX_VOWEL_PAIR = /dd|aa|aw|ee|oo|ow|uw/;
const NOT_ENGLISH_PAIR = /dd|uw/;

/**
 * A folded word without the Telex keys left in it; the word itself when it holds none. After a
 * word typed in Telex, a short one is Telex too ("camr own" is "cảm ơn").
 *
 * @example untelex("ddawng") // "dang"
 * @example untelex("kys") // "ky"
 */
export function untelex(word: string, afterTelex = false): string {
  if (!TELEX.test(word)) return word;
  const bare = word.replace(/[fsrxj]$/, "");
  if (!TELEX_VOWEL_PAIR.test(bare)) return bare;
  const untyped = bare
    .replace(/dd/g, "d")
    .replace(/aa|aw/g, "a")
    .replace(/ee/g, "e")
    .replace(/oo|ow/g, "o")
    .replace(/uw/g, "u");
  // A tone key and a vowel pair together are Telex however short the syllable: "hooj" is "hộ".
  const toned = bare !== word;
  const sure = toned || afterTelex || NOT_ENGLISH_PAIR.test(bare);
  return untyped.length >= 3 || (untyped.length === 2 && sure) ? untyped : bare;
}
