import type { AskStep, ChooseStep, Condition, IdentityGroup, Step, Text } from "./flowTypes";
import { formField } from "./procedureFacts";
import { ask, choose, compute, confirm, infoTemplate, is, isOneOf, option, t, unit } from "./stepBuilders";

/** The procedure's documents, fee, time limit and authority, told before the first question. */
export function procedureIntro(): Step {
  return infoTemplate("intro", "procedure-intro");
}

const ENGLISH_OPTIONS: Record<string, string> = {
  "Số định danh cá nhân/CCCD": "Personal ID number / citizen ID card (CCCD)",
  "Thẻ Căn cước": "Identity card (Căn cước)",
  "Chứng minh nhân dân": "Old ID card (CMND)",
  "Hộ chiếu": "Passport",
  "Giấy tờ hợp lệ thay thế khác": "Another valid document",
  "Căn cước công dân": "Citizen ID card (CCCD)",
  "Căn cước": "Identity card (Căn cước)",
  Cha: "Father",
  Mẹ: "Mother",
  Ông: "Grandfather",
  Bà: "Grandmother",
  Vợ: "Wife",
  Chồng: "Husband",
  Con: "Child",
  Cháu: "Grandchild / nephew / niece",
  Anh: "Elder brother",
  Chị: "Elder sister",
  Em: "Younger sibling",
  Khác: "Other",
  "Chủ hộ": "Household head (myself)",
  "Người thân thích khác": "Another relative",
  "Bản thân (tự khai sinh khi đã thành niên)": "Myself (registering my own birth as an adult)",
  "Tổ chức/cá nhân đang nuôi dưỡng": "Organisation or person raising the child",
  "Đại diện cơ quan/tổ chức": "Representative of an organisation",
  "Bản thân": "Myself",
  "Người được ủy quyền": "Authorised person",
  Nam: "Male",
  Nữ: "Female",
};

// Words people type for an option instead of its label.
const SYNONYMS: Record<string, readonly string[]> = {
  "Số định danh cá nhân/CCCD": ["cccd", "can cuoc cong dan", "dinh danh", "the cccd", "citizen id"],
  "Căn cước công dân": ["cccd", "can cuoc cong dan", "citizen id"],
  "Thẻ Căn cước": ["can cuoc", "the can cuoc", "can cuoc moi"],
  "Chứng minh nhân dân": ["cmnd", "chung minh", "cmt", "chung minh thu"],
  "Hộ chiếu": ["ho chieu", "passport"],
  Cha: ["bo", "ba", "bố", "ba ruột", "tôi là cha", "dad", "father"],
  Mẹ: ["má", "me", "tôi là mẹ", "mom", "mother"],
  Ông: ["ông nội", "ông ngoại", "grandpa"],
  Bà: ["bà nội", "bà ngoại", "grandma"],
  Nam: ["trai", "con trai", "bé trai", "male", "boy", "man"],
  Nữ: ["gái", "con gái", "bé gái", "female", "girl", "woman"],
  "Bản thân": ["tôi", "chính tôi", "của tôi", "me", "myself"],
  "Chủ hộ": ["tôi là chủ hộ", "chính tôi"],
};

/** The options of a select field of the paper form, in its own words, with English labels. */
export function formOptions(procedureId: string, key: string, english: Record<string, string> = {}) {
  const field = formField(procedureId, key);
  if (!field.options) throw new Error(`FLOW_FIELD_HAS_NO_OPTIONS: "${key}" of "${procedureId}" is not a select field`);
  return field.options.map((value) =>
    option(value, t(value, english[value] ?? ENGLISH_OPTIONS[value] ?? value), SYNONYMS[value] ?? []),
  );
}

/** A choice whose options are those of the form field of the same key. */
export function chooseFromForm(
  procedureId: string,
  key: string,
  question: Text,
  extra: Partial<ChooseStep> = {},
): ChooseStep {
  return choose(key, question, formOptions(procedureId, key, {}), extra);
}

