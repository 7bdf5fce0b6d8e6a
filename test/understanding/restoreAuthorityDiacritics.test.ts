import { HONG_NGU_CITY } from "../../flows/units";
import { restoreAuthorityDiacritics } from "../../server/engine/understanding/restoreAuthorityDiacritics";

const best = (typed: string) => restoreAuthorityDiacritics(typed, HONG_NGU_CITY).candidates[0]?.authority;

describe("restoreAuthorityDiacritics", () => {
  it("restores the authorities that issue identity papers, typed without diacritics", () => {
    expect(best("cuc canh sat quan ly hanh chinh ve trat tu xa hoi")).toBe(
      "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
    );
    expect(best("bo cong an")).toBe("Bộ Công an");
    expect(best("BO CONG AN")).toBe("Bộ Công an");
    expect(best("cuc canh sat qlhc ve ttxh")).toBe("Cục Cảnh sát QLHC về TTXH");
    expect(best("cuc canh sat dkql cu tru va dlqg ve dan cu")).toBe("Cục Cảnh sát ĐKQL cư trú và DLQG về dân cư");
    expect(best("cuc quan ly xuat nhap canh")).toBe("Cục Quản lý xuất nhập cảnh");
  });

  it("restores a province's police, by the province's name since 2025 or before", () => {
    expect(best("cong an tinh dong thap")).toBe("Công an tỉnh Đồng Tháp");
    expect(best("cong an tinh tien giang")).toBe("Công an tỉnh Tiền Giang");
    expect(best("cong an thanh pho ho chi minh")).toBe("Công an thành phố Hồ Chí Minh");
  });

  it("takes an authority typed with any diacritic as typed", () => {
    expect(restoreAuthorityDiacritics("Bộ cong an", HONG_NGU_CITY).candidates).toEqual([]);
  });
});
