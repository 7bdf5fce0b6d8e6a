import {
  HUMAN_KEYWORDS,
  INTENT_KEYWORDS,
  STATUS_LOOKUP_KEYWORDS,
  type IntentKeyword,
} from "../../../flows/intentPhrases";
import { editDistance } from "./editDistance";
import { foldDiacritics } from "./foldDiacritics";
import { normalizeInput } from "./normalizeInput";

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

const HOUSEHOLD_VERBS = new Set(["nhap", "chuyen", "tach", "cat", "xoa", "so", "lam", "xin", "ky", "vao", "them", "co"]);

/**
 * Dropped before matching, so that "talk to a human" and "talk to human", "certificate of
 * single status" and "single status certificate" meet. None of them is a Vietnamese word
 * that the phrases need ("be" and "me" are "bé" and "mẹ", so they stay).
 */
const STOP_WORDS = new Set(["a", "the", "my", "our", "your", "his", "her", "their", "of", "s", "i", "is", "am", "are"]);

/**
 * Real words one typo away from a keyword word, never corrected: "kết hợp" is not "kết hôn",
 * "carry" is not "marry".
 */
const NEVER_CORRECTED = new Set(
  (
    "hop hom hoc hoi hoa hong con cho cua cung khac khach khi nhu nha nhe nay nao roi sau thi thoi " +
    "toi tui voi vay van den dau lai len luon mot hai nam ngay nguoi tien phi bao giup biet tren duoi " +
    "trong ngoai anh chi ben bang cap chu di do gi ma nen neu nhe qua ra tai theo thu tu vi xa xe " +
    "hon chon choi ban bac bao ket kem sai sach sang sinh tinh thanh than thang ten tro truong " +
    "carry merry stuff truck trick hurry story start stars single sing agent human shop ship " +
    "shops staff statue states state death depth birth berth"
  ).split(" "),
);

