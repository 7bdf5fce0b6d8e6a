import {
  chooseFromForm,
  formOptions,
  genderChoice,
  idNumberByType,
  procedureIntro,
  submissionSteps,
} from "./commonSteps";
import { defineFlow } from "./defineFlow";
import type { ChoiceOption, Condition, Step } from "./flowTypes";
import { ask, choose, compute, confirm, is, review, submit, t, table, unit } from "./stepBuilders";

const ID = "dang-ky-ho-kinh-doanh";

const FAMILY = "Các thành viên hộ gia đình";

const PROVINCE_EXAMPLE = t("Ví dụ: Đồng Tháp", "Example: Đồng Tháp");
const WARD_EXAMPLE = t("Ví dụ: phường Hồng Ngự", "Example: phường Hồng Ngự (Hồng Ngự ward)");
const STREET_EXAMPLE = t("Ví dụ: Số 12, đường Nguyễn Huệ, khóm 1", "Example: 12 Nguyen Hue street, block 1");

interface AddressKeys {
  province: string;
  ward: string;
  street: string;
}

/**
 * An address of the 2025 form in its three blanks: province, then commune/ward/special zone
 * (no district level since 01/7/2025), then house number and street or hamlet. The province must
 * be one of the 34 and, in the configured province, the ward one of its units since the merger.
 */
function addressSteps(
  keys: AddressKeys,
  whose: { vi: string; en: string },
  options: { aliases: string; when?: Condition; copyWhen?: { when: Condition; from: AddressKeys } },
): Step[] {
  const when = options.when ? { when: options.when } : {};
  const copy = (part: keyof AddressKeys) =>
    options.copyWhen ? { copyWhen: { when: options.copyWhen.when, from: options.copyWhen.from[part] } } : {};
  return [
    ask(keys.province, "province", t(`${whose.vi} ở tỉnh/thành phố nào?`, `${whose.en}: which province or city?`), {
      ...when,
      ...copy("province"),
      suggestions: [t("Đồng Tháp", "Dong Thap")],
      example: PROVINCE_EXAMPLE,
      aliases: [`tỉnh ${options.aliases}`],
    }),
    ask(
      keys.ward,
      "ward",
      t(
        `${whose.vi} ở xã, phường nào? (không cần ghi huyện)`,
        `${whose.en}: which commune or ward? (no district needed)`,
      ),
      {
        ...when,
        ...copy("ward"),
        inProvince: keys.province,
        example: WARD_EXAMPLE,
        aliases: [`phường ${options.aliases}`, `xã ${options.aliases}`],
      },
    ),
    ask(
      keys.street,
      "addressLine",
      t(`${whose.vi}: số nhà, đường hoặc ấp/khóm?`, `${whose.en}: house number and street, or hamlet?`),
      {
        ...when,
        ...copy("street"),
        example: STREET_EXAMPLE,
        aliases: [`số nhà ${options.aliases}`, `đường ${options.aliases}`],
      },
    ),
  ];
}

const PERMANENT_ADDRESS: AddressKeys = {
  province: "ownerPermanentAddressProvince",
  ward: "ownerPermanentAddressWard",
  street: "ownerPermanentAddressStreet",
};

const ENTITY_WORDS: Record<string, { en: string; synonyms: readonly string[] }> = {
  "Cá nhân": {
    en: "Myself, as an individual",
    synonyms: ["ca nhan", "mot minh", "minh toi", "toi", "individual", "myself"],
  },
  [FAMILY]: {
    en: "Members of my household together",
    synonyms: ["gia dinh", "ho gia dinh", "ca nha", "thanh vien", "family", "household"],
  },
};

const VAT_WORDS: Record<string, { en: string; synonyms: readonly string[] }> = {
  "Phương pháp kê khai": { en: "Declaration (tax on actual revenue)", synonyms: ["ke khai", "tu khai", "declare"] },
  "Phương pháp khoán": {
    en: "Presumptive (fixed tax set by the tax office)",
    synonyms: ["khoan", "thue khoan", "fixed"],
  },
};

function optionsWithWords(
  key: string,
  words: Record<string, { en: string; synonyms: readonly string[] }>,
): ChoiceOption[] {
  return formOptions(ID, key).map((o) => ({
    ...o,
    label: t(o.value, words[o.value]?.en ?? o.value),
    synonyms: words[o.value]?.synonyms ?? [],
  }));
}

const OWNER_GROUP = "Chủ hộ kinh doanh";
const TAX_GROUP = "5. Thông tin đăng ký thuế";

