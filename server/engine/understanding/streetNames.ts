/**
 * Street names found in most Vietnamese towns: national heroes, writers, revolutionaries, historic
 * dates and events, as the naming rules of Nghị định 91/2005/NĐ-CP steer councils to choose them.
 * Written from general knowledge, not from a survey or from any address list; a street named after
 * someone not here is still restored syllable by syllable through the name lexicon.
 */
export const STREET_NAMES: readonly string[] = [
  // Kings, generals and heroes before 1858
  ...["Hùng Vương", "An Dương Vương", "Hai Bà Trưng", "Trưng Trắc", "Trưng Nhị", "Bà Triệu", "Lý Nam Đế"],
  ...["Mai Hắc Đế", "Phùng Hưng", "Ngô Quyền", "Đinh Tiên Hoàng", "Đinh Bộ Lĩnh", "Lê Hoàn", "Lý Thái Tổ"],
  ...["Lý Thường Kiệt", "Lý Công Uẩn", "Lý Tự Trọng", "Trần Hưng Đạo", "Trần Quốc Toản", "Trần Nhân Tông"],
  ...["Trần Quang Khải", "Trần Khánh Dư", "Trần Bình Trọng", "Trần Nhật Duật", "Yết Kiêu", "Dã Tượng"],
  ...["Phạm Ngũ Lão", "Lê Lợi", "Lê Lai", "Nguyễn Trãi", "Lê Thánh Tông", "Lê Thánh Tôn", "Nguyễn Huệ"],
  ...["Quang Trung", "Nguyễn Nhạc", "Nguyễn Lữ", "Bùi Thị Xuân", "Trần Quang Diệu", "Võ Văn Dũng", "Ngô Thì Nhậm"],
  ...["Lê Văn Duyệt", "Nguyễn Văn Thoại", "Thoại Ngọc Hầu", "Nguyễn Hữu Cảnh", "Trịnh Hoài Đức", "Lê Quang Định"],
  ...["Chu Văn An", "Tô Hiến Thành", "Nguyễn Bỉnh Khiêm", "Lê Quý Đôn", "Ngô Sĩ Liên", "Lương Thế Vinh"],
  ...["Mạc Đĩnh Chi", "Nguyễn Du", "Hồ Xuân Hương", "Đoàn Thị Điểm", "Nguyễn Công Trứ", "Cao Bá Quát"],
  ...["Nguyễn Khuyến", "Tú Xương", "Trần Tế Xương", "Hải Thượng Lãn Ông", "Tuệ Tĩnh", "Lê Văn Hưu", "Phan Huy Chú"],
  ...["Lạc Long Quân", "Âu Cơ", "Thánh Gióng", "Ỷ Lan", "Huyền Trân Công Chúa"],
  // Resistance against France, and the South
  ...["Trương Định", "Nguyễn Trung Trực", "Thủ Khoa Huân", "Thiên Hộ Dương", "Đốc Binh Kiều", "Đốc Binh Vàng"],
  ...["Nguyễn Đình Chiểu", "Phan Thanh Giản", "Võ Duy Dương", "Trương Công Định", "Phan Đình Phùng", "Hoàng Diệu"],
  ...["Nguyễn Tri Phương", "Tôn Thất Thuyết", "Hàm Nghi", "Hoàng Hoa Thám", "Phan Bội Châu", "Phan Chu Trinh"],
  ...["Phan Châu Trinh", "Huỳnh Thúc Kháng", "Trần Quý Cáp", "Lương Văn Can", "Nguyễn Thái Học", "Phó Đức Chính"],
  ...["Cô Giang", "Cô Bắc", "Nguyễn An Ninh", "Nguyễn Thị Minh Khai", "Nguyễn Văn Trỗi", "Võ Thị Sáu"],
  ...["Trần Phú", "Lê Hồng Phong", "Hà Huy Tập", "Nguyễn Văn Cừ", "Ngô Gia Tự", "Nguyễn Đức Cảnh"],
  ...["Hoàng Văn Thụ", "Lê Văn Tám", "Kim Đồng", "Nguyễn Thị Định", "Nguyễn Văn Linh", "Trường Chinh"],
  ...["Lê Duẩn", "Phạm Văn Đồng", "Võ Nguyên Giáp", "Tôn Đức Thắng", "Nguyễn Tất Thành", "Hồ Tùng Mậu"],
  ...["Nguyễn Chí Thanh", "Lê Trọng Tấn", "Hoàng Văn Thái", "Văn Tiến Dũng", "Phạm Hùng", "Võ Văn Kiệt"],
  ...["Nguyễn Lương Bằng", "Xuân Thủy", "Lê Đức Thọ", "Trần Văn Trà", "Huỳnh Tấn Phát", "Nguyễn Hữu Thọ"],
  ...["Trần Văn Ơn", "Lý Chính Thắng", "Nguyễn Văn Bảy", "Phan Văn Trị", "Nguyễn Thông", "Bùi Hữu Nghĩa"],
  ...["Nguyễn Văn Tiếp", "Trần Văn Giàu", "Tô Ngọc Vân", "Bạch Đằng", "Chi Lăng"],
  ...["Đống Đa", "Điện Biên Phủ", "Ấp Bắc", "Đồng Khởi", "Nam Kỳ Khởi Nghĩa", "Cách Mạng Tháng Tám"],
  ...["Xô Viết Nghệ Tĩnh", "Mậu Thân", "Độc Lập", "Thống Nhất", "Hòa Bình", "Giải Phóng", "Quốc lộ 1"],
  // Dates
  ...["30 Tháng 4", "3 Tháng 2", "2 Tháng 9", "1 Tháng 5", "19 Tháng 5", "26 Tháng 3", "23 Tháng 9"],
  // Foreign scholars
  ...["Pasteur", "Yersin", "Alexandre de Rhodes", "Calmette"],
];
