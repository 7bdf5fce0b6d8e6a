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
  /**
   * Its khóm, ấp and tổ as written on papers ("Khóm 1", "Ấp Tân Bình"): an address typed without
   * diacritics is offered with their spelling.
   */
  hamlets?: readonly string[];
  /** Its streets, without the word "đường" ("Nguyễn Huệ", "30 Tháng 4"), for the same purpose. */
  streets?: readonly string[];
}

/** A commune-level unit of the province since 01/7/2025 (two-level local government). */
export interface ProvinceUnit {
  /** "An Bình", without the kind. */
  name: string;
  kind: "phuong" | "xa" | "dac-khu";
  /** Units merged into it on 01/7/2025, as they were called ("Phường An Thạnh"). */
  formerly?: readonly string[];
}

// Streets of the city centre, shared by the wards it spans; the names are those of the usual
// national figures and dates, as most towns of the delta have them. Unconfirmed street by street:
// a city replaces them in its units file.
const CENTRE_STREETS = [
  "Nguyễn Huệ",
  "Trần Hưng Đạo",
  "Hùng Vương",
  "Lê Lợi",
  "Nguyễn Tất Thành",
  "Chu Văn An",
  "Thiên Hộ Dương",
  "Võ Thị Sáu",
  "Điện Biên Phủ",
  "Lý Thường Kiệt",
  "Nguyễn Trãi",
  "Trần Phú",
  "Hai Bà Trưng",
  "30 Tháng 4",
  "Đốc Binh Vàng",
  "Trần Văn Năng",
  "Nguyễn Văn Cừ",
  "Tôn Đức Thắng",
];

/**
 * Hồng Ngự city's seven units as of 2022: five wards and two communes. A city replaces them
 * in configuration (the 2025 reorganisation merged these into the wards An Bình, Hồng Ngự
 * and Thường Lạc). The khóm and ấp are real-looking, not a survey: numbered khóm in the wards,
 * named ấp in the communes, as the delta names them.
 */
export const HONG_NGU_UNITS_2022: readonly Unit[] = Object.freeze([
  {
    id: "an-thanh",
    nameVi: "Phường An Thạnh",
    code: "AT",
    kind: "phuong",
    hamlets: ["Khóm 1", "Khóm 2", "Khóm 3", "Khóm 4", "Khóm 5", "Khóm An Thạnh A", "Khóm An Thạnh B"],
    streets: CENTRE_STREETS,
  },
  {
    id: "an-loc",
    nameVi: "Phường An Lộc",
    code: "AL",
    kind: "phuong",
    hamlets: ["Khóm 1", "Khóm 2", "Khóm 3", "Khóm An Lợi", "Khóm An Hưng"],
    streets: CENTRE_STREETS,
  },
  {
    id: "an-lac",
    nameVi: "Phường An Lạc",
    code: "ALA",
    kind: "phuong",
    hamlets: ["Khóm 1", "Khóm 2", "Khóm 3", "Khóm An Lạc", "Khóm An Phú"],
    streets: ["Nguyễn Huệ", "Trần Hưng Đạo", "Hùng Vương", "Lê Hồng Phong", "Võ Văn Kiệt"],
  },
  {
    id: "an-binh-a",
    nameVi: "Phường An Bình A",
    code: "ABA",
    kind: "phuong",
    hamlets: ["Khóm 1", "Khóm 2", "Khóm 3", "Khóm 4", "Ấp An Thành", "Ấp An Phước"],
    streets: ["Nguyễn Tất Thành", "Võ Văn Kiệt", "Lê Duẩn"],
  },
  {
    id: "an-binh-b",
    nameVi: "Phường An Bình B",
    code: "ABB",
    kind: "phuong",
    hamlets: ["Khóm 1", "Khóm 2", "Khóm 3", "Ấp Bình Phước", "Ấp Bình Thành"],
    streets: ["Nguyễn Tất Thành", "Võ Văn Kiệt"],
  },
  {
    id: "tan-hoi",
    nameVi: "Xã Tân Hội",
    code: "TH",
    kind: "xa",
    hamlets: ["Ấp Tân Hội", "Ấp Tân Định", "Ấp Tân Bình", "Ấp Tân Thuận", "Ấp Tân Phú"],
    streets: ["Quốc lộ 30"],
  },
  {
    id: "binh-thanh",
    nameVi: "Xã Bình Thạnh",
    code: "BT",
    kind: "xa",
    hamlets: ["Ấp 1", "Ấp 2", "Ấp 3", "Ấp 4", "Ấp Bình Thạnh", "Ấp Bình Lợi"],
    streets: ["Quốc lộ 30", "Tỉnh lộ 841"],
  },
]);