export function genderChoice(id: string, question: Text, extra: Partial<ChooseStep> = {}): ChooseStep {
  return choose(
    id,
    question,
    [option("Nam", t("Nam", "Male"), SYNONYMS.Nam), option("Nữ", t("Nữ", "Female"), SYNONYMS["Nữ"])],
    extra,
  );
}

/** ID types whose number is the 12-digit personal ID; others are checked only for presence. */
const PERSONAL_ID_TYPES = ["Số định danh cá nhân/CCCD", "Thẻ Căn cước", "Căn cước công dân", "Căn cước"];

/**
 * An ID number whose check follows the ID type chosen before it: the 12-digit personal ID
 * (TT 07/2016), the 9-digit old CMND, or a passport or other document taken as written.
 */
export function idNumberByType(id: string, typeField: string, question: Text, extra: Partial<AskStep> = {}): AskStep {
  return ask(id, "cccd", question, {
    example: t("Ví dụ: 087123456789", "Example: 087123456789"),
    typeWhen: [
      { when: is(typeField, "Chứng minh nhân dân"), type: "idNumber" },
      { when: { not: isOneOf(typeField, PERSONAL_ID_TYPES) }, type: "text" },
    ],
    allowCmnd: true,
    ...extra,
  });
}

/**
 * The requester block shared by the civil-status forms (TT 04/2024): name, date of birth,
 * residence, ID document (type, number, issue date, issuer) — footnote (2) makes date of birth
 * and residence optional for someone who gives a personal ID number.
 */
export function requesterSteps(
  procedureId: string,
  options: { askDateOfBirth: boolean; residenceOptional: boolean },
): Step[] {
  const steps: Step[] = [
    ask(
      "requesterFullName",
      "name",
      t("Họ và tên đầy đủ của bạn (người đi làm thủ tục)?", "Your full name (the person filing)?"),
      {
        example: t("Ví dụ: Nguyễn Văn An", "Example: Nguyen Van An"),
        aliases: ["tên tôi", "ho ten nguoi yeu cau", "my name"],
      },
    ),
  ];
  if (options.askDateOfBirth) {
    steps.push(
      ask("requesterDateOfBirth", "birthDate", t("Ngày sinh của bạn?", "Your date of birth?"), {
        example: t("Ví dụ: 20/10/1990", "Example: 20/10/1990"),
        optional: true,
        aliases: ["ngày sinh của tôi", "my date of birth"],
      }),
    );
  }
  steps.push(
    ask(
      "requesterResidence",
      "address",
      t(
        "Nơi cư trú của bạn (nơi thường trú; không có thì nơi tạm trú)?",
        "Where do you live (permanent residence, else temporary)?",
      ),
      {
        example: t(
          "Ví dụ: 12 Nguyễn Huệ, phường An Thạnh, Đồng Tháp",
          "Example: 12 Nguyen Hue, An Thanh ward, Dong Thap",
        ),
        optional: options.residenceOptional,
        aliases: ["địa chỉ của tôi", "my address"],
      },
    ),
    chooseFromForm(
      procedureId,
      "requesterIdType",
      t("Bạn dùng giấy tờ tùy thân nào?", "Which ID document do you use?"),
      {
        aliases: ["loại giấy tờ"],
      },
    ),
    idNumberByType(
      "requesterIdNumber",
      "requesterIdType",
      t("Số giấy tờ tùy thân của bạn?", "The number of your ID document?"),
      {
        ...(options.askDateOfBirth ? { idOf: { birthDate: "requesterDateOfBirth" } } : {}),
        aliases: ["cccd của tôi", "số cccd", "my id"],
      },
    ),
    ask("requesterIdIssueDate", "pastDate", t("Ngày cấp giấy tờ đó?", "Date the document was issued?"), {
      optional: true,
      example: t("Ví dụ: 15/08/2021", "Example: 15/08/2021"),
    }),
    ask(
      "requesterIdIssuer",
      "issuingAuthority",
      t(
        "Nơi cấp (ví dụ: Cục Cảnh sát QLHC về TTXH, hoặc Bộ Công an với thẻ Căn cước mới)?",
        "Issued by (e.g. the Police Department for Administrative Management of Social Order, or the Ministry of " +
          "Public Security)?",
      ),
      {
        optional: true,
      },
    ),
  );
  return steps;
}

