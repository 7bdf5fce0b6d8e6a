import {
  HUMAN_KEYWORDS,
  INTENT_KEYWORDS,
  STATUS_LOOKUP_KEYWORDS,
  type IntentKeyword,
} from "../../../flows/intentPhrases";
import { editDistance } from "./editDistance";
import { foldDiacritics } from "./foldDiacritics";
import { MAX_INPUT_LENGTH, normalizeInput } from "./normalizeInput";
import { RECEIPT_SUFFIX_PATTERN } from "./receiptSuffix";

/**
 * What a citizen's message asks for.
 *
 * - `procedure`: candidates best first (at most 3); `score` is the evidence found, where 4 is
 *   about one phrase naming the procedure outright. `confident` means the best one can be
 *   started directly; otherwise offer the candidates as choices.
 * - `statusLookup`: where a dossier already filed has got to; `code` is the receipt code
 *   found in the text, upper-cased.
 * - `human`: the citizen asks for a clerk.
 * - `none`: nothing recognised.
 */
export type IntentMatch =
  | { kind: "procedure"; candidates: { procedureId: string; score: number }[]; confident: boolean }
  | { kind: "statusLookup"; code?: string }
  | { kind: "human" }
  | { kind: "none" };

// ---------------------------------------------------------------------------------------
// Words

const wordSet = (list: string): ReadonlySet<string> => new Set(list.split(" "));

/**
 * Teen-code and abbreviations, after folding. "hk" is handled apart: it is "không" in most
 * messages and "hộ khẩu" only after a verb that takes a household ("nhập hk", "chuyển hk").
 */
const SHORTHAND: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    ko: "khong", k: "khong", kg: "khong", khg: "khong", hok: "khong", khum: "khong",
    dc: "duoc", dk: "dang ky", dky: "dang ky", dki: "dang ky",
    dkks: "dang ky khai sinh", dkkt: "dang ky khai tu", dkkh: "dang ky ket hon",
    dktt: "dang ky thuong tru", dkkd: "dang ky kinh doanh", dkhkd: "dang ky ho kinh doanh",
    ks: "khai sinh", gks: "giay khai sinh", hkd: "ho kinh doanh", gpkd: "giay phep kinh doanh",
    lltp: "ly lich tu phap", tthn: "tinh trang hon nhan", xntthn: "xac nhan tinh trang hon nhan",
    gxntthn: "giay xac nhan tinh trang hon nhan", gxn: "giay xac nhan", hs: "ho so",
    j: "gi", ntn: "nhu the nao", mik: "minh", mk: "minh", mjk: "minh", mh: "minh",
    bn: "bao nhieu", vk: "vo", ck: "chong", ad: "admin", mn: "moi nguoi", nv: "nhan vien",
    cb: "can bo", r: "roi", ms: "moi", bgio: "bao gio", bjo: "bao gio", bv: "benh vien",
    xkld: "xuat khau lao dong", cty: "cong ty",
    // "kí"/"ký" and "lí"/"lý" are both correct spellings.
    ki: "ky", li: "ly",
  }).map(([short, long]) => [short, long.split(" ")]),
);

const HOUSEHOLD_VERBS = wordSet("nhap chuyen tach cat xoa so lam xin ky vao them co");
const HO_KHAU: readonly string[] = ["ho", "khau"];
const KHONG: readonly string[] = ["khong"];

/**
 * Dropped before matching, so that "talk to a human" and "talk to human", "certificate of
 * single status" and "single status certificate" meet. None of them is a Vietnamese word
 * that the phrases need ("be" and "me" are "bé" and "mẹ", so they stay).
 */
const STOP_WORDS = wordSet("a the my our your his her their of s i is am are");

/**
 * Real words one typo away from a keyword word, never corrected into it: "kết hợp" is not
 * "kết hôn", "carry" is not "marry", "stuff" is not "staff".
 */
const NEVER_CORRECTED = wordSet(
  "hop hom hoc hoi hong cung khac khach nhu nhe nay sau thi thoi tui vay lai len luon mot hai nam " +
    "ngay phi giup biet tren duoi trong ngoai anh chi ben bang cap chu gi nen neu tai theo vi xa xe " +
    "chon choi bac kem sai sach sang thang truong carry merry stuff truck trick stars ship statue " +
    "states depth berth",
);

