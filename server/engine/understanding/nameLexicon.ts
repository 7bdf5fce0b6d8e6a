/**
 * Vietnamese personal-name syllables with their relative frequencies by position: as a surname
 * (họ), as a middle name (chữ đệm) and as a given name (tên), the last two by sex. Written from
 * general knowledge of Vietnamese naming (surname shares from the usual published estimates:
 * Nguyễn ≈ 38%, Trần ≈ 11%, Lê ≈ 9.5%…; the rest in frequency tiers), in old-style tone placement
 * as printed on the CCCD ("Hòa", "Thủy", "Khỏe"). Used by restoreNameDiacritics to propose the
 * diacritised form of a name typed without diacritics.
 *
 * Frequencies are relative weights within a table, not counts: only their ratios matter.
 */

/** Surnames with weights (roughly per ten thousand people for the common ones). */
const SURNAMES = `
Nguyễn:3800 Trần:1100 Lê:950 Phạm:710 Hoàng:300 Huỳnh:210 Phan:450 Vũ:220 Võ:170 Đặng:210 Bùi:200 Đỗ:140 Hồ:130
Ngô:130 Dương:100 Lý:50 Đinh:60 Trương:60 Hà:45 Đoàn:40 Lương:40 Đào:40 Trịnh:40 Mai:30 Cao:30 Lâm:30 Lưu:22
Tô:16 Phùng:15 Vương:15 Tạ:15 Triệu:12 Châu:12 Thái:10 Kiều:10 Quách:8 Tăng:8 Lại:8 Chu:8 Thạch:8 Hứa:6 La:6
Tống:6 Đàm:6 Nông:6 Lã:5 Tôn:5 Giang:5 Diệp:5 Kim:5 Thân:5 Nghiêm:5 Vi:5 Lò:5 Đậu:5 Khổng:4 Âu:4 Ông:4 Lục:4
Mạc:4 Ninh:4 Phí:4 Quan:4 Giáp:4 Mã:4 Từ:4 Danh:4 Sơn:4 Khương:4 Doãn:3 Văn:3 Bạch:3 Chử:3 Hầu:3 Phó:3 Tiêu:3
Bế:3 Cù:3 Khuất:3 Lữ:3 Lư:3 Ngụy:3 Thiều:2 Cấn:2 Mẫn:2 Nhâm:2 Sầm:2 Ứng:2 Kha:2 Tiết:2 Khúc:2 Quế:1 Đồng:3
Lạc:2 Bành:2 Biện:1 Cát:1 Chung:2 Chương:1 Cung:2 Đái:1 Điền:1 Điêu:1 Đường:2 Đổng:1 Hàn:2 Hạ:1 Hoa:2 Hồng:1
Lăng:1 Liễu:1 Liêu:1 Lỗ:1 Lộ:1 Mạch:1 Mông:2 Nhan:1 Nhữ:1 Phương:1 Quản:2 Sái:1 Sử:1 Tào:2 Tất:1 Thang:1 Thi:2
Thiệu:1 Thịnh:1 Tòng:2 Trà:1 Trang:2 Ung:1 Uông:1 Viên:1 Vưu:1 Xa:1 Yên:1 Lường:1 Giàng:2 Sùng:1 Thào:2 Vừ:1
Lầu:1 Mùa:1 Chế:1 Cái:1 Dư:1 Cổ:1 Phù:1 Ma:2 Lều:1 Ngọ:1 Đôn:1 Mầu:1 Hàm:1 Nghị:1 Tưởng:1
Tiền:1 Vạn:1 Đường:1 Khâu:1 Trác:1 Đăng:1 Đàng:1 Dã:1 Cam:1
`;

