import {
  civilStatusOpening,
  contactPhone,
  genderChoice,
  requesterIdentity,
  signingSteps,
  submissionSteps,
} from "./commonSteps";
import { defineFlow } from "./defineFlow";
import { allOf, ask, choose, compute, confirm, is, isFilled, not, option, review, submit, t } from "./stepBuilders";

const ID = "cap-giay-xac-nhan-tinh-trang-hon-nhan";
const SELF = is("requesterRelationship", "Bản thân");
const SINGLE = "Chưa đăng ký kết hôn với ai";

/**
 * Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (Phụ lục TT 04/2020/TT-BTP). Most people ask
 * for themselves, so the person certified is copied from the requester then. The certificate
 * is valid 6 months and only for the purpose written on it (NĐ 123/2015 Điều 23): the
 * purpose question says so.
 */
export const capGiayXacNhanTinhTrangHonNhan = defineFlow({
  id: ID,
  name: t("Xác nhận tình trạng hôn nhân (giấy độc thân)", "Marital status certificate"),
  producesDossier: true,
  submission: { online: true },
  steps: [
    ...civilStatusOpening(ID, {
      askDateOfBirth: false,
      residenceOptional: false,
      relationshipQuestion: t("Bạn xin giấy này cho ai?", "Who is the certificate for?"),
    }),

    ask("subjectFullName", "name", t("Họ và tên người cần xác nhận?", "Full name of the person to certify?"), {
      copyWhen: { when: SELF, from: "requesterFullName" },
      aliases: ["tên người được xác nhận"],
    }),
    ask("subjectDateOfBirth", "birthDate", t("Ngày sinh của người cần xác nhận?", "Their date of birth?"), {
      example: t("Ví dụ: 20/10/1996", "Example: 20/10/1996"),
      aliases: ["ngày sinh"],
    }),
    genderChoice("subjectGender", t("Giới tính của người cần xác nhận?", "Their sex?")),
    ask("subjectEthnicity", "ethnicity", t("Dân tộc?", "Ethnic group?"), {
      suggestions: ["Kinh", "Khmer", "Hoa"],
      aliases: ["dân tộc"],
    }),
    ask("subjectNationality", "nationality", t("Quốc tịch?", "Nationality?"), {
      suggestions: [t("Việt Nam", "Vietnam")],
      aliases: ["quốc tịch"],
    }),
    ask("subjectResidence", "address", t("Nơi cư trú của người cần xác nhận?", "Where do they live?"), {
      copyWhen: { when: allOf(SELF, isFilled("requesterResidence")), from: "requesterResidence" },
      aliases: ["địa chỉ"],
    }),
    ask(
      "subjectIdNumber",
      "idNumber",
      t("Số CCCD / định danh cá nhân của người cần xác nhận?", "Their personal ID number?"),
      {
        copyWhen: { when: SELF, from: "requesterIdNumber" },
        allowCmnd: true,
        idOf: { gender: "subjectGender", birthDate: "subjectDateOfBirth" },
        aliases: ["cccd"],
      },
    ),

    confirm(
      "needsPeriod",
      t(
        "Bạn có cần xác nhận tình trạng hôn nhân trong một thời gian cư trú trước đây (ở nơi khác) không? Nếu chỉ " +
          'cần hiện tại, chọn "Không".',
        "Do you need the status certified for an earlier period of residence (elsewhere)? If only the present, " +
          'choose "No".',
      ),
      { group: "Thời kỳ xác nhận", label: t("Xác nhận thời kỳ trước", "Earlier period") },
    ),
    ask(
      "periodResidencePlace",
      "address",
      t("Nơi cư trú trong thời gian đó?", "Where did they live during that period?"),
      { when: is("needsPeriod", true) },
    ),
    ask("periodFrom", "pastDate", t("Từ ngày nào?", "From which date?"), {
      when: is("needsPeriod", true),
      example: t("Ví dụ: 01/01/2015", "Example: 01/01/2015"),
    }),
    ask("periodTo", "pastDate", t("Đến ngày nào?", "Until which date?"), {
      when: is("needsPeriod", true),
      notBefore: "periodFrom",
      example: t("Ví dụ: 31/12/2020", "Example: 31/12/2020"),
    }),

    // The form's options have blanks ("Đang có vợ/chồng là …"): the citizen picks the
    // status, then gives the details, and the two make the printed line.
    choose(
      "maritalStatusChoice",
      t("Tình trạng hôn nhân hiện nay?", "Current marital status?"),
      [
        option(SINGLE, t("Chưa đăng ký kết hôn với ai (độc thân)", "Not married to anyone (single)"), [
          "doc than",
          "chua ket hon",
          "single",
        ]),
        option("Đang có vợ/chồng là", t("Đang có vợ/chồng", "Married"), ["da ket hon", "co vo", "co chong", "married"]),
        option("Đã đăng ký kết hôn nhưng đã ly hôn, theo", t("Đã ly hôn", "Divorced"), ["ly hon", "divorced"]),
        option("Đã đăng ký kết hôn nhưng vợ/chồng đã chết, theo", t("Vợ/chồng đã mất", "Widowed"), [
          "goa",
          "vo mat",
          "chong mat",
          "widowed",
        ]),
      ],
      { group: "Tình trạng hôn nhân", label: t("Tình trạng hôn nhân", "Marital status"), aliases: ["tình trạng"] },
    ),
    ask(
      "maritalStatusDetail",
      "text",
      t(
        "Bạn ghi rõ giúp: họ tên và năm sinh của vợ/chồng, hoặc số, ngày và cơ quan ra bản án/quyết định ly hôn " +
          "hay trích lục khai tử.",
        "Please give the details: the spouse's name and year of birth, or the number, date and issuer of the " +
          "divorce decision or death extract.",
      ),
      {
        when: not(is("maritalStatusChoice", SINGLE)),
        group: "Tình trạng hôn nhân",
        label: t("Chi tiết tình trạng hôn nhân", "Marital status details"),
        example: t(
          "Ví dụ: Bản án số 12/2020/HNGĐ-ST ngày 05/06/2020 của TAND TP Hồng Ngự",
          "Example: Judgment 12/2020/HNGD-ST of 05/06/2020, Hong Ngu People's Court",
        ),
      },
    ),
    compute("maritalStatus", { fn: "concat", from: ["maritalStatusChoice", "maritalStatusDetail"], separator: " " }),
    ask(
      "purpose",
      "text",
      t(
        "Bạn dùng giấy này để làm gì? (Giấy chỉ dùng đúng mục đích ghi trên giấy và có giá trị 6 tháng. Để kết " +
          "hôn thì ghi rõ kết hôn với ai, ở đâu.)",
        "What is the certificate for? (It is valid for 6 months and only for the stated purpose. For a marriage, " +
          "say with whom and where.)",
      ),
      {
        suggestions: [
          t("Đăng ký kết hôn", "To register a marriage"),
          t("Vay vốn ngân hàng", "For a bank loan"),
          t("Mua bán nhà đất", "To buy or sell land or a house"),
        ],
        aliases: ["mục đích"],
      },
    ),

    ...signingSteps(),
    contactPhone(),
    ...submissionSteps(true),
    review(),
    submit(),
  ],
  identities: [requesterIdentity({ askDateOfBirth: false })],
});
