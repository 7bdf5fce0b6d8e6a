/**
 * Labelled first messages, written the way citizens of Hồng Ngự type them: with and without
 * diacritics, NFD from some phone keyboards, teen-code, southern spellings ("sanh", "ổng"),
 * typos, long rambling messages, English, and messages that mention two procedures of which
 * one is clearly meant. The label is what a clerk reading the message would start.
 *
 * Kept honest: when the matcher misses one of these, the matcher is changed, not the message.
 * The first 207 messages were written before the matcher. Two later batches were written as
 * unseen messages and measured before the matcher was changed for them: 95.0% top-1 (76/80)
 * and 89.4% top-1 (42/47), every miss a phrase the matcher did not know yet. Expect figures
 * like those on new kinds of messages, not the 100% this corpus now shows.
 *
 * The batch of seven classes (192 messages: life events and purposes, dossiers already filed,
 * asking for a person, typos and shorthand, long messages, small talk, other offices' business)
 * was written before the matcher was changed for it. Before: top-1 37.0% (71/192), top-3 40.6%
 * (78/192), 27 procedures started for a status lookup, a person or another office; on its 90
 * procedure messages alone top-1 63.3% (57/90), top-3 71.1%. Small talk and other offices
 * scored 0 then, as the "greeting" and "outOfScope" kinds did not exist; the earlier "none"
 * messages that are greetings or other offices' business were relabelled with them. After: top-1
 * 100% (192/192), top-3 100%, none started wrongly. Printed per batch by
 * `npx jest test/intent/matchIntent.test.ts -t "per batch"`.
 *
 * The batch of five classes (190 messages: dossiers filed and asked about, a person asked for
 * indirectly, reactions and kind words, needs of other offices, life events said indirectly)
 * was written and measured before the matcher was changed for it. Before: top-1 26.3%
 * (50/190), top-3 27.4% (52/190), 37 procedures started wrongly; by class, filed then asked
 * about 26.7% (12/45, 29 started), a person indirectly 39.3% (11/28), reactions and kind words
 * 20.0% (6/30), other needs 14.0% (8/57, 8 started), events indirectly 43.3% (13/30, top-3
 * 50.0%); the whole corpus then 81.3% top-1 (608/748). After: 100% top-1 and top-3 (190/190),
 * none started wrongly. Two earlier "none" messages were relabelled as out of scope (the
 * weather, the police's number), as what other offices do now includes them. Two checks were
 * written after that, each measured before the matcher was changed again: the first 81.3%
 * top-1 (61/75), 4 procedures started wrongly; the second 86.0% (43/50), 1 started wrongly,
 * one of its messages relabelled afterwards from the marital status certificate to the
 * marriage it asks about, as it names no proof of being single. Whole corpus after: top-1 100%
 * (873/873), top-3 100%, none started wrongly. Expect figures like those of the checks on
 * wordings not seen yet.
 */
export type IntentLabel =
  | "dang-ky-khai-sinh"
  | "dang-ky-khai-tu"
  | "dang-ky-ket-hon"
  | "cap-giay-xac-nhan-tinh-trang-hon-nhan"
  | "chung-thuc-ban-sao-tu-ban-chinh"
  | "dang-ky-thuong-tru"
  | "cap-phieu-ly-lich-tu-phap"
  | "dang-ky-ho-kinh-doanh"
  | "status"
  | "human"
  | "greeting"
  | "out-of-scope"
  | "none";

export interface LabelledMessage {
  readonly text: string;
  readonly expected: IntentLabel;
  /** For status lookups that carry a receipt code: the code as it must be returned. */
  readonly code?: string;
}

// Some Vietnamese keyboards (older iOS, Telex on Linux) send decomposed characters.
const nfd = (text: string): string => text.normalize("NFD");

const BIRTH = "dang-ky-khai-sinh";
const DEATH = "dang-ky-khai-tu";
const MARRIAGE = "dang-ky-ket-hon";
const SINGLE = "cap-giay-xac-nhan-tinh-trang-hon-nhan";
const COPY = "chung-thuc-ban-sao-tu-ban-chinh";
const RESIDENCE = "dang-ky-thuong-tru";
const RECORD = "cap-phieu-ly-lich-tu-phap";
const BUSINESS = "dang-ky-ho-kinh-doanh";

const birth: LabelledMessage[] = [
  { text: "toi muon lam giay khai sinh cho con", expected: BIRTH },
  {
    text:
      "Chào anh chị, vợ em mới sinh bé được 1 tuần, giờ em muốn làm khai sinh cho bé thì cần mang theo giấy tờ gì " +
      "ạ?",
    expected: BIRTH,
  },
  { text: "dk khai sinh cho con thi can nhung gi", expected: BIRTH },
  { text: nfd("Đăng ký khai sinh"), expected: BIRTH },
  { text: "khai sanh cho con gái mình ở phường An Lạc", expected: BIRTH },
  {
    text: "con em sinh ở bệnh viện Hồng Ngự, có giấy chứng sinh rồi, giờ làm giấy khai sinh sao ạ",
    expected: BIRTH,
  },
  { text: "lam khai sinh cho chau noi dc ko", expected: BIRTH },
  { text: "I need to register my baby's birth", expected: BIRTH },
  { text: "birth certificate for my newborn son", expected: BIRTH },
  { text: "khai sihn cho be", expected: BIRTH },
  { text: "đăng kí khai sinh quá hạn 60 ngày có bị phạt ko", expected: BIRTH },
  {
    text: "Bé nhà mình sinh ngày 3/5, giờ mình muốn đi khai sinh mà ko biết làm online đc ko",
    expected: BIRTH,
  },
  { text: "thủ tục làm giấy khai sinh cho trẻ mới đẻ", expected: BIRTH },
  {
    text: "e muốn đk khai sinh cho con mà chồng e đi làm xa, e đi 1 mình có đc ko ạ",
    expected: BIRTH,
  },
  { text: "khaisinh cho con", expected: BIRTH },
  { text: "mình có giấy chứng sinh của bv rồi giờ đăng ký cho bé như thế nào", expected: BIRTH },
  { text: "ĐĂNG KÝ KHAI SINH CHO CON THỨ HAI", expected: BIRTH },
  { text: "Con mình sinh ra chưa có giấy khai sinh, giờ bé 2 tuổi rồi làm được không?", expected: BIRTH },
  { text: "how do I get a birth certificate for my daughter", expected: BIRTH },
  { text: "vợ sanh rồi, làm giấy khai sanh ở đâu vậy ad", expected: BIRTH },
  { text: "lam giay khai sinh cho con co can giay dang ky ket hon khong", expected: BIRTH },
  { text: "đăng ký khai sinh kết hợp nhập hộ khẩu cho con luôn được không", expected: BIRTH },
  { text: "dang kys khai sinh cho con", expected: BIRTH },
  { text: "con tôi sinh được 20 ngày rồi, đi làm giấy tờ cho cháu ở đâu", expected: BIRTH },
  { text: "bé nhà em chưa có tên trên giấy tờ gì hết, em phải đăng ký sao", expected: BIRTH },
  { text: "Cho hỏi làm khai sinh có cần hộ khẩu không", expected: BIRTH },
  { text: "làm lại giấy khai sinh bị mất", expected: BIRTH },
  { text: "dang ky giay khai sinh cho con ngoai gia thu", expected: BIRTH },
  { text: "hello, my wife just gave birth, what do we need to do to get the baby's papers", expected: BIRTH },
  { text: "khai sinh cho con mà bố mẹ chưa đăng ký kết hôn thì sao ạ", expected: BIRTH },
  { text: "Giấy chứng sinh bị sai tên mẹ, giờ làm khai sinh được không", expected: BIRTH },
  { text: "kahi sinh", expected: BIRTH },
  { text: "làm giấy khai sinh online trên dịch vụ công", expected: BIRTH },
  { text: "Vợ mình mới đẻ ở trạm y tế xã, giờ cần đăng ký cho cháu bé thế nào", expected: BIRTH },
  { text: "khai sinh chậm cho người lớn tuổi", expected: BIRTH },
  { text: "lm giay khai sinh", expected: BIRTH },
  { text: "dăng ký khai sinh cho con nuôi", expected: BIRTH },
  { text: "register newborn", expected: BIRTH },
  { text: "bé nhà mình 3 tháng tuổi chưa làm giấy khai sinh", expected: BIRTH },
];

const death: LabelledMessage[] = [
  { text: "Ba tôi mới mất hôm qua, cần làm giấy chứng tử ở đâu?", expected: DEATH },
  { text: "đăng ký khai tử cho mẹ", expected: DEATH },
  { text: "dang ky khai tu", expected: DEATH },
  { text: "ông nội em qua đời tuần trước, gia đình muốn làm khai tử", expected: DEATH },
  { text: "làm giấy báo tử thì cần gì ạ", expected: DEATH },
  { text: "Bà ngoại mất rồi, nhà em phải làm thủ tục gì với xã", expected: DEATH },
  { text: "khai tu cho chong thi lam sao", expected: DEATH },
  { text: "My father passed away, how do I register his death?", expected: DEATH },
  { text: "death certificate for my grandmother", expected: DEATH },
  { text: "thu tuc bao tu", expected: DEATH },
  { text: "nguoi nha moi chet can khai bao gi ko", expected: DEATH },
  { text: "xin giấy chứng tử cho cha", expected: DEATH },
  { text: "khia tử", expected: DEATH },
  {
    text: "Chào anh, bố em mất ở bệnh viện, bệnh viện có cấp giấy báo tử, giờ em làm khai tử online được không ạ",
    expected: DEATH,
  },
  { text: "làm giấy khai tử cho người thân đã mất quá 15 ngày có sao không", expected: DEATH },
  { text: nfd("khai tử"), expected: DEATH },
  { text: "ổng mất rồi, giờ làm giấy tờ sao cô", expected: DEATH },
  { text: "register a death", expected: DEATH },
  {
    text: "Em cần đăng ký khai tử cho ông, đồng thời xóa hộ khẩu luôn được không",
    expected: DEATH,
  },
  { text: "gia đình có người mất, cần báo tử ở xã", expected: DEATH },
  { text: "bà nội em vừa qua đời, nhà muốn làm giấy chứng tử để làm thủ tục thừa kế", expected: DEATH },
  { text: "cha mình mất ở Sài Gòn nhưng hộ khẩu ở Hồng Ngự, đăng ký khai tử ở đâu", expected: DEATH },
  { text: "xin giấy chứng tữ", expected: DEATH },
  { text: "how to report a death in the family", expected: DEATH },
  { text: "khai tử trễ hạn có bị phạt không", expected: DEATH },
  { text: "chồng em mất được 1 tháng rồi mà chưa làm khai tử", expected: DEATH },
  { text: "dky khai tu cho ba", expected: DEATH },
  { text: "giấy báo tử của bệnh viện mất rồi thì khai tử sao", expected: DEATH },
  { text: "ong ngoai moi mat, lam giay to gi", expected: DEATH },
  { text: "người thân tôi đã qua đời, tôi cần làm gì", expected: DEATH },
  { text: "khai tữ cho bà nội", expected: DEATH },
  { text: "how do I get a death certificate", expected: DEATH },
  { text: "thủ tục khai tử cho người chết ở nhà", expected: DEATH },
  { text: "dad died yesterday what paperwork is needed", expected: DEATH },
  { text: "ma chay xong rồi giờ đi khai tử ở đâu", expected: DEATH },
];

const marriage: LabelledMessage[] = [
  { text: "đăng ký kết hôn cần những giấy tờ gì", expected: MARRIAGE },
  { text: "dang ky ket hon o phuong an binh a", expected: MARRIAGE },
  { text: "tụi em sắp cưới, muốn làm giấy đăng ký kết hôn", expected: MARRIAGE },
  { text: "làm hôn thú cần mang gì theo", expected: MARRIAGE },
  { text: "We want to get married, how do we register our marriage?", expected: MARRIAGE },
  { text: "mình với bạn gái muốn đk kết hôn, cả 2 đều ở Hồng Ngự", expected: MARRIAGE },
  { text: "kết hôn với người khác tỉnh thì đăng ký ở đâu", expected: MARRIAGE },
  { text: "lam giay ket hon can ca 2 nguoi di ko", expected: MARRIAGE },
  { text: "thu tuc ket hin", expected: MARRIAGE },
  { text: "marriage registration", expected: MARRIAGE },
  { text: "giấy hôn thú", expected: MARRIAGE },
  {
    text: "Em muốn đăng ký kết hôn, có phải xin giấy xác nhận độc thân trước không ạ?",
    expected: MARRIAGE,
  },
  {
    text: "Chồng sắp cưới của em là người Cao Lãnh, tụi em đăng ký kết hôn ở Hồng Ngự được không",
    expected: MARRIAGE,
  },
  { text: "ĐĂNG KÝ KẾT HÔN LẦN 2 SAU KHI LY HÔN", expected: MARRIAGE },
  { text: "muốn làm giấy kết hôn online", expected: MARRIAGE },
  { text: "lấy vợ rồi mà chưa đăng ký, giờ đi đăng ký thì làm sao", expected: MARRIAGE },
  { text: "how to get a marriage certificate in Hong Ngu", expected: MARRIAGE },
  { text: "dang ki ket hon mat bao nhieu tien", expected: MARRIAGE },
  { text: "đám cưới xong rồi mới đi đăng ký kết hôn có được không", expected: MARRIAGE },
  {
    text:
      "Chào ad, chuyện là vầy, em với chồng em cưới nhau được 2 năm rồi mà hồi đó chưa đăng ký kết hôn, giờ có em " +
      "bé sắp sinh nên muốn đăng ký kết hôn cho đàng hoàng để sau này làm khai sinh cho bé dễ, vậy giờ em cần chuẩn " +
      "bị những gì ạ, cảm ơn ad nhiều",
    expected: MARRIAGE,
  },
  { text: "hai đứa muốn ra phường đăng ký kết hôn, cần mang CCCD hả", expected: MARRIAGE },
  { text: "dang ky ket hon voi nguoi nuoc ngoai lam o dau", expected: MARRIAGE },
  { text: "tuần sau em cưới, muốn làm giấy hôn thú trước", expected: MARRIAGE },
  { text: "chung toi muon dang ki ket hon", expected: MARRIAGE },
  { text: "register marriage with my fiancée", expected: MARRIAGE },
  { text: "kết hôn lần hai cần giấy tờ gì", expected: MARRIAGE },
  { text: "đăng ký kết hôn có cần giấy độc thân không", expected: MARRIAGE },
  { text: "em với anh ấy muốn làm giấy kết hôn, anh ấy ở tỉnh khác", expected: MARRIAGE },
  { text: "ket hôn", expected: MARRIAGE },
  { text: "dang ky ket hon online duoc khong hay phai den truc tiep", expected: MARRIAGE },
  { text: "anh chị muốn đăng ký kết hôn vào thứ 7 được không", expected: MARRIAGE },
  { text: "cưới rồi mà chưa làm giấy, giờ làm hôn thú được không", expected: MARRIAGE },
  { text: "đăng ky kêt hôn", expected: MARRIAGE },
  { text: "I'm marrying a Vietnamese citizen, where do we register", expected: MARRIAGE },
  { text: "giấy đăng ký kết hôn cấp ở đâu", expected: MARRIAGE },
];