// Southern speech merges these sounds, and people spell as they speak ("thường chú").
function dialectKey(word: string): string {
  return word
    .replace(/^tr/, "ch")
    .replace(/^s/, "x")
    .replace(/^(gi|v|r)/, "d")
    .replace(/ng$/, "n")
    .replace(/c$/, "t");
}

// English inflections ("marrying", "registered", "copies"): no Vietnamese syllable ends in
// -ing, -ed or -s, so stripping them cannot damage a Vietnamese word.
const ENGLISH_SUFFIXES: readonly [RegExp, string][] = [
  [/ies$/, "y"],
  [/ied$/, "y"],
  [/ing$/, ""],
  [/ing$/, "e"],
  [/ed$/, ""],
  [/d$/, ""],
  [/es$/, ""],
  [/s$/, ""],
];

function englishStem(word: string): string | undefined {
  for (const [suffix, replacement] of ENGLISH_SUFFIXES) {
    const stem = word.replace(suffix, replacement);
    if (stem !== word && stem.length >= 3 && VOCABULARY.has(stem)) return stem;
  }
  return undefined;
}

// Typed with the Telex keys while the Vietnamese keyboard was off: "dang kys", "ddawng".
// English shares the vowel pairs ("how", "need", "book"), so a pair only counts when what is
// left is a whole syllable, never a two-letter one like "ho".
const TELEX = /dd|aa|aw|ee|oo|ow|uw|[fsrxj]$/;
const TELEX_VOWEL_PAIR = /dd|aa|aw|ee|oo|ow|uw/;

function untelex(word: string): string {
  const bare = word.replace(/[fsrxj]$/, "");
  if (!TELEX_VOWEL_PAIR.test(bare)) return bare;
  const untyped = bare
    .replace(/dd/g, "d")
    .replace(/aa|aw/g, "a")
    .replace(/ee/g, "e")
    .replace(/oo|ow/g, "o")
    .replace(/uw/g, "u");
  return untyped.length >= 3 ? untyped : bare;
}

// ---------------------------------------------------------------------------------------
// Index, built once at load

const PROCEDURE_IDS = Object.keys(INTENT_KEYWORDS);
const STATUS = PROCEDURE_IDS.length;
const HUMAN = STATUS + 1;
const TARGETS = HUMAN + 1;
const BIRTH = PROCEDURE_IDS.indexOf("dang-ky-khai-sinh");
const DEATH = PROCEDURE_IDS.indexOf("dang-ky-khai-tu");
const COPY = PROCEDURE_IDS.indexOf("chung-thuc-ban-sao-tu-ban-chinh");

/** Where a hit came from: repeating the same phrase adds nothing. */
interface Source {
  readonly target: number;
  readonly weight: number;
}

interface Phrase extends Source {
  readonly words: readonly string[];
  readonly document: boolean;
  /** Starts with a filing verb, so "… rồi" after it means the procedure is already done. */
  readonly filing: boolean;
}

const FILING_VERBS = wordSet("dang lam nhap chuyen tach xin register");

function phraseWords(phrase: string): string[] {
  const words: string[] = [];
  for (const raw of foldDiacritics(phrase).split(/[^a-z0-9]+/)) {
    if (!raw) continue;
    for (const word of SHORTHAND.get(raw) ?? [raw]) if (!STOP_WORDS.has(word)) words.push(word);
  }
  return words;
}

const PHRASES_BY_FIRST_WORD = new Map<string, Phrase[]>();
const VOCABULARY = new Set<string>();

function indexKeywords(keywords: readonly IntentKeyword[], target: number): void {
  for (const keyword of keywords) {
    const words = phraseWords(keyword.phrase);
    const first = words[0];
    if (first === undefined) continue;
    const document = keyword.document === true;
    const filing = document || FILING_VERBS.has(first);
    const phrase: Phrase = { words, target, weight: keyword.weight, document, filing };
    const list = PHRASES_BY_FIRST_WORD.get(first) ?? [];
    list.push(phrase);
    PHRASES_BY_FIRST_WORD.set(first, list);
    for (const word of words) VOCABULARY.add(word);
  }
}

