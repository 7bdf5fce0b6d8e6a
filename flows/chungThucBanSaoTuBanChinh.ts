import { procedureIntro, submissionSteps } from "./commonSteps";
import { defineFlow } from "./defineFlow";
import { ask, compute, confirm, review, submit, t, unit } from "./stepBuilders";

const ID = "chung-thuc-ban-sao-tu-ban-chinh";

/**
 * Chứng thực bản sao từ bản chính has no State form: the applicant shows the original and the
 * copies (NĐ 23/2015 Điều 20). This is the checklist procedures.json gives, so the counter can
 * prepare and quote the fee (TT 226/2016: 2.000 đ/page for pages 1–2, then 1.000 đ/page,
 * at most 200.000 đ per copy). The original must be seen, so nothing is submitted online.
 */
export const chungThucBanSaoTuBanChinh = defineFlow({
  id: ID,
  name: t("Chứng thực bản sao (sao y)", "Certified copy"),
  producesDossier: true,
  submission: {
    online: false,
    offlineReason: t(
      "Chứng thực bản sao cần cán bộ đối chiếu bản chính (NĐ 23/2015 Điều 20), nên bạn mang bản chính đến Bộ phận " +
        "Một cửa hoặc gửi qua bưu điện.",
      "A certified copy needs the clerk to see the original (Decree 23/2015 Art. 20): bring it to the counter or " +
        "send it by post.",
    ),
  },
  steps: [
    procedureIntro(),
    unit(),
    ask(
      "documentName",
      "text",
      t("Bạn cần chứng thực (sao y) giấy tờ gì?", "Which document do you need certified copies of?"),
      {
        suggestions: [
          t("Giấy khai sinh", "Birth certificate"),
          t("Bằng tốt nghiệp", "Diploma"),
          t("Căn cước công dân", "Citizen ID card"),
          t("Sổ đỏ (Giấy chứng nhận quyền sử dụng đất)", "Land use right certificate (sổ đỏ)"),
        ],
        aliases: ["tên giấy tờ", "giấy tờ"],
      },
    ),
    ask(
      "issuingAuthority",
      "text",
      t("Cơ quan nào cấp bản chính giấy tờ đó?", "Which authority issued the original?"),
      {
        example: t(
          "Ví dụ: UBND phường An Thạnh; Trường Đại học Cần Thơ",
          "Example: An Thanh ward People's Committee; Can Tho University",
        ),
        aliases: ["cơ quan cấp"],
      },
    ),
    confirm(
      "isForeignIssued",
      t("Bản chính do cơ quan nước ngoài cấp phải không?", "Was the original issued by a foreign authority?"),
      {
        aliases: ["nước ngoài"],
      },
    ),
    ask("pageCount", "integer", t("Bản chính có bao nhiêu trang?", "How many pages does the original have?"), {
      min: 1,
      max: 500,
      suggestions: ["1", "2"],
      aliases: ["số trang"],
    }),
    ask(
      "copyCount",
      "integer",
      t("Bạn cần bao nhiêu bản sao được chứng thực?", "How many certified copies do you need?"),
      {
        min: 1,
        max: 100,
        suggestions: ["1", "2", "3"],
        aliases: ["số bản", "số bản sao"],
      },
    ),
    confirm(
      "hasPhotocopy",
      t(
        "Bạn đã có sẵn bản photo chưa? (Chưa có thì Bộ phận Một cửa photo giúp)",
        "Do you already have photocopies? (If not, the counter can make them)",
      ),
      {
        aliases: ["bản photo"],
      },
    ),
    ask("requesterFullName", "name", t("Họ và tên của bạn?", "Your full name?"), { aliases: ["tên tôi"] }),
    ask(
      "requesterPhone",
      "phone",
      t(
        "Số điện thoại của bạn (để tra cứu và để cán bộ báo khi xong)?",
        "Your phone number (for status lookup and to be told when it is ready)?",
      ),
      {
        example: t("Ví dụ: 0912 345 678", "Example: 0912 345 678"),
        aliases: ["số điện thoại"],
      },
    ),
    compute(
      "contactPhone",
      { fn: "copy", from: "requesterPhone" },
      { group: "Người yêu cầu", label: t("Số điện thoại liên hệ", "Contact phone") },
    ),
    ...submissionSteps(
      false,
      t(
        "Lưu ý: cán bộ phải xem bản chính nên không nộp trực tuyến được; bạn chọn mang đến Bộ phận Một cửa hoặc " +
          "gửi qua bưu điện.",
        "Note: the clerk must see the original, so this cannot be done online; bring it to the counter or send it " +
          "by post.",
      ),
    ),
    review(),
    submit(),
  ],
});