const single: LabelledMessage[] = [
  { text: "xin giấy xác nhận độc thân", expected: SINGLE },
  { text: "giấy xác nhận độc thân để đăng ký kết hôn", expected: SINGLE },
  { text: "lam giay doc than de ket hon voi nguoi nuoc ngoai", expected: SINGLE },
  { text: "xác nhận tình trạng hôn nhân để mua nhà", expected: SINGLE },
  { text: "Cần giấy xác nhận tình trạng hôn nhân để vay ngân hàng, làm ở đâu ạ", expected: SINGLE },
  { text: "giay xac nhan tinh trang hon nhan", expected: SINGLE },
  { text: "certificate of single status", expected: SINGLE },
  { text: "I need a marital status certificate to marry a Vietnamese woman", expected: SINGLE },
  { text: "mình cần chứng minh mình chưa có vợ để làm hồ sơ đi Hàn", expected: SINGLE },
  { text: "giấy độc thân xin ở đâu vậy mn", expected: SINGLE },
  { text: "xac nhan doc than de lam thu tuc ket hon o nuoc ngoai", expected: SINGLE },
  {
    text: "Em ly hôn rồi, giờ cần giấy xác nhận tình trạng hôn nhân mới để kết hôn lại",
    expected: SINGLE,
  },
  { text: "tthn lam mat may ngay", expected: SINGLE },
  { text: "giấy xác nhận hôn nhân hết hạn 6 tháng rồi, xin lại cái mới", expected: SINGLE },
  { text: "I need a paper proving I am single", expected: SINGLE },
  { text: nfd("Xác nhận tình trạng hôn nhân"), expected: SINGLE },
  { text: "giây đôc thân", expected: SINGLE },
  {
    text: "con gái tôi cần giấy độc thân để đăng ký kết hôn với người Hàn Quốc",
    expected: SINGLE,
  },
  { text: "giấy xác nhận độc thân cho vợ sắp cưới", expected: SINGLE },
  { text: "xin giấy xác nhận tình trạng hôn nhân để đi xuất khẩu lao động", expected: SINGLE },
  { text: "giấy chứng nhận độc thân", expected: SINGLE },
  { text: "xác nhận độc thân cho người đã ly hôn", expected: SINGLE },
  { text: "single status certificate for marriage abroad", expected: SINGLE },
  { text: "cần xác nhận tình trạng độc thân để mua đất", expected: SINGLE },
  { text: "giay xac nhan doc than lam bao lau", expected: SINGLE },
  { text: "xin giay doc than", expected: SINGLE },
  { text: "Em cần giấy xác nhận chưa kết hôn để nộp cho công ty", expected: SINGLE },
  { text: "tình trạng hôn nhân", expected: SINGLE },
  { text: "làm giấy xác nhận độc thân để cưới vợ người Đài Loan", expected: SINGLE },
  { text: "làm giấy xác nhận tình trạng độc thân", expected: SINGLE },
  { text: "xin xác nhận độc thân để làm visa", expected: SINGLE },
  { text: "certificate of marital status", expected: SINGLE },
  { text: "giấy chứng nhận chưa kết hôn", expected: SINGLE },
  { text: "cần giấy tờ chứng minh độc thân để nộp hồ sơ vay vốn", expected: SINGLE },
  { text: "xac nhan tthn", expected: SINGLE },
];

const copy: LabelledMessage[] = [
  { text: "sao y bằng tốt nghiệp", expected: COPY },
  { text: "I need a certified copy", expected: COPY },
  { text: "công chứng giấy khai sinh cho con", expected: COPY },
  { text: "sao y giấy khai sinh", expected: COPY },
  { text: "photo công chứng CCCD mấy bản thì mất bao nhiêu tiền", expected: COPY },
  { text: "chứng thực bản sao sổ hộ khẩu", expected: COPY },
  { text: "cho hỏi chứng thực bản sao từ bản chính mang theo gì", expected: COPY },
  { text: "mình cần sao y 5 bộ hồ sơ xin việc", expected: COPY },
  { text: "cong chung hoc ba", expected: COPY },
  { text: "đi chứng thực giấy tờ ở phường có mất phí ko", expected: COPY },
  { text: "can sao y bang lai xe gap", expected: COPY },
  { text: "Can I get a notarized copy of my degree here?", expected: COPY },
  { text: "sao y giay chung nhan ket hon 2 ban", expected: COPY },
  { text: "xin chứng thực bản sao giấy phép kinh doanh", expected: COPY },
  { text: "công chứng bản sao hợp đồng thuê nhà", expected: COPY },
  { text: "sao y ban chinh can mang ban goc ko", expected: COPY },
  { text: "cong chung giay to tuy than", expected: COPY },
  { text: "cônh chứng bằng đại học", expected: COPY },
  { text: "certify a copy of my passport", expected: COPY },
  {
    text: "làm bản sao có chứng thực giấy khai sinh để nộp hồ sơ đi học cho con",
    expected: COPY,
  },
  { text: "Sao y giấy chứng tử 3 bản", expected: COPY },
  { text: "chứng thực sao y giấy tờ nhà đất", expected: COPY },
  { text: "photo cong chung bang dai hoc", expected: COPY },
  { text: "mình muốn công chứng mấy giấy tờ nộp hồ sơ xin việc", expected: COPY },
  { text: "sao y bản chính CCCD", expected: COPY },
  { text: "chứng thực bản sao giấy khai sinh cho con đi học", expected: COPY },
  { text: "cần bản sao có chứng thực của sổ hộ khẩu", expected: COPY },
  { text: "get copies of my documents certified", expected: COPY },
  { text: "sao y học bạ mất bao nhiêu tiền 1 trang", expected: COPY },
  { text: "công chúng giấy tờ", expected: COPY },
  { text: "chung thuc giay to o phuong mat bao lau", expected: COPY },
  { text: "cho hỏi chứng thực bản sao giấy tờ tùy thân mất bao lâu", expected: COPY },
  { text: "photo sao y", expected: COPY },
  { text: "muốn công chứng bằng lái", expected: COPY },
  { text: "sao y sổ đỏ", expected: COPY },
  { text: "I want copies of my diploma certified", expected: COPY },
  { text: "chứng thực 10 bản CCCD", expected: COPY },
];

const residence: LabelledMessage[] = [
  { text: "nhập hộ khẩu cho vợ", expected: RESIDENCE },
  { text: "chuyen ho khau ve nha chong", expected: RESIDENCE },
  { text: "đăng ký thường trú cho con mới sinh", expected: RESIDENCE },
  { text: "nhập khẩu cho con vào nhà ông bà ngoại được ko", expected: RESIDENCE },
  { text: "tach ho khau ra rieng", expected: RESIDENCE },
  { text: "dk thuong tru online tren vneid", expected: RESIDENCE },
  { text: "permanent residence registration", expected: RESIDENCE },
  {
    text: "I just moved to Hong Ngu and need to register my permanent residence",
    expected: RESIDENCE,
  },
  { text: "mình mới mua nhà ở An Thạnh, muốn chuyển hk về đây", expected: RESIDENCE },
  { text: "nhap hk cho chau", expected: RESIDENCE },
  { text: "thủ tục chuyển khẩu từ Cao Lãnh về Hồng Ngự", expected: RESIDENCE },
  { text: "đăng ký hộ khẩu thường trú cần tờ khai CT01 phải không", expected: RESIDENCE },
  {
    text: "Sổ hộ khẩu giấy bị thu hồi rồi giờ muốn nhập thêm người vào hộ thì làm sao",
    expected: RESIDENCE,
  },
  { text: "thuong tru", expected: RESIDENCE },
  { text: "đăng kí thường chú cho con", expected: RESIDENCE },
  { text: "muốn làm hộ khẩu cho mẹ già lên ở chung", expected: RESIDENCE },
  { text: "residence registration for my wife", expected: RESIDENCE },
  {
    text: "Cho em hỏi con em 5 tuổi chưa có hộ khẩu thì đăng ký thường trú thế nào ạ",
    expected: RESIDENCE,
  },
  { text: "cắt khẩu chuyển đi nơi khác", expected: RESIDENCE },
  { text: "mình đã đăng ký kết hôn rồi, giờ muốn nhập hộ khẩu cho vợ", expected: RESIDENCE },
  {
    text: "Đã làm giấy khai sinh cho bé rồi, giờ muốn đăng ký thường trú cho bé",
    expected: RESIDENCE,
  },
  { text: "đăng ký thường trú cho vợ về ở nhà chồng", expected: RESIDENCE },
  { text: "nhập khẩu cho con mới sinh", expected: RESIDENCE },
  { text: "mình muốn nhập hộ khẩu về nhà mẹ", expected: RESIDENCE },
  { text: "chuyển hộ khẩu từ tỉnh khác về đây", expected: RESIDENCE },
  { text: "how do I register my household", expected: RESIDENCE },
  { text: "đăng ký cư trú cho người mới chuyển đến", expected: RESIDENCE },
  { text: "Nhà mới xây xong muốn tách hộ ra riêng", expected: RESIDENCE },
  { text: "nhập hk cho con dâu", expected: RESIDENCE },
  { text: "Làm thường trú cho con mất bao lâu", expected: RESIDENCE },
  { text: "thuờng trú", expected: RESIDENCE },
  { text: "chuyển khẩu về nhà vợ", expected: RESIDENCE },
  { text: "đăng ký hộ khẩu cho con", expected: RESIDENCE },
  { text: "nhập hộ khẩu vào nhà thuê được không", expected: RESIDENCE },
  { text: "dk ho khau", expected: RESIDENCE },
  { text: "register as a permanent resident", expected: RESIDENCE },
  { text: "thủ tục đăng ký thường trú khi mua nhà mới", expected: RESIDENCE },
];

const record: LabelledMessage[] = [
  { text: "xin lý lịch tư pháp", expected: RECORD },
  { text: "lam lltp de di xuat khau lao dong", expected: RECORD },
  { text: "phiếu lý lịch tư pháp số 2 làm ở đâu", expected: RECORD },
  { text: "Làm LLTP online trên VNeID được không ạ", expected: RECORD },
  { text: "criminal record certificate", expected: RECORD },
  { text: "I need a police clearance for my visa", expected: RECORD },
  { text: "xin giấy xác nhận không có tiền án tiền sự để đi làm", expected: RECORD },
  { text: "ly lich tu phap mat may ngay", expected: RECORD },
  { text: "công ty yêu cầu nộp lý lịch tư pháp, mình xin ở đâu", expected: RECORD },
  { text: "lý lịch tư pháp cho con đi du học Nhật", expected: RECORD },
  { text: "lí lịch tư pháp", expected: RECORD },
  { text: "lam phieu ly lich tu phap so 1 can gi", expected: RECORD },
  { text: nfd("Lý lịch tư pháp"), expected: RECORD },
  { text: "xin lý lịc tư pháp", expected: RECORD },
  { text: "background check for a job abroad", expected: RECORD },
  { text: "em cần giấy lý lịch tư pháp để bổ sung hồ sơ xin việc", expected: RECORD },
  {
    text: "xin phiếu LLTP cho người nhà được không, có cần giấy ủy quyền không",
    expected: RECORD,
  },
  {
    text: "Cho hỏi muốn xin lý lịch tư pháp để đi XKLĐ Hàn thì đến công an tỉnh hay sở tư pháp?",
    expected: RECORD,
  },
  { text: "lltp bao nhieu tien", expected: RECORD },
  { text: "tôi là nhân viên văn phòng, công ty bắt nộp lý lịch tư pháp", expected: RECORD },
  { text: "cấp phiếu lý lịch tư pháp số 1", expected: RECORD },
  { text: "làm lý lịch tư pháp để đi Nhật", expected: RECORD },
  { text: "I need a criminal background check", expected: RECORD },
  { text: "xin lltp o dau", expected: RECORD },
  { text: "lý lịch tư pháp làm ở xã hay ở tỉnh", expected: RECORD },
  { text: "giấy chứng nhận không tiền án", expected: RECORD },
  { text: "công ty nước ngoài yêu cầu police check", expected: RECORD },
  { text: "ly lich tu phap online", expected: RECORD },
  { text: "xin ly lich tu phap cho con", expected: RECORD },
  { text: "phiếu lý lịch tư pháp hết hạn xin lại", expected: RECORD },
  { text: "xin lý lịch tư pháp số 2 để đi du học", expected: RECORD },
  { text: "police record", expected: RECORD },
  { text: "giấy xác nhận không có án tích", expected: RECORD },
  { text: "làm lí lịch tư pháp hết bao nhiêu", expected: RECORD },
  { text: "LLTP cho người nước ngoài", expected: RECORD },
  { text: "phiếu lý lịch", expected: RECORD },
];

