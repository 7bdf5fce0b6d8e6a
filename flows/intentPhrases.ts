/**
 * What citizens type when they mean a procedure, a status lookup or a human: the words they
 * really use, not only the official names. Written with diacritics; the matcher folds them,
 * so "hộ khẩu" also matches "ho khau" and "HỘ KHẨU". Teen-code ("dk", "lltp", "gpkd") is
 * expanded by the matcher before matching, so it is not repeated here.
 */

/**
 * One keyword or phrase and how much it says about the intent.
 *
 * Weights: 4 names the procedure outright ("đăng ký khai sinh"); 3–3.5 a synonym people use
 * for it ("hôn thú", "sao y"); 2–2.5 a strong hint ("mới sinh", "mở quán"); ≤ 1.5 a hint
 * that only counts when nothing better is said ("bản sao", "cư trú").
 */
export interface IntentKeyword {
  readonly phrase: string;
  readonly weight: number;
  /**
   * The phrase names a paper ("giấy khai sinh", "sổ hộ khẩu"), not an action. In a message
   * that asks for a certified copy, such a paper is what is being copied ("sao y giấy khai
   * sinh"), so it counts for little there.
   */
  readonly document?: boolean;
}

const say = (weight: number, ...phrases: string[]): IntentKeyword[] => phrases.map((phrase) => ({ phrase, weight }));

const paper = (weight: number, ...phrases: string[]): IntentKeyword[] =>
  phrases.map((phrase) => ({ phrase, weight, document: true }));

/**
 * Weighted keywords for each of the eight procedures, by procedure id.
 *
 * @example
 * INTENT_KEYWORDS["dang-ky-ket-hon"]?.find((k) => k.phrase === "hôn thú")
 * // { phrase: "hôn thú", weight: 3.5, document: true }
 */