PROCEDURE_IDS.forEach((id, target) => indexKeywords(INTENT_KEYWORDS[id] ?? [], target));
indexKeywords(STATUS_LOOKUP_KEYWORDS, STATUS);
indexKeywords(HUMAN_KEYWORDS, HUMAN);

// Symmetric-delete index: a typo within one edit of a keyword word shares a one-deletion
// variant with it, so candidates come from a few map lookups instead of a scan.
const BY_DELETION = new Map<string, string[]>();
const BY_DIALECT = new Map<string, string[]>();

function addTo(map: Map<string, string[]>, key: string, word: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [word]);
  else if (!list.includes(word)) list.push(word);
}

function deletionVariants(word: string): string[] {
  const variants = [word];
  for (let i = 0; i < word.length; i++) variants.push(word.slice(0, i) + word.slice(i + 1));
  return variants;
}

for (const word of VOCABULARY) {
  if (word.length < 3 || /\d/.test(word)) continue;
  for (const variant of deletionVariants(word)) addTo(BY_DELETION, variant, word);
  const key = dialectKey(word);
  if (key !== word) addTo(BY_DIALECT, key, word);
}

// Messages repeat the same few hundred words; both caches are emptied when full so that a
// flood of random input cannot grow them without bound.
const CACHE_LIMIT = 20_000;
const canonicalCache = new Map<string, readonly string[]>();
const correctionCache = new Map<string, readonly string[]>();

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** Splits run-together syllables ("khaisinh", "dangky", "hokhau") into keyword words. */
function splitJoined(word: string): string[] | undefined {
  const n = word.length;
  const best: (string[] | undefined)[] = [[]];
  for (let end = 2; end <= n; end++) {
    for (let start = Math.max(0, end - 8); start <= end - 2; start++) {
      const before = best[start];
      const piece = word.slice(start, end);
      if (before && VOCABULARY.has(piece) && (!best[end] || best[end]!.length > before.length + 1)) {
        best[end] = [...before, piece];
      }
    }
  }
  const split = best[n];
  return split && split.length > 1 ? split : undefined;
}

/** The keyword words a typed word stands for: itself, its expansion, or its repair. */
function canonical(word: string): readonly string[] {
  const cached = canonicalCache.get(word);
  if (cached) return cached;
  let result: readonly string[] = [word];
  const short = SHORTHAND.get(word);
  if (short) result = short;
  else if (!VOCABULARY.has(word) && /^[a-z]+$/.test(word)) {
    const untyped = TELEX.test(word) ? untelex(word) : word;
    const stem = VOCABULARY.has(untyped) ? untyped : englishStem(word);
    if (stem) result = [stem];
    else if (word.length >= 5) result = splitJoined(word) ?? result;
  }
  return remember(canonicalCache, word, result);
}

const NO_WORDS: readonly string[] = [];

/** Keyword words that an unknown word may be a typo or a dialect spelling of. */
function corrections(word: string): readonly string[] {
  const cached = correctionCache.get(word);
  if (cached) return cached;
  const found: string[] = [];
  if (word.length >= 3 && /^[a-z]+$/.test(word)) {
    if (!NEVER_CORRECTED.has(word)) {
      const max = word.length >= 8 ? 2 : 1;
      for (const variant of deletionVariants(word)) {
        for (const candidate of BY_DELETION.get(variant) ?? NO_WORDS) {
          if (!found.includes(candidate) && editDistance(word, candidate, max) <= max) found.push(candidate);
        }
      }
    }
    for (const candidate of BY_DIALECT.get(dialectKey(word)) ?? NO_WORDS) {
      if (!found.includes(candidate)) found.push(candidate);
    }
  }
  return remember(correctionCache, word, found.length > 0 ? found : NO_WORDS);
}

// ---------------------------------------------------------------------------------------
// Tokens

interface Tokens {
  readonly words: string[];
  /** For each word, the index of the first word of its sentence and the index after its last. */
  readonly sentenceStart: number[];
  readonly sentenceEnd: number[];
}

