/**
 * What a word of an address announces: a house number, an alley, a street, a hamlet-level place,
 * a commune-level unit, a district or province, or an institution (a place of birth).
 */
export type AddressWordKind = "house" | "alley" | "street" | "hamlet" | "ward" | "region" | "place" | "word";

/**
 * The words addresses are built with, as written inside an address (lower case, except the names
 * of institutions, which keep their capitals: "Bệnh viện Đa khoa", "Trạm Y tế").
 */
export const ADDRESS_WORDS: Readonly<Record<AddressWordKind, readonly string[]>> = {
  house: ["số", "số nhà", "lô", "căn hộ", "nhà số"],
  alley: ["hẻm", "kiệt", "ngõ", "ngách", "hẻm số", "kiệt số", "ngõ số"],
  street: ["đường", "phố", "đại lộ", "quốc lộ", "tỉnh lộ", "hương lộ", "đường tỉnh", "đường số"],
  hamlet: ["khóm", "ấp", "tổ", "thôn", "xóm", "khu phố", "tổ dân phố", "khu vực", "buôn", "bản", "làng", "cụm dân cư"],
  ward: ["phường", "xã", "thị trấn", "đặc khu"],
  region: ["quận", "huyện", "thị xã", "thành phố", "tỉnh"],
  place: [
    "Bệnh viện",
    "Bệnh viện Đa khoa",
    "Bệnh viện Đa khoa khu vực",
    "Bệnh viện Đa khoa tỉnh",
    "Bệnh viện Sản Nhi",
    "Bệnh viện Phụ sản",
    "Trạm Y tế",
    "Trung tâm Y tế",
    "Nhà hộ sinh",
    "Phòng khám",
    "Khu dân cư",
    "Khu công nghiệp",
    "Chung cư",
  ],
  word: ["gần", "đối diện", "cạnh", "chợ", "cầu", "bến", "và"],
};

/**
 * Abbreviations of address words as typed on phones ("p 13", "tp.hcm", "kp 3"), with what they
 * stand for and the word's kind: the proposal writes them out, as the form wants them. Single
 * letters other than p and q are left alone: "An Bình A" ends with a letter that is a name.
 */
export const ADDRESS_ABBREVIATIONS: Readonly<Record<string, { written: string; kind: AddressWordKind | "commune" }>> = {
  p: { written: "phường", kind: "ward" },
  q: { written: "quận", kind: "region" },
  tp: { written: "thành phố", kind: "region" },
  tx: { written: "thị xã", kind: "region" },
  tt: { written: "thị trấn", kind: "commune" },
  kp: { written: "khu phố", kind: "hamlet" },
  ql: { written: "quốc lộ", kind: "street" },
  tl: { written: "tỉnh lộ", kind: "street" },
};
