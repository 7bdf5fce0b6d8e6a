import { contactPhone, copySteps, formOptions, procedureIntro, signingSteps, submissionSteps } from "./commonSteps";
import { defineFlow } from "./defineFlow";
import type { IdentityGroup, Step } from "./flowTypes";
import { ask, choose, compute, confirm, is, review, submit, t, unit, upload } from "./stepBuilders";

const ID = "dang-ky-ket-hon";

type Side = "bride" | "groom";

const SIDE_WORDS: Record<Side, { vi: string; en: string; aliases: string[] }> = {
  bride: { vi: "bên nữ (cô dâu)", en: "the bride", aliases: ["cô dâu", "bên nữ", "vợ", "bride"] },
  groom: { vi: "bên nam (chú rể)", en: "the groom", aliases: ["chú rể", "bên nam", "chồng", "groom"] },
};

/** What a side's ID card fills: the bride's card must be a woman's, the groom's a man's. */
function sideIdentity(side: Side): IdentityGroup {
  const w = SIDE_WORDS[side];
  return {
    id: side,
    person: t(w.vi, w.en),
    sex: side === "bride" ? "Nữ" : "Nam",
    fields: {
      fullName: `${side}FullName`,
      dateOfBirth: `${side}DateOfBirth`,
      idNumber: `${side}IdNumber`,
      residence: `${side}Residence`,
    },
  };
}

/** One column of the form's table (Bên nữ | Bên nam): the same rows for each side. */
function sideSteps(side: Side): Step[] {
  const w = SIDE_WORDS[side];
  const alias = (words: string) => w.aliases.map((a) => `${words} ${a}`);
  const minimumAge = side === "bride" ? 18 : 20;
  return [
    ask(`${side}FullName`, "name", t(`Họ và tên ${w.vi}?`, `Full name of ${w.en}?`), { aliases: alias("tên") }),
    ask(
      `${side}DateOfBirth`,
      "birthDate",
      t(
        `Ngày sinh của ${w.vi}? (đủ ${minimumAge} tuổi trở lên – Luật Hôn nhân và gia đình Điều 8)`,
        `Date of birth of ${w.en}? (${minimumAge} or older)`,
      ),
      {
        example: t("Ví dụ: 14/02/1998", "Example: 14/02/1998"),
        aliases: alias("ngày sinh"),
      },
    ),
    ask(`${side}Ethnicity`, "ethnicity", t(`Dân tộc của ${w.vi}?`, `Ethnic group of ${w.en}?`), {
      suggestions: ["Kinh", "Khmer", "Hoa"],
      aliases: alias("dân tộc"),
    }),
    ask(`${side}Nationality`, "nationality", t(`Quốc tịch của ${w.vi}?`, `Nationality of ${w.en}?`), {
      suggestions: [t("Việt Nam", "Vietnam")],
      aliases: alias("quốc tịch"),
    }),
    ask(`${side}Residence`, "address", t(`Nơi cư trú của ${w.vi}?`, `Where does ${w.en} live?`), {
      example: t(
        "Ví dụ: 45 Trần Hưng Đạo, phường An Lộc, Đồng Tháp",
        "Example: 45 Tran Hung Dao, An Loc ward, Dong Thap",
      ),
      aliases: alias("địa chỉ"),
    }),
    ask(
      `${side}IdNumber`,
      "idNumber",
      t(`Số CCCD / định danh cá nhân của ${w.vi}?`, `Personal ID number of ${w.en}?`),
      {
        allowCmnd: true,
        idOf: { gender: `${side}Gender`, birthDate: `${side}DateOfBirth` },
        aliases: alias("cccd"),
      },
    ),
    ask(
      `${side}MarriageOrdinal`,
      "integer",
      t(`Đây là lần kết hôn thứ mấy của ${w.vi}?`, `Which marriage is this for ${w.en} (1 = first)?`),
      {
        min: 1,
        max: 10,
        suggestions: ["1", "2"],
        aliases: alias("lần kết hôn"),
      },
    ),
    choose(
      `${side}MaritalStatus`,
      t(`Tình trạng hôn nhân hiện tại của ${w.vi}?`, `Current marital status of ${w.en}?`),
      formOptions(ID, `${side}MaritalStatus`, {
        "Hiện tại chưa đăng ký kết hôn với ai": "Not married to anyone",
        "Đã ly hôn": "Divorced",
        "Vợ/chồng đã chết": "Widowed",
      }),
      { optional: true, aliases: alias("tình trạng hôn nhân") },
    ),
  ];
}

/**
 * Tờ khai đăng ký kết hôn (Phụ lục TT 04/2020/TT-BTP): the two-column table, Bên nữ then
 * Bên nam. Both must come in to sign the register (Luật Hộ tịch Điều 18), so the dossier can
 * be prepared here but not completed online. Photos are needed only for marriages with a
 * foreign element (footnotes (1), (2)).
 */
export const dangKyKetHon = defineFlow({
  id: ID,
  name: t("Đăng ký kết hôn", "Marriage registration"),
  producesDossier: true,
  submission: {
    online: false,
    offlineReason: t(
      "Theo Luật Hộ tịch (Điều 18), hai bên nam, nữ phải cùng có mặt để ký. Hồ sơ được chuẩn bị sẵn tại đây; bạn " +
        "chọn nộp tại Bộ phận Một cửa hoặc qua bưu điện, rồi hai bạn cùng đến ký nhận Giấy chứng nhận kết hôn.",
      "By the Civil Status Law (Art. 18) both partners must be present to sign. The dossier is prepared here; " +
        "submit it at the counter or by post, then come together to sign and receive the certificate.",
    ),
  },
  steps: [
    procedureIntro(),
    unit(),
    compute("kinhGui", { fn: "addressee", authority: "ubnd" }),
    compute("brideGender", { fn: "constant", value: "Nữ" }),
    compute("groomGender", { fn: "constant", value: "Nam" }),
    ...sideSteps("bride"),
    ...sideSteps("groom"),
    confirm(
      "foreignElement",
      t("Một trong hai bạn có quốc tịch nước ngoài không?", "Is either of you a foreign national?"),
      {
        group: "Ảnh",
        label: t("Có yếu tố nước ngoài", "Foreign element"),
      },
    ),
    upload("photoBride", t("Gửi ảnh chân dung của bên nữ (4x6).", "Send a portrait photo of the bride (4x6)."), {
      when: is("foreignElement", true),
    }),
    upload("photoGroom", t("Gửi ảnh chân dung của bên nam (4x6).", "Send a portrait photo of the groom (4x6)."), {
      when: is("foreignElement", true),
    }),
    ...copySteps(),
    ...signingSteps(),
    compute("brideSignature", { fn: "copy", from: "brideFullName" }),
    compute("groomSignature", { fn: "copy", from: "groomFullName" }),
    contactPhone(),
    ...submissionSteps(
      false,
      t(
        "Lưu ý: kết hôn không nộp trực tuyến trọn vẹn được – hai bên phải cùng có mặt khi ký (Luật Hộ tịch Điều 18).",
        "Note: a marriage cannot be registered fully online – both partners must be present to sign (Civil Status " +
          "Law Art. 18).",
      ),
    ),
    review(),
    submit(),
  ],
  identities: [sideIdentity("bride"), sideIdentity("groom")],
});
