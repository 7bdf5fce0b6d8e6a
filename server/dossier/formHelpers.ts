import type Handlebars from "handlebars";

/**
 * The Handlebars helpers of the printable forms (`templates/forms/`). Each one turns a dossier
 * value into the plain text printed on paper; Handlebars escapes it like any `{{…}}` output, so
 * no helper ever returns HTML. An empty value (null, "", whitespace) prints as the dotted line
 * a citizen would fill by hand.
 *
 * Registered through {@link registerFormHelpers}, every helper throws on `undefined`: the
 * renderer passes every form field, `null` when empty, so `undefined` can only come from a
 * field name the form does not have. Handlebars' strict mode does not check helper arguments
 * (only plain `{{name}}` lookups), hence this check.
 */

type Instance = typeof Handlebars;

/** The run of dots printed for an empty value; 10 "…" are about 4 cm at 13 pt. */
export const DOTS_WIDTH = 10;

/** @internal A value's text, or null when there is nothing to print. */
function text(value: unknown, helper: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value === "boolean") return value ? "Có" : "Không";
  throw new TypeError(`${helper}: cannot print ${Array.isArray(value) ? "a table" : typeof value} as one value`);
}

/**
 * A value as printed in a blank of the form, or a dotted line when it is empty.
 * Booleans print as "Có" / "Không".
 *
 * @example dots("Kinh") // "Kinh"
 * @example dots(null) // "…………………………" (ten "…")
 * @example dots("", 3) // "………"
 */
export function dots(value: unknown, width: number = DOTS_WIDTH): string {
  return text(value, "dots") ?? "…".repeat(Math.max(1, Math.round(width)));
}

/**
 * A name in capitals with its diacritics, as civil-status papers print the registered person's
 * name (Thông tư 04/2020/TT-BTP Điều 31) and as the household-business form asks for the owner
 * and the business name. Only the printed text changes; the dossier keeps what the citizen typed.
 *
 * @example upper("Nguyễn Thị Ánh Đào") // "NGUYỄN THỊ ÁNH ĐÀO"
 * @example upper(null) // a dotted line, as dots(null)
 */
export function upper(value: unknown): string {
  const t = text(value, "upper");
  return t === null ? dots(null) : t.normalize("NFC").toLocaleUpperCase("vi-VN");
}

/** @internal `d/m/yyyy` or `dd/mm/yyyy` → its parts, or null. */
function dateParts(value: string): { day: number; month: number; year: number } | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(value);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { day, month, year };
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/**
 * A `dd/mm/yyyy` date as printed on the form.
 *
 * - `"short"` (default): `05/02/2026`.
 * - `"long"`: `ngày 05 tháng 02 năm 2026`, for the blanks "ngày … tháng … năm …". Days below 10
 *   and the months 1 and 2 take a leading zero, the other months do not (Nghị định
 *   30/2020/NĐ-CP, Phụ lục I, on writing dates in administrative documents). Empty prints the
 *   blank itself: `ngày …… tháng …… năm ……`.
 *
 * A value that is not a `d/m/yyyy` date (a year alone, for a parent born in an unknown month)
 * prints unchanged, so nothing the citizen gave is lost.
 *
 * @example formatDate("5/3/2026") // "05/03/2026"
 * @example formatDate("05/02/2026", "long") // "ngày 05 tháng 02 năm 2026"
 * @example formatDate("15/11/2026", "long") // "ngày 15 tháng 11 năm 2026"
 * @example formatDate(null, "long") // "ngày …… tháng …… năm ……"
 */
export function formatDate(value: unknown, style: "short" | "long" = "short"): string {
  if (style !== "short" && style !== "long") {
    throw new TypeError(`formatDate: unknown style "${String(style)}"; use "short" or "long"`);
  }
  const t = text(value, "formatDate");
  if (t === null) return style === "long" ? "ngày …… tháng …… năm ……" : dots(null);
  const parts = dateParts(t);
  if (!parts) return t;
  if (style === "short") return `${pad2(parts.day)}/${pad2(parts.month)}/${parts.year}`;
  const month = parts.month <= 2 ? pad2(parts.month) : String(parts.month);
  return `ngày ${pad2(parts.day)} tháng ${month} năm ${parts.year}`;
}

/**
 * An `HH:mm` time as the death declaration's blank "… giờ … phút".
 *
 * @example formatTime("14:05") // "14 giờ 05 phút"
 * @example formatTime(null) // "…… giờ …… phút"
 */
export function formatTime(value: unknown): string {
  const t = text(value, "formatTime");
  if (t === null) return "…… giờ …… phút";
  const m = /^\s*(\d{1,2})[:hg](\d{2})\s*$/i.exec(t);
  return m ? `${pad2(Number(m[1]))} giờ ${m[2]} phút` : t;
}

/** @internal true/false from a boolean or the options "Có"/"Không"; null when unknown. */
function truth(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value !== "string") return null;
  const folded = value.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/gi, "d").trim().toLowerCase();
  if (["co", "yes", "true"].includes(folded)) return true;
  if (["khong", "no", "false"].includes(folded)) return false;
  return null;
}

