/**
 * What citizens type when they mean a procedure, a status lookup, a human, small talk or
 * something another office does: the words they really use, not only the official names.
 * What happened and what a paper is for ("vợ mới sanh", "để đi xuất khẩu lao động") are in
 * `flows/lifeEvents.ts`. Written with diacritics; the matcher folds them, so "hộ khẩu" also
 * matches "ho khau" and "HỘ KHẨU". Teen-code ("dk", "lltp", "gpkd") is expanded by the
 * matcher before matching, so it is not repeated here.
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
  /**
   * For another office's business: the phrase changes, corrects, ends or taxes something a
   * procedure made ("đổi tên", "giải thể", "đóng thuế"), so a procedure's paper or registration
   * named with it is its object ("đổi tên trong giấy khai sinh", "giải thể hộ kinh doanh"),
   * not what is asked for.
   */
  readonly actsOn?: boolean;
}

const say = (weight: number, ...phrases: string[]): IntentKeyword[] => phrases.map((phrase) => ({ phrase, weight }));

const paper = (weight: number, ...phrases: string[]): IntentKeyword[] =>
  phrases.map((phrase) => ({ phrase, weight, document: true }));

const actOn = (weight: number, ...phrases: string[]): IntentKeyword[] =>
  phrases.map((phrase) => ({ phrase, weight, actsOn: true }));

/**
 * Weighted keywords for each of the eight procedures, by procedure id: their names and the
 * synonyms and papers people name them by.
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
    ...say(2.5, "birth"),
    ...say(2.5, "đăng ký cho con", "đăng ký cho bé", "đăng ký cho cháu"),
  ],
  "dang-ky-khai-tu": [
    ...say(4, "đăng ký khai tử", "khai tử", "làm khai tử", "báo tử", "register death", "death registration"),
    ...paper(3.5, "giấy chứng tử", "giấy báo tử", "giấy khai tử", "death certificate"),
    ...say(3, "death"),
    ...paper(2.5, "chứng tử"),
  ],
  "dang-ky-ket-hon": [
    ...say(4, "đăng ký kết hôn", "làm hôn thú", "register marriage", "marriage registration"),
    ...say(3.5, "kết hôn"),
    ...paper(3.5, "giấy đăng ký kết hôn", "giấy chứng nhận kết hôn", "giấy kết hôn", "giấy hôn thú"),
    ...paper(3.5, "hôn thú"),
    ...paper(3.5, "marriage certificate"),
    ...say(3, "marriage", "marry"),
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
    ...say(2.5, "unmarried"),
  ],
  "chung-thuc-ban-sao-tu-ban-chinh": [
    ...say(4, "chứng thực bản sao", "sao y bản chính", "sao y", "chứng thực", "certified copy"),
    ...say(4, "certified copies"),
    ...say(4, "certify copy", "true copy", "photo công chứng", "bản sao công chứng"),
    // Notaries also notarise contracts and wills, which is not this procedure: "công chứng" alone
    // only offers the copy, and a paper after it makes it one ("công chứng bằng đại học").
    ...say(2.5, "công chứng", "notarize", "notarized", "notarise", "notarised", "notary"),
    ...say(3, "certify", "sơ yếu lý lịch"),
    ...say(2, "attest"),
    ...say(1.5, "bản sao", "copy", "copies", "photocopy", "bản chính"),
    ...say(1, "photo"),
  ],
  "dang-ky-thuong-tru": [
    ...say(4, "đăng ký thường trú", "thường trú", "nhập hộ khẩu", "chuyển hộ khẩu", "tách hộ khẩu"),
    ...say(4, "đăng ký hộ khẩu", "permanent residence", "household registration", "residence registration"),
    ...say(4, "register residence", "register household", "household register", "permanent resident"),
    ...say(4, "permanent address", "register as resident", "register as permanent resident"),
    ...say(3.5, "chuyển khẩu", "tách khẩu", "cắt khẩu", "nhập khẩu cho"),
    ...paper(3, "hộ khẩu", "sổ hộ khẩu", "hồ sơ hộ khẩu"),
    ...say(3, "tách hộ", "nhập khẩu"),
    ...say(2.5, "residence", "nhập vào hộ", "nhập thêm người vào hộ"),
    ...say(2, "cư trú", "ct01"),
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
    ...say(3.5, "hộ cá thể"),
    ...say(3, "kinh doanh cá thể", "phép kinh doanh"),
    ...say(2.5, "kinh doanh", "business"),
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
 * lookup verb to make a status lookup. The matcher adds these weights up, with those of
 * `DOSSIER_KEYWORDS`. A question whether something is done yet is about a dossier that
 * exists, so it weighs as much as the procedure it names: "giấy khai sinh của bé xong chưa"
 * is a status lookup; so is a dossier said to be still waiting ("đang xử lý", "pending").
 */