/**
 * Giấy đề nghị đăng ký hộ kinh doanh (TT 68/2025/TT-BTC, under NĐ 168/2025/NĐ-CP), in the
 * form's order: the owner, then sections 1–7. The layout of procedures.json is reconstructed
 * from third-party copies of the 2025 form (its `fieldsConfidence`). Blanks the form marks
 * "(nếu có)" or "(nếu khác trụ sở)" are optional or asked only when they differ.
 */
export const dangKyHoKinhDoanh = defineFlow({
  id: ID,
  name: t("Đăng ký hộ kinh doanh", "Household business registration"),
  producesDossier: true,
  submission: { online: true },
  steps: [
    procedureIntro(),
    unit(),
    // NĐ 168/2025: household businesses register with the commune's business registration office.
    compute("kinhGui", { fn: "addressee", authority: "dkkd" }),

    ask(
      "ownerFullName",
      "name",
      t("Họ và tên của bạn (người làm chủ hộ kinh doanh)?", "Your full name (the owner of the household business)?"),
      {
        example: t("Ví dụ: Nguyễn Thị Bảy", "Example: Nguyen Thi Bay"),
        aliases: ["tên tôi", "họ tên chủ hộ", "tên chủ hộ kinh doanh", "my name"],
      },
    ),
    genderChoice("ownerGender", t("Giới tính của bạn?", "Your sex?"), { aliases: ["giới tính"] }),
    // The owner must be an adult with full legal capacity (procedures.json rule).
    ask(
      "ownerDateOfBirth",
      "birthDate",
      t(
        "Bạn sinh ngày, tháng, năm nào? (chủ hộ kinh doanh phải đủ 18 tuổi)",
        "Your date of birth? (the owner must be at least 18)",
      ),
      {
        example: t("Ví dụ: 20/10/1985", "Example: 20/10/1985"),
        aliases: ["ngày sinh", "năm sinh", "date of birth"],
      },
    ),
    ask("ownerEthnicity", "ethnicity", t("Dân tộc của bạn?", "Your ethnic group?"), {
      optional: true,
      suggestions: ["Kinh", "Khmer", "Hoa"],
      example: t("Ví dụ: Kinh", "Example: Kinh"),
      aliases: ["dân tộc"],
    }),
    // Only Vietnamese citizens may found a household business (procedures.json rule), so the
    // nationality is not asked.
    compute("ownerNationality", { fn: "constant", value: "Việt Nam" }),
    chooseFromForm(ID, "ownerIdType", t("Bạn dùng giấy tờ tùy thân nào?", "Which ID document do you use?"), {
      aliases: ["loại giấy tờ", "giấy tờ tùy thân"],
    }),
    idNumberByType(
      "ownerIdNumber",
      "ownerIdType",
      t("Số giấy tờ đó (căn cước: 12 số định danh cá nhân)?", "Its number (ID card: the 12-digit personal ID number)?"),
      {
        idOf: { gender: "ownerGender", birthDate: "ownerDateOfBirth" },
        aliases: ["số cccd", "số căn cước", "số định danh", "số giấy tờ", "my id"],
      },
    ),
    // The form leaves the phone optional, but it is what the citizen looks the dossier up with.
    ask(
      "ownerPhone",
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
    compute("contactPhone", { fn: "copy", from: "ownerPhone" }),
    ask("ownerEmail", "email", t("Email của bạn (nếu có)?", "Your email (if any)?"), {
      optional: true,
      example: t("Ví dụ: bay.nguyen@gmail.com", "Example: bay.nguyen@gmail.com"),
      aliases: ["email", "thư điện tử"],
    }),
    ...addressSteps(
      PERMANENT_ADDRESS,
      { vi: "Nơi thường trú của bạn", en: "Your permanent residence" },
      { aliases: "thường trú" },
    ),
    confirm(
      "contactSameAsPermanent",
      t(
        "Địa chỉ liên lạc của bạn có giống nơi thường trú không?",
        "Is your contact address the same as your permanent residence?",
      ),
      {
        group: OWNER_GROUP,
        label: t("Địa chỉ liên lạc như nơi thường trú", "Contact address same as permanent"),
        aliases: ["địa chỉ liên lạc"],
      },
    ),
    ...addressSteps(
      { province: "ownerContactAddressProvince", ward: "ownerContactAddressWard", street: "ownerContactAddressStreet" },
      { vi: "Địa chỉ liên lạc của bạn", en: "Your contact address" },
      { copyWhen: { when: is("contactSameAsPermanent", true), from: PERMANENT_ADDRESS }, aliases: "liên lạc" },
    ),

    ask(
      "businessName",
      "text",
      t(
        'Tên hộ kinh doanh? Tên gồm chữ "Hộ kinh doanh" và tên riêng, không trùng với hộ kinh doanh khác trong ' +
          "phường/xã.",
        'The business\'s name? It is "Hộ kinh doanh" followed by its own name, not the same as another household ' +
          "business in the ward/commune.",
      ),
      {
        example: t("Ví dụ: Hộ kinh doanh Tạp hóa Bảy Liên", "Example: Hộ kinh doanh Tạp hóa Bảy Liên"),
        aliases: ["tên hộ kinh doanh", "tên cửa hàng", "tên quán", "business name"],
      },
    ),
    ...addressSteps(
      { province: "hqProvince", ward: "hqWard", street: "hqStreet" },
      { vi: "Địa điểm kinh doanh chính (trụ sở)", en: "The business's head office" },
      { aliases: "trụ sở" },
    ),
    // A shop's phone is often a landline, which the "phone" type (mobiles only, for SMS) refuses.
    ask(
      "hqPhone",
      "businessPhone",
      t("Số điện thoại của cửa hàng (nếu có)?", "The business's phone number (if any)?"),
      {
        optional: true,
        example: t("Ví dụ: 0277 3837 123", "Example: 0277 3837 123"),
        aliases: ["điện thoại cửa hàng", "điện thoại trụ sở"],
      },
    ),
    ask("hqFax", "text", t("Số fax (nếu có)?", "Fax number (if any)?"), {
      optional: true,
      example: t("Ví dụ: 0277 3837 124", "Example: 0277 3837 124"),
      aliases: ["fax"],
    }),
    ask("hqEmail", "email", t("Email của cửa hàng (nếu có)?", "The business's email (if any)?"), {
      optional: true,
      example: t("Ví dụ: taphoabaylien@gmail.com", "Example: taphoabaylien@gmail.com"),
      aliases: ["email cửa hàng", "email trụ sở"],
    }),
    ask(
      "hqWebsite",
      "text",
      t("Trang web hoặc trang Facebook của cửa hàng (nếu có)?", "The business's website or Facebook page (if any)?"),
      {
        optional: true,
        example: t("Ví dụ: facebook.com/taphoabaylien", "Example: facebook.com/taphoabaylien"),
        aliases: ["website", "trang web"],
      },
    ),

    // Level-4 codes of the Hệ thống ngành kinh tế Việt Nam (QĐ 27/2018/QĐ-TTg); exactly one main line.
    table(
      "businessLines",
      t("ngành nghề", "business line"),
      t(
        "Bạn kê từng ngành nghề định kinh doanh: tên ngành, mã ngành 4 số, và đó có phải ngành chính không (chỉ " +
          'một ngành chính). Không biết mã ngành thì gõ "gặp cán bộ" để được giúp.',
        "List each line of business: its name, its 4-digit code, and whether it is the main line (only one is). " +
          'If you do not know the code, type "gặp cán bộ" for help.',
      ),
      [
        ask("lineName", "text", t("Tên ngành nghề?", "Name of the line of business?"), {
          example: t("Ví dụ: Bán lẻ lương thực, thực phẩm trong cửa hàng", "Example: Retail sale of food in stores"),
        }),
        ask("lineCode", "industryCode", t("Mã ngành (4 số)?", "Its code (4 digits)?"), {
          example: t(
            "Ví dụ: 4721 (bán lẻ thực phẩm), 5610 (quán ăn), 5630 (quán cà phê, giải khát)",
            "Example: 4721 (food retail), 5610 (restaurants), 5630 (cafés, drinks)",
          ),
        }),
        confirm("isMainLine", t("Đây có phải ngành kinh doanh chính không?", "Is this the main line of business?")),
      ],
      { min: 1, max: 20, aliases: ["ngành nghề", "mã ngành", "ngành kinh doanh", "business lines"] },
    ),

    ask(
      "capitalAmount",
      "money",
      t(
        "Tổng số vốn kinh doanh (tiền, hàng, máy móc… quy ra tiền) là bao nhiêu?",
        "Total business capital (money, goods, equipment… in đồng)?",
      ),
      {
        example: t("Ví dụ: 50.000.000 hoặc 50 triệu", "Example: 50.000.000 or 50 triệu"),
        aliases: ["vốn", "vốn kinh doanh", "capital"],
      },
    ),
    compute("capitalInWords", { fn: "numberInWords", from: "capitalAmount" }),

    // Section 5 asks for a tax-notice address only "if different from the head office".
    confirm(
      "taxNoticeSameAsHq",
      t(
        "Cơ quan thuế gửi thông báo thuế về địa chỉ cửa hàng (trụ sở) được không?",
        "May the tax office send its notices to the head office address?",
      ),
      {
        group: TAX_GROUP,
        label: t("Nhận thông báo thuế tại trụ sở", "Tax notices to the head office"),
        aliases: ["địa chỉ nhận thông báo thuế", "thông báo thuế"],
      },
    ),
    ...addressSteps(
      { province: "taxNoticeAddressProvince", ward: "taxNoticeAddressWard", street: "taxNoticeAddressStreet" },
      { vi: "Địa chỉ nhận thông báo thuế", en: "The tax-notice address" },
      { when: is("taxNoticeSameAsHq", false), aliases: "nhận thông báo thuế" },
    ),
    ask(
      "startDate",
      "date",
      t("Ngày bắt đầu hoạt động kinh doanh (nếu đã biết)?", "The date the business starts operating (if known)?"),
      {
        optional: true,
        example: t("Ví dụ: 01/01/2027", "Example: 01/01/2027"),
        aliases: ["ngày bắt đầu", "ngày khai trương"],
      },
    ),
    ask(
      "employeeCount",
      "integer",
      t("Dự kiến có tổng cộng bao nhiêu người làm?", "How many workers do you expect in total?"),
      {
        optional: true,
        min: 0,
        example: t("Ví dụ: 2", "Example: 2"),
        aliases: ["số lao động", "số người làm"],
      },
    ),
    // The table lists places other than the head office only.
    confirm(
      "hasOtherLocations",
      t(
        "Ngoài cửa hàng chính, hộ kinh doanh còn địa điểm kinh doanh nào khác không?",
        "Does the business have any other premises besides the head office?",
      ),
      {
        group: TAX_GROUP,
        label: t("Có địa điểm kinh doanh khác", "Other premises"),
        aliases: ["địa điểm khác"],
      },
    ),
    table(
      "businessLocations",
      t("địa điểm", "location"),
      t("Bạn khai lần lượt từng địa điểm kinh doanh khác.", "Tell me about each other location, one at a time."),
      [
        ask("locationName", "text", t("Tên địa điểm kinh doanh?", "The location's name?"), {
          example: t("Ví dụ: Điểm bán Tạp hóa Bảy Liên 2", "Example: Tap hoa Bay Lien shop 2"),
        }),
        ask(
          "locationProvince",
          "province",
          t("Địa điểm này ở tỉnh/thành phố nào?", "Which province or city is it in?"),
          { suggestions: [t("Đồng Tháp", "Dong Thap")], example: PROVINCE_EXAMPLE },
        ),
        ask("locationWard", "ward", t("Ở xã, phường nào?", "Which commune or ward?"), {
          inProvince: "locationProvince",
          example: WARD_EXAMPLE,
        }),
        ask("locationStreet", "addressLine", t("Số nhà, đường hoặc ấp/khóm?", "House number and street, or hamlet?"), {
          example: STREET_EXAMPLE,
        }),
        ask(
          "locationStartDate",
          "date",
          t(
            "Ngày địa điểm này bắt đầu hoạt động (nếu đã biết)?",
            "The date this location starts operating (if known)?",
          ),
          {
            optional: true,
            example: t("Ví dụ: 01/01/2027", "Example: 01/01/2027"),
          },
        ),
      ],
      { when: is("hasOtherLocations", true), max: 10, aliases: ["địa điểm kinh doanh", "business locations"] },
    ),
    // Present on some third-party copies of the form only; not confirmed on TT 68/2025.
    choose(
      "vatMethod",
      t(
        "Bạn muốn nộp thuế giá trị gia tăng theo cách nào?\n• Kê khai: tự ghi sổ, khai thuế theo doanh thu thực " +
          'tế.\n• Khoán: cơ quan thuế ấn định một mức thuế cố định.\nChưa biết thì bấm "Bỏ qua", cán bộ thuế sẽ ' +
          "hướng dẫn.",
        "How do you want to pay VAT?\n• Declaration: keep books and declare the actual revenue.\n• Presumptive: " +
          'the tax office sets a fixed amount.\nIf unsure, press "Skip"; the tax officer will advise.',
      ),
      optionsWithWords("vatMethod", VAT_WORDS),
      { optional: true, aliases: ["thuế", "cách nộp thuế", "thuế gtgt"] },
    ),

    choose(
      "establishmentEntity",
      t(
        "Ai thành lập hộ kinh doanh: một mình bạn, hay các thành viên trong gia đình cùng thành lập?",
        "Who founds the business: you alone, or members of your household together?",
      ),
      optionsWithWords("establishmentEntity", ENTITY_WORDS),
      { aliases: ["chủ thể thành lập", "ai thành lập"] },
    ),
    // Section 7 only when household members found it together. Each member signs their own row
    // on paper: the signature column (memberSignature) is never asked nor typed, and the form
    // leaves a blank space in it for each member.
    table(
      "familyMembers",
      t("thành viên", "member"),
      t(
        "Bạn khai lần lượt từng thành viên gia đình cùng thành lập hộ kinh doanh.",
        "Tell me about each household member founding the business, one at a time.",
      ),
      [
        ask("memberFullName", "name", t("Họ và tên thành viên?", "The member's full name?"), {
          example: t("Ví dụ: Trần Văn Liên", "Example: Tran Van Lien"),
        }),
        ask("memberDateOfBirth", "birthDate", t("Thành viên này sinh ngày nào?", "The member's date of birth?"), {
          example: t("Ví dụ: 12/05/1983", "Example: 12/05/1983"),
        }),
        genderChoice("memberGender", t("Thành viên này là nam hay nữ?", "Is the member male or female?")),
        ask("memberNationality", "nationality", t("Quốc tịch của thành viên này?", "The member's nationality?"), {
          suggestions: [t("Việt Nam", "Vietnam")],
          example: t("Ví dụ: Việt Nam", "Example: Việt Nam"),
        }),
        ask("memberEthnicity", "ethnicity", t("Dân tộc của thành viên này?", "The member's ethnic group?"), {
          optional: true,
          suggestions: ["Kinh", "Khmer", "Hoa"],
          example: t("Ví dụ: Kinh", "Example: Kinh"),
        }),
        ask(
          "memberPermanentAddress",
          "address",
          t("Nơi thường trú của thành viên này?", "The member's permanent residence?"),
          {
            example: t(
              "Ví dụ: Số 12, đường Nguyễn Huệ, phường An Thạnh, tỉnh Đồng Tháp",
              "Example: 12 Nguyen Hue street, An Thanh ward, Dong Thap province",
            ),
          },
        ),
        ask(
          "memberContactAddress",
          "address",
          t(
            "Địa chỉ liên lạc của thành viên này, nếu khác nơi thường trú?",
            "The member's contact address, if different from the permanent residence?",
          ),
          {
            optional: true,
            example: t(
              "Ví dụ: Số 5, hẻm 3, đường Lê Lợi, phường An Lộc, tỉnh Đồng Tháp",
              "Example: 5 alley 3, Le Loi street, An Loc ward, Dong Thap province",
            ),
          },
        ),
        ask(
          "memberIdInfo",
          "text",
          t(
            "Số căn cước (12 số), ngày cấp và nơi cấp của thành viên này?",
            "The member's ID number (12 digits), date of issue and issuer?",
          ),
          {
            example: t(
              "Ví dụ: 087083001234, cấp ngày 15/08/2021, Bộ Công an",
              "Example: 087083001234, issued 15/08/2021, Bộ Công an",
            ),
          },
        ),
      ],
      {
        when: is("establishmentEntity", FAMILY),
        min: 1,
        max: 15,
        aliases: ["thành viên gia đình", "thành viên hộ", "family members"],
      },
    ),

    confirm(
      "commitment",
      t(
        "Cuối cùng, bạn cam kết những thông tin đã khai là hợp pháp, chính xác, trung thực và chịu trách nhiệm về " +
          "những thông tin đó chứ? (Phải cam kết thì hồ sơ mới được tiếp nhận.)",
        "Finally, do you declare that the information given is lawful, accurate and truthful, and take " +
          "responsibility for it? (The application is accepted only with this declaration.)",
      ),
      {
        aliases: ["cam kết"],
        // NĐ 168/2025: the registration office accepts the application only with the owner's declaration.
        mustAgree: t(
          "Không có cam kết thì cơ quan đăng ký kinh doanh không tiếp nhận hồ sơ. Nếu thông tin nào chưa đúng, gõ " +
            '"sửa <tên mục>" để sửa trước; cần hỏi thêm thì gõ "gặp cán bộ".',
          "Without the declaration the registration office does not accept the application. If an answer is " +
            'wrong, type "edit <field>" to correct it first; type "talk to a clerk" to ask a clerk.',
        ),
      },
    ),
    // The owner signs on paper; the bot prints the name under the signature.
    compute("ownerSignature", { fn: "copy", from: "ownerFullName" }),
    ...submissionSteps(true),
    review(),
    submit(),
  ],
  identities: [
    {
      id: "owner",
      person: t("bạn", "you"),
      fields: {
        fullName: "ownerFullName",
        sex: "ownerGender",
        dateOfBirth: "ownerDateOfBirth",
        idType: "ownerIdType",
        idNumber: "ownerIdNumber",
      },
    },
  ],
});