export const INTENT_KEYWORDS: Readonly<Record<string, readonly IntentKeyword[]>> = {
  "dang-ky-khai-sinh": [
    ...say(4, "đăng ký khai sinh", "làm khai sinh", "đi khai sinh", "khai sinh cho con", "khai sinh cho bé"),
    ...say(4, "khai sinh cho cháu", "khai sanh cho con", "register birth", "birth registration"),
    ...say(3.5, "khai sinh", "khai sanh"),
    ...paper(3.5, "giấy khai sinh", "giấy khai sanh", "birth certificate"),
    ...paper(2.5, "giấy chứng sinh", "giấy chứng sanh"),
    ...say(2.5, "birth", "newborn", "new baby", "baby born"),
    ...say(2, "mới sinh", "mới sanh", "vừa sinh", "vừa sanh", "mới đẻ", "vừa đẻ", "sinh con", "sanh con"),
    ...say(2, "trẻ sơ sinh", "sinh em bé", "sanh em bé", "bé mới sinh", "đặt tên cho con", "chào đời"),
    ...say(2, "sinh được", "sanh được", "sinh ra", "sanh ra", "gave birth"),
    ...say(2.5, "đăng ký cho con", "đăng ký cho bé", "đăng ký cho cháu"),
    ...say(1.5, "born", "baby"),
    // Papers for an infant are nearly always its birth registration.
    ...say(1, "em bé", "bé"),
  ],
  "dang-ky-khai-tu": [
    ...say(4, "đăng ký khai tử", "khai tử", "làm khai tử", "báo tử", "register death", "death registration"),
    ...paper(3.5, "giấy chứng tử", "giấy báo tử", "giấy khai tử", "death certificate"),
    ...say(3, "qua đời", "từ trần", "tạ thế", "passed away", "died", "death", "người thân mất"),
    ...say(3, "người nhà mất"),
    ...paper(2.5, "chứng tử"),
    ...say(2.5, "chết", "người mất", "deceased"),
    ...say(2, "mới mất", "vừa mất", "đám tang", "mai táng", "funeral"),
    ...say(1.5, "đã mất"),
  ],
  "dang-ky-ket-hon": [
    ...say(4, "đăng ký kết hôn", "làm hôn thú", "register marriage", "marriage registration"),
    ...say(4, "get married", "getting married"),
    ...say(3.5, "kết hôn"),
    ...paper(3.5, "giấy đăng ký kết hôn", "giấy chứng nhận kết hôn", "giấy kết hôn", "giấy hôn thú"),
    ...paper(3.5, "hôn thú"),
    ...paper(3.5, "marriage certificate"),
    ...say(3, "marriage", "marry"),
    ...say(2.5, "cưới vợ", "cưới chồng", "lấy vợ", "lấy chồng", "sắp cưới", "cưới nhau", "đám cưới"),
    ...say(2.5, "married", "wedding"),
    ...say(1.5, "hôn nhân"),
    ...say(1, "vợ chồng"),
  ],
  "cap-giay-xac-nhan-tinh-trang-hon-nhan": [
    ...paper(4.5, "giấy xác nhận tình trạng hôn nhân", "xác nhận tình trạng hôn nhân"),
    ...paper(4, "tình trạng hôn nhân", "giấy độc thân", "xác nhận độc thân", "chứng nhận độc thân"),
    ...paper(4, "xác nhận chưa kết hôn", "marital status", "single status", "certificate of no impediment"),
    ...paper(4, "chứng nhận chưa kết hôn", "chứng minh chưa kết hôn", "certificate of marital status"),
    ...paper(3.5, "xác nhận hôn nhân", "no impediment"),
    // "chưa kết hôn" is said of oneself to prove it; "bố mẹ chưa kết hôn" in a birth
    // registration still loses to the birth, which is named with more weight.
    ...say(3, "chưa kết hôn"),
    ...say(3, "độc thân"),
    ...say(2.5, "unmarried", "not married"),
    ...say(2, "chưa có vợ", "chưa có chồng", "chưa vợ", "chưa chồng", "single"),
  ],
  "chung-thuc-ban-sao-tu-ban-chinh": [
    ...say(4, "chứng thực bản sao", "sao y bản chính", "sao y", "chứng thực", "certified copy"),
    ...say(4, "certified copies"),
    ...say(4, "certify copy", "true copy"),
    ...say(3.5, "công chứng", "photo công chứng", "notarize", "notarized", "notarise", "notarised", "notary"),
    ...say(3, "certify", "sơ yếu lý lịch"),
    ...say(2, "attest"),
    ...say(1.5, "bản sao", "copy", "copies", "photocopy", "bản chính"),
    ...say(1, "photo"),
  ],
  "dang-ky-thuong-tru": [
    ...say(4, "đăng ký thường trú", "thường trú", "nhập hộ khẩu", "chuyển hộ khẩu", "tách hộ khẩu"),
    ...say(4, "đăng ký hộ khẩu", "permanent residence", "household registration", "residence registration"),
    ...say(4, "register residence", "register household", "household register", "permanent resident"),
    ...say(3.5, "chuyển khẩu", "tách khẩu", "cắt khẩu", "nhập khẩu cho"),
    ...paper(3, "hộ khẩu", "sổ hộ khẩu"),
    ...say(3, "tách hộ", "nhập khẩu"),
    ...say(2.5, "residence", "nhập vào hộ", "nhập thêm người vào hộ"),
    ...say(2, "cư trú", "ct01"),
    ...say(1, "tạm trú"),
  ],
  "cap-phieu-ly-lich-tu-phap": [
    ...paper(4.5, "lý lịch tư pháp", "phiếu lý lịch tư pháp"),
    ...paper(4, "phiếu lý lịch", "criminal record", "police clearance", "judicial record", "police record"),
    ...say(3.5, "không có án tích", "án tích"),
    ...say(3.5, "tiền án tiền sự", "police certificate", "police check", "background check", "record check"),
    ...say(3.5, "criminal check", "criminal background"),
    ...say(3, "tiền án"),
    ...paper(3, "lý lịch"),
    ...say(1, "tư pháp"),
  ],
  "dang-ky-ho-kinh-doanh": [
    ...say(4, "đăng ký hộ kinh doanh", "hộ kinh doanh", "đăng ký kinh doanh", "thành lập hộ kinh doanh"),
    ...say(4, "household business", "business registration", "register business", "start business"),
    ...say(4, "register household business", "household business registration"),
    ...paper(4, "giấy phép kinh doanh", "giấy đăng ký kinh doanh", "business license", "business licence"),
    ...say(3.5, "mở quán", "mở tiệm", "mở cửa hàng", "mở shop", "mở tạp hóa", "hộ cá thể"),
    ...say(3.5, "open shop", "open store", "open restaurant", "open cafe", "open business"),
    ...say(3, "kinh doanh cá thể", "phép kinh doanh"),
    ...say(2.5, "kinh doanh", "buôn bán", "business"),
    ...say(2, "tạp hóa", "quán ăn", "quán cà phê", "quán nước"),
    ...say(1.5, "bán hàng", "shop"),
  ],
};