/** Middle names: female weight, male weight. */
const MIDDLE_NAMES = `
Thị:400,0 Văn:0,300 Ngọc:60,12 Thanh:45,30 Minh:12,55 Hữu:0,40 Đức:1,50 Quang:0,30 Công:0,25 Xuân:15,15 Thu:25,0
Kim:25,3 Bảo:12,15 Gia:10,18 Hoàng:5,20 Mỹ:22,0 Phương:15,1 Hồng:25,3 Thúy:10,0 Thùy:15,0 Tuấn:0,10 Trọng:0,18
Đình:0,25 Bá:0,10 Quốc:0,25 Thành:1,15 Tấn:0,15 Phước:2,10 Khánh:8,8 Huy:0,6 Nhật:3,12 Hải:4,10 Diệu:8,0 Bích:12,0
Lan:6,0 Tuyết:6,0 Quỳnh:8,0 Hoài:8,5 Trung:0,10 Viết:0,8 Mạnh:0,8 Duy:0,15 Chí:0,10 Như:10,0 Cẩm:6,0 Ánh:8,0
Thiên:3,6 Phúc:2,8 An:4,4 Tường:3,3 Nguyên:1,4 Trúc:5,0 Khắc:0,5 Thế:0,10 Yến:3,0 Uyên:2,0 Thục:3,0 Tố:3,0 Nữ:3,0
Thất:0,2 Vĩnh:1,6 Tiến:0,8 Anh:6,10 Kiều:4,0 Hà:4,0 Vân:4,0 Hương:4,0 Thảo:5,0 Lệ:5,0 Hạnh:3,0 Thái:0,5 Đăng:0,6
Sỹ:0,4 Sĩ:0,3 Phú:0,6 Khả:1,2 Đại:0,4 Huyền:3,0 Trà:4,0 Cát:2,1 Hạ:2,0 Tuệ:3,2 Trường:0,4 Quý:2,4 Hiếu:0,3 Nhã:4,0
Ái:2,0 Bội:1,0 Châu:3,0 Diễm:3,0 Hiền:2,0 Hoa:2,0 Hướng:0,1 Kỳ:1,2 Lâm:0,2 Liên:2,0 Linh:3,1 Mai:3,0 Nam:0,4 Ngân:2,0
Nhất:0,2 Quế:3,0 Sơn:0,2 Song:2,1 Tâm:2,2 Thiện:0,3 Thục:2,0 Trâm:1,0 Tú:3,2 Tuyền:1,0 Uy:0,1 Việt:1,6 Vũ:0,2 Xuyến:1,0
`;

/** Female given names by frequency tier (5 = very common … 1 = rare). */
const GIVEN_FEMALE: Record<number, string> = {
  5: `Anh Linh Trang Hương Hà Ngọc Thảo Huyền Nhung Hằng Lan Mai Phương Hạnh Hoa Thủy Thúy Yến Nga Loan Thu Hiền Dung
    Vân Oanh Nhi Vy Quỳnh Trinh Ly Giang Châu Thư My Hân Uyên Tâm Liên Hồng Ánh Chi Ngân Trâm Tuyết Nhàn Huệ`,
  4: `Duyên Quyên Nguyệt Lệ Vi Diệp Thơ Nhiên Như Xuân Trúc Thanh Hoài Đào Tiên Khánh Hòa Nhã Ngà Diễm Kiều Thương Thoa
    Lụa Thắm Thơm Hạ Hậu Trân Hải Tú Bích Cúc Sương Tuyền Phượng Vy Loan Quế Nhạn Mơ Hường Lài Hiên Đan An Ân Minh Kim
    Diệu Bình Thùy Khuê Nhu Trà Ngân Cẩm Lam Mỹ Thục Hoan Nương Na Xuyến Hảo Dịu`,
  3: `Ái Bảo Băng Bội Cầm Chinh Cúc Diễm Điệp Dinh Gấm Hạ Hoàn Huế Hợp Huyên Hương Khanh Khuyên Kỳ Lành Lê Lợi Luyến Lý
    Mận Mến Miên Mùi Nguyên Nhài Nhạn Nhị Nhiên Nữ Phấn Phụng Quý Sa Sen Son Tươi Thạch Thắm Thảo Thêu Thi Thìn Thoa
    Thuận Thục Thương Tiền Tình Tố Trang Tú Tuyến Uyển Vàng Vinh Vui Xoan Yên Hiệp Hiếu Mừng Nhàn Lụa Vẹn Hòe Hồng Hy
    Cương Dân Đông Gái Hải Hằng Hậu Liễu Linh Lộc Lưu Mây Ngát Ngoan Nguyệt Nhẫn Nhường Nụ Phúc Quyến Sáu Sinh Sim Tám
    Tâm Thái Thành Thiện Thu Thúy Tiến Tịnh Trầm Trúc Tư Tuyết Út Xinh Yêu Bé Đài Đoan Giao Hà Hạnh Hiên Kha Khải Khôi`,
  2: `Ba Bầu Bông Cải Chanh Chín Chúc Cơ Đức Dương Được Hàng Hào Hoạt Huấn Huynh Kiểm Kính Ký Lan Lượm Lựu Mai Mười
    Năm Nết Ngần Ngọ Nhẫn Nhì Nhớ Nhuần Phận Quyền Rạng Sâm Sang Sáng Thắng Thảnh Thiềng Thìa Thoại Thông Thường Tiếp
    Tím Tỏa Tơ Trâm Trọng Tuệ Tường Tý Vấn Vượng Xuyên Ý Cát Diệu Đình Hiến Hiển Huyền Khiết Khởi Lạc Lễ Mẫn Minh Mỹ
    Nghi Nghĩa Ngưng Nhu Nhung Pha Phi Phỉ Quang Quân Sinh Sơn Sửu Thái Thẩm Thi Thịnh Thư Tín Trinh Trung Tuân Tươi
    Uyên Vân Viên Vĩnh Xuân Yến Ngà Lạc Lài Hiển Hạnh Kim Khánh Tiên Đào Thơ Châu Cầm Bích Nhiên Như`,
  1: `Búp Chè Chức Đậm Đẹp Điểm Đượm Gương Hên Hẹn Hoan Hội Kén Khéo Lắm Liêm Lòng Lới Lưng Mãi Nga Nghiệp Ngợi Nhặt
    Nhu Phước Quy Quyên Rớt Sắc Sông Sớm Thạnh Thanh Thỏa Thuần Thuyên Tín Trà Tròn Trọn Tuyên Út Vẻ Vĩ Việt Xảo Xuyến
    Thy Mi Mị Nhụy Dạ Di Doan Chiêu Giáng Khê Nhựt Thiều Thoảng Âu Châm Chiêm Mộng Ngôn Lăng Lục Hoa Thiên Thoa`,
};