const ward = (name: string, formerly?: readonly string[]): ProvinceUnit =>
  formerly ? { name, kind: "phuong", formerly } : { name, kind: "phuong" };
const commune = (name: string): ProvinceUnit => ({ name, kind: "xa" });

/**
 * Đồng Tháp's 102 commune-level units since 01/7/2025 (the former Đồng Tháp and Tiền Giang): 20
 * wards and 82 communes, as procedures.md counts them. The names follow a community dataset of
 * the 2025 resolutions, not the resolution itself; the three wards of the former Hồng Ngự city and
 * what they merged follow procedures.md §9. The ward asked on the 2025 forms is checked against
 * this list: a city elsewhere replaces it with its own province's.
 */
export const DONG_THAP_UNITS_2025: readonly ProvinceUnit[] = Object.freeze([
  ...["Mỹ Tho", "Đạo Thạnh", "Mỹ Phong", "Thới Sơn", "Trung An", "Gò Công", "Long Thuận", "Sơn Qui"].map((n) =>
    ward(n),
  ),
  ward("Bình Xuân"),
  ward("An Bình", ["Phường An Lộc", "Phường An Bình A", "Phường An Bình B"]),
  ward("Hồng Ngự", ["Phường An Thạnh", "Xã Bình Thạnh", "Xã Tân Hội"]),
  ward("Thường Lạc", ["Phường An Lạc", "Xã Thường Thới Hậu A", "Xã Thường Lạc"]),
  ...["Cao Lãnh", "Mỹ Ngãi", "Mỹ Trà", "Sa Đéc", "Mỹ Phước Tây", "Thanh Hòa", "Cai Lậy", "Nhị Quý"].map((n) => ward(n)),
  ...[
    "Tân Hồng",
    "Tân Thành",
    "Tân Hộ Cơ",
    "An Phước",
    "Thường Phước",
    "Long Khánh",
    "Long Phú Thuận",
    "An Hòa",
    "Tam Nông",
    "Phú Thọ",
    "Tràm Chim",
    "Phú Cường",
    "An Long",
    "Thanh Bình",
    "Tân Thạnh",
    "Bình Thành",
    "Tân Long",
    "Tháp Mười",
    "Thanh Mỹ",
    "Mỹ Quí",
    "Đốc Binh Kiều",
    "Trường Xuân",
    "Phương Thịnh",
    "Phong Mỹ",
    "Ba Sao",
    "Mỹ Thọ",
    "Bình Hàng Trung",
    "Mỹ Hiệp",
    "Mỹ An Hưng",
    "Tân Khánh Trung",
    "Lấp Vò",
    "Lai Vung",
    "Hòa Long",
    "Phong Hòa",
    "Tân Dương",
    "Phú Hựu",
    "Tân Nhuận Đông",
    "Tân Phú Trung",
    "Tân Phú",
    "Thanh Hưng",
    "An Hữu",
    "Mỹ Lợi",
    "Mỹ Đức Tây",
    "Mỹ Thiện",
    "Hậu Mỹ",
    "Hội Cư",
    "Cái Bè",
    "Mỹ Thành",
    "Thạnh Phú",
    "Bình Phú",
    "Hiệp Đức",
    "Long Tiên",
    "Ngũ Hiệp",
    "Tân Phước 1",
    "Tân Phước 2",
    "Tân Phước 3",
    "Hưng Thạnh",
    "Tân Hương",
    "Châu Thành",
    "Long Hưng",
    "Long Định",
    "Bình Trưng",
    "Vĩnh Kim",
    "Kim Sơn",
    "Mỹ Tịnh An",
    "Lương Hòa Lạc",
    "Tân Thuận Bình",
    "Chợ Gạo",
    "An Thạnh Thủy",
    "Bình Ninh",
    "Vĩnh Bình",
    "Đồng Sơn",
    "Phú Thành",
    "Long Bình",
    "Vĩnh Hựu",
    "Gò Công Đông",
    "Tân Điền",
    "Tân Hòa",
    "Tân Đông",
    "Gia Thuận",
    "Tân Thới",
    "Tân Phú Đông",
  ].map(commune),
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
  /**
   * The province's commune-level units since 01/7/2025: a ward given on the 2025 forms for this
   * province must be one of them. Not checked when absent.
   */
  provinceUnits?: readonly ProvinceUnit[];
}

export const HONG_NGU_CITY: City = Object.freeze({
  name: "Hồng Ngự",
  kind: "thành phố",
  nameEn: "Hồng Ngự City",
  province: "Đồng Tháp",
  receiptPrefix: "HN",
  unitPrefixedCodes: false,
  provinceUnits: DONG_THAP_UNITS_2025,
});
