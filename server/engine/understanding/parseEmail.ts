import { t } from "../localized";
import { editDistance } from "./editDistance";
import { normalizeInput } from "./normalizeInput";
import { parsed, rejected, type ParseProblem, type ParseResult } from "./parseResult";

const EXAMPLE = "nguyenvanan@gmail.com";
/** RFC 5321 limits: 64 characters before the @, 254 in all, 63 per domain label. */
const MAX_LOCAL = 64;
const MAX_TOTAL = 254;
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** The providers most citizens use; a domain one slip away from one is probably a typo. */
const COMMON_DOMAINS = ["gmail.com", "yahoo.com", "yahoo.com.vn", "hotmail.com", "outlook.com", "icloud.com"];
/** Real domains that happen to be one slip away from a common one. */
const REAL_NEIGHBOURS = new Set(["ymail.com", "mail.com", "email.com", "gmx.com", "outlook.vn"]);

/**
 * Reads an email address with a pragmatic check (one @, a dotted domain with a real-looking
 * top-level part, no spaces or accents) rather than the full RFC 5322 grammar, which accepts
 * addresses no mail provider issues. Spaces typed around the parts are dropped and the
 * domain is lower-cased; the part before the @ is kept as typed.
 *
 * A domain one letter away from a common provider ("gmail.con", "gmial.com") is returned
 * with an `EMAIL_DOMAIN_SUSPECT` warning suggesting the likely address, for the citizen to
 * confirm: a mistyped address silently loses the receipt.
 *
 * @example parseEmail(" NguyenVanAn@Gmail.COM ") // { ok: true, value: "NguyenVanAn@gmail.com" }
 * @example parseEmail("an@gmail.con").warning?.code // "EMAIL_DOMAIN_SUSPECT"
 * @example parseEmail("an.gmail.com").ok // false, code "EMAIL_INVALID"
 */
export function parseEmail(text: string): ParseResult<string> {
  const address = normalizeInput(text)
    .replace(/^mailto:/i, "")
    .replace(/^<(.*)>$/, "$1")
    .replace(/\s+/g, "")
    .replace(/\.+$/, "");
  const at = address.lastIndexOf("@");
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase();
  const labels = domain.split(".");
  const valid =
    at > 0 &&
    local.length <= MAX_LOCAL &&
    address.length <= MAX_TOTAL &&
    LOCAL.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => LABEL.test(label)) &&
    TOP_LEVEL.test(labels[labels.length - 1]!);
  if (!valid) {
    return rejected(
      "EMAIL_INVALID",
      t(
        `Địa chỉ email chưa đúng dạng: cần có tên, dấu @ và tên miền, không dấu tiếng Việt, không khoảng trắng. ` +
          `Ví dụ: ${EXAMPLE}.`,
        `That email address is not in the right shape: a name, an @ and a domain, without accents or spaces. ` +
          `Example: ${EXAMPLE}.`,
      ),
    );
  }
  const value = `${local}@${domain}`;
  return parsed(value, suspectDomain(local, domain));
}

function suspectDomain(local: string, domain: string): ParseProblem | undefined {
  if (REAL_NEIGHBOURS.has(domain) || COMMON_DOMAINS.includes(domain)) return undefined;
  const likely = COMMON_DOMAINS.find((common) => editDistance(domain, common, 1) === 1);
  if (likely === undefined) return undefined;
  const suggestion = `${local}@${likely}`;
  return {
    code: "EMAIL_DOMAIN_SUSPECT",
    message: t(
      `Có phải bạn muốn nhập ${suggestion}? Tên miền "${domain}" gần giống "${likely}". Nếu địa chỉ đã đúng thì ` +
        `bạn xác nhận, nếu không thì nhập lại.`,
      `Did you mean ${suggestion}? The domain "${domain}" looks like "${likely}". Confirm if the address is ` +
        `right, or type it again.`,
    ),
  };
}
