import {
  formOptions,
  genderChoice,
  idNumberByType,
  chooseFromForm,
  procedureIntro,
  signingSteps,
  submissionSteps,
} from "./commonSteps";
import { defineFlow } from "./defineFlow";
import type { ChoiceOption, Step } from "./flowTypes";
import { ask, choose, compute, confirm, info, is, review, submit, t, table, unit } from "./stepBuilders";

const ID = "cap-phieu-ly-lich-tu-phap";

const CARD_1 = "Phiếu lý lịch tư pháp số 1";
const CARD_2 = "Phiếu lý lịch tư pháp số 2";

const CARD_WORDS: Record<string, { en: string; synonyms: readonly string[] }> = {
  [CARD_1]: {
    en: "Criminal record certificate no. 1",
    synonyms: ["so 1", "phieu 1", "phieu so 1", "mot", "so mot", "no 1", "number 1"],
  },
  [CARD_2]: {
    en: "Criminal record certificate no. 2",
    synonyms: ["so 2", "phieu 2", "phieu so 2", "hai", "so hai", "no 2", "number 2"],
  },
};

const certificateOptions: ChoiceOption[] = formOptions(ID, "certificateType").map((o) => ({
  ...o,
  label: t(o.value, CARD_WORDS[o.value]?.en ?? o.value),
  synonyms: CARD_WORDS[o.value]?.synonyms ?? [],
}));

// NĐ 216/2026/NĐ-CP Điều 22: a request sent by post needs the signature on the form certified,
// so the citizen is told right after choosing the post.
const postalSignatureNotice = info(
  "postalSignatureNotice",
  t(
    "Lưu ý: nộp qua bưu điện thì chữ ký trên tờ khai phải được chứng thực (tại UBND phường/xã hoặc văn phòng công " +
      "chứng) trước khi bưu tá đến nhận.",
    "Note: when filing by post, the signature on the form must be certified (at the ward/commune People's " +
      "Committee or a notary) before the postman collects it.",
  ),
  { when: is("submitMethod", "postal") },
);

const submissionWithPostalNotice: Step[] = submissionSteps(true).flatMap((step) =>
  step.id === "submitMethod" ? [step, postalSignatureNotice] : [step],
);

/**
 * Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP, amended by TT 06/2024/TT-BTP).
 * The field list of procedures.json is reconstructed, not checked against the original
 * template, so the flow keeps to it exactly. Since 01/3/2025 the provincial police issue the
 * certificate; the form has no "Kính gửi" line to fill.
 */
