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
import { ask, confirm, handoff, is, review, submit, t, upload } from "./stepBuilders";

const ID = "dang-ky-khai-tu";

/**
 * Tờ khai đăng ký khai tử (Phụ lục TT 04/2024/TT-BTP), in the form's order. The death must
 * be registered within 15 days (Luật Hộ tịch Điều 33); the Giấy báo tử block is asked only
 * when the family has one (footnote (4): otherwise it stays empty).
 */
export const dangKyKhaiTu = defineFlow({
  id: ID,
  name: t("Đăng ký khai tử", "Death registration"),
  producesDossier: true,
  submission: { online: true },
  steps: [
    ...civilStatusOpening(ID, {
      askDateOfBirth: true,
      residenceOptional: true,
      relationshipQuestion: t("Bạn là gì của người đã mất?", "What was your relationship to the deceased?"),
    }),

    ask("deceasedFullName", "name", t("Họ và tên người đã mất?", "Full name of the deceased?"), {
      example: t("Ví dụ: Trần Văn Bảy", "Example: Tran Van Bay"),
      aliases: ["tên người mất", "ten nguoi chet", "name of the deceased"],
    }),
    ask(
      "deceasedDateOfBirth",
      "yearOrDate",
      t(
        "Ngày sinh của người đã mất (không rõ ngày thì ghi năm sinh)?",
        "Date of birth of the deceased (or just the year)?",
      ),
      {
        example: t("Ví dụ: 02/09/1945 hoặc 1945", "Example: 02/09/1945 or 1945"),
        aliases: ["ngày sinh người mất", "năm sinh người mất"],
      },
    ),
    genderChoice("deceasedGender", t("Giới tính của người đã mất?", "Sex of the deceased?")),
    ask("deceasedEthnicity", "ethnicity", t("Dân tộc của người đã mất?", "Ethnic group of the deceased?"), {
      optional: true,
      suggestions: ["Kinh", "Khmer", "Hoa"],
    }),
    ask("deceasedNationality", "nationality", t("Quốc tịch của người đã mất?", "Nationality of the deceased?"), {
      optional: true,
      suggestions: [t("Việt Nam", "Vietnam")],
    }),
    ask(
      "deceasedLastResidence",
      "address",
      t("Nơi cư trú cuối cùng của người đã mất?", "Last place of residence of the deceased?"),
      {
        example: t("Ví dụ: ấp Bình Hòa, xã Tân Hội, Đồng Tháp", "Example: Binh Hoa hamlet, Tan Hoi commune, Dong Thap"),
        aliases: ["địa chỉ người mất"],
      },
    ),
    ask(
      "deceasedIdNumber",
      "idNumber",
      t("Số CCCD / định danh cá nhân của người đã mất (nếu biết)?", "Personal ID number of the deceased (if known)?"),
      {
        optional: true,
        allowCmnd: true,
        idOf: { gender: "deceasedGender", birthDate: "deceasedDateOfBirth" },
        aliases: ["cccd người mất"],
      },
    ),
    ask("deathTime", "time", t("Mất lúc mấy giờ (nếu biết)?", "At what time did the death occur (if known)?"), {
      optional: true,
      example: t("Ví dụ: 14 giờ 30 hoặc 2 giờ chiều", "Example: 14:30 or 2 pm"),
      aliases: ["giờ mất"],
    }),
    ask("deathDate", "pastDate", t("Mất ngày nào?", "Date of death?"), {
      example: t("Ví dụ: 20/11/2026", "Example: 20/11/2026"),
      aliases: ["ngày mất", "ngay chet", "date of death"],
    }),
    ask(
      "placeOfDeath",
      "text",
      t(
        "Nơi mất (tại nhà thì ghi địa chỉ; tại bệnh viện thì ghi tên bệnh viện)?",
        "Place of death (an address, or the hospital's name)?",
      ),
      {
        example: t("Ví dụ: Bệnh viện Đa khoa Đồng Tháp", "Example: Dong Thap General Hospital"),
        aliases: ["nơi mất"],
      },
    ),
    ask("causeOfDeath", "text", t("Nguyên nhân mất?", "Cause of death?"), {
      suggestions: [t("Bệnh", "Illness"), t("Già yếu", "Old age"), t("Tai nạn giao thông", "Road accident")],
      aliases: ["nguyên nhân"],
    }),

    confirm(
      "hasDeathNotice",
      t(
        "Gia đình có Giấy báo tử (hoặc giấy tờ thay thế) không?",
        "Does the family have a death notice (or a document replacing it)?",
      ),
      {
        group: "Giấy báo tử",
        label: t("Có Giấy báo tử", "Has a death notice"),
      },
    ),
    // Neither a death notice nor a paper replacing it: the registry officer decides what proves
    // the death (a witness's statement, the hamlet's confirmation), so a clerk takes over here.
    handoff(
      "deathProofClerk",
      t(
        "Không có Giấy báo tử hay giấy tờ thay thế thì cán bộ tư pháp cần xem gia đình có thể dùng giấy tờ gì để " +
          "chứng minh việc mất (ví dụ văn bản xác nhận của người làm chứng). Mình chuyển bạn sang cán bộ phường; " +
          "những gì bạn đã khai vẫn được giữ.",
        "Without a death notice or a document replacing it, the registry officer has to decide what can prove the " +
          "death (for example a witness's written statement). You are being passed to a ward clerk; everything you " +
          "have entered is kept.",
      ),
      { when: is("hasDeathNotice", false) },
    ),
    ask(
      "deathNoticeNumber",
      "text",
      t(
        "Số Giấy báo tử (hoặc tên và số giấy tờ thay thế)?",
        "Number of the death notice (or name and number of the replacing document)?",
      ),
      {
        when: is("hasDeathNotice", true),
        optional: true,
      },
    ),
    ask("deathNoticeIssuer", "text", t("Giấy báo tử do cơ quan nào cấp?", "Who issued it?"), {
      when: is("hasDeathNotice", true),
      example: t("Ví dụ: Bệnh viện Đa khoa Đồng Tháp", "Example: Dong Thap General Hospital"),
    }),
    ask("deathNoticeDate", "pastDate", t("Ngày cấp Giấy báo tử?", "Date it was issued?"), {
      when: is("hasDeathNotice", true),
      optional: true,
    }),
    upload("deathNoticePhoto", t("Gửi ảnh chụp Giấy báo tử.", "Send a photo of the death notice."), {
      when: is("hasDeathNotice", true),
      optional: true,
      label: t("Ảnh Giấy báo tử", "Death notice photo"),
      group: "Giấy tờ đính kèm",
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
      id: "deceased",
      person: t("người đã mất", "the deceased"),
      fields: {
        fullName: "deceasedFullName",
        dateOfBirth: "deceasedDateOfBirth",
        sex: "deceasedGender",
        residence: "deceasedLastResidence",
        idNumber: "deceasedIdNumber",
      },
    },
  ],
});