function tokenize(folded: string): Tokens {
  const words: string[] = [];
  const sentenceStart: number[] = [];
  const sentenceEnd: number[] = [];
  for (const sentence of folded.split(/[.?!;]+/)) {
    const start = words.length;
    for (const raw of sentence.split(/[^a-z0-9]+/)) {
      if (!raw) continue;
      const afterHouseholdVerb = HOUSEHOLD_VERBS.has(words[words.length - 1] ?? "");
      const expanded = raw === "hk" ? (afterHouseholdVerb ? HO_KHAU : KHONG) : canonical(raw);
      for (const word of expanded) {
        if (STOP_WORDS.has(word)) continue;
        words.push(word);
        sentenceStart.push(start);
      }
    }
    for (let k = start; k < words.length; k++) sentenceEnd.push(words.length);
  }
  return { words, sentenceStart, sentenceEnd };
}

// ---------------------------------------------------------------------------------------
// Finding phrases

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly source: Source;
  readonly weight: number;
  readonly document: boolean;
  readonly filing: boolean;
}

/** How many words of the phrase at `start` are typos, or -1 when it is not there. */
function typosInPhrase(tokens: Tokens, phrase: Phrase, start: number, firstIsTypo: boolean): number {
  const { words, sentenceEnd } = tokens;
  const length = phrase.words.length;
  if (start + length > sentenceEnd[start]!) return -1;
  let typos = firstIsTypo ? 1 : 0;
  for (let k = 1; k < length; k++) {
    const word = words[start + k]!;
    const wanted = phrase.words[k]!;
    if (word === wanted) continue;
    if (VOCABULARY.has(word) || !corrections(word).includes(wanted)) return -1;
    typos++;
  }
  // A typo is trusted only next to words typed right: "khai sihn" yes, a lone "sihn" no.
  const allowed = length === 1 ? (phrase.words[0]!.length >= 5 ? 1 : 0) : length >= 4 ? 2 : 1;
  return typos <= allowed ? typos : -1;
}

// A relative followed by "mất" died ("ba tôi mới mất"), but "mất" before a thing is "lost"
// or "takes" ("mất giấy khai sinh", "mất bao lâu"). A child or a wife followed by "sinh" was
// born or gave birth ("con tôi sinh được 20 ngày"), unless it is "sinh viên", "sinh nhật"…
interface KinEvent extends Source {
  readonly kin: ReadonlySet<string>;
  readonly notBefore: ReadonlySet<string>;
}

const DIED: KinEvent = {
  target: DEATH,
  weight: 3,
  kin: wordSet("ong ba bo me ma cha chong vo noi ngoai co chu bac di cau thim mo anh chi em con chau nguoi"),
  notBefore: wordSet(
    "giay so ban cccd cmnd can the vi ho tien phi bao may nhieu thoi het xe dien ngay lau cong khoang chung",
  ),
};
const BORN: KinEvent = {
  target: BIRTH,
  weight: 2.5,
  kin: wordSet("con be chau vo em"),
  // "em sinh năm 1995" gives an adult's year of birth; babies are dated by the day.
  notBefore: wordSet("vien nhat hoat song thai ly hoc nam"),
};
const KIN_EVENTS: ReadonlyMap<string, KinEvent> = new Map([
  ["mat", DIED],
  ["sinh", BORN],
  ["sanh", BORN],
]);

function findHits(tokens: Tokens): Hit[] {
  const { words, sentenceStart } = tokens;
  const found: Hit[] = [];
  const tryPhrases = (head: string, i: number, headIsTypo: boolean): void => {
    const phrases = PHRASES_BY_FIRST_WORD.get(head);
    if (!phrases) return;
    for (const phrase of phrases) {
      const typos = typosInPhrase(tokens, phrase, i, headIsTypo);
      if (typos < 0) continue;
      const end = i + phrase.words.length;
      if (KIN_EVENTS.get(phrase.words[phrase.words.length - 1]!)?.notBefore.has(words[end] ?? "")) continue;
      const weight = phrase.weight * 0.85 ** typos;
      found.push({ start: i, end, source: phrase, weight, document: phrase.document, filing: phrase.filing });
    }
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (VOCABULARY.has(word)) tryPhrases(word, i, false);
    else for (const head of corrections(word)) tryPhrases(head, i, true);

    const kinEvent = KIN_EVENTS.get(word);
    if (kinEvent && !kinEvent.notBefore.has(words[i + 1] ?? "")) {
      for (let k = i - 1; k >= Math.max(sentenceStart[i]!, i - 3); k--) {
        if (!kinEvent.kin.has(words[k]!)) continue;
        found.push({ start: k, end: i + 1, source: kinEvent, weight: kinEvent.weight, document: false, filing: false });
        break;
      }
    }
  }
  // Longest first: "xác nhận tình trạng hôn nhân" takes its words away from "hôn nhân".
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || b.weight - a.weight || a.start - b.start);
  const taken = new Uint8Array(words.length);
  const hits: Hit[] = [];
  for (const hit of found) {
    let free = true;
    for (let k = hit.start; k < hit.end && free; k++) free = taken[k] === 0;
    if (!free) continue;
    taken.fill(1, hit.start, hit.end);
    hits.push(hit);
  }
  return hits.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------
