/**
 * Districts, towns and cities that addresses written before 01/7/2025 still name ("huyện Tam Nông",
 * "thành phố Cao Lãnh", "quận Gò Vấp"), for restoring their spelling. Chosen by rule, not by
 * address: every former district of Đồng Tháp and Tiền Giang (the province the default
 * configuration serves), the districts of Hồ Chí Minh City, Hà Nội, Cần Thơ and Đà Nẵng, and the
 * capital of each of the 63 former provinces. General knowledge, unconfirmed name by name.
 */
export const REGION_NAMES: readonly string[] = [
  // Đồng Tháp and Tiền Giang before 2025
  ...["Cao Lãnh", "Sa Đéc", "Hồng Ngự", "Tân Hồng", "Tam Nông", "Thanh Bình", "Tháp Mười", "Lấp Vò", "Lai Vung"],
  ...["Châu Thành", "Mỹ Tho", "Gò Công", "Cai Lậy", "Cái Bè", "Chợ Gạo", "Tân Phước", "Gò Công Đông"],
  ...["Gò Công Tây", "Tân Phú Đông"],
  // Hồ Chí Minh City
  ...["Thủ Đức", "Gò Vấp", "Bình Thạnh", "Phú Nhuận", "Tân Bình", "Tân Phú", "Bình Tân", "Củ Chi", "Hóc Môn"],
  ...["Bình Chánh", "Nhà Bè", "Cần Giờ"],
  // Hà Nội
  ...["Ba Đình", "Hoàn Kiếm", "Đống Đa", "Hai Bà Trưng", "Cầu Giấy", "Thanh Xuân", "Hoàng Mai", "Long Biên"],
  ...["Tây Hồ", "Hà Đông", "Nam Từ Liêm", "Bắc Từ Liêm", "Gia Lâm", "Đông Anh", "Sóc Sơn", "Thanh Trì", "Sơn Tây"],
  // Cần Thơ and Đà Nẵng
  ...["Ninh Kiều", "Cái Răng", "Bình Thủy", "Ô Môn", "Thốt Nốt", "Phong Điền", "Cờ Đỏ", "Vĩnh Thạnh", "Thới Lai"],
  ...["Hải Châu", "Thanh Khê", "Sơn Trà", "Ngũ Hành Sơn", "Liên Chiểu", "Cẩm Lệ", "Hòa Vang"],
  // Capitals of the former provinces, and the other cities of the delta
  ...["Hạ Long", "Việt Trì", "Vĩnh Yên", "Phủ Lý", "Đồng Hới", "Đông Hà", "Tam Kỳ", "Quy Nhơn", "Tuy Hòa"],
  ...["Nha Trang", "Phan Rang - Tháp Chàm", "Phan Thiết", "Pleiku", "Buôn Ma Thuột", "Gia Nghĩa", "Đà Lạt"],
  ...["Đồng Xoài", "Thủ Dầu Một", "Biên Hòa", "Tân An", "Long Xuyên", "Rạch Giá", "Vị Thanh", "Châu Đốc"],
  ...["Điện Biên Phủ", "Vinh", "Hội An", "Hà Tiên", "Phú Quốc", "Tân Châu"],
];
