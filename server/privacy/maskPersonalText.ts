// A citizen's words kept or sent beyond their own dossier — a question relayed to the city's Botpress bot,
// a phrase the daily report quotes — carry no citizen: personal numbers and home addresses become
// placeholders (Nghị định 13/2023 on personal data: a third party gets only what it needs). "Lệ phí khai
// sinh bao nhiêu?" is answered as well without them.

const ID_CARD = "[CCCD]";
const PHONE = "[SĐT]";
const ADDRESS = "[địa chỉ]";

/** `word` in any letter case ("số", "Số", "SỐ"), for keywords inside case-sensitive patterns. */
function anyCase(word: string): string {
  return [...word]
    .map((c) => (c.toLowerCase() === c.toUpperCase() ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`))
    .join("");
}

/** Whole words, in any case, longest first so that "số nhà" wins over "số". */
function words(...list: string[]): string {
  const sorted = [...list].sort((a, b) => b.length - a.length);
  return `(?<![\\p{L}\\p{N}])(?:${sorted.map((w) => anyCase(w).replace(/ /g, "\\s+")).join("|")})(?![\\p{L}\\p{N}])`;
}

// --- Personal numbers -------------------------------------------------------------------------

// Digit groups joined by one space, dot or dash ("0912 345 678", "079.190.001.234"), perhaps
// behind "+" or "(+84)"; never a piece of a code or a date ("HN-20261204-0001", "12/04/2026").
const NUMBER_RUN = /(\(\+?84\)\s?|\+)?(?<![\p{N}/.-])(\d+(?:[ .-]\d+)*)(?![\p{N}/]|[.-]\d)/gu;
// Mobiles: 0 or 84, then 9 digits; landlines (area codes 02x since 2017): 0 or 84, then 10 digits.
const PHONE_DIGITS = /^(?:0|84)2?\d{9}$/;
// "100.000.000 đồng" has the nine digits of a CMND: an amount says its currency.
const CURRENCY_AFTER = /^\s*(?:đồng|đ|vnđ|vnd)(?![\p{L}\p{N}])/iu;

/** The placeholder for a number (digits only), or null when it is not a personal number. */
function personalNumber(digits: string): string | null {
  if (PHONE_DIGITS.test(digits)) return PHONE;
  // CCCD: 12 digits; the old CMND: 9.
  if (digits.length === 12 || digits.length === 9) return ID_CARD;
  return null;
}

/**
 * Masks the personal numbers of one run of digit groups. Two numbers typed one after the other
 * ("079190001234 0912345678") make one run: the longest leading groups that form a personal
 * number are masked, then the rest of the run is read the same way.
 */
function maskNumberRun(prefix: string, run: string): string {
  const groups = run.split(/(?=[ .-]\d)/);
  const digitsOf = (from: number, to: number) =>
    (from === 0 && prefix.includes("84") ? "84" : "") + groups.slice(from, to).join("").replace(/\D/g, "");
  let out = "";
  let start = 0;
  while (start < groups.length) {
    const first = groups[start]!;
    let end = groups.length;
    let kind: string | null = null;
    while (end > start && !(kind = personalNumber(digitsOf(start, end)))) end -= 1;
    if (kind === null) {
      out += (start === 0 ? prefix : "") + first;
      start += 1;
    } else {
      // The separator before a masked number stays: "CCCD [CCCD] [SĐT]".
      out += (/^[ .-]/.test(first) ? first[0] : "") + kind;
      start = end;
    }
  }
  return out;
}

function maskNumbers(text: string): string {
  return text.replace(NUMBER_RUN, (whole, prefix: string | undefined, run: string, offset: number) =>
    CURRENCY_AFTER.test(text.slice(offset + whole.length)) ? whole : maskNumberRun(prefix ?? "", run),
  );
}

// --- Addresses --------------------------------------------------------------------------------

// Words that start a capitalised name which is not a street: units, offices, laws and forms
// ("Điều 12 Luật Hộ tịch", "3 Phường", "số 2 Bộ Tư pháp").
// prettier-ignore
const NOT_STREET = [
  "Phường", "Quận", "Xã", "Huyện", "Tỉnh", "Thành", "Thị", "TP", "UBND", "Ủy", "Uỷ", "Tòa", "Toà", "Bộ", "Sở",
  "Phòng", "Cục", "Ban", "Công", "Chính", "Luật", "Điều", "Khoản", "Điểm", "Nghị", "Thông", "Quyết", "Mẫu",
  "Phụ", "Giấy", "Tờ", "Sổ", "Bản", "Ngày", "Tháng", "Năm",
];
const NAME_WORD = `(?!(?:${NOT_STREET.join("|")})(?![\\p{L}\\p{M}]))\\p{Lu}[\\p{L}\\p{M}]*`;
/** A proper name: capitalised words ("Nguyễn Huệ", "Tân Hội"), as Vietnamese writes streets and hamlets. */
const NAME = `${NAME_WORD}(?:[ ]+${NAME_WORD})*`;
/** A house number: "12", "45A", "123/4", "12B/3/5". */
const HOUSE = `\\d+[A-Za-z]?(?:\\/\\d+[A-Za-z]?)*(?![\\p{L}\\p{N}/])`;
/** A street after its house number: "đường Nguyễn Huệ", "đường số 7", "đường 3/2", or just "Lê Lợi". */
const STREET = `(?:${words("đường", "phố", "đại lộ")}\\s+(?:${words("số")}\\s+)?(?:${NAME}|\\d+(?:\\/\\d+)?)|${NAME})`;
// A number right after one of these words is not a house number ("phường 3 Quận 10", "Điều 12 Luật").
// prettier-ignore
const NOT_HOUSE_BEFORE = `(?<!${words(
  "phường", "quận", "xã", "huyện", "điều", "khoản", "điểm", "chương", "mục", "mẫu", "phụ lục", "năm", "ngày",
  "tháng", "quý", "lớp", "tầng", "phòng", "quầy", "bàn", "tư", "định", "luật", "lệnh",
)}\\s+)`;

const ADDRESS_PATTERNS = [
  // A lane, perhaps behind a house number: "hẻm 45", "12 hẻm 45/6 Lê Lợi", "ngõ 12 phố Huế", "kiệt 7".
  `(?:(?:${words("số nhà", "nhà số", "số")}\\s+)?${HOUSE},?\\s+)?${words("hẻm", "hẽm", "ngõ", "ngách", "kiệt")}` +
    `\\s+(?:${words("số")}\\s+)?${HOUSE}(?:,?\\s+${STREET})?`,
  // A house on its street: "số 12 đường Nguyễn Huệ", "123/4 Lê Lợi", "số nhà 8, phố Huế".
  `(?:${words("số nhà", "nhà số", "số")}\\s+)?${NOT_HOUSE_BEFORE}(?<![\\p{L}\\p{N}/.-])${HOUSE},?\\s+${STREET}`,
  // "Số nhà 25" says what it is, street or not.
  `${words("số nhà", "nhà số")}\\s+${HOUSE}`,
  // The places below a ward or commune: "tổ 5", "khóm 3", "ấp Tân Hội", "thôn Đông", "khu phố 4".
  `${words("tổ dân phố", "tổ", "khóm", "ấp", "thôn", "xóm", "khu phố", "KP")}\\s+(?:${words("số")}\\s+)?` +
    `(?:${HOUSE}|${NAME})`,
  // A flat: "căn hộ A12.05", "căn hộ 1203".
  `${words("căn hộ")}\\s+[\\p{L}\\d][\\p{L}\\d.-]*\\d`,
];
const ADDRESS_RE = new RegExp(ADDRESS_PATTERNS.map((p) => `(?:${p})`).join("|"), "gu");
// "tổ 5, khóm 3" is one address: one placeholder.
const ADJACENT_ADDRESSES = /\[địa chỉ\](?:[\s,]+\[địa chỉ\])+/g;

function maskAddresses(text: string): string {
  return text.replace(ADDRESS_RE, ADDRESS).replace(ADJACENT_ADDRESSES, ADDRESS);
}

/**
 * A citizen's question as it may leave the server: CCCD/CMND numbers become "[CCCD]", phone
 * numbers "[SĐT]", and house addresses and the hamlet, group or lane of a home "[địa chỉ]".
 * Wards, districts, years, dates, amounts and receipt codes stay: the bot needs them to answer.
 *
 * @example maskPersonalText("CCCD 087190001234, nhà 12 Nguyễn Huệ, phường 3") // "CCCD [CCCD], nhà [địa chỉ], phường 3"
 */
export function maskPersonalText(text: string): string {
  return maskAddresses(maskNumbers(text.normalize("NFC")));
}