export const STATUS_LOOKUP_KEYWORDS: readonly IntentKeyword[] = [
  ...say(4, "tra cứu hồ sơ", "kiểm tra hồ sơ", "tình trạng hồ sơ", "trạng thái hồ sơ", "tiến độ hồ sơ"),
  ...say(4, "tra cứu kết quả", "check application", "application status", "track application"),
  ...say(4, "status of application", "check status", "any update", "update on", "status of"),
  // Sent back, refused, held up or overdue: said only of a dossier handed in.
  ...say(3, "bị trả về", "trả về", "bị trả lại", "bị từ chối", "từ chối", "bị treo", "yêu cầu bổ sung"),
  ...say(
    3,
    "bổ sung hồ sơ",
    "trễ hẹn",
    "quá hạn rồi",
    "trễ hạn rồi",
    "quá hẹn",
    "bao lâu nữa",
    "chờ lâu quá",
    "đợi lâu quá",
  ),
  // Not "tới chưa" alone: it folds like "tôi chưa".
  ...say(3, "tới chưa vậy", "tới nơi chưa", "đến chưa", "chờ gì nữa", "đợi gì nữa", "where application", "done yet"),
  ...say(3, "any news", "returned", "rejected", "refused", "overdue"),
  ...say(3, "tiến độ", "mã hồ sơ", "mã biên nhận"),
  ...say(3, "tới đâu rồi", "đến đâu rồi", "xong chưa", "được duyệt chưa", "duyệt chưa", "có kết quả chưa"),
  ...say(3, "lấy được chưa", "nhận được chưa", "có chưa", "sao chưa có", "sao chưa thấy", "vẫn chưa có"),
  ...say(3, "vẫn chưa thấy", "chưa thấy gì", "chưa có tin", "ready yet", "any update", "been approved"),
  ...say(3, "happening with", "xử lý tới đâu", "giải quyết tới đâu"),
  ...say(3, "đang xử lý", "đang chờ xử lý", "xử lý hoài", "xử lý lâu", "đang ở đâu", "ở đâu rồi", "tới bước nào"),
  ...say(3, "pending", "still waiting", "go through", "gone through", "heard back", "any progress"),
  ...say(2.5, "tra cứu"),
  // Asked of one's own: "hồ sơ hộ khẩu của tôi sao rồi".
  ...say(3.5, "của tôi sao rồi", "của em sao rồi", "của mình sao rồi", "của tui sao rồi"),
  ...say(2.5, "sao rồi", "thế nào rồi", "chưa có kết quả", "chưa thấy kết quả", "chưa nhận được"),
  ...say(2.5, "bao giờ có kết quả", "khi nào có kết quả", "bao giờ xong", "khi nào xong", "be ready"),
  ...say(2, "bao giờ có", "khi nào có", "chừng nào có", "khi nào nhận", "bao giờ nhận", "lấy kết quả"),
  ...say(2, "trả kết quả", "ngày hẹn", "hẹn trả", "pick up", "when ready", "theo dõi", "kiểm tra"),
  // How long it takes is asked before handing in as often as after.
  ...say(1.5, "bao lâu thì có", "bao lâu có"),
  ...say(2.5, "chưa xong", "sao chưa xong"),
  ...say(2, "status", "track", "biên nhận", "giấy hẹn", "approved", "update", "progress"),
  ...say(1.5, "done", "finished", "processed", "ready"),
];

/**
 * The dossier named, not asked about: evidence for a status lookup that adds to the words
 * that ask ("hồ sơ của tôi" + "tới đâu rồi"), but says nothing of its own on whether a dossier
 * handed in is asked about ("đã nộp hồ sơ khai sinh rồi, giờ muốn nhập hộ khẩu").
 */
