import type { City, ProvinceUnit } from "../../../flows/units";
import { t } from "../localized";
import { foldToWords } from "./foldDiacritics";
import { findProvince } from "./parseProvince";
import { type ParseResult, parsed, rejected } from "./parseResult";

// "phường An Bình", "P. An Bình", "xã Tân Hồng", "thị trấn …", "đặc khu …": the kind is not part of the name.
const KIND_WORDS = /^(?:phuong|xa|thi tran|dac khu|p|x|tt)\s+/;
const KIND_TITLE: Readonly<Record<ProvinceUnit["kind"], string>> = {
  phuong: "Phường",
  xa: "Xã",
  "dac-khu": "Đặc khu",
};

/** "Phường An Bình", "Xã Tân Hồng": the unit as the 2025 forms write it. */
export function wardTitle(unit: ProvinceUnit): string {
  return `${KIND_TITLE[unit.kind]} ${unit.name}`;
}

/** The units of `province` whose name is the one typed, whatever its diacritics. */
export function findWards(text: string, units: readonly ProvinceUnit[]): ProvinceUnit[] {
  const key = foldToWords(text).replace(KIND_WORDS, "");
  return units.filter((unit) => foldToWords(unit.name) === key);
}

function hasDiacritics(text: string): boolean {
  return text.normalize("NFC") !== text.normalize("NFD") || /đ/i.test(text);
}

/**
 * Reads the commune, ward or special zone of an address on a form dated after 01/7/2025, in the
 * province given before it (`province`, as answered). Where that province is the configured one,
 * whose units the city lists, the ward must be one of them: a unit merged in 2025 is refused with
 * the name it has now, and a name the province does not have is refused with what to check. Any
 * other province's wards are taken as typed.
 *
 * Typed with diacritics, a known ward is written as the form writes it ("Phường An Bình"); typed
 * without, it is kept as typed, for the spelling to be offered and confirmed.
 *
 * Codes: `WARD_MERGED`, `WARD_NOT_IN_PROVINCE`, `WARD_EMPTY`.
 *
 * @example parseWard("phường an bình", "Tỉnh Đồng Tháp", city) // { ok: true, value: "Phường An Bình" }
 * @example parseWard("An Thạnh", "Đồng Tháp", city).ok // false, code "WARD_MERGED"
 */
export function parseWard(text: string, province: string | undefined, city: City): ParseResult<string> {
  const typed = text.trim();
  // The example is a unit of the city's own province: one the city's units merged into, if any.
  const sample = city.provinceUnits?.find((u) => u.formerly?.length) ?? city.provinceUnits?.[0];
  const example = sample ? wardTitle(sample) : "Phường An Bình";
  if (foldToWords(typed).replace(KIND_WORDS, "").length < 2) {
    return rejected(
      "WARD_EMPTY",
      t(
        `Xin ghi tên xã, phường (không cần ghi huyện). Ví dụ: ${example}`,
        `Please give the commune or ward (no district needed). Example: ${example}`,
      ),
    );
  }
  const given = province === undefined ? null : findProvince(province);
  const configured = findProvince(city.province);
  const units = city.provinceUnits;
  const checked = units !== undefined && given !== null && given.province.name === configured?.province.name;
  if (!checked) return parsed(typed);
  const provinceName = configured!.province.name;
  const found = findWards(typed, units);
  if (found.length > 0) return parsed(hasDiacritics(typed) ? wardTitle(found[0]!) : typed);
  const key = foldToWords(typed).replace(KIND_WORDS, "");
  const mergedInto = units.find((unit) =>
    (unit.formerly ?? []).some((former) => foldToWords(former).replace(KIND_WORDS, "") === key),
  );
  if (mergedInto) {
    const former = mergedInto.formerly!.find((f) => foldToWords(f).replace(KIND_WORDS, "") === key)!;
    const now = wardTitle(mergedInto);
    return rejected(
      "WARD_MERGED",
      t(
        `${former} đã nhập vào ${now.toLowerCase().replace(mergedInto.name.toLowerCase(), mergedInto.name)} từ ngày ` +
          `01/7/2025. Trên mẫu này, xin ghi: ${now}.`,
        `${former} was merged into ${now} on 1 July 2025. On this form, please write: ${now}.`,
      ),
    );
  }
  return rejected(
    "WARD_NOT_IN_PROVINCE",
    t(
      `Tỉnh ${provinceName} không có xã, phường "${typed}" (theo danh sách từ ngày 01/7/2025). Xin kiểm tra lại ` +
        `tên xã, phường (chỉ ghi tên, không cần ghi huyện), hoặc tỉnh đã khai. Ví dụ: ${example}`,
      `${provinceName} province has no commune or ward "${typed}" (as listed since 1 July 2025). Please check ` +
        `its name (the name only, no district), or the province given. Example: ${example}`,
    ),
  );
}