// Reading the phrases in context

const WANT_BEFORE_ENGLISH_TO = wordSet(
  "want need like how have has had going trying try able wish plan planning hope wanna would d ll where",
);
const ENGLISH_PURPOSE_VERBS = wordSet("get marry apply use work submit travel study register");
// "để" shares its folded form with "đề" (đề nghị), "dễ" (easy) and "vấn đề".
const NOT_PURPOSE_AFTER_DE = wordSet("nghi xuat cap an tai muc");
const NOT_PURPOSE_BEFORE_DE = wordSet("van chu tieu khong rat qua de hon");
const WANT_WORDS = wordSet("muon xin want need wanna how dinh");
// "cần" folds like "cán" (cán bộ) and "căn" (căn cước).
const NOT_WANT_AFTER_CAN = wordSet("bo cuoc ho");

/** Where a purpose clause starts ("để kết hôn", "for my visa"), or -1 when `i` opens none. */
function purposeClauseStart(words: readonly string[], i: number): number {
  const word = words[i]!;
  const next = words[i + 1] ?? "";
  const previous = words[i - 1] ?? "";
  if (word === "de") return NOT_PURPOSE_AFTER_DE.has(next) || NOT_PURPOSE_BEFORE_DE.has(previous) ? -1 : i + 1;
  if ((word === "cho" && next === "viec") || (word === "phuc" && next === "vu") || (word === "dung" && next === "de")) {
    return i + 2;
  }
  if (word === "for") return i + 1;
  if (word === "to" && ENGLISH_PURPOSE_VERBS.has(next) && !WANT_BEFORE_ENGLISH_TO.has(previous)) return i + 1;
  return -1;
}

function isWantMarker(words: readonly string[], i: number): boolean {
  const word = words[i]!;
  if (word === "can") return !NOT_WANT_AFTER_CAN.has(words[i + 1] ?? "");
  return WANT_WORDS.has(word) || (word === "thu" && words[i + 1] === "tuc");
}

interface Context {
  /** Per word: how much a phrase starting there counts (purpose clauses, negation, side questions). */
  readonly damping: Float64Array;
  /** Per word: the position of the last "want" word at or before it in its sentence, or -1. */
  readonly lastWant: Int32Array;
}

const PURPOSE = Math.log(0.35);
const NEGATED = Math.log(0.25);
const SIDE_QUESTION = Math.log(0.6);