/** The requester of {@link requesterSteps} as an ID card fills them. */
export function requesterIdentity(options: { askDateOfBirth: boolean }): IdentityGroup {
  return {
    id: "requester",
    person: t("bạn", "you"),
    fields: {
      fullName: "requesterFullName",
      ...(options.askDateOfBirth ? { dateOfBirth: "requesterDateOfBirth" } : {}),
      residence: "requesterResidence",
      idType: "requesterIdType",
      idNumber: "requesterIdNumber",
      issueDate: "requesterIdIssueDate",
      issuer: "requesterIdIssuer",
    },
  };
}

/**
 * How the civil-status declarations (birth, death, marital status; Luật Hộ tịch Điều 7) begin:
 * the procedure's facts, the unit, the addressee (the commune People's Committee), the
 * requester, and the requester's relationship to the person the paper is about.
 */
export function civilStatusOpening(
  procedureId: string,
  options: { askDateOfBirth: boolean; residenceOptional: boolean; relationshipQuestion: Text },
): Step[] {
  return [
    procedureIntro(),
    unit(),
    compute("kinhGui", { fn: "addressee", authority: "ubnd" }),
    ...requesterSteps(procedureId, options),
    chooseFromForm(procedureId, "requesterRelationship", options.relationshipQuestion),
  ];
}

/** Request for copies of the extract (bản sao trích lục), charged per copy. */
export function copySteps(): Step[] {
  return [
    confirm(
      "copyRequested",
      t(
        "Bạn có cần thêm bản sao trích lục không? (bản sao có thu phí)",
        "Do you need extra certified copies of the extract? (copies are charged)",
      ),
      {
        aliases: ["bản sao"],
      },
    ),
    ask("copyQuantity", "integer", t("Bạn cần bao nhiêu bản sao?", "How many copies?"), {
      when: is("copyRequested", true),
      min: 1,
      max: 20,
      example: t("Ví dụ: 2", "Example: 2"),
      aliases: ["số bản sao"],
    }),
  ];
}

/** The signing place and date at the foot of the form, from the unit and today's date. */
export function signingSteps(): Step[] {
  return [compute("placeSigned", { fn: "signingPlace" }), compute("dateSigned", { fn: "today" })];
}

/**
 * How to submit and how to receive the result: online, at the counter on a chosen day, or
 * picked up and returned at home by the public postal service (bưu chính công ích). Where the
 * law requires presence the online options are not offered.
 */
