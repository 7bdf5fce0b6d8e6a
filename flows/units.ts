/** A commune-level unit (phường/xã) of the city: where dossiers are filed and clerks work. */
export interface Unit {
  /** Slug used in configuration, URLs and the widget's `data-unit`. */
  id: string;
  /** "Phường An Thạnh", "Xã Tân Hội". */
  nameVi: string;
  /** Letters put before receipt codes when unit prefixes are configured ("AT" → AT-HN-…). */
  code: string;
  /** Which People's Committee it is: "phường" or "xã". */
  kind: "phuong" | "xa";
}

/**
 * Hồng Ngự city's seven units as of 2022: five wards and two communes. A city replaces them
 * in configuration (the 2025 reorganisation merged these into the wards An Bình, Hồng Ngự
 * and Thường Lạc).
 */
export const HONG_NGU_UNITS_2022: readonly Unit[] = Object.freeze([
  { id: "an-thanh", nameVi: "Phường An Thạnh", code: "AT", kind: "phuong" },
  { id: "an-loc", nameVi: "Phường An Lộc", code: "AL", kind: "phuong" },
  { id: "an-lac", nameVi: "Phường An Lạc", code: "ALA", kind: "phuong" },
  { id: "an-binh-a", nameVi: "Phường An Bình A", code: "ABA", kind: "phuong" },
  { id: "an-binh-b", nameVi: "Phường An Bình B", code: "ABB", kind: "phuong" },
  { id: "tan-hoi", nameVi: "Xã Tân Hội", code: "TH", kind: "xa" },
  { id: "binh-thanh", nameVi: "Xã Bình Thạnh", code: "BT", kind: "xa" },
]);

/** The city around the units: used in signing places, addressees and receipt codes. */
export interface City {
  /** "Hồng Ngự" */
  name: string;
  /** "thành phố" */
  kind: string;
  /** The city named in English: "Hồng Ngự City". */
  nameEn: string;
  /** "Đồng Tháp" */
  province: string;
  /** Receipt code prefix: HN-20261127-0042. */
  receiptPrefix: string;
  /** Put the unit's code before the receipt code (AT-HN-…). */
  unitPrefixedCodes: boolean;
}

export const HONG_NGU_CITY: City = Object.freeze({
  name: "Hồng Ngự",
  kind: "thành phố",
  nameEn: "Hồng Ngự City",
  province: "Đồng Tháp",
  receiptPrefix: "HN",
  unitPrefixedCodes: false,
});