const business: LabelledMessage[] = [
  { text: "muốn mở quán cà phê thì đăng ký giấy phép kinh doanh ở đâu", expected: BUSINESS },
  { text: "dang ky ho kinh doanh", expected: BUSINESS },
  { text: "làm giấy phép kinh doanh cho tiệm tạp hóa", expected: BUSINESS },
  { text: "mở tiệm tóc cần đăng ký gì ko", expected: BUSINESS },
  { text: "I want to open a small shop, do I need a business license?", expected: BUSINESS },
  { text: "đăng ký kinh doanh hộ cá thể", expected: BUSINESS },
  { text: "gpkd hộ kinh doanh mất mấy ngày", expected: BUSINESS },
  { text: "mình bán hàng online có cần đăng ký hộ kinh doanh không", expected: BUSINESS },
  { text: "register a household business", expected: BUSINESS },
  { text: "Mở quán ăn ở chợ Hồng Ngự thì cần làm thủ tục gì với phường", expected: BUSINESS },
  { text: "xin giay phep kinh doanh quan nuoc", expected: BUSINESS },
  { text: "đăng ký hộ kinh doanh cho vợ đứng tên", expected: BUSINESS },
  { text: "dkkd ho ca the can von bao nhieu", expected: BUSINESS },
  { text: "gia đình muốn mở tiệm sửa xe, phải đăng ký gì", expected: BUSINESS },
  { text: "business registration", expected: BUSINESS },
  { text: nfd("Hộ kinh doanh"), expected: BUSINESS },
  { text: "giấy phép kinh danh", expected: BUSINESS },
  {
    text: "Tôi muốn mở shop quần áo nhỏ tại nhà, có phải xin phép kinh doanh không?",
    expected: BUSINESS,
  },
  { text: "start a business in Hong Ngu", expected: BUSINESS },
  { text: "nhà em buôn bán nhỏ ở chợ, có bắt buộc đăng ký không", expected: BUSINESS },
  { text: "đăng ký kinh doanh quán nhậu", expected: BUSINESS },
  { text: "muốn bán cà phê tại nhà có cần giấy phép không", expected: BUSINESS },
  { text: "mở tiệm nail", expected: BUSINESS },
  { text: "register a small business", expected: BUSINESS },
  { text: "dang ky ho kinh doanh ca the", expected: BUSINESS },
  { text: "thủ tục mở cửa hàng tạp hóa nhỏ", expected: BUSINESS },
  { text: "xin giấy phép kinh doanh", expected: BUSINESS },
  { text: "cho hỏi đăng ký hkd cần những gì", expected: BUSINESS },
  { text: "mở quán cơm bình dân cần giấy tờ gì", expected: BUSINESS },
  { text: "business licence for a noodle shop", expected: BUSINESS },
  { text: "đăng ký kinh doanh cho quán trà sữa", expected: BUSINESS },
  { text: "muốn buôn bán ở nhà thì làm giấy tờ gì", expected: BUSINESS },
  { text: "open a coffee shop", expected: BUSINESS },
  { text: "giay phep kinh doanh ho ca the", expected: BUSINESS },
  { text: "thủ tục mở tiệm bán điện thoại", expected: BUSINESS },
  { text: "đăng ký hộ kinh doanh online", expected: BUSINESS },
];

const status: LabelledMessage[] = [
  { text: "tra cứu hồ sơ", expected: "status" },
  { text: "kiem tra ho so", expected: "status" },
  { text: "hồ sơ của tôi tới đâu rồi", expected: "status" },
  { text: "check my application", expected: "status" },
  { text: "tra cứu HN-20261127-0042", expected: "status", code: "HN-20261127-0042" },
  { text: "ho so AT-HN-20261127-0042 xong chua", expected: "status", code: "AT-HN-20261127-0042" },
  { text: "hn-20261127-0042", expected: "status", code: "HN-20261127-0042" },
  { text: "mình nộp hồ sơ khai sinh hôm thứ 2, giờ xong chưa ạ", expected: "status" },
  { text: "hồ sơ đăng ký kết hôn của em đã được duyệt chưa", expected: "status" },
  { text: "what's the status of my application", expected: "status" },
  { text: "kiểm tra tình trạng hồ sơ", expected: "status" },
  { text: "ho so cua minh sao roi ad", expected: "status" },
  { text: "em nộp hồ sơ lâu rồi mà chưa thấy kết quả", expected: "status" },
  { text: "tra cuu tien do ho so", expected: "status" },
  { text: "when will my application be ready", expected: "status" },
  { text: "tra cứu", expected: "status" },
  { text: "hồ sơ HN-20261201-0007 sao rồi", expected: "status", code: "HN-20261201-0007" },
  { text: "em muốn biết hồ sơ của em đã xong chưa", expected: "status" },
  { text: "hồ sơ khai sinh nộp tuần trước giờ có kết quả chưa ạ", expected: "status" },
  { text: "track my dossier", expected: "status" },
  { text: "kiểm tra tiến độ", expected: "status" },
  { text: "đơn của tôi được duyệt chưa", expected: "status" },
  { text: "bao giờ có kết quả hồ sơ", expected: "status" },
  { text: "tra cứu mã AT-HN-20261127-0042", expected: "status", code: "AT-HN-20261127-0042" },
  { text: "is my application done", expected: "status" },
];

const human: LabelledMessage[] = [
  { text: "gặp cán bộ", expected: "human" },
  { text: "gap can bo", expected: "human" },
  { text: "cho tôi nói chuyện với người thật", expected: "human" },
  { text: "nhân viên", expected: "human" },
  { text: "talk to a human", expected: "human" },
  { text: "tổng đài viên", expected: "human" },
  { text: "bot trả lời không hiểu gì hết, cho gặp nhân viên đi", expected: "human" },
  { text: "I want to speak to a real person", expected: "human" },
  { text: "có ai là người thật không vậy", expected: "human" },
  { text: "cho em gặp cán bộ tư pháp hỏi chút", expected: "human" },
  { text: "ket noi voi nhan vien ho tro giup minh", expected: "human" },
  { text: "mình muốn gặp cán bộ để hỏi về đăng ký kết hôn", expected: "human" },
  { text: "cho mình gặp người hỗ trợ", expected: "human" },
  { text: "có nhân viên nào online không", expected: "human" },
  { text: "i need help from a staff member", expected: "human" },
  { text: "gặp cán bộ phường", expected: "human" },
  { text: "nói chuyện với cán bộ", expected: "human" },
  { text: "can I talk to someone", expected: "human" },
  { text: "cho gặp ai đó giúp với", expected: "human" },
  { text: "tôi muốn nói chuyện với cán bộ phụ trách", expected: "human" },
  { text: "chuyển cho người thật đi", expected: "human" },
  { text: "contact a staff", expected: "human" },
];

// Small talk and requests this assistant does not handle were "none" until the matcher told them
// apart: a greeting is answered and a procedure of another office is named as such.
const none: LabelledMessage[] = [
  { text: "xin chào", expected: "greeting" },
  { text: "cảm ơn nhiều nha", expected: "greeting" },
  { text: "hello", expected: "greeting" },
  { text: "ok", expected: "greeting" },
  { text: "thời tiết Hồng Ngự hôm nay thế nào", expected: "out-of-scope" },
  { text: "làm căn cước công dân ở đâu", expected: "out-of-scope" },
  { text: "cấp lại hộ chiếu", expected: "out-of-scope" },
  { text: "đổi bằng lái xe máy", expected: "out-of-scope" },
  { text: "giá lúa hôm nay bao nhiêu", expected: "none" },
  { text: "bạn là ai", expected: "greeting" },
  { text: "???", expected: "none" },
  { text: "", expected: "none" },
  { text: "asdfgh", expected: "none" },
  { text: "xin giấy phép xây dựng nhà ở", expected: "out-of-scope" },
  { text: "đăng ký xe máy mới mua", expected: "out-of-scope" },
  { text: "mấy giờ phường mở cửa", expected: "none" },
  { text: "123456", expected: "none" },
  { text: "chào buổi sáng", expected: "greeting" },
  { text: "ủa", expected: "none" },
  { text: "bot ơi", expected: "greeting" },
  { text: "đường đến UBND phường An Lộc", expected: "none" },
  { text: "số điện thoại công an phường", expected: "out-of-scope" },
  { text: "hi", expected: "greeting" },
  { text: "ok cảm ơn", expected: "greeting" },
  { text: "giờ làm việc của phường", expected: "none" },
  { text: "bạn tên gì", expected: "greeting" },
  { text: "hôm nay phường có làm việc không", expected: "none" },
  { text: "test", expected: "none" },
  { text: "ăn cơm chưa", expected: "greeting" },
];

// The batch of seven classes: written before the matcher was changed for them, one array per
// class of message the earlier batches were weak on.

/** What happened or what the paper is for, instead of the procedure's name. */
const lifeEvents: LabelledMessage[] = [
  { text: "bé nhà em mới chào đời hôm qua, giờ phải làm giấy tờ gì cho bé", expected: BIRTH },
  { text: "vợ tui mới sanh thằng cu, đi làm giấy cho nó ở đâu", expected: BIRTH },
  { text: "nhà mình vừa có thêm em bé, cần làm thủ tục gì với phường", expected: BIRTH },
  { text: "má em mới sanh em bé, ba em nhờ em hỏi giùm thủ tục cho bé", expected: BIRTH },
  { text: "My wife just had a baby last week, what papers does the baby need?", expected: BIRTH },
  { text: "we just had our first child, what do we register?", expected: BIRTH },
  { text: "con gái tôi đẻ được 1 tuần rồi, làm giấy cho cháu ngoại thế nào", expected: BIRTH },
  { text: "bả mới sanh con nhỏ, tui đi làm giấy tờ cho con được hông", expected: BIRTH },
  { text: "tía tui mới mất hôm kia, giờ phải lo giấy tờ gì", expected: DEATH },
  { text: "bả mới mất tối qua, con cái phải làm giấy tờ gì vậy cô", expected: DEATH },
  { text: "ba tui mới khuất, nhà đang lo hậu sự, phải làm giấy gì với xã", expected: DEATH },
  { text: "nhà em có tang, ông nội vừa mất, cần làm thủ tục gì", expected: DEATH },
  { text: "My grandfather passed away last night, what do we need to do at the ward?", expected: DEATH },
  { text: "my mother died at home, who do I report it to", expected: DEATH },
  { text: "chồng tôi mới mất vì tai nạn, tôi cần làm giấy tờ gì cho anh ấy", expected: DEATH },
  { text: "mạ em mới mất, giờ phải làm răng với xã", expected: DEATH },
  { text: "tháng sau tụi em làm đám cưới rồi, cần làm giấy tờ gì ở phường", expected: MARRIAGE },
  { text: "em sắp lấy chồng, phải làm thủ tục gì cho hợp pháp", expected: MARRIAGE },
  { text: "hai đứa tính về chung một nhà, ra phường làm giấy gì", expected: MARRIAGE },
  { text: "We're having our wedding next month, what paperwork do we need?", expected: MARRIAGE },
  { text: "tôi muốn tái hôn với người cũ thì làm thủ tục gì", expected: MARRIAGE },
  { text: "vợ mất được 3 năm, giờ tui muốn cưới vợ mới, làm giấy ở đâu", expected: MARRIAGE },
  { text: "I'm planning to marry my Vietnamese girlfriend in Hong Ngu", expected: MARRIAGE },
  { text: "em lấy chồng Hàn Quốc, bên đó bắt nộp giấy chứng minh em chưa có chồng", expected: SINGLE },
  { text: "mua đất ngân hàng bắt chứng minh chưa lập gia đình, xin giấy đó ở đâu", expected: SINGLE },
  { text: "The Korean embassy asked me for a paper saying I am not married", expected: SINGLE },
  { text: "công chứng hợp đồng mua nhà họ bắt giấy xác nhận tình trạng hôn nhân", expected: SINGLE },
  { text: "em đi lấy chồng Đài Loan, bên môi giới nói cần giấy xác nhận chưa có gia đình", expected: SINGLE },
  { text: "công ty Nhật yêu cầu giấy chứng nhận không phạm tội, làm ở đâu", expected: RECORD },
  { text: "đi xuất khẩu lao động Đài Loan thì cần xin giấy gì ở tư pháp", expected: RECORD },
  { text: "xin visa đi Canada họ bắt giấy chứng nhận lý lịch trong sạch", expected: RECORD },
  { text: "my employer in Japan wants proof that I have no convictions", expected: RECORD },
  { text: "công ty bên Hàn đòi giấy chứng minh không vi phạm pháp luật để đi làm", expected: RECORD },
  { text: "nộp hồ sơ xin việc cần mấy bản sao bằng cấp có đóng dấu, làm ở đâu", expected: COPY },
  { text: "trường yêu cầu nộp bản sao giấy khai sinh có chứng thực để nhập học cho con", expected: COPY },
  { text: "công ty bắt nộp bản photo CCCD có đóng dấu đỏ của phường", expected: COPY },
  { text: "I need my diploma copies stamped for a job application", expected: COPY },
  { text: "tính mở xe bánh mì trước nhà, có phải đăng ký gì không", expected: BUSINESS },
  { text: "má em muốn mở sạp bán rau ngoài chợ thì làm giấy gì", expected: BUSINESS },
  { text: "định mở quán hủ tiếu nhỏ đầu hẻm, cần giấy tờ chi", expected: BUSINESS },
  { text: "I want to open a small food stall at the market", expected: BUSINESS },
  { text: "mở tiệm may đồ tại nhà có cần giấy phép không", expected: BUSINESS },
  { text: "em mới về làm dâu, muốn chuyển tên về nhà chồng", expected: RESIDENCE },
  { text: "tui dọn dìa ở chung với tía má vợ, giờ muốn nhập tên vô sổ nhà đó", expected: RESIDENCE },
  { text: "ông bà nội lên ở với gia đình em luôn, phải khai báo cư trú thế nào", expected: RESIDENCE },
  { text: "I'm moving in with my in-laws for good, how do I register there?", expected: RESIDENCE },
  { text: "con trai cưới vợ, muốn cho vợ nó nhập về nhà mình", expected: RESIDENCE },
];

/** A dossier already filed: where it is, even when the procedure is named. */
const statusOfFiled: LabelledMessage[] = [
  { text: "em nộp hồ sơ khai sinh cho con hôm thứ 2 rồi, bao giờ có giấy ạ", expected: "status" },
  { text: "giấy khai sinh của bé xong chưa ad", expected: "status" },
  { text: "đăng ký kết hôn nộp tuần trước, giờ lấy kết quả ở đâu", expected: "status" },
  { text: "I applied for a criminal record certificate last week, when will it be ready?", expected: "status" },
  { text: "is my marriage certificate ready yet", expected: "status" },
  { text: "lý lịch tư pháp nộp 10 ngày rồi mà chưa thấy gì", expected: "status" },
  { text: "đã nộp hồ sơ thường trú trên mạng, giờ tới đâu rồi", expected: "status" },
  { text: "hồ sơ hộ kinh doanh của tui bữa trước nộp rồi, chừng nào có", expected: "status" },
  { text: "bữa trước tui có làm giấy độc thân, giờ lấy được chưa", expected: "status" },
  { text: "khai tử cho ba nộp hôm qua rồi, khi nào nhận được giấy chứng tử", expected: "status" },
  { text: "I submitted my household business application, any update?", expected: "status" },
  { text: "when can I pick up my birth certificate, I applied on Monday", expected: "status" },
  { text: "hôm bữa nhờ cán bộ làm sao y, giờ lấy được chưa", expected: "status" },
  { text: "con em nộp đơn xin lltp tuần trước, có kết quả chưa ạ", expected: "status" },
  { text: "em đã gửi hồ sơ kết hôn online, sao chưa thấy ai gọi", expected: "status" },
  { text: "hồ sơ em nộp rồi mà giờ vẫn chưa có, kiểm tra giùm em", expected: "status" },
  { text: "has my application for permanent residence been approved", expected: "status" },
  { text: "nộp rồi, bao giờ có kết quả vậy", expected: "status" },
  { text: "ngày hẹn trả kết quả là hôm nay mà chưa có tin gì", expected: "status" },
  { text: "đăng ký thường trú cho con nộp được 1 tuần, xử lý tới đâu rồi", expected: "status" },
  { text: "What's happening with my death registration? I filed it 5 days ago", expected: "status" },
  { text: "giấy phép kinh doanh tui xin bữa giờ sao chưa có", expected: "status" },
];

