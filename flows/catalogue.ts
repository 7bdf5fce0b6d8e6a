import { capGiayXacNhanTinhTrangHonNhan } from "./capGiayXacNhanTinhTrangHonNhan";
import { capPhieuLyLichTuPhap } from "./capPhieuLyLichTuPhap";
import { chungThucBanSaoTuBanChinh } from "./chungThucBanSaoTuBanChinh";
import { dangKyHoKinhDoanh } from "./dangKyHoKinhDoanh";
import { dangKyKetHon } from "./dangKyKetHon";
import { dangKyKhaiSinh } from "./dangKyKhaiSinh";
import { dangKyKhaiTu } from "./dangKyKhaiTu";
import { dangKyThuongTru } from "./dangKyThuongTru";
import type { Flow } from "./flowTypes";
import { traCuuHoSo } from "./traCuuHoSo";

/** Every flow, procedures in menu order first, then status lookup. */
export const ALL_FLOWS: readonly Flow[] = [
  dangKyKhaiSinh,
  dangKyKhaiTu,
  dangKyKetHon,
  capGiayXacNhanTinhTrangHonNhan,
  chungThucBanSaoTuBanChinh,
  dangKyThuongTru,
  capPhieuLyLichTuPhap,
  dangKyHoKinhDoanh,
  traCuuHoSo,
];