// Southern speech merges these sounds, and people spell as they speak ("thường chú", "khai sanh").
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
function englishStem(word: string): string | undefined {
  const stems = [
    word.replace(/ies$/, "y"),
    word.replace(/ied$/, "y"),
    word.replace(/ing$/, ""),
    word.replace(/ing$/, "e"),
    word.replace(/ed$/, ""),
    word.replace(/d$/, ""),
    word.replace(/es$/, ""),
    word.replace(/s$/, ""),
  ];
  return stems.find((stem) => stem !== word && stem.length >= 3 && VOCABULARY.has(stem));
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
const BIRTH = PROCEDURE_IDS.indexOf("dang-ky-khai-sinh");
const DEATH = PROCEDURE_IDS.indexOf("dang-ky-khai-tu");
const COPY = PROCEDURE_IDS.indexOf("chung-thuc-ban-sao-tu-ban-chinh");

interface Phrase {
  readonly words: readonly string[];
  readonly target: number;
  readonly weight: number;
  readonly document: boolean;
  /** Starts with a filing verb, so "… rồi" after it means the procedure is already done. */
  readonly filing: boolean;
}

const FILING_VERBS = new Set(["dang", "lam", "nhap", "chuyen", "tach", "xin", "register"]);

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
    const phrase: Phrase = {
      words,
      target,
      weight: keyword.weight,
      document: keyword.document === true,
      filing: keyword.document === true || FILING_VERBS.has(first),
    };
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

// Messages repeat the same few hundred words; both caches are cleared when full so that a
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

function canonical(word: string): readonly string[] {
  const cached = canonicalCache.get(word);
  if (cached) return cached;
  let result: readonly string[] = [word];
  const short = SHORTHAND.get(word);
  if (short) result = short;
  else if (!VOCABULARY.has(word) && /^[a-z]+$/.test(word)) {
    const untyped = TELEX.test(word) ? untelex(word) : word;
    const stem = englishStem(word);
    if (VOCABULARY.has(untyped)) result = [untyped];
    else if (stem) result = [stem];
    else if (word.length >= 5) result = splitJoined(word) ?? result;
  }
  return remember(canonicalCache, word, result);
}

/** Keyword words this unknown word may be a typo of. */
function corrections(word: string): readonly string[] {
  const cached = correctionCache.get(word);
  if (cached) return cached;
  const found: string[] = [];
  if (word.length >= 3 && /^[a-z]+$/.test(word)) {
    if (!NEVER_CORRECTED.has(word)) {
      const max = word.length >= 8 ? 2 : 1;
      for (const variant of deletionVariants(word)) {
        for (const candidate of BY_DELETION.get(variant) ?? []) {
          if (!found.includes(candidate) && editDistance(word, candidate, max) <= max) found.push(candidate);
        }
      }
    }
    for (const candidate of BY_DIALECT.get(dialectKey(word)) ?? []) {
      if (!found.includes(candidate)) found.push(candidate);
    }
  }
  return remember(correctionCache, word, found);
}

// ---------------------------------------------------------------------------------------
// Tokens

interface Tokens {
  readonly words: string[];
  readonly sentence: number[];
  /** Index of the first word of each word's sentence. */
  readonly sentenceStart: number[];
}

function tokenize(text: string): Tokens {
  const tokens: Tokens = { words: [], sentence: [], sentenceStart: [] };
  const sentences = foldDiacritics(text).split(/[.?!;]+/);
  for (let s = 0; s < sentences.length; s++) {
    const start = tokens.words.length;
    for (const raw of sentences[s]!.split(/[^a-z0-9]+/)) {
      if (!raw) continue;
      const previous = tokens.words[tokens.words.length - 1];
      const expanded =
        raw === "hk" ? (previous !== undefined && HOUSEHOLD_VERBS.has(previous) ? ["ho", "khau"] : ["khong"]) : canonical(raw);
      for (const word of expanded) {
        if (STOP_WORDS.has(word)) continue;
        tokens.words.push(word);
        tokens.sentence.push(s);
        tokens.sentenceStart.push(start);
      }
    }
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------
// Finding phrases

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly target: number;
  readonly weight: number;
  readonly document: boolean;
  readonly filing: boolean;
}

function matchesAt(tokens: Tokens, phrase: Phrase, start: number, firstFuzzy: boolean): number | undefined {
  const { words, sentence } = tokens;
  const length = phrase.words.length;
  if (start + length > words.length || sentence[start + length - 1] !== sentence[start]) return undefined;
  let fuzzy = firstFuzzy ? 1 : 0;
  for (let k = 1; k < length; k++) {
    const word = words[start + k]!;
    const wanted = phrase.words[k]!;
    if (word === wanted) continue;
    if (VOCABULARY.has(word) || !corrections(word).includes(wanted)) return undefined;
    fuzzy++;
  }
  // A typo is trusted only next to words typed right: "khai sihn" yes, a lone "sihn" no.
  const allowed = length === 1 ? (phrase.words[0]!.length >= 5 ? 1 : 0) : length >= 4 ? 2 : 1;
  return fuzzy <= allowed ? fuzzy : undefined;
}

// A relative followed by "mất" died ("ba tôi mới mất"), but "mất" before a thing is "lost"
// or "takes" ("mất giấy khai sinh", "mất bao lâu"). A child or a wife followed by "sinh" was
// born or gave birth ("con tôi sinh được 20 ngày"), unless it is "sinh viên", "sinh nhật"…
interface KinEvent {
  readonly event: ReadonlySet<string>;
  readonly kin: ReadonlySet<string>;
  readonly notBefore: ReadonlySet<string>;
  readonly target: number;
  readonly weight: number;
}

const wordSet = (list: string): ReadonlySet<string> => new Set(list.split(" "));
const KIN_EVENTS: readonly KinEvent[] = [
  {
    event: wordSet("mat"),
    kin: wordSet("ong ba bo me ma cha chong vo noi ngoai co chu bac di cau thim mo anh chi em con chau nguoi"),
    notBefore: wordSet("giay so ban cccd cmnd can the vi ho tien phi bao may nhieu thoi het xe dien ngay lau cong khoang chung"),
    target: DEATH,
    weight: 3,
  },
  {
    event: wordSet("sinh sanh"),
    kin: wordSet("con be chau vo em"),
    // "em sinh năm 1995" gives an adult's year of birth; babies are dated by the day.
    notBefore: wordSet("vien nhat hoat song thai ly hoc nam"),
    target: BIRTH,
    weight: 2.5,
  },
];

function findHits(tokens: Tokens): Hit[] {
  const { words, sentence } = tokens;
  const found: Hit[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const heads = VOCABULARY.has(word) ? [word] : corrections(word);
    for (const head of heads) {
      const firstFuzzy = head !== word;
      for (const phrase of PHRASES_BY_FIRST_WORD.get(head) ?? []) {
        const fuzzy = matchesAt(tokens, phrase, i, firstFuzzy);
        if (fuzzy === undefined) continue;
        const end = i + phrase.words.length;
        const last = phrase.words[phrase.words.length - 1]!;
        if (KIN_EVENTS.some((e) => e.event.has(last) && e.notBefore.has(words[end] ?? ""))) continue;
        found.push({
          start: i,
          end,
          target: phrase.target,
          weight: phrase.weight * 0.85 ** fuzzy,
          document: phrase.document,
          filing: phrase.filing,
        });
      }
    }
    for (const { event, kin, notBefore, target, weight } of KIN_EVENTS) {
      if (!event.has(word) || notBefore.has(words[i + 1] ?? "")) continue;
      for (let k = i - 1; k >= Math.max(0, i - 3) && sentence[k] === sentence[i]; k--) {
        if (kin.has(words[k]!)) {
          found.push({ start: k, end: i + 1, target, weight, document: false, filing: false });
          break;
        }
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

const WANT_AFTER_ENGLISH_TO = new Set(["want", "need", "like", "how", "have", "has", "had", "going", "trying", "try", "able", "wish", "plan", "planning", "hope", "wanna", "would", "d", "ll", "where"]);
const ENGLISH_PURPOSE_VERBS = new Set(["get", "marry", "apply", "use", "work", "submit", "travel", "study", "register"]);
// "để" shares its folded form with "đề" (đề nghị), "dễ" (easy) and "vấn đề".
const NOT_PURPOSE_AFTER_DE = new Set(["nghi", "xuat", "cap", "an", "tai", "muc"]);
const NOT_PURPOSE_BEFORE_DE = new Set(["van", "chu", "tieu", "khong", "rat", "qua", "de", "hon"]);

/** Where a purpose clause begins ("để kết hôn", "for my visa"), or -1. */
function purposeMarkerEnd(words: readonly string[], i: number): number {
  const word = words[i]!;
  const next = words[i + 1] ?? "";
  const previous = words[i - 1] ?? "";
  if (word === "de" && !NOT_PURPOSE_AFTER_DE.has(next) && !NOT_PURPOSE_BEFORE_DE.has(previous)) return i + 1;
  if ((word === "cho" && next === "viec") || (word === "phuc" && next === "vu") || (word === "dung" && next === "de")) {
    return i + 2;
  }
  if (word === "for") return i + 1;
  if (word === "to" && ENGLISH_PURPOSE_VERBS.has(next) && !WANT_AFTER_ENGLISH_TO.has(previous)) return i + 1;
  return -1;
}

function isWantMarker(words: readonly string[], i: number): boolean {
  const word = words[i]!;
  // "cần" folds like "cán" (cán bộ) and "căn" (căn cước).
  if (word === "can") return !["bo", "cuoc", "ho"].includes(words[i + 1] ?? "");
  return ["muon", "xin", "want", "need", "wanna", "how", "dinh"].includes(word) || (word === "thu" && words[i + 1] === "tuc");
}

interface Context {
  /** Multiplier per word position, from purpose clauses, negation and yes/no questions. */
  readonly damping: Float64Array;
  /** Position of the last want marker at or before each word, or -1. */
  readonly lastWant: Int32Array;
}

function readContext(tokens: Tokens): Context {
  const { words, sentence, sentenceStart } = tokens;
  const n = words.length;
  const damping = new Float64Array(n).fill(1);
  const lastWant = new Int32Array(n).fill(-1);
  const sentenceEnd = (i: number): number => {
    let end = i;
    while (end < n && sentence[end] === sentence[i]) end++;
    return end;
  };
  const dampRange = (from: number, to: number, factor: number): void => {
    for (let k = from; k < to; k++) damping[k]! *= factor;
  };
  let want = -1;
  for (let i = 0; i < n; i++) {
    if (i > 0 && sentence[i] !== sentence[i - 1]) want = -1;
    if (isWantMarker(words, i)) want = i;
    lastWant[i] = want;

    const purposeEnd = purposeMarkerEnd(words, i);
    if (purposeEnd > 0) {
      const end = sentenceEnd(i);
      // "Để đăng ký kết hôn thì cần gì?" puts the goal first as the topic: it is what is asked.
      const isTopic = i === sentenceStart[i] || words.slice(purposeEnd, end).includes("thi");
      if (!isTopic) dampRange(purposeEnd, end, 0.35);
    }
    if ((words[i] === "khong" && words[i + 1] === "phai") || words[i] === "not") {
      const from = words[i] === "not" ? i + 1 : i + 2;
      dampRange(from, Math.min(from + 4, sentenceEnd(i)), 0.25);
    }
    // "có cần / có phải … không": asks whether something else is required on the way.
    if (words[i] === "co" && (words[i + 1] === "can" || words[i + 1] === "phai")) {
      const end = sentenceEnd(i);
      const close = words.slice(i + 2, end).findIndex((w) => w === "khong" || w === "chua");
      if (close >= 0) dampRange(i + 2, i + 2 + close, 0.6);
    }
  }
  return { damping, lastWant };
}

const ACTION_BEFORE_PAPER = new Set(["lam", "xin", "cap", "ky", "get", "obtain"]);
const PAPER_NOUNS = new Set(["giay", "so", "ban", "phieu"]);

interface Scores {
  readonly byTarget: Float64Array;
  readonly firstProcedure: number;
}

function score(tokens: Tokens, hits: readonly Hit[]): Scores {
  const { words } = tokens;
  const { damping, lastWant } = readContext(tokens);
  const asksForCopy = hits.some((hit) => hit.target === COPY && hit.weight >= 1.5);
  const perTarget: number[][] = Array.from({ length: HUMAN + 1 }, () => []);
  let firstProcedure = -1;

  for (const hit of hits) {
    let weight = hit.weight * damping[hit.start]!;
    if (hit.target < STATUS) {
      // "giấy khai sinh cho con" names the paper even when the phrase matched is the action.
      const paperStart = PAPER_NOUNS.has(words[hit.start - 1] ?? "") ? hit.start - 1 : hit.start;
      const isPaper = hit.document || paperStart < hit.start;
      const byAction = ACTION_BEFORE_PAPER.has(words[paperStart - 1] ?? "");
      if (isPaper && hit.target !== COPY) {
        if (asksForCopy && !byAction) weight *= 0.3;
        else if (byAction) weight *= 1.15;
      }
      const want = lastWant[hit.start]!;
      if (want >= 0 && hit.start - want <= 6) weight *= 1.2;
      if ((hit.filing || isPaper) && hit.target !== DEATH && isAlreadyDone(tokens, hit, paperStart)) weight *= 0.6;
      if (firstProcedure < 0 && weight >= 1.5) firstProcedure = hit.target;
    }
    perTarget[hit.target]!.push(weight);
  }

  const byTarget = new Float64Array(HUMAN + 1);
  perTarget.forEach((weights, target) => {
    if (weights.length === 0) return;
    weights.sort((a, b) => b - a);
    const rest = weights.slice(1).reduce((sum, w) => sum + w, 0);
    // A status lookup is said in pieces ("hồ sơ của tôi" + "tới đâu rồi"); a procedure is
    // named once, and naming it again adds little.
    byTarget[target] = weights[0]! + (target === STATUS ? rest : 0.3 * rest);
  });
  if (firstProcedure >= 0) byTarget[firstProcedure]! *= 1.1;
  return { byTarget, firstProcedure };
}

/** "đã đăng ký kết hôn rồi", "có giấy chứng sinh rồi": done already, so not what is asked. */
function isAlreadyDone(tokens: Tokens, hit: Hit, from: number): boolean {
  const { words, sentence, sentenceStart } = tokens;
  for (let k = hit.end; k < Math.min(hit.end + 3, words.length) && sentence[k] === sentence[hit.start]; k++) {
    if (words[k] === "roi" || words[k] === "xong") return true;
  }
  // A sentence-initial "da" is as often the polite "dạ" as "đã".
  for (let k = from - 1; k >= Math.max(from - 2, sentenceStart[hit.start]! + 1); k--) {
    if (words[k] === "da") return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// Deciding

const RECEIPT_CODE = /(?<![A-Za-z0-9-])((?:[A-Za-z]{1,6}-){1,2}\d{8}-\d{2,6})(?![A-Za-z0-9])/;

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
 * // { kind: "procedure", candidates: [{ procedureId: "dang-ky-khai-sinh", score: 5.82 }], confident: true }
 * matchIntent("tra cứu hs HN-20261127-0042") // { kind: "statusLookup", code: "HN-20261127-0042" }
 * matchIntent("gap can bo") // { kind: "human" }
 */
export function matchIntent(text: string): IntentMatch {
  const normalized = normalizeInput(text);
  const code = RECEIPT_CODE.exec(normalized)?.[1];
  if (code) return { kind: "statusLookup", code: code.toUpperCase() };

  const tokens = tokenize(normalized);
  const { byTarget } = score(tokens, findHits(tokens));
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
  if (status >= 2) return { kind: "statusLookup" };
  if (human >= 1.5) return { kind: "human" };
  return { kind: "none" };
}