/** Male given names by frequency tier (5 = very common … 1 = rare). */
const GIVEN_MALE: Record<number, string> = {
  5: `Anh Minh Hùng Dũng Tuấn Nam Long Hải Sơn Thành Đức Huy Quân Khoa Hoàng Cường Phúc Bình Thắng Trung Hiếu Đạt Tùng
    Vinh Hưng Quang Tài Lộc Toàn Phong Việt Khánh Kiên Tiến Thịnh Duy Trí Khôi Nghĩa Hiệp Linh`,
  4: `Tâm Thanh Lâm An Bảo Hòa Hậu Phát Tú Trọng Trường Nhân Chiến Lực Lợi Thuận Mạnh Luân Thiện Nhật Kiệt Đăng Giang
    Hoan Quyết Định Khang Tín Triết Vũ Sang Công Thái Tân Thông Hào Khải Khiêm Lân Lượng Quốc Quý Tường Thọ Tấn Nguyên
    Hoàn Hiển Hà Chính Cảnh Đông Dương Huấn Kha Lương Nhất Phú Phước Quyền Sáng Tiệp Toản Trực Văn Vương Vượng Ân`,
  3: `Bách Bằng Biên Châu Chung Công Cương Danh Diệu Diễn Doanh Dương Đàm Đan Đạo Điền Đoàn Đô Đồng Giao Hạnh Hạo Hiền
    Hiến Hiệu Hoài Hồng Hợp Huân Huỳnh Hưởng Khương Khải Khiết Kỳ Lạc Lễ Liêm Lĩnh Loan Luận Lượng Mẫn Mỹ Nghị Ngọc
    Nhạc Nhẫn Ninh Phi Phụng Phương Quảng Quế Quý Sâm Sinh Sỹ Sĩ Tạo Tài Thạch Thăng Thạnh Thế Thiên Thi Thịnh Thục
    Thức Thụy Thương Tịnh Toại Tôn Trác Trình Trị Triều Trọng Trúc Tuệ Tuyên Tuyến Uy Văn Vĩ Vĩnh Vỹ Xuân Yên Ý
    Chương Cầu Dậu Dự Dụng Đại Đính Đoàn Giáp Hanh Hành Hòe Hội Hữu Kế Khá Khởi Khuê Kiện Kính Lập Liên Lĩnh Mậu Minh
    Nhượng Phiên Phong Phục Phùng Quảng Quỳnh Sửu Tập Thái Thân Thiệp Thìn Thủy Thuyết Tiền Tình Toán Tráng Tuân Tuất`,
  2: `Ba Bé Bền Bửu Cao Can Cần Cẩn Cận Chánh Chinh Chín Chúc Cơ Cúc Cừ Dần Dậu Dinh Điệp Được Em Giỏi Hai Hảo
    Hên Hiếu Hoán Hòe Hợi Huệ Hướng Khai Khanh Khánh Khoái Khởi Khuyến Lai Lăng Lành Lịch Lời Lũy Lưu Mão Mão Mùi Mười
    Mừng Năm Ngà Ngân Ngạn Ngữ Nhàn Nhiên Nhơn Phận Phẩm Phồn Phục Quới Sa Sáu Sử Sự Tám Tánh Tặng Thái Thao Thập
    Thìn Thoại Thơ Thưởng Tiển Tính Tỏa Tòng Trãi Trạch Trâm Trừ Trứ Tư Tứ Từ Tuyển Tý Tỵ Út Vạn Viên Vịnh Võ Vui Xô`,
  1: `Bảy Bính Bửu Cảnh Chất Chiểu Chưởng Côn Cửu Dưỡng Đài Đẳng Đĩnh Đỉnh Giảng Hãn Hiên Hỷ Khâm Khiển Kỷ Lãm Luyện
    Mạnh Miện Mỹ Nẫm Nhuận Phán Phiệt Quán Sảng Sắc Sính Tạc Thẩm Thiềm Thiết Thống Thư Trạng Tráng Triệu Trụ Tụ Uẩn
    Ước Vẻ Viễn Vọng Xứng Yết Ẩn Bảng Bắc Biểu Cư Đảm Đạm Đắc Điềm Hách Hàn Hoành Học Hưu Khoan Kiêm Lãng Lãnh
    Nguyện Nhiệm Pháp Phổ Quyển Sanh Soái Tá Thạc Thể Thiêm Thiệu Tích Tĩnh Tri Triển Trưởng Tước Ứng Xương Vị Bổn
    Chuẩn Chuyên Dũ Đán Điển Độ Hạp Hoằng Khôn Khuông Luật Mưu Nhứt Phò Tảo Thích Tụng Vận Ưng Lam Luân Nhơn Trương`,
};