export const DOSSIER_KEYWORDS: readonly IntentKeyword[] = [
  ...say(1.5, "hồ sơ của tôi", "hồ sơ của mình", "hồ sơ của em", "application", "paperwork", "my file"),
  // "hồ sơ hộ khẩu" is a dossier, not "hồ" and "sổ hộ khẩu".
  ...say(1, "hồ sơ hộ khẩu"),
  ...say(1, "hồ sơ"),
  // Handing in is said before as often as after: whether it was done is read apart.
  ...say(0.5, "nộp hồ sơ", "nộp đơn", "đã nộp"),
];

/**
 * Asking when, or whether, something is done or given back: "bao giờ lấy được", "chừng nào",
 * "chưa thấy gọi", "im re", "when can I collect". On their own they ask about a procedure
 * ("làm khai sinh khi nào lấy được"); after a dossier said to be handed in ("nộp hôm 25",
 * "I sent it last Tuesday") they ask where it has got to. How long something takes ("bao
 * lâu", "how long") is asked before applying as often as after, so it is not among them.
 */
export const PROGRESS_QUESTION_KEYWORDS: readonly IntentKeyword[] = [
  ...say(1, "bao giờ", "khi nào", "chừng nào", "lúc nào", "hôm nào", "ngày nào", "mấy ngày", "mấy bữa"),
  ...say(1, "lấy được", "nhận được", "lấy giấy", "nhận giấy", "có giấy", "lên nhận", "lên lấy", "kết quả"),
  // Not "chờ" nor "đợi" alone: they fold like "cho" and "đời", "đổi".
  ...say(1, "duyệt", "được duyệt", "xử lý", "giải quyết", "đang chờ", "chờ hoài", "chờ lâu", "chờ mãi"),
  ...say(1, "đang đợi", "đợi hoài", "đợi lâu", "hoài", "mãi", "lâu quá"),
  ...say(1, "lâu vậy", "chưa thấy", "chưa có", "chưa nhận", "chưa được", "chưa gọi", "chưa ai"),
  ...say(1, "chưa lấy", "im re", "im ru", "im lặng", "cập nhật", "liên lạc", "gọi lại", "báo lại", "xem giúp"),
  ...say(1, "coi giúp", "hẹn"),
  ...say(1, "when", "collect", "heard", "hear", "news", "waiting", "still"),
];

/**
 * Asking for a person. The strong phrases ask, also next to a procedure's name ("cho em gặp
 * cán bộ hộ tịch", "can I speak with an officer about my marriage registration"); the bare
 * nouns ("nhân viên", "cán bộ") count only when the message says nothing about a procedure
 * ("tôi là nhân viên văn phòng, cần lý lịch tư pháp" is about the criminal record).
 */
