/**
 * Syllables Vietnamese place names are made of, beyond the names in the configuration: directions
 * and ranks (Thượng, Hạ, Tiền, Hậu, Nhì), the water and land words of the delta (Gò, Giồng, Rạch,
 * Kênh, Vàm, Cồn, Bàu, Láng, Xẻo), the auspicious Hán-Việt words of commune names (Thạnh, Phước,
 * Quới, Thới, Điền), the trades of the old quarters (Hàng Bạc, Hàng Bột) and the syllables of the
 * highlands (Ea, Krông, Đắk). Written from general knowledge of Vietnamese toponymy, in old-style
 * tone placement; each weighs as one occurrence in a place name.
 */
export const PLACE_SYLLABLES: readonly string[] = `
Đông Tây Nam Bắc Thượng Hạ Trung Tiền Hậu Tả Hữu Nội Ngoại Nhất Nhì Ba Tư Năm Sáu Bảy Tám Chín Mười
Gò Giồng Rạch Kênh Kinh Cồn Cù Lao Vàm Bến Cái Cầu Chợ Bàu Láng Lung Trảng Bưng Đìa Xẻo Mương Ngã Tắc Bờ
Đầm Bãi Hòn Mũi Núi Đồi Đèo Suối Sông Hồ Ao Giếng Đập Cống Đồng Ruộng Vườn Rừng Bàu Trũng Bưng Lòng
Vĩnh Mỹ Thạnh Phước Hưng Long Tân An Bình Hòa Phú Thới Lợi Lộc Thuận Quới Điền Hiệp Hội Khánh Trường Xuân
Định Thành Thắng Lạc Nghĩa Đức Phong Sơn Hải Hà Giang Châu Thủy Thọ Quý Quí Tường Hữu Nhơn Nhuận Tịnh
Sa Đéc Tràm Chim Thường Gạo Dừa Xoài Mít Me Sao Sen Lúa Vò Vung Cờ Đỏ Sóc Vôi Gạch Mới Cũ Miễu
Chùa Đình Đồn Trại Lò Dinh Bàn Cống Quán Xá Làng Phố Chợ Hàng Bạc Đào Ngang Bông Gai Buồm Mã Trống Bồ
Khay Thiếc Chiếu Mành Quạt Than Cót Bún Giấy Muối Cân Tre Gà Đậu Lược Vải Thùng Bè Đũa Chĩnh Nón Thùng
Trì Vân Yên Kim Liên Mai Phúc Diễn Từ Liêm Đống Đa Hoàn Kiếm Ngọc Quan Hoa Dịch Vọng Đô Thịnh Hào Khương
Lĩnh Cổ Nhuế Minh Khai Bách Khoa Ô Miếu Giám Quốc Tử Vang Thạch Thang Khê Trà Ngũ Hành Cẩm Lệ Chiểu Kỳ
Ea Kao Buôn Ma Thuột Krông Pắc Đắk Lắk Kon Tum Pleiku Lâm Lạt Rang Tháp Chàm Phan Thiết Rịa Vũng Tàu
Thủ Dầu Một Bà Rịa Hóc Môn Củ Chi Nhà Bè Cần Giờ Thốt Nốt Răng Bạc Liêu Trà Vinh Sóc Trăng Vị Thanh
Xà No Rẫy Rừng Tràm Bằng Lăng Keo Ổi Bần Đước Mắm Chà Là Dầu Sao Đước Cóc Quýt Cam Chanh
`
  .trim()
  .split(/\s+/);