/** Asking for a person, in every register, also next to a procedure's or a department's name. */
const askingForPerson: LabelledMessage[] = [
  { text: "cho em gặp cán bộ hộ tịch", expected: "human" },
  { text: "có ai trực không ạ", expected: "human" },
  { text: "cho tui nói chuyện với người thật đi, máy trả lời hoài không đúng", expected: "human" },
  { text: "I want to talk to a human", expected: "human" },
  { text: "can I speak with an officer about my marriage registration?", expected: "human" },
  { text: "cho em hỏi trực tiếp cán bộ tư pháp về khai tử được không", expected: "human" },
  { text: "bot ngu quá, gọi người ra đây", expected: "human" },
  { text: "tôi muốn gặp người phụ trách thủ tục hộ kinh doanh", expected: "human" },
  { text: "có cán bộ nào đang online không, em cần hỏi về lý lịch tư pháp", expected: "human" },
  { text: "làm ơn chuyển cho cán bộ phường giúp tôi", expected: "human" },
  { text: "I need to speak to someone at the ward office, not a bot", expected: "human" },
  { text: "kết nối với bộ phận một cửa giùm tui", expected: "human" },
  { text: "anh chị cán bộ ơi cho em hỏi xíu", expected: "human" },
  { text: "mình không muốn chat với máy, cho gặp nhân viên thật", expected: "human" },
  { text: "let me talk to a real officer please", expected: "human" },
  { text: "em muốn được tư vấn trực tiếp về thủ tục nhập hộ khẩu", expected: "human" },
  { text: "có người nào trả lời tui không vậy trời", expected: "human" },
  { text: "officer please", expected: "human" },
  { text: "tôi đã hỏi 3 lần rồi mà vẫn không được, tôi muốn khiếu nại, cho gặp lãnh đạo", expected: "human" },
  { text: "cho gặp cán bộ gấp, hồ sơ khai sinh của tôi bị ghi sai tên", expected: "human" },
];

/** Slipped keys, doubled or dropped letters, Telex and VNI left-overs, abbreviations. */
const typosAndShorthand: LabelledMessage[] = [
  { text: "ket hoon", expected: MARRIAGE },
  { text: "khai sinhh cho be", expected: BIRTH },
  { text: "dang kys ket hon", expected: MARRIAGE },
  { text: "ddawng kys thuwowngf trus", expected: RESIDENCE },
  { text: "d9ang ky1 khai sinh", expected: BIRTH },
  { text: "ke61t ho6n", expected: MARRIAGE },
  { text: "lam hkd cho vk", expected: BUSINESS },
  { text: "xin lltp gap", expected: RECORD },
  { text: "đk kết hôn vs ck", expected: MARRIAGE },
  { text: "gks cho be", expected: BIRTH },
  { text: "gđ em muốn làm gks cho bé", expected: BIRTH },
  { text: "khai sinj cho con", expected: BIRTH },
  { text: "ker hon", expected: MARRIAGE },
  { text: "dang ky khau tu", expected: DEATH },
  { text: "ly lcih tu phap", expected: RECORD },
  { text: "xac nhan tinh trang hon nhn", expected: SINGLE },
  { text: "thuongg tru cho con", expected: RESIDENCE },
  { text: "chung thuc ban saoo", expected: COPY },
  { text: "ho kinh doanhh", expected: BUSINESS },
  { text: "giay chung tuw", expected: DEATH },
  { text: "giaays khai sinh", expected: BIRTH },
  { text: "laf giaasy ddoocj thaan", expected: SINGLE },
  { text: "đăng lý khai sinh cho bé", expected: BIRTH },
  { text: "xn tthn", expected: SINGLE },
  { text: "dkkh", expected: MARRIAGE },
  { text: "lltp so 2", expected: RECORD },
  { text: "sao y bnag tot nghiep", expected: COPY },
  { text: "đk thường trú cho vk", expected: RESIDENCE },
  { text: "mo quan an can dkkd ko", expected: BUSINESS },
  { text: "khai tu cho ong noi, gđ em o xa", expected: DEATH },
  { text: "nhập khẩu cho ck", expected: RESIDENCE },
  { text: "regsiter a brith", expected: BIRTH },
  { text: "marraige registration", expected: MARRIAGE },
  { text: "ddawng kys kinh doanh", expected: BUSINESS },
];

/** 40–120 words of greetings and context with the need somewhere inside. */
const longMessages: LabelledMessage[] = [
  {
    text:
      "Dạ chào anh chị ạ, em tên là Lan ở phường An Lạc. Em xin lỗi đã làm phiền buổi tối. Chuyện là vầy, em mới " +
      "sanh bé thứ hai được hơn 2 tuần ở bệnh viện huyện, chồng em thì đang đi làm ở Bình Dương chưa về được, ông " +
      "bà nội thì lớn tuổi rồi. Em nghe nói phải làm giấy cho bé trong vòng 60 ngày, mà em không biết em đi một mình " +
      "có được không, cần mang theo những gì. Em cảm ơn nhiều ạ.",
    expected: BIRTH,
  },
  {
    text:
      "Chào cô chú, con là cháu nội của ông Sáu ở ấp Bình Hòa. Ông con bệnh lâu năm, tối hôm thứ Bảy vừa rồi ông " +
      "đã đi rồi, nhà con đã lo đám xong xuôi. Giờ ba con nhờ con lên hỏi xem phải làm giấy tờ gì để báo cho xã, " +
      "vì ông còn tên trong hộ khẩu và còn sổ tiết kiệm nữa. Con cảm ơn cô chú nhiều.",
    expected: DEATH,
  },
  {
    text:
      "Hello ạ, mình với bạn trai quen nhau cũng được 5 năm rồi, hai bên gia đình đã gặp nhau và coi ngày cưới vào " +
      "tháng Chạp năm nay. Mình ở Hồng Ngự còn anh ấy quê ở Tân Châu, An Giang. Mình muốn làm giấy tờ cho đàng hoàng " +
      "trước khi đãi tiệc, cho mình hỏi hai đứa phải ra đâu làm và cần mang những gì theo vậy, có cần cả hai cùng đi " +
      "không? Cảm ơn nhiều nha.",
    expected: MARRIAGE,
  },
  {
    text:
      "Chào phường, em là Tuấn, năm nay 28 tuổi, đang làm việc ở Bình Dương nhưng hộ khẩu vẫn ở An Bình B. Em với " +
      "bạn gái người Đài Loan tính đăng ký kết hôn bên đó, và bên văn phòng đại diện họ yêu cầu em phải có giấy " +
      "chứng minh là em chưa có vợ, do nơi cư trú cấp. Em không về được lâu nên muốn hỏi làm online được không, bao " +
      "lâu thì có ạ?",
    expected: SINGLE,
  },
  {
    text:
      "Dạ em chào anh chị, em mới tốt nghiệp đại học và đang chuẩn bị nộp hồ sơ xin việc vào mấy công ty ở Cần Thơ. " +
      "Bên nhân sự dặn phải có bản sao bằng tốt nghiệp, bảng điểm và căn cước có đóng dấu đỏ của phường, mỗi thứ 3 " +
      "bản. Em muốn hỏi là làm ở phường mình mất bao lâu, có tốn phí không, em cần mang bản gốc theo hả anh chị? Em " +
      "cảm ơn.",
    expected: COPY,
  },
  {
    text:
      "Chào anh chị, nhà em vừa mua được căn nhà nhỏ ở khóm 3 phường An Thạnh sau mấy năm ở thuê. Cả nhà bốn người " +
      "gồm vợ chồng em và hai đứa nhỏ hiện vẫn còn tên ở quê bên Tam Nông. Giờ tụi em muốn chuyển hết về nhà mới để " +
      "sau này cho con đi học gần, làm giấy tờ cũng tiện. Cho em hỏi thủ tục phải làm những gì và có làm trên điện " +
      "thoại được không ạ?",
    expected: RESIDENCE,
  },
  {
    text:
      "Em chào anh chị ạ. Em đang làm hồ sơ đi làm việc bên Nhật theo diện kỹ sư, công ty môi giới ở Sài Gòn đã lo " +
      "gần hết rồi, nhưng họ nói em còn thiếu một giấy xác nhận là em không có tiền án tiền sự gì, phải xin ở nơi em " +
      "thường trú hoặc trên mạng. Em đang ở Sài Gòn chưa về được, có cách nào làm từ xa không, và mất khoảng mấy " +
      "ngày vậy anh chị? Em cảm ơn nhiều.",
    expected: RECORD,
  },
  {
    text:
      "Chào anh chị cán bộ, nhà tôi có mặt bằng nhỏ ngay chợ Hồng Ngự, trước giờ cho thuê nhưng giờ người ta trả " +
      "lại. Vợ chồng tôi tính tự mở một tiệm bán đồ gia dụng với văn phòng phẩm, thuê thêm một đứa cháu phụ bán. Tôi " +
      "nghe nói buôn bán như vậy phải có giấy phép đàng hoàng mới không bị phạt, vậy cho tôi hỏi phải đăng ký ở đâu, " +
      "tốn bao nhiêu tiền và bao lâu thì có ạ.",
    expected: BUSINESS,
  },
  {
    text:
      "Dạ chào anh chị, em xin lỗi làm phiền. Hôm thứ Hai tuần trước em có lên phường nộp hồ sơ đăng ký khai sinh " +
      "cho bé nhà em, cán bộ hẹn em năm ngày làm việc sau lên lấy. Hôm nay đã qua ngày hẹn mà em chưa thấy ai gọi " +
      "hay nhắn tin gì hết, em không biết hồ sơ của bé đã giải quyết xong chưa. Anh chị kiểm tra giúp em với ạ, em " +
      "cảm ơn.",
    expected: "status",
  },
  {
    text:
      "Tôi đã nhắn ở đây từ sáng tới giờ, hỏi mấy lần về việc nhập hộ khẩu cho mẹ tôi mà trả lời lòng vòng không " +
      "đúng ý, tôi lớn tuổi rồi không rành điện thoại. Tôi không muốn nói chuyện với máy nữa, làm ơn cho tôi gặp một " +
      "cán bộ thật để tôi hỏi cho rõ ràng, hoặc có số điện thoại ai thì cho tôi xin.",
    expected: "human",
  },
  {
    text:
      "Hi there, I'm a British man married to a Vietnamese woman and we live in Hong Ngu. Our daughter was born last " +
      "month at the district hospital. We have the hospital paper but nothing official yet, and I'm not sure what we " +
      "must do next or whether I need to come along since I'm a foreigner. Could you tell me which office to go to " +
      "and what to bring? Thanks a lot.",
    expected: BIRTH,
  },
  {
    text:
      "Chào anh chị, vợ chồng em cưới nhau được 6 năm, có một bé 4 tuổi. Mấy năm nay tụi em không hợp, sống ly thân " +
      "cả năm rồi, giờ hai bên đồng ý chia tay trong êm đẹp. Em muốn hỏi thủ tục ly hôn thuận tình làm ở đâu, có cần " +
      "giấy đăng ký kết hôn bản chính không, và con thì ai nuôi. Em cảm ơn.",
    expected: "out-of-scope",
  },
];

/** Greetings, thanks and small talk: answered briefly, never a procedure nor a clerk. */
const smallTalk: LabelledMessage[] = [
  { text: "chào", expected: "greeting" },
  { text: "chào em", expected: "greeting" },
  { text: "alo", expected: "greeting" },
  { text: "cảm ơn nha", expected: "greeting" },
  { text: "cảm ơn em nhiều nhé", expected: "greeting" },
  { text: "bot hả", expected: "greeting" },
  { text: "tạm biệt", expected: "greeting" },
  { text: "thanks", expected: "greeting" },
  { text: "thank you so much", expected: "greeting" },
  { text: "good morning", expected: "greeting" },
  { text: "hi bot", expected: "greeting" },
  { text: "chào buổi tối ạ", expected: "greeting" },
  { text: "dạ em chào cô", expected: "greeting" },
  { text: "bạn là người hay máy vậy", expected: "greeting" },
  { text: "ok cảm ơn bạn", expected: "greeting" },
  { text: "bye", expected: "greeting" },
  { text: "cám ơn", expected: "greeting" },
  { text: "tks", expected: "greeting" },
  { text: "chao ban", expected: "greeting" },
  { text: "xin chào trợ lý", expected: "greeting" },
  { text: "who are you", expected: "greeting" },
  { text: "are you a bot?", expected: "greeting" },
  { text: "dạ vâng ạ", expected: "greeting" },
  { text: "bạn khỏe không", expected: "greeting" },
];

