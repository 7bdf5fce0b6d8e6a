import { t } from "../localized";
import { parsed, type ParseResult, rejected } from "./parseResult";
import { RECEIPT_SUFFIX_PATTERN } from "./receiptSuffix";

// PREFIX-YYYYMMDD-NNNN-XXXX, optionally with the unit's code in front (AT-HN-20261127-0042-K7QM);
// codes given before the random part existed end at the number and still look dossiers up.
const RECEIPT_CODE = new RegExp(`^(?:[A-Z]{1,4}-)?[A-Z]{1,4}-\\d{8}-\\d{3,6}(?:-${RECEIPT_SUFFIX_PATTERN})?$`);

/**
 * A dossier's receipt code as the citizen types it: any case, spaces or underscores instead
 * of dashes.
 *
 * @example parseReceiptCode("hn 20261127 0042 k7qm") // { ok: true, value: "HN-20261127-0042-K7QM" }
 */
export function parseReceiptCode(text: string): ParseResult<string> {
  const code = text
    .trim()
    .toUpperCase()
    .replace(/[\s_.]+/g, "-")
    .replace(/-+/g, "-");
  if (RECEIPT_CODE.test(code)) return parsed(code);
  return rejected(
    "RECEIPT_CODE_INVALID",
    t(
      "Mã hồ sơ chưa đúng dạng. Mã gồm chữ viết tắt, ngày nộp, số thứ tự và 4 ký tự cuối, ví dụ: " +
        "HN-20261127-0042-K7QM.",
      "That is not a receipt code. It has a prefix, the filing date, a number and 4 final characters, e.g. " +
        "HN-20261127-0042-K7QM.",
    ),
  );
}
