import { t } from "../localized";
import { normalizeInput } from "./normalizeInput";
import { parseCccd, type CccdKnownFacts } from "./parseCccd";
import { parsed, rejected, type ParseResult } from "./parseResult";

export interface IdNumberOptions {
  /** Whether the form still accepts the old 9-digit CMND. */
  allowCmnd: boolean;
  /** Facts already given, to cross-check a 12-digit number (see {@link parseCccd}). */
  known?: CccdKnownFacts;
}

const SEPARATORS = /[\s.\-\u2010-\u2015\u2212]/g;
const CMND_DIGITS = 9;

/**
 * Reads an identity number where a form asks for "Số CCCD/CMND": a 12-digit personal ID,
 * checked as in {@link parseCccd} (later 12-digit CMND cards use the same layout), or, when
 * `allowCmnd`, an old 9-digit CMND, which carries no checkable structure. The value is the
 * digits without separators.
 *
 * @example parseIdNumber("087 095 001 234", { allowCmnd: true }) // { ok: true, value: "087095001234" }
 * @example parseIdNumber("341 234 567", { allowCmnd: true }) // { ok: true, value: "341234567" }
 * @example parseIdNumber("3412345", { allowCmnd: true }).ok // false, code "ID_NUMBER_INVALID"
 */
export function parseIdNumber(text: string, options: IdNumberOptions): ParseResult<string> {
  const digits = normalizeInput(text).replace(SEPARATORS, "");
  const isDigits = /^\d+$/.test(digits);
  if (isDigits && digits.length === CMND_DIGITS) {
    if (options.allowCmnd) return parsed(digits);
    return rejected(
      "CCCD_LENGTH",
      t(
        "Số bạn nhập có 9 chữ số, giống số CMND cũ. Tờ khai này cần số CCCD (số định danh cá nhân) gồm 12 chữ số. " +
          "Ví dụ: 087095001234.",
        "The number you typed has 9 digits, like an old identity card (CMND). This form needs the 12-digit " +
          "personal ID number (CCCD). Example: 087095001234.",
      ),
    );
  }
  if (!options.allowCmnd || (isDigits && digits.length === 12)) return parseCccd(text, options.known);
  return rejected(
    "ID_NUMBER_INVALID",
    digits.length === 0
      ? t(
          "Bạn vui lòng nhập số CCCD gồm 12 chữ số (ví dụ 087095001234) hoặc số CMND cũ gồm 9 chữ số (ví dụ " +
            "341234567).",
          "Please type the 12-digit personal ID number (CCCD, e.g. 087095001234) or the old 9-digit identity card " +
            "number (CMND, e.g. 341234567).",
        )
      : isDigits
        ? t(
            `Bạn đã nhập ${digits.length} chữ số. Số giấy tờ cần là số CCCD gồm 12 chữ số (ví dụ 087095001234) ` +
              `hoặc số CMND cũ gồm 9 chữ số (ví dụ 341234567).`,
            `You typed ${digits.length} digits. The number must be a 12-digit personal ID (CCCD, e.g. ` +
              `087095001234) or an old 9-digit identity card number (CMND, e.g. 341234567).`,
          )
        : t(
            "Số giấy tờ chỉ gồm chữ số: số CCCD có 12 chữ số (ví dụ 087095001234), số CMND cũ có 9 chữ số (ví dụ " +
              "341234567).",
            "An identity number has digits only: a personal ID (CCCD) has 12 (e.g. 087095001234), an old identity " +
              "card (CMND) has 9 (e.g. 341234567).",
          ),
  );
}