export const HUMAN_KEYWORDS: readonly IntentKeyword[] = [
  ...say(4, "gặp cán bộ", "gặp nhân viên", "gặp người thật", "nói chuyện với người", "người thật"),
  ...say(4, "nói chuyện với cán bộ", "nói chuyện với nhân viên", "tổng đài viên", "nhân viên tư vấn"),
  ...say(4, "nhân viên hỗ trợ", "cán bộ hỗ trợ", "cán bộ tư vấn", "kết nối cán bộ", "kết nối với cán bộ"),
  ...say(4, "kết nối nhân viên", "kết nối với nhân viên", "chuyển cho cán bộ", "kết nối với bộ phận"),
  ...say(4, "cán bộ thật", "nhân viên thật", "gặp lãnh đạo", "người phụ trách", "cán bộ phụ trách"),
  ...say(4, "hỏi trực tiếp", "hỏi cán bộ", "hỏi nhân viên", "tư vấn trực tiếp", "gọi cán bộ"),
  ...say(4, "gọi nhân viên", "ai trực", "đang trực", "người trực", "cán bộ trực", "nói chuyện với máy", "chat với máy"),
  ...say(4, "talk to human", "speak to human", "talk to person", "speak to person", "real person"),
  ...say(4, "human agent", "live agent", "talk to someone", "speak to someone", "customer service"),
  ...say(4, "talk with someone", "speak with someone", "talk to officer", "speak to officer"),
  ...say(4, "speak with officer", "talk with officer", "real officer", "talk to staff", "speak to staff"),
  ...say(4, "not bot", "cán bộ nào", "nhân viên nào", "cán bộ online", "nhân viên online", "ai online"),
  ...say(3, "tổng đài", "operator", "người thực", "gặp người", "người hỗ trợ", "help from staff", "gặp ai"),
  ...say(3, "gặp trực tiếp", "gọi người", "có ai không", "có ai ở đó", "có người nào", "ai trả lời", "người trả lời"),
  // Put through, called back or given a number: a person all the same.
  ...say(4, "chuyển máy", "nối máy", "người tư vấn", "tư vấn viên", "nói chuyện với ai", "người có thẩm quyền"),
  ...say(
    4,
    "số cán bộ",
    "số nhân viên",
    "số điện thoại cán bộ",
    "số của cán bộ",
    "liên hệ với cán bộ",
    "liên hệ cán bộ",
    "gọi lại cho",
  ),
  ...say(4, "connect me", "transfer me", "put me through", "someone real", "real human", "call me back"),
  ...say(4, "call back", "speak to supervisor", "talk to supervisor"),
  ...say(3, "số điện thoại", "hotline", "đường dây nóng", "gọi trực tiếp", "ai tư vấn", "ai chỉ", "ai hướng dẫn"),
  ...say(3, "ai giúp", "cần người", "người giúp", "người hướng dẫn", "người chỉ", "consultant", "phone number"),
  ...say(3, "supervisor", "manager", "speak to", "talk to", "someone who"),
  // Fed up with the machine: someone who understands is wanted.
  ...say(3, "bot ngu", "máy ngu", "ngu quá", "vô dụng", "useless", "stupid bot"),
  ...say(3, "nghe máy", "bắt máy", "call me", "someone call", "gọi cho em", "gọi cho tôi", "gọi cho mình"),
  ...say(3, "gọi cho tui", "nói chuyện"),
  ...say(4, "nói chuyện trực tiếp", "hướng dẫn trực tiếp", "chỉ trực tiếp", "get me someone", "get me person"),
  ...say(3, "có cô chú nào", "có anh chị nào", "có chú nào", "có cô nào", "có anh nào", "có chị nào"),
  // A complaint wants someone who can act on it.
  // Where to complain goes to another office when the message names what about ("phản ánh đèn đường hư").
  ...say(2.5, "khiếu nại", "phản ánh", "complain", "complaint"),
  ...say(3, "cán bộ ơi", "nhân viên ơi"),
  ...say(1.5, "nhân viên", "cán bộ", "admin", "human", "agent", "staff", "officer", "tư vấn", "person"),
  // "apply in person", "nộp trực tiếp": how, not whom.
  ...say(0, "in person"),
];

/** Small talk, by what the assistant answers to it. */
export type SmallTalk = "hello" | "thanks" | "goodbye" | "whoAreYou" | "kindWords" | "okay";

/**
 * Greetings, thanks and small talk: answered briefly, with the menu, when the message says
 * nothing else. "ok", "dạ vâng", laughter and emoji acknowledge; "bot hả" and "mình đang nói
 * chuyện với ai vậy" ask who answers; compliments and well-wishes are kind words.
 */