/**
 * The phrases for each of the eight procedures, by procedure id, without weights: for
 * showing and testing what the matcher knows.
 *
 * @example INTENT_PHRASES["dang-ky-thuong-tru"]?.includes("nhập hộ khẩu") // true
 */
export const INTENT_PHRASES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(INTENT_KEYWORDS).map(([id, keywords]) => [id, keywords.map((k) => k.phrase)]),
);

/**
 * Asking where a dossier already filed has got to. "hồ sơ" alone is weak: "hồ sơ khai sinh
 * gồm gì" asks about a procedure; it takes a progress word ("tới đâu rồi", "xong chưa") or a
 * lookup verb to make a status lookup. The matcher adds these weights up.
 */
export const STATUS_LOOKUP_KEYWORDS: readonly IntentKeyword[] = [
  ...say(4, "tra cứu hồ sơ", "kiểm tra hồ sơ", "tình trạng hồ sơ", "trạng thái hồ sơ", "tiến độ hồ sơ"),
  ...say(4, "tra cứu kết quả", "check application", "application status", "track application"),
  ...say(4, "status of application", "check status"),
  ...say(3, "tiến độ", "mã hồ sơ", "mã biên nhận"),
  ...say(2.5, "tra cứu"),
  ...say(2.5, "tới đâu rồi", "đến đâu rồi", "xong chưa", "được duyệt chưa", "duyệt chưa", "có kết quả chưa"),
  ...say(2.5, "sao rồi", "thế nào rồi", "chưa có kết quả", "chưa thấy kết quả", "chưa nhận được"),
  ...say(2.5, "bao giờ có kết quả", "khi nào có kết quả", "bao giờ xong", "khi nào xong", "be ready"),
  ...say(2, "status", "track", "biên nhận", "giấy hẹn", "approved"),
  ...say(1.5, "done", "finished", "processed"),
  ...say(1.5, "hồ sơ của tôi", "hồ sơ của mình", "hồ sơ của em", "nộp hồ sơ", "application", "đã nộp"),
  ...say(1, "hồ sơ"),
];

/**
 * Asking for a person. The strong phrases ask; the bare nouns ("nhân viên", "cán bộ") count
 * only when the message says nothing about a procedure ("tôi là nhân viên văn phòng, cần lý
 * lịch tư pháp" is about the criminal record).
 */
export const HUMAN_KEYWORDS: readonly IntentKeyword[] = [
  ...say(4, "gặp cán bộ", "gặp nhân viên", "gặp người thật", "nói chuyện với người", "người thật"),
  ...say(4, "nói chuyện với cán bộ", "nói chuyện với nhân viên", "tổng đài viên", "nhân viên tư vấn"),
  ...say(4, "nhân viên hỗ trợ", "cán bộ hỗ trợ", "cán bộ tư vấn", "kết nối cán bộ", "kết nối với cán bộ"),
  ...say(4, "kết nối nhân viên", "kết nối với nhân viên", "chuyển cho cán bộ", "gặp trực tiếp"),
  ...say(4, "talk to human", "speak to human", "talk to person", "speak to person", "real person"),
  ...say(4, "human agent", "live agent", "talk to someone", "speak to someone", "customer service"),
  ...say(3, "tổng đài", "operator", "người thực", "gặp người", "người hỗ trợ", "help from staff", "gặp ai"),
  ...say(1.5, "nhân viên", "cán bộ", "admin", "human", "agent", "staff"),
];