/** Procedures of other offices, and near-miss words that must start nothing. */
const outOfScope: LabelledMessage[] = [
  { text: "ly hôn thế nào", expected: "out-of-scope" },
  { text: "thủ tục ly hôn đơn phương", expected: "out-of-scope" },
  { text: "làm sổ đỏ cho miếng đất mới mua", expected: "out-of-scope" },
  { text: "sang tên sổ hồng nhà", expected: "out-of-scope" },
  { text: "công chứng hợp đồng mua bán nhà", expected: "out-of-scope" },
  { text: "công chứng di chúc", expected: "out-of-scope" },
  { text: "làm hộ chiếu đi Hàn", expected: "out-of-scope" },
  { text: "passport renewal", expected: "out-of-scope" },
  { text: "đóng bảo hiểm y tế cho cả nhà", expected: "out-of-scope" },
  { text: "lãnh bảo hiểm xã hội một lần", expected: "out-of-scope" },
  { text: "làm căn cước cho con 14 tuổi", expected: "out-of-scope" },
  { text: "cấp đổi CCCD gắn chip", expected: "out-of-scope" },
  { text: "đăng ký tạm trú cho người thuê trọ", expected: "out-of-scope" },
  { text: "khai báo tạm trú", expected: "out-of-scope" },
  { text: "xin trích lục khai sinh", expected: "out-of-scope" },
  { text: "trích lục kết hôn bản sao", expected: "out-of-scope" },
  { text: "thi bằng lái xe máy", expected: "out-of-scope" },
  { text: "đóng thuế đất", expected: "out-of-scope" },
  { text: "quyết toán thuế thu nhập cá nhân", expected: "out-of-scope" },
  { text: "nộp phạt giao thông", expected: "out-of-scope" },
  { text: "đăng ký cho con vào lớp 1", expected: "out-of-scope" },
  { text: "xin học cho con trường mầm non", expected: "out-of-scope" },
  { text: "đóng tiền điện", expected: "out-of-scope" },
  { text: "hóa đơn tiền nước tháng này", expected: "out-of-scope" },
  { text: "I want a divorce", expected: "out-of-scope" },
  { text: "how do I renew my passport", expected: "out-of-scope" },
  { text: "pay my electricity bill", expected: "out-of-scope" },
  { text: "health insurance card for my kid", expected: "out-of-scope" },
  { text: "chứng thực hợp đồng cho tặng đất", expected: "out-of-scope" },
  { text: "đăng ký tạm vắng", expected: "out-of-scope" },
  { text: "giấy tờ", expected: "none" },
  { text: "hồ sơ", expected: "none" },
  { text: "cho hỏi về giấy tờ", expected: "none" },
];

// The batch of five classes: written before the matcher was changed for them, one array per
// class that a measurement on unseen messages found weak.

/** A dossier handed in (at a time, online, at the counter) and a question about its time, result or progress. */
const filedThenAsked: LabelledMessage[] = [
  { text: "em nộp hồ sơ khai sinh cho bé tuần trước, bao giờ lấy được ạ", expected: "status" },
  { text: "hôm 25 tôi có nộp hồ sơ đăng ký kết hôn, chừng nào lấy được vậy", expected: "status" },
  { text: "sáng nay em đã nộp lý lịch tư pháp trên cổng dịch vụ công, khi nào có kết quả", expected: "status" },
  { text: "nộp hồ sơ thường trú được 1 tuần rồi mà chưa thấy gọi", expected: "status" },
  { text: "giấy độc thân em xin 10 ngày rồi, lấy được chưa anh", expected: "status" },
  { text: "em nộp online đăng ký hộ kinh doanh hôm thứ ba, khi nào nhận được giấy phép", expected: "status" },
  { text: "mình nộp trên VNeID khai sinh cho con rồi, giờ làm sao biết xong chưa", expected: "status" },
  { text: "hôm thứ 5 tui lên một cửa nộp hồ sơ khai tử cho ba, chừng nào lấy giấy chứng tử được", expected: "status" },
  { text: "kết quả hồ sơ chứng thực bản sao nộp ngày 12/3 sao rồi ạ", expected: "status" },
  { text: "hồ sơ nhập hộ khẩu cho vợ em đang xử lý hoài, sao lâu vậy", expected: "status" },
  { text: "kiểm tra giúp em hồ sơ đăng ký kết hôn đang ở đâu với", expected: "status" },
  { text: "I submitted my marriage registration two weeks ago, is it ready?", expected: "status" },
  { text: "I applied for the criminal record certificate online, when can I pick it up?", expected: "status" },
  { text: "We filed our baby's birth registration on Friday. When will the certificate be ready?", expected: "status" },
  { text: "lltp nộp từ đầu tháng tới giờ chưa có, cán bộ xem giùm", expected: "status" },
  { text: "khai sinh cho bé nộp rồi mà chưa thấy ai gọi lên nhận", expected: "status" },
  { text: "e nop ho so ket hon hom qua roi, bao lau thi lay duoc", expected: "status" },
  { text: "nop giay xac nhan tinh trang hon nhan duoc 5 ngay roi chua co ket qua", expected: "status" },
  { text: "tui làm giấy phép kinh doanh bữa giờ, chừng nào có vậy mấy em", expected: "status" },
  { text: "hôm bữa có gửi hồ sơ thường trú qua mạng, giờ coi kết quả ở đâu", expected: "status" },
  { text: "hồ sơ khai tử của mẹ tôi nộp ngày 3 tháng này rồi, sao chưa xong", expected: "status" },
  { text: "xin hỏi hồ sơ đăng ký hộ kinh doanh của tôi nộp hôm thứ hai đã được duyệt chưa", expected: "status" },
  { text: "em đã nộp hồ sơ chứng thực, hẹn thứ sáu mà qua rồi vẫn chưa nhận được", expected: "status" },
  { text: "nộp lý lịch tư pháp số 2 lâu quá, khi nào mới có", expected: "status" },
  { text: "When can I collect the certified copies I dropped off this morning?", expected: "status" },
  {
    text: "my application for household registration has been pending for 10 days, what's going on?",
    expected: "status",
  },
  { text: "khai sinh nộp online hôm chủ nhật giờ vẫn đang chờ xử lý, bình thường mấy ngày", expected: "status" },
  { text: "đăng ký kết hôn nộp sáng nay, chiều có lấy được luôn không", expected: "status" },
  { text: "hồ sơ lý lịch tư pháp của con tôi nộp cả tháng nay rồi vẫn im re", expected: "status" },
  { text: "giấy đăng ký kết hôn hẹn hôm nay trả mà chưa thấy báo", expected: "status" },
  { text: "cho hỏi hồ sơ thường trú của tôi đã giải quyết tới bước nào rồi", expected: "status" },
  { text: "em gửi hồ sơ khai sinh cho con qua bưu điện rồi, giờ theo dõi thế nào", expected: "status" },
  { text: "bữa trước có nhờ làm giấy xác nhận độc thân, tới giờ chưa thấy ai liên lạc", expected: "status" },
  { text: "em lên phường nộp hồ sơ hộ kinh doanh từ tuần rồi, giờ nhận kết quả ở đâu", expected: "status" },
  { text: "Did my death registration go through? I sent it last Tuesday", expected: "status" },
  { text: "đã nộp đủ giấy tờ làm khai tử cho ông ngoại rồi mà cán bộ chưa gọi lại", expected: "status" },
  { text: "da em nop ho so ly lich tu phap ngay 20, chung nao lay dc a", expected: "status" },
  { text: "nộp đơn kết hôn 2 tuần rồi mà chưa được hẹn ngày lên ký", expected: "status" },
  { text: "hồ sơ sao y em gửi hôm qua đã xong chưa vậy ạ", expected: "status" },
  { text: "mình đã đăng ký thường trú cho con trên dịch vụ công, sao mãi chưa thấy cập nhật", expected: "status" },
  { text: "I registered my business last week but haven't heard anything", expected: "status" },
  { text: "hỏi thăm hồ sơ khai sinh cho cháu nộp hôm 15, đã có giấy chưa", expected: "status" },
  { text: "chứng nhận độc thân của em nộp 3 ngày rồi, mai lấy được không ạ", expected: "status" },
  { text: "đăng ký kết hôn online xong rồi, khi nào 2 vợ chồng lên nhận giấy", expected: "status" },
  { text: "ủa hồ sơ khai sinh em nộp mấy bữa nay sao im ru vậy", expected: "status" },
];

/** A person asked for without the usual words: transfer, connect, a consultant, a number to call, frustration. */
const personIndirectly: LabelledMessage[] = [
  { text: "chuyển máy cho cán bộ giùm em", expected: "human" },
  { text: "nối máy cho tôi với người phụ trách hộ tịch", expected: "human" },
  { text: "cho em xin số điện thoại cán bộ tư pháp để gọi hỏi", expected: "human" },
  { text: "có số nào gọi trực tiếp cho phường không, nhắn với máy mệt quá", expected: "human" },
  { text: "connect me to someone who can actually help", expected: "human" },
  { text: "transfer me to an officer please", expected: "human" },
  { text: "is there a phone number I can call to talk to someone?", expected: "human" },
  { text: "tôi cần người tư vấn, không cần máy", expected: "human" },
  { text: "có ai tư vấn giúp em không ạ", expected: "human" },
  { text: "trả lời như máy vậy, cho tôi người thật coi", expected: "human" },
  { text: "bực mình quá, hỏi hoài không được, cho nói chuyện với ai đó ở phường", expected: "human" },
  { text: "làm ơn cho tôi gặp người có thẩm quyền", expected: "human" },
  { text: "I want a real human, this bot is useless", expected: "human" },
  { text: "nhờ cán bộ gọi lại cho em với ạ", expected: "human" },
  { text: "em muốn được tư vấn viên hướng dẫn trực tiếp", expected: "human" },
  { text: "cho xin số hotline của phường", expected: "human" },
  { text: "nhắn mãi không ai trả lời, có ai ở đó không vậy", expected: "human" },
  { text: "chuyển qua người thật dùm cái", expected: "human" },
  { text: "can you put me through to the civil status officer", expected: "human" },
  { text: "may I speak to your supervisor", expected: "human" },
  { text: "cho tôi liên hệ với cán bộ một cửa", expected: "human" },
  { text: "tui già rồi không rành, có ai chỉ giùm tui không", expected: "human" },
  { text: "em muốn có người hướng dẫn tận tình hơn, máy khó hiểu quá", expected: "human" },
  { text: "gấp lắm, cần người giúp ngay", expected: "human" },
  { text: "Please get me someone real, not an automated reply", expected: "human" },
  { text: "cho minh so dien thoai cua chu can bo tu phap phuong An Lac", expected: "human" },
  { text: "I'd like a consultant to call me back", expected: "human" },
  { text: "có tư vấn viên nào rảnh không", expected: "human" },
];

/** Small talk that is no greeting word: emoji, laughter, who is chatting, well-wishes, compliments. */
const reactionsAndKindWords: LabelledMessage[] = [
  { text: "👍", expected: "greeting" },
  { text: "😊😊", expected: "greeting" },
  { text: "❤️", expected: "greeting" },
  { text: "haha", expected: "greeting" },
  { text: "hihi", expected: "greeting" },
  { text: "hehe ok", expected: "greeting" },
  { text: ":)", expected: "greeting" },
  { text: "🙏", expected: "greeting" },
  { text: "hì hì", expected: "greeting" },
  { text: "bạn dễ thương quá", expected: "greeting" },
  { text: "bot giỏi ghê", expected: "greeting" },
  { text: "chúc em một ngày vui vẻ", expected: "greeting" },
  { text: "chúc mừng năm mới", expected: "greeting" },
  { text: "mình đang nói chuyện với ai vậy", expected: "greeting" },
  { text: "ai đang chat với tôi vậy", expected: "greeting" },
  { text: "is this a real person?", expected: "greeting" },
  { text: "you're very helpful, thanks", expected: "greeting" },
  { text: "great job", expected: "greeting" },
  { text: "trả lời nhanh ghê, hay quá", expected: "greeting" },
  { text: "tuyệt vời", expected: "greeting" },
  { text: "😂😂😂", expected: "greeting" },
  { text: "kkk", expected: "greeting" },
  { text: "lol", expected: "greeting" },
  { text: "chúc cán bộ nhiều sức khỏe", expected: "greeting" },
  { text: "have a nice day", expected: "greeting" },
  { text: "đây là tổng đài hay máy tự động vậy", expected: "greeting" },
  { text: "ủa ai vậy ta", expected: "greeting" },
  { text: "hay quá bạn ơi", expected: "greeting" },
  { text: "🥰 cảm ơn", expected: "greeting" },
  { text: "good bot", expected: "greeting" },
];

/** Needs no procedure here meets, also when a procedure's paper is the object of another action. */
const otherNeeds: LabelledMessage[] = [
  { text: "nhà tôi bị cúp điện từ sáng tới giờ, báo ai", expected: "out-of-scope" },
  { text: "khu phố mất nước 2 ngày rồi", expected: "out-of-scope" },
  { text: "đèn đường hẻm 5 bị hư, phản ánh ở đâu", expected: "out-of-scope" },
  { text: "mai Hồng Ngự có mưa không", expected: "out-of-scope" },
  { text: "dự báo thời tiết tuần này", expected: "out-of-scope" },
  { text: "làm hồ sơ hộ nghèo cần gì", expected: "out-of-scope" },
  { text: "xin trợ cấp cho người khuyết tật", expected: "out-of-scope" },
  { text: "mẹ tôi 80 tuổi có được trợ cấp người cao tuổi không", expected: "out-of-scope" },
  { text: "thủ tục nhận con nuôi", expected: "out-of-scope" },
  { text: "muốn nhận nuôi một bé ở chùa thì làm sao", expected: "out-of-scope" },
  { text: "đổi tên trong giấy khai sinh cho con", expected: "out-of-scope" },
  { text: "giấy khai sinh ghi sai ngày sinh, muốn sửa lại", expected: "out-of-scope" },
  { text: "cải chính hộ tịch", expected: "out-of-scope" },
  { text: "thay đổi họ cho con theo họ mẹ", expected: "out-of-scope" },
  { text: "bổ sung tên cha vào giấy khai sinh", expected: "out-of-scope" },
  { text: "giải thể hộ kinh doanh", expected: "out-of-scope" },
  { text: "tạm ngừng kinh doanh 3 tháng có cần báo không", expected: "out-of-scope" },
  { text: "đóng cửa tiệm rồi, muốn chấm dứt hộ kinh doanh", expected: "out-of-scope" },
  { text: "xác nhận sơ yếu lý lịch ở đâu", expected: "out-of-scope" },
  { text: "chứng thực sơ yếu lý lịch để đi làm", expected: "out-of-scope" },
  { text: "lịch tiêm chủng cho bé sơ sinh", expected: "out-of-scope" },
  { text: "tiêm vắc xin cho con ở đâu", expected: "out-of-scope" },
  { text: "đăng ký khám bệnh bảo hiểm", expected: "out-of-scope" },
  { text: "tôi bị mất ví có giấy tờ xe, trình báo ở đâu", expected: "out-of-scope" },
  { text: "làm mất cà vẹt xe thì làm lại sao", expected: "out-of-scope" },
  { text: "mất giấy tờ tùy thân, báo mất ở đâu", expected: "out-of-scope" },
  { text: "xin phép sửa nhà", expected: "out-of-scope" },
  { text: "đo đạc lại diện tích đất", expected: "out-of-scope" },
  { text: "tranh chấp ranh đất với hàng xóm", expected: "out-of-scope" },
  { text: "đổi biển số xe", expected: "out-of-scope" },
  { text: "sang tên xe máy", expected: "out-of-scope" },
  { text: "chuyển trường cho con lên thành phố", expected: "out-of-scope" },
  { text: "xin học bổng cho học sinh nghèo", expected: "out-of-scope" },
  { text: "hàng xóm hát karaoke ồn quá báo công an", expected: "out-of-scope" },
  { text: "nhà bị trộm, báo ai", expected: "out-of-scope" },
  { text: "nộp thuế môn bài", expected: "out-of-scope" },
  { text: "đăng ký mã số thuế cá nhân", expected: "out-of-scope" },
  { text: "how do I get a work permit for foreigners", expected: "out-of-scope" },
  { text: "power outage in my street", expected: "out-of-scope" },
  { text: "where can my child get vaccinated", expected: "out-of-scope" },
  { text: "I lost my wallet with my ID, where do I report it", expected: "out-of-scope" },
  { text: "how to adopt a child in Vietnam", expected: "out-of-scope" },
  { text: "I need to correct the date of birth on my birth certificate", expected: "out-of-scope" },
  { text: "close my household business", expected: "out-of-scope" },
  { text: "xin xác nhận hộ cận nghèo", expected: "out-of-scope" },
  { text: "đăng ký nghĩa vụ quân sự", expected: "out-of-scope" },
  { text: "lãnh lương hưu ở đâu", expected: "out-of-scope" },
  { text: "con tôi bị chó cắn, tiêm ngừa ở đâu", expected: "out-of-scope" },
  { text: "rác trước nhà mấy ngày không ai lấy", expected: "out-of-scope" },
  { text: "nhận trợ cấp thất nghiệp", expected: "out-of-scope" },
  { text: "chế độ cho thân nhân liệt sĩ", expected: "out-of-scope" },
  { text: "xe bị giam, lấy lại sao", expected: "out-of-scope" },
  { text: "mua bán đất giấy tay có hợp pháp không", expected: "out-of-scope" },
  { text: "hộ kinh doanh đóng thuế bao nhiêu một năm", expected: "out-of-scope" },
  { text: "cap lai giay to xe bi mat", expected: "out-of-scope" },
  { text: "đăng ký hiến máu", expected: "out-of-scope" },
  { text: "giá vàng hôm nay", expected: "none" },
];

