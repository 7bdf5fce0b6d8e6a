/** A province-level unit since 01/7/2025: one of the 34. */
export interface Province {
  /** "Đồng Tháp", "Hồ Chí Minh". */
  name: string;
  /** Centrally-run cities are "thành phố", the others "tỉnh". */
  kind: "tinh" | "thanh-pho";
  /** The provinces merged into it on 01/7/2025, as they were called. */
  formerly: readonly string[];
}

const province = (name: string, ...formerly: string[]): Province => ({ name, kind: "tinh", formerly });
const city = (name: string, ...formerly: string[]): Province => ({ name, kind: "thanh-pho", formerly });

/**
 * Vietnam's 34 provinces and centrally-run cities since 01/7/2025, each with the provinces merged
 * into it (procedures.md §0 gives the count and Đồng Tháp + Tiền Giang; the rest is general
 * knowledge of the 2025 resolution, unconfirmed here). Forms dated after the reorganisation take
 * these names; older addresses still carry the former ones, which are kept for restoring them.
 */
export const PROVINCES_2025: readonly Province[] = Object.freeze([
  city("Hà Nội"),
  city("Huế", "Thừa Thiên Huế"),
  province("Lai Châu"),
  province("Điện Biên"),
  province("Sơn La"),
  province("Lạng Sơn"),
  province("Quảng Ninh"),
  province("Thanh Hóa"),
  province("Nghệ An"),
  province("Hà Tĩnh"),
  province("Cao Bằng"),
  province("Tuyên Quang", "Hà Giang"),
  province("Lào Cai", "Yên Bái"),
  province("Thái Nguyên", "Bắc Kạn"),
  province("Phú Thọ", "Vĩnh Phúc", "Hòa Bình"),
  province("Bắc Ninh", "Bắc Giang"),
  province("Hưng Yên", "Thái Bình"),
  city("Hải Phòng", "Hải Dương"),
  province("Ninh Bình", "Hà Nam", "Nam Định"),
  province("Quảng Trị", "Quảng Bình"),
  city("Đà Nẵng", "Quảng Nam"),
  province("Quảng Ngãi", "Kon Tum"),
  province("Gia Lai", "Bình Định"),
  province("Khánh Hòa", "Ninh Thuận"),
  province("Lâm Đồng", "Đắk Nông", "Bình Thuận"),
  province("Đắk Lắk", "Phú Yên"),
  city("Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"),
  province("Đồng Nai", "Bình Phước"),
  province("Tây Ninh", "Long An"),
  city("Cần Thơ", "Sóc Trăng", "Hậu Giang"),
  province("Vĩnh Long", "Bến Tre", "Trà Vinh"),
  province("Đồng Tháp", "Tiền Giang"),
  province("Cà Mau", "Bạc Liêu"),
  province("An Giang", "Kiên Giang"),
]);

/** Other ways the same provinces are written: "Sài Gòn", "Bà Rịa – Vũng Tàu" split in two. */
export const PROVINCE_ALIASES: readonly string[] = ["Sài Gòn", "Bà Rịa", "Vũng Tàu", "Đắc Lắc"];