export function submissionSteps(online: boolean, offlineWhy?: Text): Step[] {
  const submitOptions = [
    ...(online
      ? [
          option("online", t("Nộp trực tuyến (không cần đến)", "Online (no visit needed)"), [
            "truc tuyen",
            "online",
            "qua mang",
          ]),
        ]
      : []),
    option("counter", t("Nộp trực tiếp tại Bộ phận Một cửa", "In person at the one-stop counter"), [
      "truc tiep",
      "den noi",
      "mot cua",
      "counter",
    ]),
    option("postal", t("Bưu điện đến nhà nhận hồ sơ", "Postal service picks it up at home"), [
      "buu dien",
      "buu chinh",
      "post",
      "tai nha",
    ]),
  ];
  const returnOptions = [
    ...(online
      ? [
          option(
            "online",
            t("Nhận bản điện tử (qua Cổng DVC/VNeID)", "Electronic copy (public service portal / VNeID)"),
            ["dien tu", "truc tuyen", "qua mang", "online", "vneid"],
          ),
        ]
      : []),
    option("counter", t("Nhận tại Bộ phận Một cửa", "Collect at the one-stop counter"), [
      "truc tiep",
      "den lay",
      "counter",
    ]),
    option("postal", t("Bưu điện trả kết quả tại nhà", "Delivered home by post"), [
      "buu dien",
      "buu chinh",
      "post",
      "tai nha",
    ]),
  ];
  const postal: Condition = { any: [is("submitMethod", "postal"), is("returnMethod", "postal")] };
  const steps: Step[] = [];
  if (!online && offlineWhy) steps.push({ kind: "info", id: "offlineNotice", text: offlineWhy });
  steps.push(
    choose("submitMethod", t("Bạn muốn nộp hồ sơ bằng cách nào?", "How do you want to submit?"), submitOptions, {
      group: "Cách nộp và nhận kết quả",
      label: t("Cách nộp", "Submission"),
    }),
    ask(
      "counterDate",
      "futureDate",
      t(
        "Bạn dự định đến Bộ phận Một cửa ngày nào? (thứ Hai – thứ Sáu)",
        "Which day do you plan to come to the counter? (Monday – Friday)",
      ),
      {
        when: is("submitMethod", "counter"),
        group: "Cách nộp và nhận kết quả",
        label: t("Ngày đến nộp", "Counter day"),
        example: t("Ví dụ: 02/12/2026", "Example: 02/12/2026"),
      },
    ),
    choose(
      "returnMethod",
      t("Bạn muốn nhận kết quả bằng cách nào?", "How do you want to receive the result?"),
      returnOptions,
      {
        group: "Cách nộp và nhận kết quả",
        label: t("Cách nhận kết quả", "Result delivery"),
      },
    ),
    ask(
      "postalAddress",
      "address",
      t("Địa chỉ để bưu điện đến nhận/trả hồ sơ?", "Address for the postal pickup/delivery?"),
      {
        when: postal,
        group: "Cách nộp và nhận kết quả",
        label: t("Địa chỉ bưu điện", "Postal address"),
        example: t(
          "Ví dụ: 12 Nguyễn Huệ, phường An Thạnh, Đồng Tháp",
          "Example: 12 Nguyen Hue, An Thanh ward, Dong Thap",
        ),
      },
    ),
    ask("postalPhone", "phone", t("Số điện thoại để bưu tá liên hệ?", "Phone number for the postman?"), {
      when: postal,
      group: "Cách nộp và nhận kết quả",
      label: t("Điện thoại cho bưu tá", "Phone for the postman"),
      example: t("Ví dụ: 0912 345 678", "Example: 0912 345 678"),
    }),
    choose(
      "postalTimeWindow",
      t("Bưu tá đến lúc nào thì tiện cho bạn?", "When should the postman come?"),
      [
        option("sang", t("Buổi sáng (7:30 – 11:30)", "Morning (7:30 – 11:30)"), ["sang", "morning"]),
        option("chieu", t("Buổi chiều (13:30 – 17:00)", "Afternoon (13:30 – 17:00)"), ["chieu", "afternoon"]),
        option("bat-ky", t("Lúc nào cũng được", "Any time"), ["luc nao cung duoc", "any"]),
      ],
      { when: postal, group: "Cách nộp và nhận kết quả", label: t("Giờ hẹn bưu tá", "Postal time window") },
    ),
  );
  return steps;
}

/** A phone number for status lookup and for the office to call back, when the form has none. */
export function contactPhone(): AskStep {
  return ask(
    "contactPhone",
    "phone",
    t(
      "Số điện thoại của bạn (để tra cứu hồ sơ và để cán bộ liên hệ)?",
      "Your phone number (to look up the dossier and for the clerk to call)?",
    ),
    {
      group: "Liên hệ",
      label: t("Số điện thoại liên hệ", "Contact phone"),
      example: t("Ví dụ: 0912 345 678", "Example: 0912 345 678"),
    },
  );
}