const TIER_WEIGHT: Record<number, number> = { 5: 100, 4: 40, 3: 15, 2: 5, 1: 1.5 };

/** One written form of a syllable and its weights in each position. */
export interface NameSyllable {
  /** Lower case, NFC, with diacritics: "nguyễn". */
  readonly form: string;
  readonly surname: number;
  readonly middleFemale: number;
  readonly middleMale: number;
  readonly givenFemale: number;
  readonly givenMale: number;
}

function entries(text: string): string[][] {
  return text
    .trim()
    .split(/\s+/)
    .map((entry) => entry.split(/[:,]/));
}

function buildLexicon(): Map<string, NameSyllable> {
  const byForm = new Map<string, { -readonly [K in keyof NameSyllable]: NameSyllable[K] }>();
  const at = (written: string) => {
    const form = written.normalize("NFC").toLowerCase();
    let entry = byForm.get(form);
    if (!entry) {
      entry = { form, surname: 0, middleFemale: 0, middleMale: 0, givenFemale: 0, givenMale: 0 };
      byForm.set(form, entry);
    }
    return entry;
  };
  for (const [form, weight] of entries(SURNAMES)) if (Number(weight) > 0) at(form!).surname += Number(weight);
  for (const [form, female, male] of entries(MIDDLE_NAMES)) {
    const entry = at(form!);
    entry.middleFemale += Number(female);
    entry.middleMale += Number(male);
  }
  // A name listed in two tiers keeps the higher one.
  for (const [tier, text] of Object.entries(GIVEN_FEMALE))
    for (const [form] of entries(text)) {
      const entry = at(form!);
      entry.givenFemale = Math.max(entry.givenFemale, TIER_WEIGHT[Number(tier)]!);
    }
  for (const [tier, text] of Object.entries(GIVEN_MALE))
    for (const [form] of entries(text)) {
      const entry = at(form!);
      entry.givenMale = Math.max(entry.givenMale, TIER_WEIGHT[Number(tier)]!);
    }
  return byForm;
}

/** Every syllable of the lexicon, keyed by its lower-case NFC form; built once on first use. */
let lexicon: Map<string, NameSyllable> | undefined;
export function nameLexicon(): ReadonlyMap<string, NameSyllable> {
  lexicon ??= buildLexicon();
  return lexicon;
}
