import { formOptions, genderChoice, procedureIntro, submissionSteps } from "./commonSteps";
import { defineFlow } from "./defineFlow";
import {
  allOf,
  anyOf,
  ask,
  choose,
  compute,
  confirm,
  info,
  is,
  not,
  option,
  review,
  submit,
  t,
  table,
  unit,
} from "./stepBuilders";

const ID = "dang-ky-thuong-tru";

const IS_HEAD = is("relationshipToHead", "Chủ hộ");
const NOT_HEAD = not(IS_HEAD);
// The head owning the home is the usual case of moving in with family: their name and number
// are already known from items 7 and 9.
const OWNER_IS_HEAD = allOf(is("placeOwner", "head"), NOT_HEAD);
const PLACE_NOT_OWN = anyOf(is("placeOwner", "other"), OWNER_IS_HEAD);
const MINOR = is("declarantIsMinor", true);

const CONSENT_GROUP = "Ý kiến đồng ý";

/**
 * Tờ khai thay đổi thông tin cư trú, mẫu CT01 (TT 66/2023/TT-BCA; item 1 reads "Họ, chữ đệm và
 * tên khai sinh" since TT 53/2025/TT-BCA), filled for a permanent residence registration
 * (Luật Cư trú 2020 Điều 20–22). The three opinion blocks are asked only where footnotes
 * (3)–(5) apply: the household head's when joining someone else's household, the owner's when
 * the place is rented, borrowed or lent, the parent's or guardian's when the declarant is a minor.
 */
