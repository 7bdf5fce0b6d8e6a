/**
 * Who issues Vietnamese identity papers, as the papers print it. The chip CCCD (since 2021) names
 * the Cục Cảnh sát quản lý hành chính về trật tự xã hội, often abbreviated "Cục Cảnh sát QLHC về
 * TTXH" (the flows' question suggests that form); the barcode CCCD of 2016–2021 names the Cục
 * Cảnh sát đăng ký quản lý cư trú và dữ liệu quốc gia về dân cư; the Căn cước card (since
 * 01/7/2024) names the Bộ Công an; the old CMND a province's police, "Công an tỉnh …" (as the
 * bot itself writes for the police's addressee); passports the Cục Quản lý xuất nhập cảnh.
 */
export const ISSUING_AUTHORITIES: readonly string[] = [
  "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
  "Cục Cảnh sát QLHC về TTXH",
  "Cục Cảnh sát đăng ký quản lý cư trú và dữ liệu quốc gia về dân cư",
  "Cục Cảnh sát ĐKQL cư trú và DLQG về dân cư",
  "Bộ Công an",
  "Cục Quản lý xuất nhập cảnh",
];

/** Words the authorities above and the police of each province are written with, in their own case. */
export const AUTHORITY_WORDS: readonly string[] = [
  "Cục",
  "Cảnh sát",
  "CS",
  "quản lý",
  "hành chính",
  "về",
  "trật tự",
  "xã hội",
  "đăng ký",
  "cư trú",
  "và",
  "dữ liệu",
  "quốc gia",
  "dân cư",
  "Bộ",
  "Công an",
  "CA",
  "tỉnh",
  "thành phố",
  "TP",
  "xuất nhập cảnh",
  "QLHC",
  "TTXH",
  "ĐKQL",
  "DLQG",
  "QLXNC",
  "Ủy ban nhân dân",
  "UBND",
  "phường",
  "xã",
  "quận",
  "huyện",
  "thị xã",
  "thị trấn",
  "Giám đốc",
  "Sở",
  "Phòng",
  "Tư pháp",
  "Bệnh viện",
];
