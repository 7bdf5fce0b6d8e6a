import type { IntentKeyword } from "./intentPhrases";

/**
 * What happened, or what the paper is for, by procedure id: citizens rarely name a procedure,
 * they say that a baby was born, that a father died, that the embassy wants a paper. Written
 * as people say it in the North, the Centre and the South ("sanh", "dìa", "ổng", "tía", "mạ")
 * and in English; weighed on the scale of `flows/intentPhrases.ts` (4 names the procedure,
 * 2–2.5 a strong hint, ≤ 1.5 a hint that counts only when nothing better is said).
 *
 * A relative followed by "mất", "khuất" or "sinh" ("ba tôi mới mất", "con tôi sinh được 20
 * ngày") is read by the matcher's kin events, not listed here.
 *
 * @example LIFE_EVENTS["dang-ky-khai-tu"]?.some((k) => k.phrase === "lo hậu sự") // true
 */
export const LIFE_EVENTS: Readonly<Record<string, readonly IntentKeyword[]>> = {
  "dang-ky-khai-sinh": [
    ...say(2.5, "newborn", "new baby", "baby born", "had baby", "have baby", "gave birth"),
    ...say(2, "mới sinh", "mới sanh", "vừa sinh", "vừa sanh", "mới đẻ", "vừa đẻ", "sinh con", "sanh con"),
    ...say(2, "trẻ sơ sinh", "sinh em bé", "sanh em bé", "bé mới sinh", "đặt tên cho con", "chào đời"),
    ...say(2, "sinh được", "sanh được", "sinh ra", "sanh ra", "đẻ được", "đẻ con", "sinh xong", "sanh xong"),
    ...say(2, "thằng cu", "có thêm em bé", "thêm em bé", "first child", "second child", "new child"),
    ...say(2, "ra đời", "thành viên mới", "bé trai", "bé gái", "đầy tháng"),
    // Brought home from the maternity ward: "đón bé về", "vượt cạn", "mẹ tròn con vuông".
    ...say(2.5, "vượt cạn", "mẹ tròn con vuông", "đón bé về", "đón bé", "đón em bé", "đón con về", "brought baby home"),
    // Papers for an infant are nearly always its birth registration.
    ...say(2, "giấy cho bé", "giấy cho con", "giấy cho cháu", "giấy tờ cho bé", "giấy tờ cho con"),
    ...say(2, "giấy tờ cho cháu", "papers for baby", "baby papers"),
    ...say(1.5, "born", "baby"),
    ...say(1, "em bé", "bé"),
  ],
  "dang-ky-khai-tu": [
    ...say(3, "qua đời", "từ trần", "tạ thế", "passed away", "died", "người thân mất", "người nhà mất"),
    ...say(3, "khuất núi", "lìa đời"),
    ...say(2.5, "chết", "người mất", "deceased", "có tang", "nhà có tang", "lo hậu sự", "hậu sự"),
    ...say(2.5, "lo đám xong", "lo đám tang", "đám ma", "passed"),
    ...say(2, "mới mất", "vừa mất", "đám tang", "mai táng", "funeral", "an táng", "hỏa táng"),
    // What is said instead of "died": "nằm xuống", "ra đi thanh thản", "về với ông bà".
    ...say(2.5, "nằm xuống", "ra đi thanh thản", "ra đi mãi mãi", "vừa ra đi", "mới ra đi", "đã ra đi", "làm đám cho"),
    ...say(2.5, "về với ông bà", "mãn phần", "quy tiên"),
    ...say(1.5, "đã mất"),
  ],
  "dang-ky-ket-hon": [
    ...say(4, "get married", "getting married"),
    ...say(3.5, "tái hôn", "remarry", "cưới vợ mới", "lấy vợ mới", "lấy chồng mới"),
    ...say(2.5, "cưới vợ", "cưới chồng", "lấy vợ", "lấy chồng", "sắp cưới", "cưới nhau", "đám cưới"),
    ...say(2.5, "wedding", "về chung một nhà", "về chung nhà", "ngày cưới", "tiệc cưới", "coi ngày cưới"),
    ...say(2.5, "làm đám cưới", "tổ chức đám cưới", "hitched", "lên xe hoa", "engaged", "fiance", "fiancee"),
    // "cưới" alone folds like "cuối" (cuối năm): only with a verb before it.
    ...say(2.5, "tính cưới", "định cưới", "muốn cưới", "sẽ cưới", "chuẩn bị cưới", "cưới xin"),
    // The engagement and the party come with the registration: "đám hỏi", "đãi tiệc".
    ...say(2.5, "đám hỏi", "đám nói", "ăn hỏi", "đãi tiệc"),
    ...say(2, "married"),
    // "Giấy cưới" is what many call the marriage certificate.
    ...say(3.5, "giấy cưới", "làm giấy cưới", "đăng ký cưới"),
    // "married to" is who someone already is, not what they ask for.
    ...say(1, "married to"),
  ],
  "cap-giay-xac-nhan-tinh-trang-hon-nhan": [
    // The paper proves this, and a partner abroad, a bank or a notary asks for it.
    ...say(3, "chưa có vợ", "chưa có chồng", "chưa lập gia đình", "chưa có gia đình", "còn độc thân"),
    ...say(3, "not married", "never married", "chưa vợ", "chưa chồng"),
    ...say(3.5, "chưa từng có chồng", "chưa từng có vợ", "chưa từng kết hôn", "chưa từng lập gia đình"),
    ...say(3, "kết hôn ở nước ngoài", "kết hôn bên đó", "marriage abroad", "marry abroad"),
    // A marriage registered abroad needs this paper from home, not a registration here.
    ...say(3.5, "đăng ký kết hôn bên đó", "đăng ký kết hôn ở nước ngoài", "đăng ký kết hôn tại nước ngoài"),
    ...say(3.5, "kết hôn tại nước ngoài"),
    ...say(2, "single"),
    // Divorced and marrying again, or asked to prove it: "giấy chứng minh đang độc thân".
    ...say(3, "không có vợ", "không có chồng", "chứng minh độc thân", "chứng minh đang độc thân"),
    ...say(4, "prove single", "proves single", "proof single", "proof of being single", "proving single"),
    ...say(1.5, "divorced"),
    ...say(1.5, "vay ngân hàng", "mua nhà đất", "lấy chồng nước ngoài", "lấy vợ nước ngoài"),
  ],
  "cap-phieu-ly-lich-tu-phap": [
    // Employers abroad, labour-export agencies and embassies ask for it.
    ...say(3.5, "không phạm tội", "không vi phạm pháp luật", "lý lịch trong sạch", "no convictions"),
    ...say(3.5, "no criminal", "conviction", "convictions", "clean record"),
    ...say(3.5, "không có án", "chưa có án", "chưa từng phạm tội", "chưa từng vi phạm", "lý lịch sạch"),
    ...say(2.5, "phạm tội"),
    ...say(2.5, "xuất khẩu lao động", "đi lao động", "đi làm việc ở nước ngoài", "work abroad", "work visa"),
    ...say(2, "visa"),
    ...say(1.5, "du học", "study abroad"),
  ],
  "chung-thuc-ban-sao-tu-ban-chinh": [
    // Employers and schools ask for copies stamped by the ward.
    ...say(3, "đóng dấu đỏ", "có đóng dấu", "đóng dấu", "dấu đỏ", "có dấu", "đóng mộc", "mộc đỏ", "stamped"),
    ...say(3, "stamp copies"),
    ...say(1.5, "hồ sơ xin việc", "job application", "hồ sơ nhập học"),
  ],
  "dang-ky-thuong-tru": [
    ...say(3, "đưa tên vào", "đưa tên vô", "đưa tên về"),
    ...say(3, "chuyển tên về", "nhập tên vào sổ", "nhập tên vào hộ", "nhập tên", "nhập về nhà", "nhập vào nhà"),
    ...say(3, "move in with", "moving in with", "move in"),
    ...say(2.5, "về làm dâu", "về ở chung", "ở chung với", "dọn về ở", "dọn về", "lên ở với", "về ở với"),
    ...say(2.5, "in laws", "chuyển về nhà mới", "chuyển hết về", "nhập cho vợ", "nhập cho chồng"),
    ...say(2, "mua nhà", "nhà mới", "về nhà chồng", "về nhà vợ"),
    // Joining a household: "vào hộ nhà chồng", "chuyển về hộ bên vợ", "moving into the family home".
    ...say(3, "vào hộ", "về hộ", "sang hộ", "nhập hộ", "chung hộ", "move into", "moving into", "moved into"),
    ...say(2.5, "về sống với", "về sống chung", "sống chung với"),
    ...say(2, "con dâu", "ba mẹ vợ", "bố mẹ vợ", "ba mẹ chồng", "bố mẹ chồng", "family home"),
  ],
  "dang-ky-ho-kinh-doanh": [
    ...say(3.5, "mở quán", "mở tiệm", "mở cửa hàng", "mở shop", "mở tạp hóa", "mở sạp", "mở xe", "mở quầy"),
    ...say(3.5, "open shop", "open store", "open restaurant", "open cafe", "open business", "open stall"),
    ...say(3, "sửa xe", "tiệm sửa xe", "mở hàng", "mở điểm bán", "food stall", "xe bánh mì", "bán rau", "sạp hàng"),
    ...say(2.5, "buôn bán", "stall"),
    ...say(2, "tạp hóa", "quán ăn", "quán cà phê", "quán nước"),
    // Selling from home or a cart is a household business too.
    ...say(2, "bán trước nhà", "bán tại nhà", "bán ở nhà", "bán online", "bán đồ ăn", "bán cơm", "bán nước"),
    ...say(2, "bán cà phê", "bán quần áo", "kinh doanh nhỏ", "trước cửa nhà", "bán buổi sáng", "bán ăn sáng"),
    // Planning to sell is planning a business; a house, land or a vehicle sold is not one.
    ...say(2.5, "tính bán", "định bán", "muốn bán", "sẽ bán", "mở bán", "noodle shop", "coffee shop"),
    ...say(1.5, "bán hàng", "shop"),
  ],
};

function say(weight: number, ...phrases: string[]): IntentKeyword[] {
  return phrases.map((phrase) => ({ phrase, weight }));
}
