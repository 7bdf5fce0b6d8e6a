import { t } from "../localized";
import { foldToWords } from "./foldDiacritics";
import { type ParseResult, parsed, rejected } from "./parseResult";
import { type Province, PROVINCES_2025 } from "./vietnamProvinces";

// "tỉnh Đồng Tháp", "TP. Hồ Chí Minh", "thành phố Cần Thơ": the kind is not part of the name.
const KIND_WORDS = /^(?:tinh|thanh pho|tp|t p)\s+/;
const ALIASES: Readonly<Record<string, string>> = {
  hcm: "Hồ Chí Minh",
  "tp hcm": "Hồ Chí Minh",
  "ho chi minh city": "Hồ Chí Minh",
  "sai gon": "Hồ Chí Minh",
  "thua thien hue": "Huế",
  "ba ria vung tau": "Hồ Chí Minh",
};

/** "Tỉnh Đồng Tháp", "Thành phố Hồ Chí Minh": the province as the 2025 forms write it. */
export function provinceTitle(province: Province): string {
  return `${province.kind === "thanh-pho" ? "Thành phố" : "Tỉnh"} ${province.name}`;
}

/** The province a folded name means, with whether it is a former name (merged on 01/7/2025). */
export function findProvince(text: string): { province: Province; former: string | null } | null {
  const folded = foldToWords(text);
  const name = ALIASES[folded] ?? ALIASES[folded.replace(KIND_WORDS, "")] ?? folded.replace(KIND_WORDS, "");
  const key = foldToWords(name);
  for (const province of PROVINCES_2025) {
    if (foldToWords(province.name) === key) return { province, former: null };
    const former = province.formerly.find((f) => foldToWords(f) === key);
    if (former) return { province, former };
  }
  return null;
}

/**
 * Reads the province of an address on a form dated after 01/7/2025: one of the 34, written
 * "Tỉnh Đồng Tháp" or "Thành phố Hồ Chí Minh". A province merged into another in 2025 is refused
 * with the name to write instead; typed without diacritics, the answer is kept as typed for the
 * spelling to be offered (never changed silently).
 *
 * Codes: `PROVINCE_MERGED`, `PROVINCE_UNKNOWN`.
 *
 * @example parseProvince("tỉnh đồng tháp") // { ok: true, value: "Tỉnh Đồng Tháp" }
 * @example parseProvince("Tiền Giang").ok // false, code "PROVINCE_MERGED"
 */
export function parseProvince(text: string): ParseResult<string> {
  const found = findProvince(text);
  if (!found) {
    return rejected(
      "PROVINCE_UNKNOWN",
      t(
        `Tôi chưa nhận ra tỉnh, thành phố "${text.trim()}" trong 34 tỉnh, thành phố từ ngày 01/7/2025. Xin ghi ` +
          "tên tỉnh hoặc thành phố trực thuộc trung ương. Ví dụ: Đồng Tháp",
        `I do not recognise "${text.trim()}" among the 34 provinces and cities since 1 July 2025. Please give ` +
          "the province or centrally-run city. Example: Đồng Tháp",
      ),
    );
  }
  const { province, former } = found;
  if (former) {
    return rejected(
      "PROVINCE_MERGED",
      t(
        `Tỉnh ${former} đã nhập vào ${province.kind === "thanh-pho" ? "thành phố" : "tỉnh"} ${province.name} từ ngày ` +
          `01/7/2025. Trên mẫu này, xin ghi: ${province.name}.`,
        `${former} was merged into ${province.name} on 1 July 2025. On this form, please write: ${province.name}.`,
      ),
    );
  }
  const plain = text.normalize("NFC") === text.normalize("NFD") && !/đ/i.test(text);
  return parsed(plain ? text.trim() : provinceTitle(province));
}