/**
 * The paper's pair of boxes "Có ☐, Không ☐" with the chosen one ticked. Accepts a boolean or
 * the option text; any other text prints as given.
 *
 * @example yesNo(true) // "Có ☒, Không ☐"
 * @example yesNo("Không") // "Có ☐, Không ☒"
 * @example yesNo(null) // "Có ☐, Không ☐"
 */
export function yesNo(value: unknown): string {
  const t = truth(value);
  if (t === true) return "Có ☒, Không ☐";
  if (t === false) return "Có ☐, Không ☒";
  return text(value, "yesNo") ?? "Có ☐, Không ☐";
}

/**
 * The "X" a table column asks for (the main business line), or nothing.
 *
 * @example mark(true) // "X"
 * @example mark(false) // ""
 */
export function mark(value: unknown): string {
  const t = truth(value);
  if (t === true) return "X";
  if (t === false) return "";
  return text(value, "mark") ?? "";
}

/**
 * A table cell: the value, or an empty cell — on paper a blank cell is left blank, not dotted.
 *
 * @example cell("Con") // "Con"
 * @example cell(null) // ""
 */
export function cell(value: unknown): string {
  return text(value, "cell") ?? "";
}

/**
 * An amount in đồng with Vietnamese digit grouping (dots), or a dotted line.
 *
 * @example money(150000000) // "150.000.000"
 * @example money("2500000") // "2.500.000"
 */
export function money(value: unknown): string {
  const t = text(value, "money");
  if (t === null) return dots(null);
  const n = typeof value === "number" ? value : /^\s*\d+\s*$/.test(t) ? Number(t) : NaN;
  return Number.isSafeInteger(n) ? new Intl.NumberFormat("vi-VN").format(n) : t;
}

/**
 * A consent box of form CT01 (chủ hộ, chủ sở hữu, cha mẹ/người giám hộ): "Đồng ý" / "Không đồng ý"
 * from a boolean, the written opinion as given, or a dotted line.
 *
 * @example consent(true) // "Đồng ý"
 * @example consent("Đồng ý cho đăng ký thường trú") // "Đồng ý cho đăng ký thường trú"
 */
export function consent(value: unknown): string {
  if (value === true) return "Đồng ý";
  if (value === false) return "Không đồng ý";
  return dots(value);
}

/**
 * The name printed under a signature ("ghi rõ họ tên"): the signature field when it holds a
 * name, else the signer's full name, else a dotted line.
 *
 * @example signer("Trần Thị Bích", "Trần Thị Bích") // "Trần Thị Bích"
 * @example signer(true, "Lê Văn Cường") // "Lê Văn Cường"
 * @example signer(null, null) // a dotted line, as dots(null)
 */
export function signer(signature: unknown, fullName: unknown): string {
  if (typeof signature === "string" && signature.trim() !== "") return signature;
  return dots(fullName);
}

/**
 * The "STT" of a table row, from Handlebars' zero-based `@index`.
 *
 * @example rowNumber(0) // "1"
 */
export function rowNumber(index: unknown): string {
  if (typeof index !== "number") throw new TypeError("rowNumber: expects @index");
  return String(index + 1);
}

/** The helpers by the name templates call them. */
export const FORM_HELPERS = {
  dots,
  upper,
  formatDate,
  formatTime,
  yesNo,
  mark,
  cell,
  money,
  consent,
  signer,
  rowNumber,
} as const;

/** The built-in block helpers that also get the `undefined` check. */
const STRICT_BUILTINS = ["if", "unless", "each", "with"] as const;

interface Location {
  start: { line: number; column: number };
}

/** @internal Where a helper call sits in its template, for the error message. */
function where(options: unknown): string {
  const loc = (options as { loc?: Location } | undefined)?.loc;
  return loc ? ` at line ${loc.start.line}, column ${loc.start.column + 1}` : "";
}

function undefinedArgument(name: string, index: number, options: unknown): Error {
  return new Error(
    `{{${name}}}${where(options)}: argument ${index + 1} is undefined — the template names a field this form does ` +
      `not have (check the key against procedures.json)`,
  );
}

/**
 * Registers {@link FORM_HELPERS} on an isolated Handlebars instance, each one throwing on an
 * `undefined` argument, and makes `if`, `unless`, `each` and `with` throw the same way.
 * Returns the names to pass as `knownHelpers` so that a misspelt helper fails at compile time.
 *
 * @example
 * const hb = Handlebars.create();
 * const knownHelpers = registerFormHelpers(hb);
 * hb.compile("{{upper name}}", { strict: true, knownHelpers, knownHelpersOnly: true })({ name: "An" }); // "AN"
 */
export function registerFormHelpers(hb: Instance): Record<string, true> {
  const known: Record<string, true> = {};
  for (const [name, fn] of Object.entries(FORM_HELPERS)) {
    const call = fn as (...args: unknown[]) => string;
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const options = args.pop();
      args.forEach((arg, i) => {
        if (arg === undefined) throw undefinedArgument(name, i, options);
      });
      return call(...args);
    });
    known[name] = true;
  }
  for (const name of STRICT_BUILTINS) {
    const builtin = hb.helpers[name];
    if (!builtin) continue;
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const options = args[args.length - 1];
      if (args.length > 1 && args[0] === undefined) throw undefinedArgument(`#${name}`, 0, options);
      return (builtin as (...a: unknown[]) => unknown).apply(this, args);
    });
    known[name] = true;
  }
  return known;
}