export const dangKyThuongTru = defineFlow({
  id: ID,
  name: t("Đăng ký thường trú", "Permanent residence registration"),
  producesDossier: true,
  submission: { online: true },
  steps: [
    procedureIntro(),
    unit(),
    // Footnote (1): the residence registration authority is the commune police (Luật Cư trú Điều 22).
    compute("kinhGui", { fn: "addressee", authority: "congAn" }),

    ask(
      "fullName",
      "name",
      t(
        "Họ, chữ đệm và tên khai sinh của bạn (ghi đúng như trên giấy khai sinh, căn cước)?",
        "Your full name as on your birth certificate and ID card?",
      ),
      {
        example: t("Ví dụ: Nguyễn Thị Mỹ Hạnh", "Example: Nguyen Thi My Hanh"),
        aliases: ["tên tôi", "họ tên", "tên người đăng ký", "my name"],
      },
    ),
    ask("dateOfBirth", "birthDate", t("Bạn sinh ngày, tháng, năm nào?", "Your date of birth?"), {
      example: t("Ví dụ: 20/10/1990", "Example: 20/10/1990"),
      aliases: ["ngày sinh", "ngày sinh của tôi", "năm sinh", "date of birth"],
    }),
    genderChoice("gender", t("Giới tính của bạn?", "Your sex?"), { aliases: ["giới tính", "nam hay nữ"] }),
    ask(
      "personalIdNumber",
      "cccd",
      t(
        "Số định danh cá nhân của bạn (12 số trên thẻ căn cước/CCCD)?",
        "Your personal ID number (the 12 digits on your ID card)?",
      ),
      {
        example: t("Ví dụ: 087190001234", "Example: 087190001234"),
        idOf: { gender: "gender", birthDate: "dateOfBirth" },
        aliases: ["số định danh", "số cccd", "căn cước", "cccd của tôi", "my id"],
      },
    ),
    // The form leaves the phone optional, but it is what the citizen looks the dossier up with.
    ask(
      "phone",
      "phone",
      t(
        "Số điện thoại của bạn (để tra cứu hồ sơ và để công an liên hệ)?",
        "Your phone number (to look up the dossier and for the police to call)?",
      ),
      {
        example: t("Ví dụ: 0912 345 678", "Example: 0912 345 678"),
        aliases: ["số điện thoại", "sđt", "phone"],
      },
    ),
    compute("contactPhone", { fn: "copy", from: "phone" }),
    ask("email", "email", t("Email của bạn (nếu có)?", "Your email (if any)?"), {
      optional: true,
      example: t("Ví dụ: hanh.nguyen@gmail.com", "Example: hanh.nguyen@gmail.com"),
      aliases: ["email", "thư điện tử"],
    }),

    choose(
      "relationshipToHead",
      t(
        "Ở nơi đăng ký thường trú, bạn là chủ hộ, hay là gì của chủ hộ? (Nhập vào hộ người khác thì chọn quan hệ " +
          'với chủ hộ đó; tự đứng tên một hộ mới thì chọn "Chủ hộ".)',
        "At the new address, are you the household head, or how are you related to the head? (Joining someone's " +
          'household: choose your relation to its head; starting a household of your own: choose "Household head".)',
      ),
      formOptions(ID, "relationshipToHead"),
      { aliases: ["quan hệ với chủ hộ", "mối quan hệ", "relationship"] },
    ),
    // A declarant who heads the household writes their own name and number in items 7 and 9.
    ask("householdHeadName", "name", t("Họ, chữ đệm và tên của chủ hộ?", "The household head's full name?"), {
      copyWhen: { when: IS_HEAD, from: "fullName" },
      example: t("Ví dụ: Trần Văn Bình", "Example: Tran Van Binh"),
      aliases: ["tên chủ hộ", "chủ hộ", "household head"],
    }),
    ask(
      "householdHeadIdNumber",
      "cccd",
      t("Số định danh cá nhân (12 số căn cước) của chủ hộ?", "The household head's personal ID number (12 digits)?"),
      {
        copyWhen: { when: IS_HEAD, from: "personalIdNumber" },
        example: t("Ví dụ: 087065001234", "Example: 087065001234"),
        aliases: ["cccd chủ hộ", "số định danh chủ hộ", "căn cước chủ hộ"],
      },
    ),

    // Footnote (2) asks for the full address: "Đăng ký thường trú tại: số nhà…, đường/ấp…,
    // xã/phường…, tỉnh…"; that address is the substance of the request.
    ask(
      "requestContent",
      "address",
      t(
        "Bạn xin đăng ký thường trú ở địa chỉ nào? Ghi đủ số nhà, đường hoặc ấp/khóm, phường/xã, tỉnh.",
        "At which address do you ask to register permanent residence? Give the house number, street or hamlet, " +
          "ward/commune and province.",
      ),
      {
        example: t(
          "Ví dụ: Số 12, đường Nguyễn Huệ, khóm 1, phường An Thạnh, tỉnh Đồng Tháp",
          "Example: 12 Nguyen Hue street, block 1, An Thanh ward, Dong Thap province",
        ),
        label: t("Nội dung đề nghị (đăng ký thường trú tại)", "Request (register permanent residence at)"),
        aliases: ["nội dung đề nghị", "địa chỉ thường trú", "địa chỉ đăng ký", "nơi đăng ký", "address"],
      },
    ),

    confirm(
      "hasHouseholdMembers",
      t(
        "Có ai trong gia đình cùng chuyển đăng ký thường trú với bạn không? (ví dụ vợ/chồng, con)",
        "Is anyone in your family registering at this address together with you? (e.g. spouse, children)",
      ),
      {
        group: "Nội dung",
        label: t("Có người cùng đăng ký", "Others register too"),
        aliases: ["người cùng đăng ký", "thành viên"],
      },
    ),
    table(
      "householdMembers",
      t("người cùng đăng ký", "person"),
      t(
        "Bạn khai lần lượt từng người cùng đăng ký thường trú với bạn.",
        "Tell me about each person registering with you, one at a time.",
      ),
      [
        ask("memberFullName", "name", t("Họ, chữ đệm và tên của người này?", "This person's full name?"), {
          example: t("Ví dụ: Trần Minh Khang", "Example: Tran Minh Khang"),
        }),
        ask("memberDateOfBirth", "birthDate", t("Người này sinh ngày nào?", "This person's date of birth?"), {
          example: t("Ví dụ: 05/03/2015", "Example: 05/03/2015"),
        }),
        genderChoice("memberGender", t("Người này là nam hay nữ?", "Is this person male or female?")),
        // Every citizen has had a personal ID number since birth registration, children included.
        ask(
          "memberPersonalId",
          "cccd",
          t(
            "Số định danh cá nhân của người này (12 số; trẻ em cũng có số này, xem trên VNeID hoặc giấy khai sinh)?",
            "This person's personal ID number (12 digits; children have one too, shown on VNeID or the birth " +
              "certificate)?",
          ),
          {
            example: t("Ví dụ: 087215001234", "Example: 087215001234"),
          },
        ),
        ask(
          "memberRelationshipToHead",
          "text",
          t("Người này là gì của chủ hộ?", "How is this person related to the household head?"),
          {
            example: t("Ví dụ: Con", "Example: Con (child)"),
            suggestions: [
              t("Vợ", "Wife"),
              t("Chồng", "Husband"),
              t("Con", "Child"),
              t("Cháu", "Grandchild"),
              t("Cha", "Father"),
              t("Mẹ", "Mother"),
            ],
          },
        ),
      ],
      {
        when: is("hasHouseholdMembers", true),
        max: 15,
        aliases: ["thành viên hộ gia đình", "người cùng đăng ký", "household members"],
      },
    ),

    // Footnote (3): the head's opinion is needed to join a household the declarant does not head.
    confirm(
      "householdHeadOpinion",
      t(
        "Chủ hộ đã đồng ý cho bạn đăng ký thường trú vào hộ của họ chưa?",
        "Has the household head agreed to you registering in their household?",
      ),
      {
        when: NOT_HEAD,
        aliases: ["ý kiến chủ hộ", "chủ hộ đồng ý"],
      },
    ),
    info(
      "householdHeadConsentNeeded",
      t(
        'Hồ sơ cần chủ hộ đồng ý. Bạn nhờ chủ hộ ký vào ô "Ý kiến của chủ hộ" trên tờ khai, hoặc làm giấy đồng ý ' +
          'riêng rồi nộp kèm. Khi chủ hộ đã đồng ý, bạn gõ "sửa ý kiến chủ hộ" để sửa câu trả lời.',
        "The household head's consent is required. Ask them to sign the \"household head's opinion\" box on the " +
          'form, or to write a separate consent letter to attach. Once they agree, type "sửa ý kiến chủ hộ" to ' +
          "change your answer.",
      ),
      { when: allOf(NOT_HEAD, is("householdHeadOpinion", false)) },
    ),

    // Footnote (4): the owner's opinion, with their name and ID (7), when the home is not the
    // declarant's own: a relative's, rented, borrowed or lent.
    choose(
      "placeOwner",
      t("Nhà ở nơi bạn đăng ký thường trú là của ai?", "Whose home is the place you register at?"),
      [
        option("own", t("Của tôi (tôi đứng tên chủ sở hữu)", "Mine (I am the owner)"), [
          "cua toi",
          "nha toi",
          "toi dung ten",
          "mine",
          "my own",
        ]),
        option("head", t("Của chủ hộ", "The household head's"), ["chu ho", "nha chu ho", "cua chu ho", "the head"]),
        option(
          "other",
          t("Của người khác (người thân, nhà thuê, mượn, ở nhờ)", "Someone else's (a relative, rented, borrowed)"),
          ["nguoi khac", "nha thue", "thue", "muon", "o nho", "nguoi than", "rented", "someone else"],
        ),
      ],
      {
        group: CONSENT_GROUP,
        label: t("Chủ sở hữu chỗ ở", "Owner of the home"),
        aliases: ["chủ sở hữu", "nhà của ai"],
      },
    ),
    confirm(
      "ownerOpinion",
      t(
        "Chủ sở hữu nhà đã đồng ý cho bạn đăng ký thường trú ở đó chưa?",
        "Has the owner agreed to you registering permanent residence there?",
      ),
      {
        when: PLACE_NOT_OWN,
        aliases: ["ý kiến chủ nhà", "chủ nhà đồng ý", "ý kiến chủ sở hữu"],
      },
    ),
    info(
      "ownerConsentNeeded",
      t(
        'Hồ sơ cần chủ sở hữu nhà đồng ý. Bạn nhờ chủ nhà ký vào ô "Ý kiến của chủ sở hữu chỗ ở hợp pháp" trên tờ ' +
          "khai, hoặc làm giấy đồng ý riêng rồi nộp kèm.",
        "The owner's consent is required. Ask the owner to sign the \"legal owner's opinion\" box on the form, or " +
          "to write a separate consent letter to attach.",
      ),
      { when: allOf(PLACE_NOT_OWN, is("ownerOpinion", false)) },
    ),
    ask("ownerFullName", "name", t("Họ và tên của chủ sở hữu nhà?", "The owner's full name?"), {
      when: PLACE_NOT_OWN,
      copyWhen: { when: OWNER_IS_HEAD, from: "householdHeadName" },
      example: t("Ví dụ: Lê Thị Lan", "Example: Le Thi Lan"),
      aliases: ["tên chủ nhà", "tên chủ sở hữu"],
    }),
    ask(
      "ownerPersonalId",
      "cccd",
      t("Số định danh cá nhân (12 số căn cước) của chủ sở hữu nhà?", "The owner's personal ID number (12 digits)?"),
      {
        when: PLACE_NOT_OWN,
        copyWhen: { when: OWNER_IS_HEAD, from: "householdHeadIdNumber" },
        example: t("Ví dụ: 087170001234", "Example: 087170001234"),
        aliases: ["cccd chủ nhà", "số định danh chủ sở hữu"],
      },
    ),

    // Footnote (5): a minor's declaration needs a parent's or guardian's opinion. Asked rather
    // than derived from the date of birth: no computation compares a date with today.
    confirm("declarantIsMinor", t("Bạn có dưới 18 tuổi không?", "Are you under 18?"), {
      group: CONSENT_GROUP,
      label: t("Người kê khai chưa đủ 18 tuổi", "Declarant under 18"),
    }),
    confirm(
      "guardianOpinion",
      t(
        "Cha, mẹ hoặc người giám hộ của bạn đã đồng ý cho bạn đăng ký thường trú chưa?",
        "Has your parent or guardian agreed to this registration?",
      ),
      {
        when: MINOR,
        aliases: ["ý kiến cha mẹ", "ý kiến người giám hộ"],
      },
    ),
    info(
      "guardianConsentNeeded",
      t(
        'Người dưới 18 tuổi cần cha, mẹ hoặc người giám hộ đồng ý. Bạn nhờ cha/mẹ ký vào ô "Ý kiến của cha, mẹ ' +
          'hoặc người giám hộ" trên tờ khai.',
        "Someone under 18 needs a parent's or guardian's consent. Ask your parent to sign the \"parent or " +
          "guardian's opinion\" box on the form.",
      ),
      { when: allOf(MINOR, is("guardianOpinion", false)) },
    ),
    ask(
      "guardianFullName",
      "name",
      t("Họ và tên của cha, mẹ hoặc người giám hộ?", "Your parent's or guardian's full name?"),
      {
        when: MINOR,
        example: t("Ví dụ: Nguyễn Văn Tâm", "Example: Nguyen Van Tam"),
        aliases: ["tên cha mẹ", "tên người giám hộ"],
      },
    ),
    ask(
      "guardianPersonalId",
      "cccd",
      t(
        "Số định danh cá nhân (12 số căn cước) của cha, mẹ hoặc người giám hộ?",
        "Your parent's or guardian's personal ID number (12 digits)?",
      ),
      {
        when: MINOR,
        example: t("Ví dụ: 087080001234", "Example: 087080001234"),
        aliases: ["cccd cha mẹ", "cccd người giám hộ"],
      },
    ),

    // Footnote (6): the declarant signs and writes their name; the bot prints the name.
    compute("declarantSignature", { fn: "copy", from: "fullName" }),
    compute("dateSigned", { fn: "today" }),
    ...submissionSteps(true),
    review(),
    submit(),
  ],
  identities: [
    {
      id: "applicant",
      person: t("bạn", "you"),
      fields: { fullName: "fullName", dateOfBirth: "dateOfBirth", sex: "gender", idNumber: "personalIdNumber" },
    },
  ],
});