/** What happened, said indirectly: a baby home, "giấy cưới", a new household, a job's demand, a remarriage. */
const eventsIndirectly: LabelledMessage[] = [
  { text: "nhà em mới đón bé về từ bệnh viện, cần làm gì tiếp ạ", expected: BIRTH },
  { text: "bé nhà mình đầy tháng rồi mà chưa làm giấy tờ gì", expected: BIRTH },
  { text: "vợ em vừa vượt cạn thành công, con trai 3 ký 2, giờ lo giấy tờ sao", expected: BIRTH },
  { text: "we just brought our newborn home from the hospital, what's next?", expected: BIRTH },
  { text: "mẹ tròn con vuông rồi, giờ lo giấy cho bé", expected: BIRTH },
  { text: "làm giấy cưới ở đâu vậy", expected: MARRIAGE },
  { text: "tụi em muốn làm giấy cưới trước khi đãi tiệc", expected: MARRIAGE },
  { text: "giay cuoi can nhung gi", expected: MARRIAGE },
  { text: "con dâu mới về, muốn cho nó vào hộ nhà mình", expected: RESIDENCE },
  { text: "em lấy chồng rồi, muốn chuyển về hộ bên chồng", expected: RESIDENCE },
  { text: "thêm tên con vào hộ của ba mẹ", expected: RESIDENCE },
  { text: "cho con vào hộ khẩu bố", expected: RESIDENCE },
  { text: "về sống với ba mẹ vợ luôn, giờ phải khai báo gì", expected: RESIDENCE },
  { text: "I'm moving into my wife's family home, how do I register?", expected: RESIDENCE },
  { text: "chồng em muốn nhập vào hộ nhà ngoại", expected: RESIDENCE },
  { text: "công ty mới đòi giấy chứng minh không có tiền án", expected: RECORD },
  { text: "đi làm bảo vệ, chỗ làm bắt nộp giấy chứng nhận chưa từng phạm tội", expected: RECORD },
  { text: "my new job asks for proof that I have no criminal record", expected: RECORD },
  { text: "xin việc ở trường học họ yêu cầu xác nhận không có án", expected: RECORD },
  { text: "the school I'm going to teach at wants a background check", expected: RECORD },
  { text: "ly hôn xong rồi giờ muốn lấy vợ khác, cần giấy gì chứng minh độc thân", expected: SINGLE },
  {
    text: "đã ly hôn 2 năm, giờ muốn đăng ký kết hôn lại thì cần giấy chứng minh đang độc thân",
    expected: SINGLE,
  },
  { text: "I'm divorced and want to remarry, what paper proves I'm single now?", expected: SINGLE },
  { text: "ly dị rồi, giờ xin giấy xác nhận hiện không có vợ để cưới", expected: SINGLE },
  { text: "ông cụ nhà tôi vừa nằm xuống hôm qua, giờ làm giấy tờ gì", expected: DEATH },
  { text: "gia đình mới làm đám cho ông xong, giờ báo với phường sao", expected: DEATH },
  { text: "cha tôi ra đi thanh thản sáng nay", expected: DEATH },
  { text: "tính mở tiệm nail nhỏ ở nhà", expected: BUSINESS },
  { text: "bán hàng online tại nhà có phải đăng ký không", expected: BUSINESS },
  { text: "đi làm ở Nhật cần lý lịch sạch", expected: RECORD },
];

/**
 * Checks written after the matcher was changed for the batch of five classes, each measured
 * before the matcher was changed again: new wordings of the same five classes and procedure
 * messages that those changes must not take for something else.
 */
const firstCheck: LabelledMessage[] = [
  { text: "hồ sơ khai sinh của con tui nộp từ hôm thứ tư, giờ sao rồi", expected: "status" },
  { text: "em nộp giấy tờ đăng ký thường trú rồi mà chưa thấy phản hồi", expected: "status" },
  { text: "cho hỏi giấy khai tử của ông tôi làm hôm thứ hai bao giờ lấy được", expected: "status" },
  { text: "I dropped off my documents for the marriage registration yesterday, any news?", expected: "status" },
  { text: "submitted birth registration for my son 3 days ago, still nothing", expected: "status" },
  { text: "nộp hs kết hôn bữa thứ 6, mấy ngày thì có", expected: "status" },
  { text: "đã gửi hồ sơ hộ kinh doanh trên cổng dịch vụ công từ 20/5, hỏi tiến độ", expected: "status" },
  { text: "hôm qua lên phường nộp đơn xin lý lịch tư pháp, khi nào lên lấy", expected: "status" },
  { text: "giấy xác nhận độc thân làm hôm 2/6, bao giờ có vậy chị", expected: "status" },
  { text: "my permanent residence application was filed in May, is there any progress?", expected: "status" },
  { text: "sao y mấy bản hôm qua để lại chỗ một cửa, giờ lấy được chưa", expected: "status" },
  { text: "cho tui nói chuyện với chị cán bộ hôm bữa", expected: "human" },
  { text: "ai đó nghe máy giùm em với", expected: "human" },
  { text: "xin số zalo cán bộ hộ tịch", expected: "human" },
  { text: "I need to talk to somebody in charge", expected: "human" },
  { text: "can someone call me", expected: "human" },
  { text: "muốn gặp trực tiếp người giải quyết hồ sơ", expected: "human" },
  { text: "chán quá, cho gặp người thật coi", expected: "human" },
  { text: "làm ơn kết nối giúp tôi tới cán bộ tiếp dân", expected: "human" },
  { text: "😀", expected: "greeting" },
  { text: "👌👌", expected: "greeting" },
  { text: ":D", expected: "greeting" },
  { text: "hahaha", expected: "greeting" },
  { text: "kkkk", expected: "greeting" },
  { text: "bạn thật tuyệt", expected: "greeting" },
  { text: "cảm ơn bạn nhiều, bạn giỏi lắm", expected: "greeting" },
  { text: "chúc bạn buổi tối vui vẻ", expected: "greeting" },
  { text: "are you human?", expected: "greeting" },
  { text: "who am I talking to?", expected: "greeting" },
  { text: "em đang chat với máy hả", expected: "greeting" },
  { text: "nice", expected: "greeting" },
  { text: "xin giấy phép bán pháo hoa", expected: "out-of-scope" },
  { text: "đường trước nhà bị ngập nặng", expected: "out-of-scope" },
  { text: "trả tiền nước ở đâu", expected: "out-of-scope" },
  { text: "xin hỗ trợ tiền lũ lụt", expected: "out-of-scope" },
  { text: "đăng ký bảo hiểm xã hội tự nguyện", expected: "out-of-scope" },
  { text: "làm lại thẻ bảo hiểm y tế bị mất", expected: "out-of-scope" },
  { text: "thay đổi tên hộ kinh doanh", expected: "out-of-scope" },
  { text: "sửa năm sinh trên giấy khai sinh", expected: "out-of-scope" },
  { text: "cấp lại bằng tốt nghiệp bị mất", expected: "out-of-scope" },
  { text: "nhận trợ cấp cho trẻ mồ côi", expected: "out-of-scope" },
  { text: "xin giấy chứng nhận hộ nghèo", expected: "out-of-scope" },
  { text: "xác nhận thu nhập để vay ngân hàng", expected: "out-of-scope" },
  { text: "báo cháy ở đâu", expected: "out-of-scope" },
  { text: "thủ tục nhập quốc tịch Việt Nam", expected: "out-of-scope" },
  { text: "where do I pay my water bill", expected: "out-of-scope" },
  { text: "I want to change my surname", expected: "out-of-scope" },
  { text: "how do I get my child into primary school", expected: "out-of-scope" },
  { text: "is it going to rain tomorrow", expected: "out-of-scope" },
  { text: "bé nhà mình mới được 2 tuần, ra phường làm giấy gì", expected: BIRTH },
  { text: "vợ vừa sinh em bé thứ 2 ở trạm xá", expected: BIRTH },
  { text: "nhà có đám, ông ngoại mới mất tối qua", expected: DEATH },
  { text: "ba em mất được 1 tuần, em lên xã làm giấy sao", expected: DEATH },
  { text: "tụi em định làm giấy cưới tháng sau", expected: MARRIAGE },
  { text: "muốn nhập tên vợ vào hộ nhà mình", expected: RESIDENCE },
  { text: "cháu ngoại về ở với tui luôn, nhập cho nó được không", expected: RESIDENCE },
  { text: "công ty xuất khẩu lao động đòi giấy chứng nhận không tiền án", expected: RECORD },
  { text: "I'm remarrying after my divorce, what do I need from the ward to prove I'm single?", expected: SINGLE },
  { text: "bên Hàn yêu cầu giấy chứng nhận độc thân", expected: SINGLE },
  { text: "my father in law just passed, what do we do", expected: DEATH },
  { text: "we are expecting our baby next week, what papers will we need", expected: BIRTH },
  { text: "đăng ký khai sinh cho con thì cần mang gì, bao lâu có", expected: BIRTH },
  { text: "nộp hồ sơ đăng ký kết hôn ở đâu, mấy ngày thì có kết quả", expected: MARRIAGE },
  { text: "nộp hồ sơ xin lý lịch tư pháp online được không", expected: RECORD },
  { text: "đăng ký hộ kinh doanh thì phải đóng thuế không", expected: BUSINESS },
  { text: "giấy khai sinh bị mất, làm lại thế nào", expected: BIRTH },
  { text: "làm giấy chứng tử cho bà", expected: DEATH },
  { text: "I need a certified copy of my diploma for a job", expected: COPY },
  { text: "đã có giấy chứng sinh, giờ làm khai sinh ở đâu", expected: BIRTH },
  { text: "em đã nộp đơn xin việc, công ty bảo cần lý lịch tư pháp, làm sao", expected: RECORD },
  { text: "nộp hồ sơ khai sinh online thì khi nào nhận được giấy", expected: BIRTH },
  { text: "chuyển hộ khẩu cho con về nhà ngoại", expected: RESIDENCE },
  { text: "đăng ký kết hôn lần hai sau khi vợ mất", expected: MARRIAGE },
  { text: "mở quán cà phê nhỏ cần giấy tờ gì", expected: BUSINESS },
  { text: "chứng thực bản sao sổ đỏ", expected: COPY },
];