export const capPhieuLyLichTuPhap = defineFlow({
  id: ID,
  name: t("Cấp Phiếu lý lịch tư pháp", "Criminal record certificate"),
  producesDossier: true,
  submission: { online: true },
  steps: [
    procedureIntro(),
    unit(),

    // Luật LLTP 2009 Điều 42–43: card no. 1 shows only convictions not yet expunged, card no. 2
    // every conviction; card no. 2 cannot be requested through a representative.
    choose(
      "certificateType",
      t(
        "Bạn cần Phiếu lý lịch tư pháp số mấy?\n• Phiếu số 1: chỉ ghi án tích chưa được xóa; thường dùng để xin " +
          "việc, làm hồ sơ trong nước.\n• Phiếu số 2: ghi đầy đủ mọi án tích, kể cả đã được xóa; thường dùng khi đi " +
          'nước ngoài (du học, xuất khẩu lao động, định cư) hoặc khi nơi nhận ghi rõ "Phiếu số 2". Phiếu số 2 phải ' +
          "tự mình xin, không nhờ người khác xin thay được.\nKhông chắc thì hỏi nơi yêu cầu bạn nộp phiếu.",
        "Which certificate do you need?\n• No. 1: shows only convictions not yet expunged; usually for jobs and " +
          "papers within Vietnam.\n• No. 2: shows every conviction, expunged ones included; usually for going " +
          'abroad (study, labour export, emigration) or when asked for "no. 2". You must request no. 2 yourself, ' +
          "not through someone else.\nIf unsure, ask whoever wants the certificate.",
      ),
      certificateOptions,
      { aliases: ["loại phiếu", "phiếu số", "certificate type"] },
    ),

    ask(
      "fullName",
      "name",
      t("Họ và tên của bạn (ghi đúng như trên căn cước)?", "Your full name (as on your ID card)?"),
      {
        example: t("Ví dụ: Lê Hoàng Nam", "Example: Le Hoang Nam"),
        aliases: ["họ tên", "tên tôi", "my name"],
      },
    ),
    ask(
      "otherNames",
      "text",
      t("Bạn có tên gọi khác không (tên thường gọi, tên cũ)?", "Do you have another name (nickname, former name)?"),
      {
        optional: true,
        example: t("Ví dụ: Út Nam", "Example: Ut Nam"),
        aliases: ["tên gọi khác", "tên khác", "other names"],
      },
    ),
    genderChoice("gender", t("Giới tính của bạn?", "Your sex?"), { aliases: ["giới tính"] }),
    ask("dateOfBirth", "birthDate", t("Bạn sinh ngày, tháng, năm nào?", "Your date of birth?"), {
      example: t("Ví dụ: 14/02/1998", "Example: 14/02/1998"),
      aliases: ["ngày sinh", "năm sinh", "date of birth"],
    }),
    ask(
      "placeOfBirth",
      "text",
      t(
        "Nơi sinh của bạn (ghi như trên giấy khai sinh: xã/phường, tỉnh)?",
        "Your place of birth (as on your birth certificate: ward/commune, province)?",
      ),
      {
        example: t("Ví dụ: xã Tân Hội, tỉnh Đồng Tháp", "Example: Tan Hoi commune, Dong Thap province"),
        aliases: ["nơi sinh", "place of birth"],
      },
    ),
    ask("nationality", "nationality", t("Quốc tịch của bạn?", "Your nationality?"), {
      suggestions: [t("Việt Nam", "Vietnam")],
      example: t("Ví dụ: Việt Nam", "Example: Việt Nam"),
      aliases: ["quốc tịch"],
    }),
    ask(
      "permanentResidence",
      "address",
      t(
        "Nơi thường trú của bạn (số nhà, đường hoặc ấp/khóm, phường/xã, tỉnh)?",
        "Your permanent residence (house number, street or hamlet, ward/commune, province)?",
      ),
      {
        example: t(
          "Ví dụ: Số 12, đường Nguyễn Huệ, phường An Thạnh, tỉnh Đồng Tháp",
          "Example: 12 Nguyen Hue street, An Thanh ward, Dong Thap province",
        ),
        aliases: ["nơi thường trú", "địa chỉ thường trú", "thường trú"],
      },
    ),
    ask(
      "temporaryResidence",
      "address",
      t(
        "Nơi tạm trú của bạn, nếu đang ở chỗ khác với nơi thường trú?",
        "Your temporary residence, if you live somewhere other than your permanent residence?",
      ),
      {
        optional: true,
        example: t(
          "Ví dụ: Số 5, hẻm 3, đường Lê Lợi, phường Sài Gòn, TP. Hồ Chí Minh",
          "Example: 5 alley 3, Le Loi street, Sai Gon ward, Ho Chi Minh City",
        ),
        aliases: ["nơi tạm trú", "tạm trú"],
      },
    ),
    chooseFromForm(ID, "applicantIdType", t("Bạn dùng giấy tờ tùy thân nào?", "Which ID document do you use?"), {
      aliases: ["loại giấy tờ", "giấy tờ tùy thân"],
    }),
    idNumberByType(
      "applicantIdNumber",
      "applicantIdType",
      t("Số giấy tờ tùy thân của bạn?", "The number of your ID document?"),
      {
        idOf: { gender: "gender", birthDate: "dateOfBirth" },
        aliases: ["số cccd", "số căn cước", "số giấy tờ", "my id"],
      },
    ),
    ask("applicantIdIssueDate", "pastDate", t("Giấy tờ đó cấp ngày nào?", "Date the document was issued?"), {
      optional: true,
      example: t("Ví dụ: 15/08/2021", "Example: 15/08/2021"),
      aliases: ["ngày cấp"],
    }),
    ask(
      "applicantIdIssuer",
      "text",
      t(
        "Nơi cấp giấy tờ đó? (căn cước công dân: Cục Cảnh sát QLHC về TTXH; thẻ Căn cước mới: Bộ Công an)",
        "Issued by? (citizen ID card: the Police Department for Administrative Management of Social Order; new " +
          "identity card: the Ministry of Public Security)",
      ),
      {
        optional: true,
        suggestions: [
          t("Cục Cảnh sát QLHC về TTXH", "Police Department for Administrative Management of Social Order"),
          t("Bộ Công an", "Ministry of Public Security"),
        ],
        example: t("Ví dụ: Bộ Công an", "Example: Bộ Công an"),
        aliases: ["nơi cấp"],
      },
    ),

    ask("fatherName", "name", t("Họ và tên cha của bạn?", "Your father's full name?"), {
      optional: true,
      example: t("Ví dụ: Lê Văn Hùng", "Example: Le Van Hung"),
      aliases: ["tên cha", "tên bố", "father's name"],
    }),
    ask("motherName", "name", t("Họ và tên mẹ của bạn?", "Your mother's full name?"), {
      optional: true,
      example: t("Ví dụ: Phạm Thị Hoa", "Example: Pham Thi Hoa"),
      aliases: ["tên mẹ", "mother's name"],
    }),
    ask("spouseName", "name", t("Họ và tên vợ hoặc chồng của bạn?", "Your spouse's full name?"), {
      optional: true,
      example: t("Ví dụ: Võ Thị Thu", "Example: Vo Thi Thu"),
      aliases: ["tên vợ", "tên chồng", "vợ chồng", "spouse"],
    }),

    // The form leaves the phone optional, but it is what the citizen looks the dossier up with.
    ask(
      "phone",
      "phone",
      t(
        "Số điện thoại của bạn (để tra cứu hồ sơ và để cán bộ liên hệ)?",
        "Your phone number (to look up the dossier and for the officer to call)?",
      ),
      {
        example: t("Ví dụ: 0912 345 678", "Example: 0912 345 678"),
        aliases: ["số điện thoại", "sđt", "phone"],
      },
    ),
    compute("contactPhone", { fn: "copy", from: "phone" }),
    ask("email", "email", t("Email của bạn (nếu có)?", "Your email (if any)?"), {
      optional: true,
      example: t("Ví dụ: nam.le@gmail.com", "Example: nam.le@gmail.com"),
      aliases: ["email", "thư điện tử"],
    }),

    // The history runs from age 14 to now in continuous periods; the parser accepts "nay" as
    // the end of the last one.
    table(
      "residenceHistory",
      t("giai đoạn", "period"),
      t(
        "Bây giờ bạn kể lần lượt những nơi bạn đã sống và làm việc, từ năm 14 tuổi đến nay, mỗi nơi là một giai " +
          'đoạn, từ cũ đến mới. Các giai đoạn nối tiếp nhau, giai đoạn cuối ghi "đến nay".',
        "Now list where you have lived and worked since age 14, one period per place, oldest first. The periods " +
          'follow on from each other; the last one runs "until now".',
      ),
      [
        ask("fromMonthYear", "monthYear", t("Từ tháng, năm nào?", "From which month and year?"), {
          example: t("Ví dụ: 09/2012", "Example: 09/2012"),
        }),
        ask(
          "toMonthYear",
          "monthYearOrNow",
          t(
            'Đến tháng, năm nào? (đang ở đó thì gõ "nay")',
            'Until which month and year? (type "nay" if you still live there)',
          ),
          {
            notBefore: "fromMonthYear",
            example: t("Ví dụ: 06/2016 hoặc nay", "Example: 06/2016 or nay (now)"),
            suggestions: [t("nay", "Now")],
          },
        ),
        ask(
          "residencePlace",
          "text",
          t(
            "Trong thời gian đó bạn ở đâu (nơi thường trú hoặc tạm trú)?",
            "Where did you live during that time (permanent or temporary residence)?",
          ),
          {
            example: t("Ví dụ: xã Tân Hội, tỉnh Đồng Tháp", "Example: Tan Hoi commune, Dong Thap province"),
          },
        ),
        ask(
          "occupationWorkplace",
          "text",
          t(
            'Lúc đó bạn làm nghề gì, ở đâu? (đi học thì ghi "Học sinh, trường…")',
            'What was your occupation and workplace then? (a student: "Học sinh, trường…")',
          ),
          {
            optional: true,
            example: t("Ví dụ: Học sinh, Trường THPT Hồng Ngự 1", "Example: Student, Hong Ngu 1 High School"),
            suggestions: [
              t("Học sinh", "Pupil"),
              t("Sinh viên", "Student"),
              t("Làm ruộng", "Farming"),
              t("Nội trợ", "Homemaker"),
              t("Công nhân", "Factory worker"),
            ],
          },
        ),
      ],
      { min: 1, max: 20, aliases: ["quá trình cư trú", "nơi đã ở", "residence history"] },
    ),

    // Only card no. 1 can carry the ban on holding office or managing a company or cooperative
    // (procedures.json rule); card no. 2 skips it.
    confirm(
      "requestBanInfo",
      t(
        "Bạn có cần Phiếu ghi thêm việc bạn có bị Tòa án cấm giữ chức vụ, cấm thành lập hoặc quản lý doanh " +
          "nghiệp, hợp tác xã hay không? (Thường chỉ cần khi bạn sắp làm giám đốc, thành lập hoặc quản lý công ty, " +
          'hợp tác xã. Không rõ thì chọn "Không".)',
        "Should the certificate also state whether a court has banned you from holding office or founding or " +
          "managing a company or cooperative? (Usually needed only to become a director or found or manage a " +
          'company or cooperative. If unsure, choose "No".)',
      ),
      { when: is("certificateType", CARD_1), aliases: ["cấm đảm nhiệm chức vụ", "cấm thành lập doanh nghiệp"] },
    ),
    ask("purpose", "text", t("Bạn xin Phiếu để làm gì?", "What do you need the certificate for?"), {
      example: t("Ví dụ: Xin việc", "Example: Xin việc (job application)"),
      suggestions: [
        t("Xin việc", "Job application"),
        t("Du học", "Study abroad"),
        t("Xuất khẩu lao động", "Working abroad"),
        t("Bổ sung hồ sơ", "To complete a file"),
        t("Định cư nước ngoài", "Settling abroad"),
        t("Kết hôn với người nước ngoài", "Marrying a foreigner"),
      ],
      aliases: ["mục đích", "để làm gì", "purpose"],
    }),
    // Third-party sources (consistent with TT 244/2016/TT-BTC) charge 5.000 đ for each card beyond the second.
    ask(
      "quantity",
      "integer",
      t(
        "Bạn cần mấy bản Phiếu? (từ bản thứ 3 trở đi thu thêm 5.000 đồng mỗi bản)",
        "How many copies of the certificate? (each copy from the third costs 5,000 đồng more)",
      ),
      {
        min: 1,
        max: 10,
        example: t("Ví dụ: 2", "Example: 2"),
        suggestions: ["1", "2"],
        aliases: ["số lượng", "số bản", "mấy bản"],
      },
    ),

    ...submissionWithPostalNotice,
    // The form's "Hình thức nhận kết quả" is the return channel chosen above; the postal address
    // is where the certificate goes (NĐ 216/2026 Điều 25).
    compute("deliveryMethod", {
      fn: "map",
      from: "returnMethod",
      map: {
        online: "Bản điện tử trên VNeID/Cổng DVC",
        counter: "Nhận trực tiếp",
        postal: "Qua dịch vụ bưu chính (bưu chính công ích)",
      },
    }),
    compute("deliveryAddress", { fn: "copy", from: "postalAddress" }, { when: is("returnMethod", "postal") }),
    ...signingSteps(),
    review(),
    submit(),
  ],
  identities: [
    {
      id: "applicant",
      person: t("bạn", "you"),
      fields: {
        fullName: "fullName",
        sex: "gender",
        dateOfBirth: "dateOfBirth",
        residence: "permanentResidence",
        idType: "applicantIdType",
        idNumber: "applicantIdNumber",
        issueDate: "applicantIdIssueDate",
        issuer: "applicantIdIssuer",
      },
    },
  ],
});
