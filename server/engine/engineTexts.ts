import { t } from "./localized";

/** The engine's own sentences (flows bring their questions). */
export const TEXTS = {
  welcome: t(
    "Xin chào! Tôi là trợ lý khai hồ sơ của {city}. Bạn không cần tự viết tờ khai: tôi hỏi từng câu ngắn và điền " +
      'giúp bạn. Bạn cần làm thủ tục gì? Chọn bên dưới hoặc gõ vài chữ, ví dụ "làm giấy khai sinh cho con".',
    "Hello! I am {city}'s filing assistant. You do not need to write any form: I ask short questions one at a " +
      'time and fill it in for you. Which procedure do you need? Pick one below or type a few words, e.g. "birth ' +
      'certificate for my baby".',
  ),
  menuPrompt: t(
    "Bạn cần làm thủ tục gì? Chọn bên dưới hoặc gõ vài chữ mô tả.",
    "Which procedure do you need? Pick one below or describe it in a few words.",
  ),
  notUnderstoodMenu: t(
    'Xin lỗi, tôi chưa hiểu bạn cần thủ tục nào. Bạn chọn một mục bên dưới, hoặc gõ "gặp cán bộ" để được hỗ trợ.',
    'Sorry, I did not understand which procedure you need. Pick one below, or type "talk to a clerk" for help.',
  ),
  // Small talk at the menu is answered in a line, and the menu follows.
  greetingHello: t(
    "Chào bạn! Bạn cần làm thủ tục gì? Chọn bên dưới hoặc gõ vài chữ mô tả.",
    "Hello! Which procedure do you need? Pick one below or describe it in a few words.",
  ),
  greetingThanks: t(
    "Không có gì ạ! Bạn cần gì thêm thì chọn bên dưới hoặc gõ vài chữ nhé.",
    "You're welcome! If you need anything else, pick it below or type a few words.",
  ),
  greetingGoodbye: t(
    "Tạm biệt bạn! Khi cần làm thủ tục, bạn cứ nhắn lại hoặc chọn bên dưới.",
    "Goodbye! Whenever you need a procedure, write again or pick one below.",
  ),
  greetingWhoAreYou: t(
    "Tôi là trợ lý tự động của {city}, không phải người: tôi hỏi từng câu ngắn và điền tờ khai giúp bạn. Cần " +
      'cán bộ thì bấm "Gặp cán bộ". Bạn cần làm thủ tục gì?',
    "I am {city}'s automatic assistant, not a person: I ask short questions and fill in the form for you. For a " +
      'clerk, press "Talk to a clerk". Which procedure do you need?',
  ),
  greetingKindWords: t(
    "Cảm ơn bạn nhiều! Bạn cần làm thủ tục gì? Chọn bên dưới hoặc gõ vài chữ mô tả.",
    "Thank you, that is kind! Which procedure do you need? Pick one below or describe it in a few words.",
  ),
  greetingOkay: t(
    "Dạ. Bạn cần làm thủ tục gì? Chọn bên dưới hoặc gõ vài chữ mô tả.",
    "All right. Which procedure do you need? Pick one below or describe it in a few words.",
  ),
  outOfScope: t(
    "Việc này trợ lý không làm được: tôi chỉ giúp khai hồ sơ các thủ tục dưới đây. Việc khác, bạn hỏi tại Bộ " +
      'phận Một cửa hoặc bấm "Gặp cán bộ" để được chỉ nơi làm.',
    "This assistant does not handle that: it only fills in the applications below. For anything else, ask at " +
      'the one-stop counter or press "Talk to a clerk" to be told where to go.',
  ),
  whichProcedure: t("Bạn muốn làm thủ tục nào trong các thủ tục sau?", "Which of these procedures do you mean?"),
  statusLookupOption: t("Tra cứu hồ sơ đã nộp", "Check a submitted application"),
  humanOption: t("Gặp cán bộ", "Talk to a clerk"),
  neededAnyway: t(
    "Thông tin này bắt buộc phải có trên tờ khai nên không bỏ qua được. Bạn xem lại giấy tờ (CCCD, giấy khai sinh, " +
      'sổ hộ khẩu…) rồi trả lời; nếu không tìm được, bấm "Gặp cán bộ" để cán bộ giúp.',
    "The form requires this, so it cannot be skipped. Please check your papers (ID card, birth certificate, " +
      'household book…) and answer; if you cannot find it, press "Talk to a clerk" and a clerk will help.',
  ),
  keep: t("Giữ nguyên: {value}", "Keep: {value}"),
  skip: t("Bỏ qua", "Skip"),
  yes: t("Có", "Yes"),
  no: t("Không", "No"),
  skippable: t('(Không có thì bấm "Bỏ qua".)', '(If you have none, press "Skip".)'),
  notAChoice: t(
    "Tôi chưa hiểu lựa chọn của bạn. Vui lòng bấm một nút hoặc gõ số thứ tự.",
    "I did not understand your choice. Please press a button or type its number.",
  ),
  /** A reply fitting several options: the question again, naming them ("Bạn là gì của bé: Cha hay Bà?"). */
  ambiguousChoice: t("{question}: {options}?", "{question}: {options}?"),
  notYesNo: t('Bạn vui lòng trả lời "Có" hoặc "Không".', 'Please answer "Yes" or "No".'),
  uploadHint: t(
    "Vui lòng gửi ảnh chụp hoặc bản scan (JPG, PNG, PDF) bằng nút đính kèm.",
    "Please send a photo or a scan (JPG, PNG, PDF) with the attach button.",
  ),
  spellingQuestion: t(
    'Họ tên viết có dấu là "{name}", đúng không? Trên giấy tờ, họ tên phải đúng như trên CCCD.',
    'Is the name written with its diacritics "{name}"? On the papers it must be exactly as on the ID card.',
  ),
  spellingChoose: t(
    "Họ tên viết có dấu là tên nào dưới đây? Trên giấy tờ, họ tên phải đúng như trên CCCD.",
    "Which of these is the name with its diacritics? On the papers it must be exactly as on the ID card.",
  ),
  spellingKeep: t("Giữ như tôi gõ: {name}", "Keep as I typed: {name}"),
  spellingWhichOne: t(
    "Bạn chọn giúp một cách viết dưới đây (bấm nút hoặc gõ số thứ tự).",
    "Please pick one of the spellings below (press its button or type its number).",
  ),
  spellingAddressQuestion: t(
    "Viết có dấu là: {name} — đúng không? Trên giấy tờ, địa chỉ cần ghi đúng dấu.",
    "Written with its diacritics: {name} — is that right? On the papers the address must be spelt right.",
  ),
  spellingAddressChoose: t(
    "Viết có dấu là cách nào dưới đây? Trên giấy tờ, địa chỉ cần ghi đúng dấu.",
    "Which of these is it, written with its diacritics? On the papers the address must be spelt right.",
  ),
  spellingAuthorityQuestion: t(
    "Nơi cấp viết có dấu là: {name} — đúng không? Ghi đúng như trên giấy tờ.",
    "The issuing authority written with its diacritics: {name} — is that right? Write it as on the document.",
  ),
  spellingAuthorityChoose: t(
    "Nơi cấp viết có dấu là cách nào dưới đây? Ghi đúng như trên giấy tờ.",
    "Which of these is the issuing authority, written with its diacritics? Write it as on the document.",
  ),
  warningConfirm: t("Bạn có chắc thông tin này đúng không?", "Are you sure this is correct?"),
  reAskAfterWarning: t("Vậy bạn vui lòng nhập lại.", "Then please type it again."),
  confirmRestart: t(
    "Làm lại từ đầu sẽ xóa các câu trả lời của thủ tục này. Bạn chắc chứ?",
    "Starting over clears your answers for this procedure. Are you sure?",
  ),
  confirmCancel: t(
    "Hủy sẽ bỏ hồ sơ đang khai. Bạn chắc chắn muốn hủy?",
    "Cancelling drops the application in progress. Are you sure?",
  ),
  cancelled: t(
    "Đã hủy. Khi cần, bạn cứ nhắn tin để bắt đầu lại.",
    "Cancelled. Send a message whenever you want to start again.",
  ),
  notCancelled: t("Được, mình tiếp tục nhé.", "All right, let's carry on."),
  nothingToGoBackTo: t(
    "Đây là câu hỏi đầu tiên, không thể quay lại thêm.",
    "This is the first question; there is nothing to go back to.",
  ),
  help: t(
    'Bạn có thể gõ bất cứ lúc nào: "quay lại" (câu trước), "sửa <tên mục>" (ví dụ "sửa ngày sinh"), "làm lại", ' +
      '"hủy", "menu", "tra cứu <mã hồ sơ>", hoặc "gặp cán bộ" để được cán bộ hỗ trợ trực tiếp.',
    'At any time you can type: "back" (previous question), "edit <field>" (e.g. "edit date of birth"), "restart", ' +
      '"cancel", "menu", "status <receipt code>", or "talk to a clerk" to get a clerk\'s help.',
  ),
  clerkRequested: t(
    "Tôi đã báo cán bộ {unit} hỗ trợ bạn. Cán bộ sẽ trả lời ngay trong cuộc trò chuyện này. Các thông tin bạn đã " +
      "khai vẫn được giữ nguyên.",
    "I have asked a clerk of {unit} to help you. They will answer right here in this conversation. Everything you " +
      "have entered so far is kept.",
  ),
  clerkRequestedStuck: t(
    "Có vẻ câu này hơi khó. Tôi đã báo cán bộ {unit} vào hỗ trợ bạn; các thông tin đã khai vẫn được giữ nguyên.",
    "This question seems difficult. I have asked a clerk of {unit} to help you; everything you have entered is kept.",
  ),
  waitingClerk: t(
    "Cán bộ sẽ trả lời bạn trong giây lát; tin nhắn của bạn đã được chuyển. Muốn tiếp tục tự khai với trợ lý, bấm " +
      "nút bên dưới.",
    "A clerk will answer shortly; your message has been passed on. To carry on with the assistant, press the " +
      "button below.",
  ),
  resumeBot: t("Tiếp tục với trợ lý", "Continue with the assistant"),
  whichField: t("Bạn muốn sửa mục nào?", "Which field do you want to change?"),
  fieldNotFound: t(
    'Tôi chưa tìm thấy mục "{target}". Bạn chọn mục cần sửa bên dưới.',
    'I could not find the field "{target}". Pick the field to change below.',
  ),
  nothingToEdit: t("Bạn chưa khai mục nào để sửa.", "You have not filled in anything to change yet."),
  reviewIntro: t(
    "Bạn kiểm tra lại thông tin trước khi nộp ({procedure}):",
    "Please check your information before submitting ({procedure}):",
  ),
  reviewQuestion: t(
    'Thông tin đã đúng chưa? Bấm "Xác nhận và nộp", hoặc "Sửa thông tin" (hay gõ "sửa <tên mục>").',
    'Is everything correct? Press "Confirm and submit", or "Change something" (or type "edit <field>").',
  ),
  reviewConfirm: t("Xác nhận và nộp", "Confirm and submit"),
  reviewEdit: t("Sửa thông tin", "Change something"),
  submitting: t(
    "Hồ sơ đang được nộp, bạn chờ trong giây lát nhé.",
    "Your application is being submitted; please wait a moment.",
  ),
  submitted: t(
    'Đã nộp hồ sơ {procedure}. Mã hồ sơ của bạn: {code}. Hãy lưu mã này để tra cứu (gõ "tra cứu {code}").',
    "Your {procedure} application is submitted. Your receipt code: {code}. Keep it to check the status (type " +
      '"status {code}").',
  ),
  dueBy: t(
    "Hạn giải quyết theo quy định: {date} (tính theo ngày làm việc).",
    "Due by law: {date} (counted in working days).",
  ),
  statusFound: t(
    "Hồ sơ {code} ({procedure}): {status}. Nộp ngày {submitted}, cập nhật ngày {updated}. {next}",
    "Application {code} ({procedure}): {status}. Submitted {submitted}, updated {updated}. {next}",
  ),
  statusPhoneAgain: t(
    "Mã hồ sơ và số điện thoại này chưa khớp nhau. Bạn nhập lại số điện thoại đã khai trong hồ sơ (hoặc gõ " +
      '"tra cứu" kèm mã hồ sơ để nhập lại mã).',
    "This receipt code and phone number do not match. Type the phone number given in the application again (or " +
      '"status" with the receipt code to enter the code again).',
  ),
  statusNotFound: t(
    "Không tìm thấy hồ sơ khớp với mã và số điện thoại này. Bạn kiểm tra lại mã hồ sơ (ví dụ " +
      "HN-20261127-0042-K7QM) và số điện thoại đã khai.",
    "No application matches this code and phone number. Please check the receipt code (e.g. " +
      "HN-20261127-0042-K7QM) and the phone number you gave.",
  ),
  statusLocked: t(
    "Mã hồ sơ này đang tạm khóa tra cứu vì số điện thoại đã nhập sai nhiều lần. Bạn thử lại sau {minutes} phút, " +
      "hoặc mang giấy biên nhận đến Bộ phận Một cửa.",
    "Lookups of this receipt code are locked after several wrong phone numbers. Try again in {minutes} min, or " +
      "bring your receipt to the one-stop counter.",
  ),
  statusRateLimited: t(
    "Bạn tra cứu nhiều quá, vui lòng thử lại sau {minutes} phút.",
    "Too many lookups; please try again in {minutes} min.",
  ),
  afterStatus: t("Bạn cần gì thêm không?", "Anything else?"),
  tableRow: t("{item} thứ {n}:", "{item} no. {n}:"),
  tableMore: t("Bạn có muốn thêm {item} nữa không?", "Do you want to add another {item}?"),
  tableFull: t("Đã đủ số {item} tối đa.", "That is the maximum number of {item}."),
  edited: t("Đã cập nhật.", "Updated."),
  clerkJoined: t(
    "Cán bộ {name} đang hỗ trợ bạn. Bạn cứ nhắn tin, cán bộ sẽ trả lời ngay tại đây.",
    "{name}, a clerk, is now helping you. Write here and they will answer.",
  ),
  clerkFilled: t(
    "Cán bộ {name} đã điền giúp bạn {label}: {value}. Thông tin này đúng không?",
    "{name} filled in {label} for you: {value}. Is this correct?",
  ),
  clerkFieldConfirmed: t("Cảm ơn bạn, thông tin đã được xác nhận.", "Thank you, it is confirmed."),
  clerkFieldCorrect: t("Vậy bạn nhập lại giúp {label}:", "Then please type {label}:"),
  clerksClosed: t("Hiện đang ngoài giờ làm việc của cán bộ ({hours}).", "Clerks are not at work now ({hours})."),
  clerksAway: t("Hiện chưa có cán bộ của đơn vị trực tuyến.", "No clerk of the unit is online right now."),
  noClerkOptions: t(
    "Bạn muốn: để lại số điện thoại để cán bộ gọi lại, hẹn ngày đến Bộ phận Một cửa, hay tiếp tục khai với trợ " +
      "lý? Thông tin đã khai vẫn được giữ.",
    "Would you like to leave a phone number for a call back, book a day at the one-stop counter, or carry on with " +
      "the assistant? Everything you entered is kept.",
  ),
  optionCallback: t("Để lại số, cán bộ gọi lại", "Leave a number for a call back"),
  optionCounter: t("Hẹn ngày đến Bộ phận Một cửa", "Book a counter visit"),
  askCallbackPhone: t("Số điện thoại để cán bộ gọi lại?", "The phone number the clerk should call?"),
  callbackBooked: t(
    "Cán bộ sẽ gọi lại số {phone} trong giờ làm việc. Hồ sơ đang khai vẫn được giữ; bạn có thể nhắn tiếp hoặc gõ " +
      '"tiếp tục với trợ lý".',
    "A clerk will call {phone} during working hours. Your application is kept; you can write here or type " +
      '"continue with the bot".',
  ),
  askCounterDate: t(
    "Bạn muốn đến ngày nào? (thứ Hai – thứ Sáu)",
    "Which day would you like to come? (Monday – Friday)",
  ),
  counterBooked: t(
    "Hẹn bạn ngày {date} tại Bộ phận Một cửa. Hồ sơ đang khai vẫn được giữ, mình khai tiếp nhé.",
    "See you on {date} at the one-stop counter. Your application is kept; let's carry on.",
  ),
  transferred: t(
    "Cuộc trò chuyện đã được chuyển sang cán bộ {unit}; bạn vui lòng chờ trong giây lát.",
    "Your conversation has been passed to the clerks of {unit}; please wait a moment.",
  ),
  handedOver: t(
    "Cán bộ {name} sẽ tiếp tục hỗ trợ bạn. Bạn cứ nhắn tin tại đây.",
    "{name}, another clerk, will carry on helping you. Write here as before.",
  ),
  clerkGone: t(
    "Cán bộ {name} không còn hỗ trợ cuộc trò chuyện này; bạn đang chờ cán bộ khác tiếp nhận. Bạn cứ nhắn tin, cán " +
      "bộ sẽ đọc được.",
    "{name} can no longer help with this conversation; you are waiting for another clerk. Write here and they " +
      "will read it.",
  ),
  released: t(
    "Cán bộ đã chuyển bạn về trợ lý để khai tiếp.",
    "The clerk has handed you back to the assistant to carry on.",
  ),
  closedByClerk: t(
    "Cán bộ đã kết thúc cuộc trò chuyện. Cảm ơn bạn!",
    "The clerk has closed the conversation. Thank you!",
  ),
  ratingAsk: t(
    "Bạn chấm điểm dịch vụ hôm nay từ 1 đến 5 nhé (5 là rất hài lòng)?",
    "How would you rate the service today, from 1 to 5 (5 is very satisfied)?",
  ),
  ratingComment: t(
    'Bạn có góp ý gì thêm không? Gõ góp ý, hoặc bấm "Bỏ qua".',
    'Any comment? Type it, or press "Skip".',
  ),
  ratingThanks: t("Cảm ơn bạn đã đánh giá!", "Thank you for your rating!"),
} as const;

/** Fills `{name}` placeholders. Values are plain text: nothing here is compiled or parsed as markup. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