const secondCheck: LabelledMessage[] = [
  { text: "mình nộp giấy đăng ký kết hôn rồi, chừng nào hai đứa lên ký", expected: "status" },
  { text: "hồ sơ thường trú nộp tháng trước tới giờ vẫn chưa xong là sao", expected: "status" },
  { text: "ho so khai tu cua ba em nop tu thu 2 toi gio chua co ket qua", expected: "status" },
  { text: "I handed in the papers for my business licence two weeks ago. Is it approved?", expected: "status" },
  { text: "làm lý lịch tư pháp online hôm 10, bao giờ được gửi về nhà", expected: "status" },
  { text: "chứng thực bản sao gửi hôm thứ 3, đã lấy được chưa ạ", expected: "status" },
  { text: "em ơi hồ sơ của chị nộp ngày 5/7 đang ở bước nào rồi", expected: "status" },
  { text: "cho chị nói chuyện trực tiếp với cán bộ tư pháp được không", expected: "human" },
  { text: "máy trả lời không đúng gì hết, cần người thật hỗ trợ", expected: "human" },
  { text: "có ai online không cho em hỏi chút", expected: "human" },
  { text: "gọi cho em theo số này được không, em cần tư vấn gấp", expected: "human" },
  { text: "please let me speak with a staff member", expected: "human" },
  { text: "😅", expected: "greeting" },
  { text: "hehehe", expected: "greeting" },
  { text: "^^", expected: "greeting" },
  { text: "dạ em cảm ơn cô nhiều ạ", expected: "greeting" },
  { text: "bot dễ thương ghê", expected: "greeting" },
  { text: "thank you, have a good day", expected: "greeting" },
  { text: "bạn là người thật hả", expected: "greeting" },
  { text: "chúc mọi người cuối tuần vui vẻ", expected: "greeting" },
  { text: "nhà em bị cúp nước mấy hôm nay", expected: "out-of-scope" },
  { text: "xin trợ cấp khó khăn cho gia đình", expected: "out-of-scope" },
  { text: "đổi tên cho con trên giấy khai sinh được không", expected: "out-of-scope" },
  { text: "chấm dứt hoạt động hộ kinh doanh cần gì", expected: "out-of-scope" },
  { text: "tạm ngừng hộ kinh doanh 6 tháng", expected: "out-of-scope" },
  { text: "lịch tiêm ngừa cho trẻ sơ sinh ở phường", expected: "out-of-scope" },
  { text: "làm sao nhận con nuôi", expected: "out-of-scope" },
  { text: "báo mất giấy tờ xe máy", expected: "out-of-scope" },
  { text: "xin cấp sổ đỏ lần đầu", expected: "out-of-scope" },
  { text: "đổi giấy phép lái xe", expected: "out-of-scope" },
  { text: "con tôi bị đánh ở trường", expected: "out-of-scope" },
  { text: "đăng ký học lớp 6 cho con", expected: "out-of-scope" },
  { text: "tiền điện tháng này cao quá", expected: "out-of-scope" },
  { text: "how do I correct a mistake on my marriage certificate", expected: "out-of-scope" },
  { text: "mẹ tui mới sanh em bé ở nhà bảo sanh, làm giấy cho em sao", expected: BIRTH },
  { text: "bé về nhà được 1 tuần rồi, giờ đi đăng ký", expected: BIRTH },
  { text: "chồng tôi vừa qua đời ở bệnh viện", expected: DEATH },
  { text: "ông bà xui đã ra đi, con cháu lo thủ tục", expected: DEATH },
  { text: "hai đứa muốn ra phường làm giấy kết hôn", expected: MARRIAGE },
  { text: "sắp cưới vợ người Việt, tôi là người Mỹ", expected: MARRIAGE },
  { text: "muốn cho mẹ vợ vào hộ khẩu nhà mình", expected: RESIDENCE },
  { text: "vợ em muốn chuyển khẩu từ quê lên ở với em", expected: RESIDENCE },
  { text: "trường đòi giấy chứng nhận không có tiền án để đi dạy", expected: RECORD },
  { text: "đi Úc theo diện lao động cần giấy gì ở tư pháp", expected: RECORD },
  { text: "ly hôn rồi muốn đăng ký kết hôn với người khác cần xin giấy gì", expected: MARRIAGE },
  { text: "xin giấy xác nhận chưa kết hôn để nộp cho lãnh sự quán", expected: SINGLE },
  { text: "photo công chứng 5 bản căn cước", expected: COPY },
  { text: "sao y học bạ cho con đi học", expected: COPY },
  { text: "tính bán cơm tấm trước nhà, có phải xin phép gì không", expected: BUSINESS },
  { text: "mở tiệm sửa xe nhỏ", expected: BUSINESS },
];

/*
 * The batch of round three (211 messages: other offices' business, many naming a paper of the
 * eight procedures; small talk; status questions without a code; long messages; English; typos
 * and shorthand; regional words) was written before the matcher was changed for it, one array
 * per class that the second held-out set found weak. Before: top-1 74.4% (157/211), top-3 74.4%,
 * 4 procedures started wrongly; by class, other offices 62.3% (38/61, 2 started), small talk
 * 75.0% (30/40), status 60.0% (18/30, 2 started), long messages 75.0% (15/20), English 85.0%
 * (17/20), typos and shorthand 96.7% (29/30), regional words 100% (10/10). After: 100% top-1
 * and top-3 (211/211), none started wrongly; whole corpus 100% (1084/1084).
 */

/** Needs of other offices, many of them naming a paper of the eight procedures for another business. */
const otherOfficesR3: LabelledMessage[] = [
  { text: "vợ chồng em muốn chia tay, làm đơn ở tòa thế nào", expected: "out-of-scope" },
  { text: "thuận tình ly hôn cần giấy tờ gì", expected: "out-of-scope" },
  { text: "đơn phương ly dị chồng được không anh", expected: "out-of-scope" },
  { text: "làm sổ đỏ cho miếng đất ông bà để lại", expected: "out-of-scope" },
  { text: "xin cấp giấy chứng nhận quyền sử dụng đất lần đầu", expected: "out-of-scope" },
  { text: "chuyển mục đích sử dụng đất ruộng lên thổ cư", expected: "out-of-scope" },
  { text: "chia thừa kế đất của cha mẹ cho anh em", expected: "out-of-scope" },
  { text: "công chứng hợp đồng thuê nhà", expected: "out-of-scope" },
  { text: "làm giấy ủy quyền bán xe cho em trai", expected: "out-of-scope" },
  { text: "làm hộ chiếu cho con nhỏ có cần giấy khai sinh không", expected: "out-of-scope" },
  { text: "gia hạn visa cho chồng người nước ngoài", expected: "out-of-scope" },
  { text: "xin visa du lịch Hàn Quốc cần gì", expected: "out-of-scope" },
  { text: "làm thẻ bhyt cho bé mới sinh", expected: "out-of-scope" },
  { text: "đóng bhxh tự nguyện ở đâu", expected: "out-of-scope" },
  { text: "rút bảo hiểm xã hội một lần", expected: "out-of-scope" },
  { text: "gia hạn thẻ bảo hiểm y tế hộ gia đình", expected: "out-of-scope" },
  { text: "quyết toán thuế tncn năm nay làm sao", expected: "out-of-scope" },
  { text: "đăng ký người phụ thuộc để giảm trừ gia cảnh", expected: "out-of-scope" },
  { text: "đăng ký xe ô tô mới mua", expected: "out-of-scope" },
  { text: "sang tên đổi chủ xe máy cũ", expected: "out-of-scope" },
  { text: "thi bằng lái ô tô b2 ở đâu", expected: "out-of-scope" },
  { text: "căn cước hết hạn rồi đi đổi ở đâu", expected: "out-of-scope" },
  { text: "cấp lại căn cước bị mất", expected: "out-of-scope" },
  { text: "làm căn cước cho con có cần mang giấy khai sinh không", expected: "out-of-scope" },
  { text: "xin học cho con vào lớp 6 trường thcs", expected: "out-of-scope" },
  { text: "tìm việc làm ở Hồng Ngự", expected: "out-of-scope" },
  { text: "phường có tuyển nhân viên không", expected: "out-of-scope" },
  { text: "đăng ký lắp điện kế mới cho nhà", expected: "out-of-scope" },
  { text: "xin gắn đồng hồ nước", expected: "out-of-scope" },
  { text: "hàng xóm xây lấn qua đất nhà tôi", expected: "out-of-scope" },
  { text: "nhà bên cạnh nuôi heo hôi quá, phản ánh ở đâu", expected: "out-of-scope" },
  { text: "hàng xóm mở nhạc lớn tới khuya", expected: "out-of-scope" },
  { text: "chó nhà bên cắn con tôi, giải quyết sao", expected: "out-of-scope" },
  { text: "mở tài khoản ngân hàng cho con có cần giấy khai sinh", expected: "out-of-scope" },
  { text: "làm giấy chứng nhận quyền sở hữu nhà", expected: "out-of-scope" },
  { text: "thành lập công ty cổ phần", expected: "out-of-scope" },
  { text: "đăng ký doanh nghiệp tư nhân ở sở nào", expected: "out-of-scope" },
  { text: "xin giấy phép treo bảng hiệu quảng cáo", expected: "out-of-scope" },
  { text: "làm giấy giám hộ cho em trai bị bệnh tâm thần", expected: "out-of-scope" },
  { text: "ba ruột muốn nhận con, làm giấy nhận cha con ở đâu", expected: "out-of-scope" },
  { text: "xin bản sao trích lục hộ tịch", expected: "out-of-scope" },
  { text: "thẻ tạm trú cho vợ người Trung Quốc", expected: "out-of-scope" },
  { text: "vay vốn hộ nghèo ở đâu", expected: "out-of-scope" },
  { text: "nộp tiền học phí cho con ở đâu", expected: "out-of-scope" },
  { text: "đường hẻm nhà em bể ống nước", expected: "out-of-scope" },
  { text: "cây đổ ngang đường, báo ai dọn", expected: "out-of-scope" },
  { text: "tố cáo cán bộ nhận tiền", expected: "out-of-scope" },
  { text: "cấp giấy phép kinh doanh karaoke", expected: "out-of-scope" },
  { text: "giấy chứng nhận an toàn vệ sinh cho lò bánh mì", expected: "out-of-scope" },
  { text: "đổi giấy khai sinh sang tên mới sau khi nhận con nuôi", expected: "out-of-scope" },
  { text: "xoá tên ông nội khỏi sổ hộ khẩu ở công an", expected: "out-of-scope" },
  { text: "gia hạn tạm trú cho người thuê phòng", expected: "out-of-scope" },
  { text: "I need to renew my visa", expected: "out-of-scope" },
  { text: "where can I get a driving licence", expected: "out-of-scope" },
  { text: "how do I pay property tax", expected: "out-of-scope" },
  { text: "my neighbour plays loud music every night", expected: "out-of-scope" },
  { text: "apply for a passport for my baby", expected: "out-of-scope" },
  { text: "health insurance card for my newborn", expected: "out-of-scope" },
  { text: "can I get a land title certificate here", expected: "out-of-scope" },
  { text: "how to get divorced in Vietnam", expected: "out-of-scope" },
  { text: "giá lúa hôm nay", expected: "none" },
];

/** Greetings, acknowledgements, emoji, thanks and questions about the assistant itself. */
const smallTalkR3: LabelledMessage[] = [
  { text: "ad ơi", expected: "greeting" },
  { text: "shop ơi", expected: "greeting" },
  { text: "alo alo", expected: "greeting" },
  { text: "😁", expected: "greeting" },
  { text: "🙏🙏🙏", expected: "greeting" },
  { text: "ok ạ", expected: "greeting" },
  { text: "oke em", expected: "greeting" },
  { text: "dạ", expected: "greeting" },
  { text: "dạ em hiểu rồi", expected: "greeting" },
  { text: "thanks ad", expected: "greeting" },
  { text: "thank u", expected: "greeting" },
  { text: "cảm ơn phường nhiều", expected: "greeting" },
  { text: "cám ơn bạn đã hỗ trợ", expected: "greeting" },
  { text: "bạn là ai vậy", expected: "greeting" },
  { text: "em là robot hả", expected: "greeting" },
  { text: "trợ lý này ai làm ra vậy", expected: "greeting" },
  { text: "bạn tên là gì", expected: "greeting" },
  { text: "bạn có phải AI không", expected: "greeting" },
  { text: "chatbot này làm được gì", expected: "greeting" },
  { text: "bạn giúp được gì cho mình", expected: "greeting" },
  { text: "chào buổi chiều", expected: "greeting" },
  { text: "good evening", expected: "greeting" },
  { text: "hi there", expected: "greeting" },
  { text: "chào ad, chúc ad ngày mới vui vẻ", expected: "greeting" },
  { text: "trời hôm nay mát ghê", expected: "greeting" },
  { text: "bye bye", expected: "greeting" },
  { text: "hẹn gặp lại nha", expected: "greeting" },
  { text: "thôi được rồi cảm ơn", expected: "greeting" },
  { text: "ừ", expected: "greeting" },
  { text: "vâng ạ", expected: "greeting" },
  { text: "hii", expected: "greeting" },
  { text: "helloo", expected: "greeting" },
  { text: "chào trợ lý Khai Hộ", expected: "greeting" },
  { text: "em chào anh chị ạ", expected: "greeting" },
  { text: "chúc phường năm mới an khang", expected: "greeting" },
  { text: "bạn ăn cơm chưa", expected: "greeting" },
  { text: "bạn có khỏe không", expected: "greeting" },
  { text: "😀👍", expected: "greeting" },
  { text: "what can you do?", expected: "greeting" },
  { text: "what's your name", expected: "greeting" },
];

/** Asking where a dossier has got to, mostly without a code or a procedure's name. */
const statusR3: LabelledMessage[] = [
  { text: "hồ sơ của tôi giờ tới đâu rồi", expected: "status" },
  { text: "nộp rồi mà chưa thấy gì hết", expected: "status" },
  { text: "bao giờ lấy được vậy ad", expected: "status" },
  { text: "cho em hỏi hồ sơ em sao rồi", expected: "status" },
  { text: "hồ sơ bị trả về là sao vậy", expected: "status" },
  { text: "tôi muốn biết hồ sơ đã được duyệt chưa", expected: "status" },
  { text: "xem giúp em hồ sơ đã xong chưa", expected: "status" },
  { text: "sao lâu vậy, nộp cả tuần rồi", expected: "status" },
  { text: "quá hẹn rồi mà chưa có kết quả", expected: "status" },
  { text: "hồ sơ của mình bị treo à", expected: "status" },
  { text: "nộp hồ sơ online rồi giờ làm sao biết kết quả", expected: "status" },
  { text: "tra cứu tình trạng giải quyết hồ sơ", expected: "status" },
  { text: "em làm mất giấy biên nhận rồi, giờ tra hồ sơ sao", expected: "status" },
  { text: "giấy hẹn ghi thứ tư mà giờ chưa có", expected: "status" },
  { text: "ho so cua em toi dau roi a", expected: "status" },
  { text: "nop roi ma chua thay goi", expected: "status" },
  { text: "chừng nào có kết quả vậy chị", expected: "status" },
  { text: "hồ sơ hộ khẩu của ba tôi đã làm xong chưa vậy", expected: "status" },
  { text: "hs kết hôn của e tới đâu r ad", expected: "status" },
  { text: "giấy tờ em gửi bưu điện tới chưa vậy", expected: "status" },
  { text: "bên mình nhận được hồ sơ của em chưa", expected: "status" },
  { text: "hồ sơ khai sinh bị yêu cầu bổ sung là sao", expected: "status" },
  { text: "sao hồ sơ lý lịch tư pháp của tôi bị từ chối", expected: "status" },
  { text: "bao lâu nữa mới có giấy chứng tử vậy, chờ lâu quá", expected: "status" },
  { text: "đã đóng lệ phí online rồi, giờ chờ gì nữa", expected: "status" },
  { text: "where is my application now", expected: "status" },
  { text: "any news on my file?", expected: "status" },
  { text: "is my paperwork done yet", expected: "status" },
  { text: "I applied last month and still haven't got anything", expected: "status" },
  { text: "how can I check my application status", expected: "status" },
];

