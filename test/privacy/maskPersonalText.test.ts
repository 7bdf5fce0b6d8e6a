import { maskPersonalText } from "../../server/privacy/maskPersonalText";

describe("maskPersonalText", () => {
  it.each([
    // CCCD (12 digits) and the old CMND (9 digits), grouped or not.
    ["CCCD của tôi là 087190001234 thì sao?", "CCCD của tôi là [CCCD] thì sao?"],
    ["căn cước 0791 9000 1234 bị mất", "căn cước [CCCD] bị mất"],
    ["số cmnd 341 234 567 còn dùng được không", "số cmnd [CCCD] còn dùng được không"],
    ["CMND 023.456.789 hết hạn", "CMND [CCCD] hết hạn"],
    // Phones: 0, 84 or +84, then 9 digits, with spaces, dots or dashes; landlines too.
    ["gọi em 0912 345 678 nhé", "gọi em [SĐT] nhé"],
    ["sđt +84 912.345.678", "sđt [SĐT]"],
    ["số điện thoại: 0912-345-678.", "số điện thoại: [SĐT]."],
    ["zalo (+84) 912 345 678 hoặc 84912345678", "zalo [SĐT] hoặc [SĐT]"],
    ["bàn 028 3822 1234 không ai nghe", "bàn [SĐT] không ai nghe"],
    ["sđt0912345678 nhé", "sđt[SĐT] nhé"],
    // Two numbers typed one after the other are both masked.
    ["CCCD 079190001234 0912345678", "CCCD [CCCD] [SĐT]"],
    // Addresses: a house on its street, a lane, the groups and hamlets below a ward or commune.
    ["nhà em ở 12 Nguyễn Huệ, phường 1", "nhà em ở [địa chỉ], phường 1"],
    ["tôi ở số 12 đường Nguyễn Huệ", "tôi ở [địa chỉ]"],
    ["123/4 Lê Lợi có thuộc phường An Thạnh không", "[địa chỉ] có thuộc phường An Thạnh không"],
    ["số 10 đường 3/2, Quận 10", "[địa chỉ], Quận 10"],
    ["em ở hẻm 45 đường 30/4", "em ở [địa chỉ]"],
    ["12 hẻm 45/6 Lê Lợi", "[địa chỉ]"],
    ["Số nhà 25, ngõ 12 phố Huế, Hà Nội", "[địa chỉ], Hà Nội"],
    ["tổ 5 khóm 3 phường An Lộc", "[địa chỉ] phường An Lộc"],
    ["tổ 5, khóm 3, phường 3", "[địa chỉ], phường 3"],
    ["ấp Tân Hội thuộc xã nào", "[địa chỉ] thuộc xã nào"],
    ["thôn Đông Hạ, xã Tân Hội", "[địa chỉ], xã Tân Hội"],
    ["căn hộ A12.05 chung cư Sky", "[địa chỉ] chung cư Sky"],
    // Text typed with combining accents is read the same.
    ["ấp Tân Hội".normalize("NFD"), "[địa chỉ]"],
  ])("masks %j", (question, masked) => {
    expect(maskPersonalText(question)).toBe(masked);
  });

  it.each([
    "lệ phí khai sinh năm 2026 bao nhiêu",
    "phí 50.000 đồng phải không",
    "phạt 100.000.000 đồng à",
    "hồ sơ HN-20261204-0001-K7QM đến đâu rồi",
    "hồ sơ HN-20261204-0001 đến đâu rồi",
    "phường 3 mở cửa mấy giờ",
    "mấy giờ phường mở cửa?",
    "sinh ngày 12/04/2026 tại quận 10",
    "theo Điều 12 Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP",
    "số 2 Bộ Tư pháp ban hành",
    "tổ chức đám cưới cần gì",
    "Tôi có 2 con, mở cửa lúc 7:30 không?",
    "đường Nguyễn Huệ có gần phường không",
    "tổng đài 1900 1234 hoặc 113",
  ])("keeps %j", (question) => {
    expect(maskPersonalText(question)).toBe(question);
  });
});