function readContext(tokens: Tokens): Context {
  const { words, sentenceStart, sentenceEnd } = tokens;
  const n = words.length;
  // Scopes overlap and run to the end of a sentence, so they are summed as logarithms in a
  // difference array: linear in the length of the message however many markers it holds.
  const logDamping = new Float64Array(n + 1);
  const scope = (from: number, to: number, logFactor: number): void => {
    if (from >= to) return;
    logDamping[from]! += logFactor;
    logDamping[to]! -= logFactor;
  };
  const nextThi = new Int32Array(n + 1).fill(n);
  for (let i = n - 1; i >= 0; i--) nextThi[i] = words[i] === "thi" ? i : nextThi[i + 1]!;

  const lastWant = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const word = words[i]!;
    const end = sentenceEnd[i]!;
    const previousWant = i > sentenceStart[i]! ? lastWant[i - 1]! : -1;
    lastWant[i] = isWantMarker(words, i) ? i : previousWant;

    const purpose = purposeClauseStart(words, i);
    // "Để đăng ký kết hôn thì cần gì?" puts the goal first, as the topic: it is what is asked.
    if (purpose > 0 && i !== sentenceStart[i] && nextThi[purpose]! >= end) scope(purpose, end, PURPOSE);
    if ((word === "khong" && words[i + 1] === "phai") || word === "not") {
      const from = word === "not" ? i + 1 : i + 2;
      scope(from, Math.min(from + 4, end), NEGATED);
    }
    // "có cần / có phải … không": asks whether something else is needed on the way.
    if (word === "co" && (words[i + 1] === "can" || words[i + 1] === "phai")) {
      for (let k = i + 2; k < end; k++) {
        if (words[k] !== "khong" && words[k] !== "chua") continue;
        scope(i + 2, k, SIDE_QUESTION);
        break;
      }
    }
  }
  const damping = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += logDamping[i]!;
    damping[i] = Math.exp(sum);
  }
  return { damping, lastWant };
}

const ACTION_BEFORE_PAPER = wordSet("lam xin cap ky get obtain");
const PAPER_NOUNS = wordSet("giay so ban phieu");

/** "đã đăng ký kết hôn rồi", "có giấy chứng sinh rồi": done already, so not what is asked. */
function isAlreadyDone(tokens: Tokens, hit: Hit, from: number): boolean {
  const { words, sentenceStart, sentenceEnd } = tokens;
  for (let k = hit.end; k < Math.min(hit.end + 3, sentenceEnd[hit.start]!); k++) {
    if (words[k] === "roi" || words[k] === "xong") return true;
  }
  // A sentence-initial "da" is as often the polite "dạ" as "đã".
  for (let k = from - 1; k >= Math.max(from - 2, sentenceStart[hit.start]! + 1); k--) {
    if (words[k] === "da") return true;
  }
  return false;
}

/** The weight of each hit once its context is read. */
function weighHits(tokens: Tokens, hits: readonly Hit[]): number[] {
  const { words } = tokens;
  const { damping, lastWant } = readContext(tokens);
  const asksForCopy = hits.some((hit) => hit.source.target === COPY && hit.weight >= 1.5);
  return hits.map((hit) => {
    let weight = hit.weight * damping[hit.start]!;
    const target = hit.source.target;
    if (target >= STATUS) return weight;

    // "giấy khai sinh cho con" names the paper even when the phrase matched is the action.
    const paperStart = PAPER_NOUNS.has(words[hit.start - 1] ?? "") ? hit.start - 1 : hit.start;
    const isPaper = hit.document || paperStart < hit.start;
    const byAction = ACTION_BEFORE_PAPER.has(words[paperStart - 1] ?? "");
    if (isPaper && target !== COPY) {
      if (asksForCopy && !byAction) weight *= 0.3;
      else if (byAction) weight *= 1.15;
    }
    const want = lastWant[hit.start]!;
    if (want >= 0 && hit.start - want <= 6) weight *= 1.2;
    if ((hit.filing || isPaper) && target !== DEATH && isAlreadyDone(tokens, hit, paperStart)) weight *= 0.6;
    return weight;
  });
}

/**
 * The evidence for each target. A procedure is named once, and naming it again in other
 * words adds a little; a status lookup is said in pieces ("hồ sơ của tôi" + "tới đâu rồi"),
 * which add up. The same phrase said twice counts once.
 */
function score(hits: readonly Hit[], weights: readonly number[]): Float64Array {
  const byTarget = new Float64Array(TARGETS);
  const rest = new Float64Array(TARGETS);
  const seen = new Set<Source>();
  const order = hits.map((_, i) => i).sort((a, b) => weights[b]! - weights[a]!);
  for (const i of order) {
    const { source } = hits[i]!;
    if (seen.has(source)) continue;
    seen.add(source);
    const target = source.target;
    if (byTarget[target] === 0) byTarget[target] = weights[i]!;
    else rest[target]! += weights[i]!;
  }
  for (let target = 0; target < TARGETS; target++) {
    const best = byTarget[target]!;
    byTarget[target] = best + (target === STATUS ? rest[target]! : Math.min(0.3 * rest[target]!, 0.5 * best));
  }
  // The procedure named first is usually the one meant when two are named with equal force.
  const first = hits.findIndex((hit, i) => hit.source.target < STATUS && weights[i]! >= 1.5);
  if (first >= 0) byTarget[hits[first]!.source.target]! *= 1.1;
  return byTarget;
}

