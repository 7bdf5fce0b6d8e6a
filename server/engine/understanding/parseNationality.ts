import { t } from "../localized";
import { editDistance } from "./editDistance";
import { foldToWords } from "./foldDiacritics";
import { normalizeInput } from "./normalizeInput";
import { parseName } from "./parseName";
import { parsed, rejected, type ParseResult } from "./parseResult";

/**
 * The nationalities most often met at a ward office in the Mekong delta, by their
 * Vietnamese names, with the English and informal names people type for them.
 */
const COMMON: Readonly<Record<string, readonly string[]>> = {
  "Việt Nam": ["Viet Nam", "Vietnam", "VN", "Vietnamese", "Việt"],
  Campuchia: ["Cam-pu-chia", "Cambodia", "Cambodian", "Kampuchea"],
  Lào: ["Laos", "Lao"],
  "Trung Quốc": ["China", "Chinese", "TQ", "Trung Hoa"],
  "Hàn Quốc": ["Korea", "South Korea", "Korean", "Đại Hàn", "Nam Hàn"],
  "Triều Tiên": ["North Korea", "Bắc Triều Tiên"],
  "Nhật Bản": ["Nhật", "Japan", "Japanese"],
  "Hoa Kỳ": ["Mỹ", "USA", "US", "America", "American", "United States"],
  "Đài Loan": ["Taiwan", "Taiwanese"],
  "Thái Lan": ["Thailand", "Thai"],
  Pháp: ["France", "French"],
  Úc: ["Australia", "Australian", "Ô-xtrây-li-a"],
  Anh: ["United Kingdom", "UK", "England", "British", "Vương quốc Anh"],
  Đức: ["Germany", "German"],
  Nga: ["Russia", "Russian", "Liên bang Nga"],
  Canada: ["Ca-na-đa", "Canadian"],
  Singapore: ["Xin-ga-po", "Singaporean"],
  Malaysia: ["Ma-lai-xi-a", "Malaysian"],
  Philippines: ["Philippin", "Phi-líp-pin", "Filipino"],
  Indonesia: ["In-đô-nê-xi-a", "Indonesian"],
  "Ấn Độ": ["India", "Indian"],
  Myanmar: ["Mi-an-ma", "Miến Điện", "Burma"],
  Ý: ["Italy", "Italia", "Italian"],
};

/** Folded, space-free spelling → the Vietnamese name. */
const KNOWN: ReadonlyMap<string, string> = new Map(
  Object.entries(COMMON).flatMap(([name, others]) => [name, ...others].map((spelling) => [key(spelling), name])),
);
/**
 * Typos are forgiven only against spellings of 5 letters or more: shorter names sit one
 * letter from other countries ("Lào" and "Áo") and a wrong guess is worse than
 * taking the answer as typed.
 */
const TYPO_CANDIDATES = [...KNOWN.entries()].filter(([spelling]) => spelling.length >= 5);

/**
 * Reads a nationality. "Việt Nam", "viet nam", "VN", "vietnam", "Vietnamese" all give
 * "Việt Nam"; a short list of common others is recognised by their Vietnamese, English or
 * informal names, with small typos; any other name made of letters is accepted as typed,
 * with capitals ("ai cập" → "Ai Cập"), as the list of the world's nationalities is the
 * clerk's to check, not the bot's.
 *
 * @example parseNationality("viet nam") // { ok: true, value: "Việt Nam" }
 * @example parseNationality("quốc tịch Mỹ") // { ok: true, value: "Hoa Kỳ" }
 * @example parseNationality("ai cập") // { ok: true, value: "Ai Cập" }
 * @example parseNationality("VN123").ok // false, code "NATIONALITY_INVALID"
 */
export function parseNationality(text: string): ParseResult<string> {
  const rest = withoutLeadWords(normalizeInput(text));
  if (/\p{Nd}/u.test(rest)) return invalid();
  const known = KNOWN.get(key(rest));
  if (known !== undefined) return parsed(known);
  const name = parseName(rest);
  if (!name.ok) return invalid();
  const typed = key(name.value);
  const exact = KNOWN.get(typed);
  if (exact !== undefined) return parsed(exact);
  return parsed(closeKnown(typed) ?? name.value);
}

function key(text: string): string {
  return foldToWords(text).replace(/ /g, "");
}

/** Drops "quốc tịch", "nước", "người" before the name: "quốc tịch Việt Nam", "người Mỹ". */
function withoutLeadWords(text: string): string {
  const words = text.split(" ");
  while (words.length > 1) {
    const first = foldToWords(words[0]!);
    if (first === "nuoc" || first === "nguoi" || first === "quoc tich") words.shift();
    else if (first === "quoc" && words.length > 2 && foldToWords(words[1]!) === "tich") words.splice(0, 2);
    else break;
  }
  return words.join(" ");
}

function closeKnown(typed: string): string | undefined {
  if (typed.length < 4) return undefined;
  let best = Infinity;
  const names = new Set<string>();
  for (const [spelling, name] of TYPO_CANDIDATES) {
    const max = spelling.length > 8 ? 2 : 1;
    const distance = editDistance(typed, spelling, max);
    if (distance > max) continue;
    if (distance < best) {
      best = distance;
      names.clear();
    }
    if (distance === best) names.add(name);
  }
  return names.size === 1 ? [...names][0] : undefined;
}

function invalid(): ParseResult<string> {
  return rejected(
    "NATIONALITY_INVALID",
    t(
      "Quốc tịch là tên một nước, chỉ gồm chữ cái, không có chữ số hay ký hiệu. Ví dụ: Việt Nam.",
      "A nationality is the name of a country, in letters only, without digits or symbols. Example: Việt Nam.",
    ),
  );
}
