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

const none: LabelledMessage[] = [
  { text: "xin chào", expected: "none" },
  { text: "cảm ơn nhiều nha", expected: "none" },
  { text: "hello", expected: "none" },
  { text: "ok", expected: "none" },
  { text: "thời tiết Hồng Ngự hôm nay thế nào", expected: "none" },
  { text: "làm căn cước công dân ở đâu", expected: "none" },
  { text: "cấp lại hộ chiếu", expected: "none" },
  { text: "đổi bằng lái xe máy", expected: "none" },
  { text: "giá lúa hôm nay bao nhiêu", expected: "none" },
  { text: "bạn là ai", expected: "none" },
  { text: "???", expected: "none" },
  { text: "", expected: "none" },
  { text: "asdfgh", expected: "none" },
  { text: "xin giấy phép xây dựng nhà ở", expected: "none" },
  { text: "đăng ký xe máy mới mua", expected: "none" },
  { text: "mấy giờ phường mở cửa", expected: "none" },
  { text: "123456", expected: "none" },
  { text: "chào buổi sáng", expected: "none" },
  { text: "ủa", expected: "none" },
  { text: "bot ơi", expected: "none" },
  { text: "đường đến UBND phường An Lộc", expected: "none" },
  { text: "số điện thoại công an phường", expected: "none" },
  { text: "hi", expected: "none" },
  { text: "ok cảm ơn", expected: "none" },
  { text: "giờ làm việc của phường", expected: "none" },
  { text: "bạn tên gì", expected: "none" },
  { text: "hôm nay phường có làm việc không", expected: "none" },
  { text: "test", expected: "none" },
  { text: "ăn cơm chưa", expected: "none" },
];

/** Every labelled message, grouped by label in this order. */
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
];
