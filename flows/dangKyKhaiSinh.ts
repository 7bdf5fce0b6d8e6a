import {
  civilStatusOpening,
  contactPhone,
  copySteps,
  genderChoice,
  requesterIdentity,
  signingSteps,
  submissionSteps,
} from "./commonSteps";
import { defineFlow } from "./defineFlow";
import { allOf, anyOf, ask, compute, confirm, is, isFilled, not, review, submit, t, upload } from "./stepBuilders";

const ID = "dang-ky-khai-sinh";

// The mother's block is asked when her details are given, and copied from the requester's
// where she is the one filing.
const motherGiven = anyOf(is("motherKnown", true), is("requesterRelationship", "Mẹ"));

/**
 * Tờ khai đăng ký khai sinh (Phụ lục TT 04/2024/TT-BTP), in the form's order. Footnote (2)
 * of the 2024 form makes a parent's ethnicity, nationality and residence optional when their
 * personal ID number is given; the father's block is skipped when the father is not known.
 */
export const dangKyKhaiSinh = defineFlow({
  id: ID,
  name: t("Đăng ký khai sinh", "Birth registration"),
  producesDossier: true,
  submission: { online: true },
  steps: [
    ...civilStatusOpening(ID, {
      askDateOfBirth: true,
      residenceOptional: true,
      relationshipQuestion: t("Bạn là gì của bé?", "What is your relationship to the child?"),
    }),

    ask("childFullName", "name", t("Họ và tên đầy đủ của bé?", "The child's full name?"), {
      example: t("Ví dụ: Nguyễn Ngọc Bảo An", "Example: Nguyen Ngoc Bao An"),
      aliases: ["tên bé", "tên con", "ten chau", "child's name", "baby name"],
    }),
    ask("childDateOfBirth", "birthDate", t("Bé sinh ngày nào?", "The child's date of birth?"), {
      maxYearsAgo: 100,
      example: t("Ví dụ: 05/03/2026", "Example: 05/03/2026"),
      aliases: ["ngày sinh của bé", "ngày sinh con", "ngay sinh be", "birthday", "child's date of birth"],
    }),
    compute("childDateOfBirthInWords", { fn: "dateInWords", from: "childDateOfBirth" }),
    genderChoice("childGender", t("Bé là bé trai hay bé gái?", "Is the child a boy or a girl?"), {
      aliases: ["giới tính bé"],
    }),
    ask("childEthnicity", "ethnicity", t("Dân tộc của bé?", "The child's ethnic group?"), {
      suggestions: ["Kinh", "Khmer", "Hoa"],
      aliases: ["dân tộc bé"],
    }),
    ask("childNationality", "nationality", t("Quốc tịch của bé?", "The child's nationality?"), {
      suggestions: [t("Việt Nam", "Vietnam")],
      aliases: ["quốc tịch bé"],
    }),
    ask(
      "childPlaceOfBirth",
      "address",
      t(
        "Nơi sinh của bé? (sinh ở bệnh viện/trạm y tế: ghi tên và địa chỉ nơi đó; sinh ở nhà: ghi xã/phường, tỉnh)",
        "Place of birth? (in a hospital or clinic: its name and address; at home: the ward/commune and province)",
      ),
      {
        example: t(
          "Ví dụ: Bệnh viện Đa khoa khu vực Hồng Ngự, Đồng Tháp",
          "Example: Hong Ngu Regional General Hospital, Dong Thap",
        ),
        aliases: ["nơi sinh bé", "place of birth"],
      },
    ),
    ask(
      "childHometown",
      "address",
      t(
        "Quê quán của bé (theo quê của cha hoặc mẹ, do cha mẹ thỏa thuận)?",
        "The child's home town (the father's or the mother's, as the parents agree)?",
      ),
      {
        example: t("Ví dụ: xã Tân Hội, tỉnh Đồng Tháp", "Example: Tan Hoi commune, Dong Thap province"),
        aliases: ["quê quán bé", "hometown"],
      },
    ),
    upload(
      "birthCertificatePhoto",
      t(
        "Gửi ảnh chụp Giấy chứng sinh của bé (nếu có).",
        "Send a photo of the birth notice from the hospital (if you have it).",
      ),
      {
        optional: true,
        label: t("Ảnh Giấy chứng sinh", "Birth notice photo"),
        group: "Giấy tờ đính kèm",
      },
    ),

    confirm("motherKnown", t("Bạn có khai thông tin người mẹ của bé không?", "Will you give the mother's details?"), {
      when: not(is("requesterRelationship", "Mẹ")),
      group: "Thông tin người mẹ",
      label: t("Có thông tin người mẹ", "Mother's details given"),
    }),
    ask("motherFullName", "name", t("Họ và tên người mẹ?", "The mother's full name?"), {
      copyWhen: { when: is("requesterRelationship", "Mẹ"), from: "requesterFullName" },
      when: motherGiven,
      aliases: ["tên mẹ", "mother's name"],
    }),
    ask(
      "motherBirthDateOrYear",
      "yearOrDate",
      t("Ngày sinh của mẹ (không nhớ ngày thì ghi năm sinh)?", "The mother's date of birth (or just the year)?"),
      {
        copyWhen: {
          when: allOf(is("requesterRelationship", "Mẹ"), isFilled("requesterDateOfBirth")),
          from: "requesterDateOfBirth",
        },
        when: motherGiven,
        example: t("Ví dụ: 12/04/1995 hoặc 1995", "Example: 12/04/1995 or 1995"),
        aliases: ["năm sinh mẹ", "ngày sinh mẹ"],
      },
    ),
    ask(
      "motherIdNumber",
      "idNumber",
      t("Số định danh cá nhân (CCCD) của mẹ?", "The mother's personal ID number (CCCD)?"),
      {
        copyWhen: { when: is("requesterRelationship", "Mẹ"), from: "requesterIdNumber" },
        when: motherGiven,
        allowCmnd: true,
        optional: true,
        idOf: { birthDate: "motherBirthDateOrYear", sex: "Nữ" },
        aliases: ["cccd mẹ"],
      },
    ),
    ask("motherEthnicity", "ethnicity", t("Dân tộc của mẹ?", "The mother's ethnic group?"), {
      when: motherGiven,
      optional: true,
      suggestions: ["Kinh"],
      aliases: ["dân tộc mẹ"],
    }),
    ask("motherNationality", "nationality", t("Quốc tịch của mẹ?", "The mother's nationality?"), {
      when: motherGiven,
      optional: true,
      suggestions: [t("Việt Nam", "Vietnam")],
      aliases: ["quốc tịch mẹ"],
    }),
    ask("motherResidence", "address", t("Nơi cư trú của mẹ?", "Where does the mother live?"), {
      copyWhen: {
        when: allOf(is("requesterRelationship", "Mẹ"), isFilled("requesterResidence")),
        from: "requesterResidence",
      },
      when: motherGiven,
      optional: true,
      aliases: ["địa chỉ mẹ"],
    }),

    confirm(
      "fatherKnown",
      t(
        'Bạn có khai thông tin người cha của bé không? (Chưa xác định được cha thì chọn "Không")',
        'Will you give the father\'s details? (Choose "No" if the father is not established)',
      ),
      {
        when: not(is("requesterRelationship", "Cha")),
        group: "Thông tin người cha",
        label: t("Có thông tin người cha", "Father's details given"),
      },
    ),
    { kind: "branch", id: "fatherBranch", cases: [{ when: is("fatherKnown", false), goto: "parentsMarried" }] },
    ask("fatherFullName", "name", t("Họ và tên người cha?", "The father's full name?"), {
      copyWhen: { when: is("requesterRelationship", "Cha"), from: "requesterFullName" },
      aliases: ["tên cha", "tên bố", "father's name"],
    }),
    ask(
      "fatherBirthDateOrYear",
      "yearOrDate",
      t("Ngày sinh của cha (không nhớ ngày thì ghi năm sinh)?", "The father's date of birth (or just the year)?"),
      {
        copyWhen: {
          when: allOf(is("requesterRelationship", "Cha"), isFilled("requesterDateOfBirth")),
          from: "requesterDateOfBirth",
        },
        example: t("Ví dụ: 03/09/1992 hoặc 1992", "Example: 03/09/1992 or 1992"),
        aliases: ["năm sinh cha", "ngày sinh bố"],
      },
    ),
    ask(
      "fatherIdNumber",
      "idNumber",
      t("Số định danh cá nhân (CCCD) của cha?", "The father's personal ID number (CCCD)?"),
      {
        copyWhen: { when: is("requesterRelationship", "Cha"), from: "requesterIdNumber" },
        allowCmnd: true,
        optional: true,
        idOf: { birthDate: "fatherBirthDateOrYear", sex: "Nam" },
        aliases: ["cccd cha", "cccd bố"],
      },
    ),
    ask("fatherEthnicity", "ethnicity", t("Dân tộc của cha?", "The father's ethnic group?"), {
      optional: true,
      suggestions: ["Kinh"],
      aliases: ["dân tộc cha"],
    }),
    ask("fatherNationality", "nationality", t("Quốc tịch của cha?", "The father's nationality?"), {
      optional: true,
      suggestions: [t("Việt Nam", "Vietnam")],
      aliases: ["quốc tịch cha"],
    }),
    ask("fatherResidence", "address", t("Nơi cư trú của cha?", "Where does the father live?"), {
      copyWhen: {
        when: allOf(is("requesterRelationship", "Cha"), isFilled("requesterResidence")),
        from: "requesterResidence",
      },
      optional: true,
      aliases: ["địa chỉ cha"],
    }),

    confirm(
      "parentsMarried",
      t(
        "Cha mẹ bé đã đăng ký kết hôn chưa? (Không bắt buộc nộp giấy kết hôn)",
        "Are the parents' marriage registered? (The certificate is not required)",
      ),
      {
        when: anyOf(is("fatherKnown", true), is("requesterRelationship", "Cha")),
        group: "Giấy chứng nhận kết hôn của cha, mẹ",
        label: t("Cha mẹ đã đăng ký kết hôn", "Parents married"),
      },
    ),
    ask(
      "parentsMarriageCertNumber",
      "text",
      t("Số Giấy chứng nhận kết hôn (nếu nhớ)?", "Marriage certificate number (if you know it)?"),
      { when: is("parentsMarried", true), optional: true },
    ),
    ask(
      "parentsMarriageCertBook",
      "text",
      t("Quyển số (ghi trên Giấy chứng nhận kết hôn)?", "Register book number (on the certificate)?"),
      { when: is("parentsMarried", true), optional: true },
    ),
    ask("parentsMarriageRegDate", "pastDate", t("Ngày đăng ký kết hôn?", "Date the marriage was registered?"), {
      when: is("parentsMarried", true),
      optional: true,
    }),
    ask("parentsMarriageRegPlace", "text", t("Nơi đăng ký kết hôn?", "Where was the marriage registered?"), {
      when: is("parentsMarried", true),
      optional: true,
      example: t("Ví dụ: UBND phường An Thạnh, Đồng Tháp", "Example: An Thanh ward People's Committee, Dong Thap"),
    }),

    ...copySteps(),
    ...signingSteps(),
    contactPhone(),
    ...submissionSteps(true),
    review(),
    submit(),
  ],
  identities: [
    requesterIdentity({ askDateOfBirth: true }),
    {
      id: "mother",
      person: t("người mẹ", "the mother"),
      sex: "Nữ",
      fields: {
        fullName: "motherFullName",
        dateOfBirth: "motherBirthDateOrYear",
        idNumber: "motherIdNumber",
        residence: "motherResidence",
      },
    },
    {
      id: "father",
      person: t("người cha", "the father"),
      sex: "Nam",
      fields: {
        fullName: "fatherFullName",
        dateOfBirth: "fatherBirthDateOrYear",
        idNumber: "fatherIdNumber",
        residence: "fatherResidence",
      },
    },
  ],
});