// ---------------------------------------------------------------------------------------
// Deciding

// normalizeInput copies the text code point by code point (16 µs for 250 characters). Without
// invisible or control characters, full-width digits or excess length, that copy could only
// change spacing and the Unicode form, which folding and tokenising ignore anyway.
const NEEDS_NORMALIZING =
  /[\u200B-\u200D\u2060\uFEFF\u00AD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFF10-\uFF19]/;
// The random part may follow a space ("hn-20261127-0042 k7qm"): having no vowel, it is never a word.
const RECEIPT_CODE = new RegExp(`(?<![a-z0-9-])((?:[a-z]{1,6}-){1,2}\\d{8}-\\d{2,6}(?:[-\\s]${RECEIPT_SUFFIX_PATTERN})?)(?![a-z0-9])`, "i");
const RECEIPT_DATE = /\d{8}-/;

/** Evidence at which a procedure is started without asking, and its lead over the next. */
const CONFIDENT_SCORE = 3;
const CONFIDENT_LEAD = 1.75;
const MIN_CANDIDATE_SCORE = 1;

/**
 * Recognises what a citizen's message asks for: one of the eight procedures, a status
 * lookup, a human, or nothing. Works with or without diacritics (NFC or NFD), teen-code
 * ("dk", "ko", "lltp"), typos of one letter, southern spellings ("khai sanh") and English.
 * In a message that names two procedures, the one asked for wins over one named as a purpose
 * ("giấy độc thân để đăng ký kết hôn"), as a paper to copy ("sao y giấy khai sinh") or as
 * already done ("đã đăng ký kết hôn rồi, giờ muốn nhập hộ khẩu").
 *
 * @example
 * matchIntent("toi muon lam giay khai sinh cho con")
 * // { kind: "procedure", candidates: [{ procedureId: "dang-ky-khai-sinh", score: 6.07 }], confident: true }
 * matchIntent("tra cứu hồ sơ hn-20261127-0042-k7qm") // { kind: "statusLookup", code: "HN-20261127-0042-K7QM" }
 * matchIntent("gap can bo") // { kind: "human" }
 */
export function matchIntent(text: string): IntentMatch {
  const prepared = text.length > MAX_INPUT_LENGTH || NEEDS_NORMALIZING.test(text) ? normalizeInput(text) : text;
  const folded = foldDiacritics(prepared);
  // The full pattern looks behind at every position; most messages hold no 8-digit run at all.
  const code = RECEIPT_DATE.test(folded) ? RECEIPT_CODE.exec(folded)?.[1] : undefined;
  if (code) return { kind: "statusLookup", code: code.toUpperCase().replace(/\s+/g, "-") };

  const tokens = tokenize(folded);
  const hits = findHits(tokens);
  const byTarget = score(hits, weighHits(tokens, hits));
  return decide(byTarget);
}

function decide(byTarget: Float64Array): IntentMatch {
  const candidates = PROCEDURE_IDS.map((procedureId, target) => ({ procedureId, score: byTarget[target]! }))
    .filter((c) => c.score >= MIN_CANDIDATE_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((c) => ({ procedureId: c.procedureId, score: Math.round(c.score * 100) / 100 }));
  const best = candidates[0]?.score ?? 0;
  const human = byTarget[HUMAN]!;
  const status = byTarget[STATUS]!;

  if (human >= 3 && human >= 0.75 * best) return { kind: "human" };
  if (status >= 3 && status >= 0.75 * best) return { kind: "statusLookup" };
  if (best > 0) {
    const second = candidates[1]?.score ?? 0;
    return { kind: "procedure", candidates, confident: best >= CONFIDENT_SCORE && best >= CONFIDENT_LEAD * second };
  }
  // Weak signals decide only when no procedure is named: "tra cứu", a bare "nhân viên".
  if (status >= 2) return { kind: "statusLookup" };
  if (human >= 1.5) return { kind: "human" };
  return { kind: "none" };
}
