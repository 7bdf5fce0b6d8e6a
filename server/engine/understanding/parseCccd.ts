import { t } from "../localized";
import { normalizeInput } from "./normalizeInput";
import { parsed, rejected, type ParseProblem, type ParseResult } from "./parseResult";
import { PROVINCE_CODES } from "./provinceCodes";

/** What the conversation already knows about the card holder, to cross-check the number. */
export interface CccdKnownFacts {
  gender?: "Nam" | "Nữ";
  birthYear?: number;
}

/** Citizens copy the number off the card in groups: "087 095 001 234", "087.095.001.234". */
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212]/g;
const EXAMPLE = "087095001234";
const CCCD_DIGITS = 12;

/**
 * Reads a 12-digit personal ID number (CCCD, thẻ Căn cước, số định danh cá nhân), laid out
 * by Thông tư 07/2016/TT-BCA as `PPP G YY NNNNNN`: PPP the province where the birth was
 * registered, G the sex and century (0/1 male/female born 1900–1999, 2/3 male/female born
 * 2000–2099), YY the last two digits of the birth year, NNNNNN random.
 *
 * Spaces, dots and dashes are ignored; the value is the 12 digits. When `known` gives the
 * sex or birth year and the number says otherwise, the number is still returned, with a
 * `CCCD_MISMATCH` warning for the citizen to confirm: the declared facts may be the typo.
 *
 * @example parseCccd("087 095 001 234") // { ok: true, value: "087095001234" }
 * @example parseCccd("087095001234", { gender: "Nữ" }).warning?.code // "CCCD_MISMATCH"
 * @example parseCccd("08709500123").ok // false, code "CCCD_LENGTH"
 */
export function parseCccd(text: string, known?: CccdKnownFacts): ParseResult<string> {
  const digits = normalizeInput(text).replace(SEPARATORS, "");
  if (!/^\d*$/.test(digits)) {
    return rejected(
      "CCCD_NOT_DIGITS",
      t(
        `Số CCCD chỉ gồm 12 chữ số, không có chữ cái hay ký hiệu. Ví dụ: ${EXAMPLE}.`,
        `A personal ID number is 12 digits, with no letters or symbols. Example: ${EXAMPLE}.`,
      ),
    );
  }
  if (digits.length !== CCCD_DIGITS) {
    return rejected(
      "CCCD_LENGTH",
      digits.length === 0
        ? t(
            `Bạn vui lòng nhập số CCCD gồm 12 chữ số in trên thẻ. Ví dụ: ${EXAMPLE}.`,
            `Please type the 12-digit personal ID number printed on the card. Example: ${EXAMPLE}.`,
          )
        : t(
            `Số CCCD phải có đúng 12 chữ số, bạn đã nhập ${digits.length} chữ số. Bạn xem lại thẻ giúp. Ví dụ: ` +
              `${EXAMPLE}.`,
            `A personal ID number has exactly 12 digits; you typed ${digits.length}. Please check the card. ` +
              `Example: ${EXAMPLE}.`,
          ),
    );
  }
  const province = digits.slice(0, 3);
  if (!PROVINCE_CODES.has(province)) {
    return rejected(
      "CCCD_PROVINCE",
      t(
        `Ba chữ số đầu của số CCCD là mã tỉnh nơi đăng ký khai sinh, nhưng ${province} không phải mã tỉnh nào (ví ` +
          `dụ Đồng Tháp là 087). Bạn xem lại số trên thẻ giúp.`,
        `The first three digits of a personal ID number are the code of the province where the birth was ` +
          `registered, and ${province} is not one (Đồng Tháp is 087, for example). Please check the number on the ` +
          `card.`,
      ),
    );
  }
  const genderCentury = Number(digits[3]);
  if (genderCentury > 3) {
    return rejected(
      "CCCD_CENTURY",
      t(
        `Chữ số thứ 4 của số CCCD cho biết giới tính và thế kỷ sinh, chỉ có thể là 0, 1, 2 hoặc 3; số bạn nhập có ` +
          `chữ số ${genderCentury}. Bạn xem lại số trên thẻ giúp.`,
        `The 4th digit of a personal ID number gives the sex and century of birth and can only be 0, 1, 2 or 3; ` +
          `yours has ${genderCentury}. Please check the number on the card.`,
      ),
    );
  }
  const warning = known ? mismatch(digits, genderCentury, known) : undefined;
  return parsed(digits, warning);
}

function mismatch(digits: string, genderCentury: number, known: CccdKnownFacts): ParseProblem | undefined {
  const gender: "Nam" | "Nữ" = genderCentury % 2 === 0 ? "Nam" : "Nữ";
  const birthYear = (genderCentury < 2 ? 1900 : 2000) + Number(digits.slice(4, 6));
  const genderDiffers = known.gender !== undefined && known.gender !== gender;
  const yearDiffers = known.birthYear !== undefined && known.birthYear !== birthYear;
  if (!genderDiffers && !yearDiffers) return undefined;

  const saysVi: string[] = [];
  const saysEn: string[] = [];
  const declaredVi: string[] = [];
  const declaredEn: string[] = [];
  if (genderDiffers) {
    saysVi.push(gender === "Nam" ? "là nam" : "là nữ");
    saysEn.push(gender === "Nam" ? "male" : "female");
    declaredVi.push(known.gender === "Nam" ? "nam" : "nữ");
    declaredEn.push(known.gender === "Nam" ? "male" : "female");
  }
  if (yearDiffers) {
    saysVi.push(`sinh năm ${birthYear}`);
    saysEn.push(`born in ${birthYear}`);
    declaredVi.push(`sinh năm ${known.birthYear}`);
    declaredEn.push(`born in ${known.birthYear}`);
  }
  return {
    code: "CCCD_MISMATCH",
    message: t(
      `Theo số CCCD ${digits}, người này ${saysVi.join(", ")}, nhưng thông tin đã khai: ${declaredVi.join(", ")}. ` +
        `Bạn kiểm tra lại số trên thẻ và thông tin đã khai giúp: nếu số đúng thì xác nhận, nếu sai thì nhập lại.`,
      `The personal ID number ${digits} says this person is ${saysEn.join(", ")}, but the answers given say: ` +
        `${declaredEn.join(", ")}. Please check the number on the card and those answers: confirm if the number is ` +
        `right, or type it again.`,
    ),
  };
}
