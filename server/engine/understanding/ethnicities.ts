/**
 * The 54 ethnic groups of Vietnam (Danh mục các dân tộc Việt Nam, Quyết định
 * 121-TCTK/PPCĐ of 2 March 1979), with the spellings the national e-forms use, which write
 * the Hmông group as "Mông (Hmông)". These are the only values a form's "Dân tộc" field may
 * hold. Roughly the most numerous first, so that suggestions favour the likely groups.
 *
 * @example ETHNICITIES.includes("Kinh") // true
 */
export const ETHNICITIES: readonly string[] = [
  "Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng", "Mông (Hmông)", "Dao", "Gia Rai",
  "Ê Đê", "Ba Na", "Sán Chay", "Chăm", "Cơ Ho", "Xơ Đăng", "Sán Dìu", "Hrê", "Ra Glai",
  "Mnông", "Thổ", "Xtiêng", "Khơ Mú", "Bru Vân Kiều", "Cơ Tu", "Giáy", "Tà Ôi", "Mạ",
  "Giẻ Triêng", "Co", "Chơ Ro", "Xinh Mun", "Hà Nhì", "Chu Ru", "Lào", "La Chí", "Kháng",
  "Phù Lá", "La Hủ", "La Ha", "Pà Thẻn", "Lự", "Ngái", "Chứt", "Lô Lô", "Mảng", "Cơ Lao",
  "Bố Y", "Cống", "Si La", "Pu Péo", "Rơ Măm", "Brâu", "Ơ Đu",
];
