import { t } from "../localized";
import { parsed, type ParseResult, rejected } from "./parseResult";

// PREFIX-YYYYMMDD-NNNN, optionally with the unit's code in front (AT-HN-20261127-0042).
const RECEIPT_CODE = /^(?:[A-Z]{1,4}-)?[A-Z]{1,4}-\d{8}-\d{3,6}$/;

/**
 * A dossier's receipt code as the citizen types it: any case, spaces or underscores instead
 * of dashes.
 *
 * @example parseReceiptCode("hn 20261127 0042") // { ok: true, value: "HN-20261127-0042" }
 */
export function parseReceiptCode(text: string): ParseResult<string> {
  const code = text.trim().toUpperCase().replace(/[\s_.]+/g, "-").replace(/-+/g, "-");
  if (RECEIPT_CODE.test(code)) return parsed(code);
  return rejected(
    "RECEIPT_CODE_INVALID",
    t(
      "Mã hồ sơ chưa đúng dạng. Mã gồm chữ viết tắt, ngày nộp và số thứ tự, ví dụ: HN-20261127-0042.",
      "That is not a receipt code. It has a prefix, the filing date and a number, e.g. HN-20261127-0042.",
    ),
  );
}
