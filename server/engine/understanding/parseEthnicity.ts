import { t } from "../localized";
import { editDistance } from "./editDistance";
import { ETHNICITIES } from "./ethnicities";
import { foldToWords } from "./foldDiacritics";
import { matchOption } from "./matchOption";
import { normalizeInput } from "./normalizeInput";
import { parsed, rejected, type ParseResult } from "./parseResult";

/**
 * Other names and spellings people write for a group: the romanised forms of the Central
 * Highlands languages (Jrai, Êđê, Bahnar), the "other names" of the 1979 list (Mèo, Mán,
 * Cao Lan) and the parts of the e-form spelling ("Mông", "Hmông").
 */
const OTHER_NAMES: Readonly<Record<string, readonly string[]>> = {
  Kinh: ["Việt", "Người Kinh"],
  Khmer: ["Khơ Me", "Khơme", "Khơ-me", "Khmer Krom"],
  Hoa: ["Hán", "Người Hoa"],
  "Mông (Hmông)": ["Mông", "Hmông", "H'Mông", "Hmong", "Mèo"],
  Dao: ["Mán"],
  "Gia Rai": ["Jrai", "Jarai", "Gia-rai"],
  "Ê Đê": ["Êđê", "Ê-đê", "Rađê", "Rhade"],
  "Ba Na": ["Bahnar", "Ba-na"],
  "Sán Chay": ["Cao Lan", "Sán Chỉ"],
  Chăm: ["Chàm", "Cham"],
  "Cơ Ho": ["Kơho", "K'Ho", "Cơ-ho"],
  "Xơ Đăng": ["Sedang", "Xê Đăng", "Xơ-đăng"],
  Hrê: ["H'rê"],
  "Ra Glai": ["Raglai", "Ra-glai"],
  Mnông: ["M'Nông", "Mơ Nông"],
  Xtiêng: ["Stiêng", "Xa Điêng"],
  "Khơ Mú": ["Khmu", "Khơ-mú"],
  "Bru Vân Kiều": ["Bru", "Vân Kiều", "Bru-Vân Kiều"],
  "Cơ Tu": ["Katu", "Ca Tu", "Cơ-tu"],
  "Tà Ôi": ["Tà-ôi", "Pa Cô"],
  "Giẻ Triêng": ["Gié Triêng", "Giẻ-Triêng"],
  "Chơ Ro": ["Châu Ro", "Chơ-ro"],
  "Xinh Mun": ["Xinh-mun"],
  "Chu Ru": ["Chu-ru"],
  "Lô Lô": ["Lolo"],
  "Cơ Lao": ["Co Lao"],
  "Rơ Măm": ["Rơ-măm"],
};

const OPTIONS = ETHNICITIES.map((name) => ({ value: name, labels: [name, ...(OTHER_NAMES[name] ?? [])] }));
/** Words put before the name: "dân tộc Kinh", "dt Kinh", "người Tày". */
const LEAD_WORDS = new Set(["dan", "toc", "dt", "nguoi"]);
const SUGGESTIONS = 3;

/**
 * Reads an ethnic group and returns its name as written on the e-forms (one of
 * {@link ETHNICITIES}), tolerating missing diacritics, other names and small typos through
 * {@link matchOption}: "kinh", "dan toc kinh", "hmong" and "mong" are all understood.
 * An unknown or ambiguous answer is refused with the closest names to choose from.
 *
 * @example parseEthnicity("dan toc kinh") // { ok: true, value: "Kinh" }
 * @example parseEthnicity("hmong") // { ok: true, value: "Mông (Hmông)" }
 * @example parseEthnicity("Zulu").ok // false, code "ETHNICITY_UNKNOWN"
 */
export function parseEthnicity(text: string): ParseResult<string> {
  const words = normalizeInput(text).split(" ");
  while (words.length > 1 && LEAD_WORDS.has(foldToWords(words[0]!))) words.shift();
  const name = words.join(" ");
  const match = /\d/.test(name) ? ({ kind: "none" } as const) : matchOption(name, OPTIONS);
  if (match.kind === "match") return parsed(match.value);
  if (match.kind === "ambiguous") {
    const names = match.values.slice(0, 5).join(", ");
    return rejected(
      "ETHNICITY_AMBIGUOUS",
      t(
        `Bạn muốn ghi dân tộc nào: ${names}? Bạn gõ đầy đủ tên dân tộc giúp.`,
        `Which ethnic group do you mean: ${names}? Please type the full name.`,
      ),
    );
  }
  if (foldToWords(name) === "" && !/\p{L}/u.test(name)) {
    return rejected(
      "ETHNICITY_UNKNOWN",
      t(
        "Bạn nhập tên dân tộc giúp, ví dụ: Kinh, Tày, Khmer, Hoa.",
        "Please type the ethnic group, for example: Kinh, Tày, Khmer, Hoa.",
      ),
    );
  }
  const closest = closestNames(name).join(", ");
  // Echoing a whole pasted paragraph back would bury the suggestions.
  const quoted = name !== "" && name.length <= 40 ? ` "${name}"` : "";
  return rejected(
    "ETHNICITY_UNKNOWN",
    t(
      `Không tìm thấy dân tộc${quoted} trong danh mục 54 dân tộc Việt Nam. Có phải là: ${closest}? Bạn gõ lại tên ` +
        `dân tộc giúp, ví dụ: Kinh.`,
      `Could not find the ethnic group${quoted} among Vietnam's 54. Did you mean: ${closest}? Please type the ` +
        `group again, for example: Kinh.`,
    ),
  );
}

function closestNames(name: string): string[] {
  const typed = foldToWords(name);
  if (typed === "") return ETHNICITIES.slice(0, SUGGESTIONS);
  return OPTIONS.map((option, order) => ({
    name: option.value,
    order,
    distance: Math.min(...option.labels.map((label) => editDistance(typed, foldToWords(label), 12))),
  }))
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .slice(0, SUGGESTIONS)
    .map((candidate) => candidate.name);
}