export const SMALL_TALK_KEYWORDS: Readonly<Record<SmallTalk, readonly IntentKeyword[]>> = {
  hello: [
    ...say(2, "chào", "xin chào", "alo", "hello", "hi", "hey", "helo", "hế lô", "bot ơi", "ad ơi"),
    ...say(2, "good morning", "good afternoon", "good evening", "khỏe không", "ăn cơm chưa"),
    // Calling the shop, the page or the assistant by name: "shop ơi", "trợ lý ơi", "Khai Hộ ơi".
    ...say(2, "shop ơi", "trợ lý ơi", "page ơi", "khai hộ ơi", "chào khai hộ", "hi there", "hii", "helloo"),
    // Remarks on the weather, not a forecast asked for.
    ...say(2, "trời nóng", "trời mát", "trời đẹp", "trời lạnh", "nóng quá", "nóng ghê", "mát ghê", "lạnh quá"),
  ],
  thanks: [...say(2, "cảm ơn", "cám ơn", "thanks", "thank you", "thank", "tks", "thx", "camon")],
  goodbye: [...say(2, "tạm biệt", "bye", "goodbye", "bai bai", "good night", "chúc ngủ ngon", "hẹn gặp lại")],
  whoAreYou: [
    ...say(2, "bạn là ai", "em là ai", "bạn tên gì", "em tên gì", "bot hả", "bot à", "là bot", "là robot"),
    ...say(2, "tên gì", "tên là gì", "your name", "ai làm ra", "phải ai không", "là ai không", "chatbot"),
    // What the assistant can do: answered with what it does.
    ...say(2, "làm được gì", "giúp được gì", "làm gì được", "what can you do", "what do you do", "how can you help"),
    ...say(2, "người hay máy", "who are you", "are you bot", "are you robot", "what are you"),
    // Asking whether a person or a machine answers is not asking for a person.
    ...say(2, "hay máy", "hay là máy", "hay bot", "máy tự động", "trả lời tự động", "ai vậy"),
    ...say(2, "đang nói chuyện với ai", "đang chat với ai", "ai đang chat", "ai đang trả lời", "ai đang nhắn"),
    ...say(2, "who is this", "who am talking to", "who am chatting with", "this real person", "you real person"),
    ...say(2, "this bot", "you human", "this human", "this automated", "đang chat với máy", "đang nói chuyện với máy"),
    ...say(2, "bạn là người thật", "em là người thật", "bạn có phải người thật", "là người hay máy"),
  ],
  kindWords: [
    ...say(2, "dễ thương", "giỏi", "giỏi quá", "thông minh", "hay quá", "hay ghê", "tuyệt vời", "tuyệt", "xuất sắc"),
    ...say(2, "nhanh ghê", "nhanh quá", "trả lời nhanh", "chu đáo", "nhiệt tình", "tận tình", "dễ hiểu"),
    ...say(2, "chúc", "chúc mừng", "năm mới", "vui vẻ", "sức khỏe", "bình an", "may mắn", "thành công"),
    ...say(2, "tốt lành", "an khang", "thịnh vượng", "như ý", "hạnh phúc"),
    ...say(2, "good job", "great job", "well done", "good bot", "nice", "great", "awesome", "amazing", "helpful"),
    ...say(2, "smart", "cute", "love", "have nice day", "have good day", "happy new year", "best wishes"),
  ],
  okay: [
    ...say(1, "ok", "oke", "okay", "okie", "vâng", "dạ vâng", "ừ", "dạ", "được rồi"),
    // Laughter, however long ("hahaha", "kkkk"), is read as one of these.
    ...say(1, "haha", "hihi", "hehe", "hoho", "kaka", "keke", "hjhj", "kkk", "lol", "lmao"),
  ],
};

/**
 * What other offices do: the courts (divorce), land offices (titles), notaries (contracts,
 * wills, a CV's signature), the police (passports, ID cards, temporary residence, vehicles,
 * fines, thefts, lost papers), tax, insurance, social benefits, health, schools, utilities
 * and the weather, and the civil-status work that is not one of the eight procedures
 * (extracts, corrections, adoption). Named outright, they are answered with what this
 * assistant does instead of starting a procedure; mentioned around a procedure ("kết hôn lần
 * 2 sau khi ly hôn", "sao y hộ chiếu") they lose to it. ID papers are papers: in a message
 * that asks for a certified copy they are what is copied. The weakest ("thủ tục", "xin cấp")
 * only say that some public service is asked for: when nothing else is recognised and the
 * message names something, that service is another office's.
 */