/** 3–6 sentences with the need somewhere inside, for every kind of answer. */
const longMessagesR3: LabelledMessage[] = [
  {
    text:
      "Dạ chào anh chị. Em là người ở ấp Bình Thành, năm nay em 45 tuổi. Hồi trước em có mua miếng đất của ông " +
      "hàng xóm bằng giấy tay, giờ ổng mất rồi, con ổng không chịu ký giấy. Em muốn hỏi giờ làm sổ đỏ cho miếng " +
      "đất đó thì phải làm sao ạ.",
    expected: "out-of-scope",
  },
  {
    text:
      "Chào phường, con tôi năm nay 15 tuổi, tháng sau đi thi vào lớp 10. Nhà trường nói phải có căn cước mới cho " +
      "dự thi. Tôi muốn hỏi làm căn cước cho cháu ở đâu, có cần mang theo giấy khai sinh với hộ khẩu không.",
    expected: "out-of-scope",
  },
  {
    text:
      "Xin chào, tôi là Hùng. Công ty tôi cử tôi đi công tác Nhật ba tháng. Bên đại sứ quán yêu cầu hộ chiếu còn " +
      "hạn trên sáu tháng mà của tôi sắp hết hạn rồi. Tôi làm lại hộ chiếu ở đâu cho nhanh vậy?",
    expected: "out-of-scope",
  },
  {
    text:
      "Chào anh chị, mẹ em năm nay 70 tuổi, ở một mình dưới quê, không có lương hưu. Em nghe nói người già được " +
      "nhận tiền hỗ trợ hàng tháng. Em muốn hỏi phải làm hồ sơ ở đâu và cần những gì để mẹ em được nhận ạ.",
    expected: "out-of-scope",
  },
  {
    text:
      "Dạ em chào cô chú. Nhà em ở khóm 2, mấy đêm nay nhà bên cạnh hát karaoke tới 12 giờ khuya. Con em còn nhỏ " +
      "không ngủ được, em qua nói mà họ không nghe. Em muốn báo chính quyền thì báo ở đâu ạ.",
    expected: "out-of-scope",
  },
  {
    text:
      "Chào anh chị, tôi mới mở tiệm tạp hóa được ba tháng, đã có giấy đăng ký hộ kinh doanh rồi. Giờ bên thuế " +
      "gửi giấy báo đóng thuế khoán mà tôi thấy cao quá. Tôi muốn hỏi khiếu nại mức thuế này ở đâu.",
    expected: "out-of-scope",
  },
  {
    text:
      "Dạ chào anh chị, em ở An Lạc. Em nộp hồ sơ đăng ký thường trú cho vợ em trên cổng dịch vụ công từ đầu tháng. " +
      "Tới giờ đã hơn hai tuần mà em chưa nhận được tin nhắn hay cuộc gọi nào. Em không biết hồ sơ đang ở đâu. " +
      "Anh chị xem giúp em với.",
    expected: "status",
  },
  {
    text:
      "Hello anh chị, tuần trước mình có ra một cửa làm giấy độc thân để làm hồ sơ vay ngân hàng. Cán bộ hẹn năm " +
      "ngày, mà giờ đã bảy ngày rồi. Bên ngân hàng đang hối mình. Cho mình hỏi bao giờ mình lấy được vậy.",
    expected: "status",
  },
  {
    text:
      "Con chào cô chú ạ. Ông nội con bệnh nặng mấy năm nay, sáng thứ hai vừa rồi ông đã đi về với ông bà. Nhà " +
      "con lo đám tang xong hết rồi. Giờ ba con nói phải ra xã làm giấy tờ cho ông, mà ba con bận nên nhờ con hỏi " +
      "cần mang theo những gì ạ.",
    expected: DEATH,
  },
  {
    text:
      "Chào anh chị, vợ chồng em mới có bé đầu lòng, bé được mười ngày rồi. Em làm công nhân ở Bình Dương, vợ em " +
      "về quê ngoại ở Hồng Ngự để sanh. Giờ em muốn làm giấy cho bé ở quê vợ được không, hay phải về quê nội. Em " +
      "cảm ơn.",
    expected: BIRTH,
  },
  {
    text:
      "Dạ cho em hỏi. Em với bạn trai quen nhau ba năm, tháng sau hai nhà làm đám hỏi. Bạn trai em hộ khẩu ở Cao " +
      "Lãnh còn em ở Hồng Ngự. Hai đứa muốn lên phường em làm giấy tờ cho hợp pháp trước rồi mới đãi tiệc, vậy " +
      "có cần bạn em về cùng không ạ?",
    expected: MARRIAGE,
  },
  {
    text:
      "Chào anh chị. Tôi 52 tuổi, trước giờ làm thuê. Nay tôi để dành được ít vốn, tính bán cháo lòng buổi sáng " +
      "trước cửa nhà. Hàng xóm nói bán vậy cũng phải đăng ký với phường không thì bị phạt. Cho tôi hỏi thủ tục thế " +
      "nào.",
    expected: BUSINESS,
  },
  {
    text:
      "Dạ em chào anh chị. Em đang xin đi du học Úc, trung tâm tư vấn nói em cần nộp giấy chứng nhận em không có " +
      "tiền án tiền sự. Em ở Hồng Ngự từ nhỏ tới giờ. Cho em hỏi làm ở đâu, bao lâu thì có ạ.",
    expected: RECORD,
  },
  {
    text:
      "Chào anh chị, em là giáo viên mới ra trường. Sở giáo dục yêu cầu nộp hồ sơ dự tuyển gồm bằng đại học, bảng " +
      "điểm và giấy khai sinh, tất cả phải là bản sao có chứng thực. Em muốn làm ở phường luôn, có cần đặt lịch " +
      "trước không ạ.",
    expected: COPY,
  },
  {
    text:
      "Chào cán bộ, ba má tôi già rồi, ở dưới quê một mình. Tôi muốn rước ba má lên ở chung với gia đình tôi ở " +
      "phường An Thạnh cho tiện chăm sóc. Nhà này tôi đứng tên. Cho tôi hỏi phải làm giấy gì để ba má có tên trong " +
      "nhà tôi luôn.",
    expected: RESIDENCE,
  },
  {
    text:
      "Anh chị ơi, em hỏi từ sáng tới giờ mà máy trả lời không trúng ý. Chuyện của em hơi rắc rối, liên quan tới " +
      "giấy tờ nhà đất và khai sinh của con. Em muốn nói chuyện với một anh chị cán bộ để được chỉ cho rõ. Có ai " +
      "giúp em được không ạ?",
    expected: "human",
  },
  {
    text:
      "Dear sir or madam, I am a Canadian citizen living in Hong Ngu with my Vietnamese wife. Our visa agent says I " +
      "need a paper from the local authority showing where I live before my residence card can be renewed. Which " +
      "office should I go to? Thank you.",
    expected: "out-of-scope",
  },
  {
    text:
      "Hi, I hope you are well. My fiancée and I are both Vietnamese but I have lived in Australia for years. We " +
      "want to register our marriage in Hong Ngu next month when I visit. What documents should I prepare before " +
      "flying back?",
    expected: MARRIAGE,
  },
  {
    text:
      "Chào anh chị, tôi muốn cảm ơn phường đã giúp gia đình tôi làm giấy tờ cho ba tôi tháng trước, các cô chú " +
      "rất nhiệt tình. Chúc anh chị nhiều sức khỏe. Cảm ơn nhiều.",
    expected: "greeting",
  },
  {
    text:
      "Dạ chào anh chị. Bà ngoại em năm nay 80 tuổi, mất chứng minh nhân dân cũ lâu rồi. Giờ bà cần làm giấy tờ " +
      "nhận tiền hỗ trợ mà không có căn cước. Em muốn hỏi làm căn cước cho người già không đi lại được thì sao ạ.",
    expected: "out-of-scope",
  },
];

/** English, in full sentences and in fragments, for every kind of answer. */
const englishR3: LabelledMessage[] = [
  { text: "hello, I need a birth certificate for my son who was born last week", expected: BIRTH },
  { text: "we want to get married at the ward, what should we bring?", expected: MARRIAGE },
  { text: "my grandmother died yesterday, how do we register her death", expected: DEATH },
  { text: "I need a certificate saying I'm single to marry in Korea", expected: SINGLE },
  { text: "can you certify copies of my university degree", expected: COPY },
  { text: "how do I register my permanent address here", expected: RESIDENCE },
  { text: "I need a criminal record certificate for a job in Japan", expected: RECORD },
  { text: "how to register a small noodle shop", expected: BUSINESS },
  { text: "what documents do I need to open a coffee shop", expected: BUSINESS },
  { text: "get me a person please", expected: "human" },
  { text: "I'd rather talk to someone at the office", expected: "human" },
  { text: "thanks a lot!", expected: "greeting" },
  { text: "good afternoon", expected: "greeting" },
  { text: "are you a real person or a robot", expected: "greeting" },
  { text: "I want to change the name on my ID card", expected: "out-of-scope" },
  { text: "how do I report a stolen motorbike", expected: "out-of-scope" },
  { text: "where can my kids go to school", expected: "out-of-scope" },
  { text: "my wife is pregnant, what papers will the baby need after birth", expected: BIRTH },
  { text: "I'm moving to Hong Ngu and want to register as a resident", expected: RESIDENCE },
  { text: "I need my passport copy certified", expected: COPY },
];

/** Slipped keys, Telex and VNI left-overs, shorthand, words run together, for every kind of answer. */
const typosR3: LabelledMessage[] = [
  { text: "dangky khaisinh cho be", expected: BIRTH },
  { text: "lamf giaays khai sinh", expected: BIRTH },
  { text: "kahi sinh cho chau", expected: BIRTH },
  { text: "khai tuw cho ba", expected: DEATH },
  { text: "lam giay chung tu cho me", expected: DEATH },
  { text: "dang ky ket hno", expected: MARRIAGE },
  { text: "ke1t ho6n ca62n gi2", expected: MARRIAGE },
  { text: "xac nhan doc than de ket hon", expected: SINGLE },
  { text: "giay xac nhan tinh trag hon nhan", expected: SINGLE },
  { text: "sao y ban chinh cccd", expected: COPY },
  { text: "chung thuc ban sao bang dai hoc", expected: COPY },
  { text: "nhap ho khau cho ck", expected: RESIDENCE },
  { text: "dk thuong tru cho me vk", expected: RESIDENCE },
  { text: "ly lich tu phap so 1 lam o dau", expected: RECORD },
  { text: "xin lltp ss2", expected: RECORD },
  { text: "dk hkd ban tap hoa", expected: BUSINESS },
  { text: "ddawng kys ho kinh doanh", expected: BUSINESS },
  { text: "hs cua e xong chua ad", expected: "status" },
  { text: "ho so toi dau r", expected: "status" },
  { text: "cho e gap cb tu phap", expected: "human" },
  { text: "gap nv ho tro dc ko", expected: "human" },
  { text: "camr own", expected: "greeting" },
  { text: "xin chaof", expected: "greeting" },
  { text: "ly hon can j", expected: "out-of-scope" },
  { text: "lam cccd o dau", expected: "out-of-scope" },
  { text: "lam so do mat bn tien", expected: "out-of-scope" },
  { text: "dong bhyt cho con", expected: "out-of-scope" },
  { text: "ho chieu lam o dau ad", expected: "out-of-scope" },
  { text: "khaisanh cho con", expected: BIRTH },
  { text: "nhapkhau cho vo", expected: RESIDENCE },
];

/** The procedures said in the words of the North, the Centre and the South, which new rules must not lose. */
const regionalR3: LabelledMessage[] = [
  { text: "con tui mới đẻ, làm giấy cho nó ở mô", expected: BIRTH },
  { text: "mệ nội mới mất, làm giấy răng", expected: DEATH },
  { text: "tui tính cưới vợ, ra phường làm giấy chi", expected: MARRIAGE },
  { text: "ổng bả muốn dìa ở với tui, nhập khẩu được hông", expected: RESIDENCE },
  { text: "má tui muốn mở sạp bán cá ngoài chợ", expected: BUSINESS },
  { text: "làm giấy không tiền án cho thằng út đi làm", expected: RECORD },
  { text: "sao y mấy cái bằng cho con gái", expected: COPY },
  { text: "xin giấy chưa có chồng để lấy chồng Đài", expected: SINGLE },
  { text: "đi khai sanh cho thằng cu", expected: BIRTH },
  { text: "bà nội tui vừa quy tiên, giờ lo giấy tờ sao", expected: DEATH },
];

/**
 * The labelled batches, by name: the earlier messages (grouped by label) and the batch of seven
 * classes, one array per class, for figures per batch.
 */
export const INTENT_BATCHES: Readonly<Record<string, readonly LabelledMessage[]>> = {
  earlier: [...birth, ...death, ...marriage, ...single, ...copy, ...residence, ...record, ...business, ...status],
  "earlier, not procedures": [...human, ...none],
  "life events": lifeEvents,
  "status of a filed dossier": statusOfFiled,
  "asking for a person": askingForPerson,
  "typos and shorthand": typosAndShorthand,
  "long messages": longMessages,
  "small talk": smallTalk,
  "out of scope": outOfScope,
  "filed, then asked about": filedThenAsked,
  "a person, indirectly": personIndirectly,
  "reactions and kind words": reactionsAndKindWords,
  "other needs": otherNeeds,
  "events, indirectly": eventsIndirectly,
  "first check": firstCheck,
  "second check": secondCheck,
  "round three: other offices": otherOfficesR3,
  "round three: small talk": smallTalkR3,
  "round three: status": statusR3,
  "round three: long messages": longMessagesR3,
  "round three: English": englishR3,
  "round three: typos and shorthand": typosR3,
  "round three: regional words": regionalR3,
};

/** The batch of seven classes, in one list. */
export const SEVEN_CLASSES_BATCH: readonly LabelledMessage[] = [
  ...lifeEvents,
  ...statusOfFiled,
  ...askingForPerson,
  ...typosAndShorthand,
  ...longMessages,
  ...smallTalk,
  ...outOfScope,
];

/** The batch of five classes, in one list. */
export const FIVE_CLASSES_BATCH: readonly LabelledMessage[] = [
  ...filedThenAsked,
  ...personIndirectly,
  ...reactionsAndKindWords,
  ...otherNeeds,
  ...eventsIndirectly,
];

/** The batch of round three, in one list. */
export const ROUND_THREE_BATCH: readonly LabelledMessage[] = [
  ...otherOfficesR3,
  ...smallTalkR3,
  ...statusR3,
  ...longMessagesR3,
  ...englishR3,
  ...typosR3,
  ...regionalR3,
];

/** Every labelled message: the earlier ones grouped by label, then the batches of seven and five classes. */
export const INTENT_CORPUS: readonly LabelledMessage[] = [
  ...birth,
  ...death,
  ...marriage,
  ...single,
  ...copy,
  ...residence,
  ...record,
  ...business,
  ...status,
  ...human,
  ...none,
  ...SEVEN_CLASSES_BATCH,
  ...FIVE_CLASSES_BATCH,
  ...firstCheck,
  ...secondCheck,
  ...ROUND_THREE_BATCH,
];