export const OUT_OF_SCOPE_KEYWORDS: readonly IntentKeyword[] = [
  ...say(4, "ly hôn", "ly dị", "divorce", "sang tên", "tách thửa", "chuyển nhượng đất", "tranh chấp đất"),
  ...say(4, "quyền sử dụng đất", "land title", "land use", "giấy phép xây dựng", "xin phép xây dựng"),
  ...say(4, "building permit"),
  // Courts, inheritance and land use. Inheritance without "kế": a two-letter keyword word is never
  // read as a slip, and "ker hon" is "kết hôn".
  ...say(
    4,
    "tòa án",
    "ra tòa",
    "ở tòa",
    "lên tòa",
    "chia tay",
    "chia đất",
    "di sản",
    "chia thừa",
    "thừa hưởng",
    "get divorced",
    "getting divorced",
  ),
  ...say(4, "sử dụng đất", "thổ cư", "chuyển mục đích", "đất ruộng", "xây lấn", "lấn đất", "lấn chiếm", "lấn qua"),
  ...say(4, "sở hữu nhà", "land title", "property tax", "inheritance", "file for divorce"),
  ...paper(4, "sổ đỏ", "sổ hồng", "hộ chiếu", "passport", "giấy phép lái xe", "driving licence"),
  ...paper(4, "driving license", "driver license"),
  ...say(4.5, "công chứng hợp đồng", "chứng thực hợp đồng", "chứng thực chữ ký", "công chứng di chúc"),
  ...say(4.5, "trích lục khai sinh", "trích lục kết hôn", "trích lục khai tử", "bản sao trích lục"),
  ...say(4.5, "đăng ký tạm trú", "khai báo tạm trú", "notarize contract"),
  ...say(4, "hợp đồng mua bán", "hợp đồng chuyển nhượng", "hợp đồng tặng cho", "hợp đồng cho tặng"),
  ...say(4, "di chúc", "khai nhận di sản", "last will", "trích lục", "copy extract"),
  ...say(4, "tạm trú", "tạm vắng", "temporary residence", "đăng ký xe", "đăng kiểm", "mã số thuế"),
  ...say(4, "nộp phạt", "đóng phạt", "phạt nguội", "vi phạm giao thông", "phạt giao thông", "traffic fine"),
  ...say(4, "pay fine", "xin học", "tuyển sinh", "vào lớp 1", "vào lớp một", "chuyển trường"),
  ...say(4, "school enrolment", "school enrollment", "tiền điện", "tiền nước", "electricity bill"),
  ...say(4, "water bill", "gắn chip"),
  ...paper(3.5, "căn cước", "căn cước công dân", "chứng minh nhân dân", "bằng lái", "identity card", "id card"),
  // "thuế" (tax) folds like "thuê" (rent): only its compounds are kept.
  ...say(4, "quyết toán thuế", "thuế đất", "thuế thu nhập", "khai thuế", "hoàn thuế", "mức thuế", "tiền thuế"),
  ...say(3.5, "bảo hiểm", "insurance", "tax", "nhập học", "enrol", "enroll", "hóa đơn", "biển số"),
  ...paper(3, "cccd", "cmnd"),
  ...say(3, "đất đai", "mầm non", "lớp 1", "bill", "contract", "định danh điện tử", "ly thân"),
  // Utilities and the weather.
  ...say(4, "cúp điện", "mất điện", "cắt điện", "cúp nước", "mất nước", "cắt nước", "điện lực", "cấp nước"),
  ...say(4, "đèn đường", "power outage", "blackout", "thời tiết", "dự báo", "trời mưa", "có mưa không"),
  ...say(4, "lũ lụt", "weather", "forecast", "rain", "storm", "flood", "typhoon"),
  ...say(4, "báo cháy", "cháy nhà", "chữa cháy", "cứu hỏa", "fire", "xác nhận thu nhập"),
  ...say(4, "primary school", "kindergarten", "bị đánh", "đánh nhau", "bạo lực", "bắt nạt"),
  // Goods the police license or forbid.
  // Not "súng" alone: it folds like "sung" (bổ sung).
  ...say(4, "pháo hoa", "pháo", "fireworks", "vũ khí", "súng săn", "súng hơi", "súng đạn", "khẩu súng", "weapon"),
  ...say(4, "gun"),
  ...say(3, "school"),
  ...say(3, "rác", "internet", "wifi", "ngập", "outage", "electricity", "water supply"),
  // The same words about a telephone: they count for nothing ("ba tôi mất điện thoại").
  ...say(0, "mất điện thoại", "cúp điện thoại", "cắt điện thoại"),
  // Social benefits, health, adoption, the army.
  ...say(4, "hộ nghèo", "cận nghèo", "trợ cấp", "bảo trợ xã hội", "khuyết tật", "người cao tuổi", "lương hưu"),
  ...say(4, "thất nghiệp", "người có công", "thương binh", "liệt sĩ", "học bổng", "pension", "welfare"),
  ...say(4, "allowance", "disability", "unemployment", "nhận con nuôi", "nhận nuôi", "nuôi con nuôi", "adopt"),
  ...say(4, "adoption", "adopting", "tiêm chủng", "tiêm phòng", "tiêm ngừa", "vắc xin", "vaccine", "vaccination"),
  ...say(4, "vaccinated", "khám bệnh", "khám sức khỏe", "nghĩa vụ quân sự", "military service", "hiến máu"),
  // The police, vehicles, land and buildings.
  ...say(4, "trình báo", "báo mất", "báo công an", "bị trộm", "mất trộm", "tố giác", "giấy tờ xe"),
  ...say(4, "cà vẹt", "giam xe", "xe bị giam", "đo đạc", "thửa đất", "ranh đất", "diện tích đất", "mua bán đất"),
  ...say(4, "bán nhà", "bán đất", "bán xe", "sell house", "sell land"),
  ...say(4, "giấy tay", "tranh chấp", "sửa nhà", "xây nhà", "work permit", "giấy phép lao động"),
  ...say(4, "xác nhận sơ yếu lý lịch", "chứng thực sơ yếu lý lịch", "xác nhận lý lịch"),
  ...say(3.5, "sơ yếu lý lịch"),
  ...say(3.5, "công an"),
  // Where to hand a dossier in, not the police's business: "nộp ở công an phường hay UBND".
  ...say(1, "ở công an", "tại công an", "nộp công an"),
  ...say(3, "police station", "giấy tờ tùy thân", "trộm", "xe máy", "hợp đồng thuê"),
  // Jobs, companies, banks, schools' fees, visas and travel.
  ...say(4, "tìm việc", "việc làm", "tuyển dụng", "tuyển nhân viên", "tuyển người", "tuyển cán bộ", "find job"),
  ...say(4, "thành lập công ty", "mở công ty", "công ty tnhh", "cổ phần", "doanh nghiệp", "set up company"),
  ...say(4, "tài khoản ngân hàng", "mở tài khoản", "bank account", "vay vốn", "học phí", "tuition"),
  ...say(4, "visa du lịch", "tourist visa", "residence card", "thẻ tạm trú", "dịch thuật", "translate"),
  ...say(4, "translation", "xóa án tích", "ra tù", "giám hộ", "guardian", "guardianship"),
  ...say(4, "nhận cha", "nhận mẹ", "nhận cha con", "nhận mẹ con", "nhận con", "xác nhận cư trú"),
  ...say(4.5, "giấy xác nhận cư trú", "xác nhận thông tin cư trú", "xác nhận nơi cư trú"),
  ...say(3, "du lịch", "travel"),
  // Neighbours, nuisances and the street.
  ...say(3, "hàng xóm", "nhà bên cạnh", "nhà bên", "neighbour", "neighbor"),
  ...say(4, "ồn ào", "tiếng ồn", "mở nhạc", "nhạc lớn", "mùi hôi", "hôi thối", "ô nhiễm", "loud music", "noise"),
  ...say(4, "chó cắn", "cây đổ", "cây ngã", "ống nước", "bể ống", "vỡ ống", "nước máy", "đồng hồ nước"),
  ...say(4, "công tơ điện", "đồng hồ điện", "lắp điện", "bị cúp", "tố cáo", "hối lộ", "tham nhũng"),
  ...say(4, "an toàn thực phẩm", "vệ sinh thực phẩm", "an toàn vệ sinh", "food safety"),
  ...say(2.5, "lost", "report"),
  // What changes, ends or taxes a paper or a registration made by a procedure.
  ...actOn(4, "cải chính", "đổi tên", "thay đổi tên", "đổi họ", "thay đổi họ", "sửa tên", "sửa lại", "sửa sai"),
  ...actOn(4, "sửa ngày sinh", "sửa thông tin", "thay đổi thông tin", "điều chỉnh", "bổ sung tên"),
  ...actOn(4, "bổ sung thông tin", "xác định lại", "giải thể", "chấm dứt", "tạm ngừng", "ngừng kinh doanh"),
  ...actOn(4, "nghỉ kinh doanh", "dẹp tiệm", "dẹp quán", "correct", "correction", "change name", "amend"),
  ...actOn(4, "dissolve", "môn bài", "đóng thuế", "nộp thuế", "thuế khoán", "change surname", "change last name"),
  ...actOn(4, "sửa năm sinh", "sửa giấy", "sửa hộ tịch", "sửa quê quán", "sửa giới tính", "sửa dân tộc", "sửa họ"),
  ...actOn(3, "close", "ghi sai", "bị sai"),
  // Renewing or extending is another office's paper: "gia hạn visa", "gia hạn tạm trú".
  ...actOn(4, "gia hạn", "renew", "renewed", "extend"),
  // Removing someone from a register, and businesses that need a licence of their own.
  ...actOn(4, "xóa", "xóa tên", "xóa đăng ký", "xóa hộ khẩu", "xóa thường trú", "karaoke", "quán bar", "vũ trường"),
  ...actOn(4, "cầm đồ", "xăng dầu"),
  // Some public service is asked for, no more.
  ...say(1.5, "thủ tục", "xin cấp", "cấp lại", "cấp đổi", "cấp phép", "xin phép", "xin giấy", "làm giấy"),
  ...say(1.5, "giấy tờ", "đăng ký", "xin xác nhận", "xác nhận", "làm hồ sơ", "procedure", "permit", "giấy phép"),
];
