import type { AskStep, FieldTypeName, Value } from "../../flows/flowTypes";
import { evaluateCondition } from "./evaluateCondition";
import { t } from "./localized";
import { checkPeriodOrder } from "./understanding/checkPeriodOrder";
import { mentionsLunar, parseLunarDate } from "./understanding/parseLunarDate";
import { parseProvince } from "./understanding/parseProvince";
import { parseWard } from "./understanding/parseWard";
import type { ConfiguredPlaces } from "./understanding/restoreAddressDiacritics";
import { parseBirthDate } from "./understanding/parseBirthDate";
import { parseCccd } from "./understanding/parseCccd";
import { parseDate } from "./understanding/parseDate";
import { parseEmail } from "./understanding/parseEmail";
import { parseEthnicity } from "./understanding/parseEthnicity";
import { parseIdNumber } from "./understanding/parseIdNumber";
import { parseInteger } from "./understanding/parseInteger";
import { parseMoney } from "./understanding/parseMoney";
import { parseMonthYear } from "./understanding/parseMonthYear";
import { parseName } from "./understanding/parseName";
import { parseNationality } from "./understanding/parseNationality";
import { parsePhone } from "./understanding/parsePhone";
import { type ParseResult, rejected } from "./understanding/parseResult";
import { parseReceiptCode } from "./understanding/parseReceiptCode";
import { parseTime } from "./understanding/parseTime";
import { parseYearOrDate } from "./understanding/parseYearOrDate";

/** What a parser may know besides the text: today's date, the answers so far and the configured places. */
export interface ParseContext {
  /** `yyyy-mm-dd` in Asia/Ho_Chi_Minh. */
  today: string;
  /** The answers so far; for a table's column, with the row being asked. */
  answers: Readonly<Record<string, Value>>;
  step: AskStep;
  /** The city's units and province: a ward is checked against them where given. */
  places?: ConfiguredPlaces;
}

type FieldParser = (text: string, context: ParseContext) => ParseResult<Value>;

const MAX_TEXT = 500;

function parseFreeText(text: string, minLetters: number, what: "text" | "address" | "addressLine"): ParseResult<Value> {
  const letters = text.replace(/[^\p{L}\p{N}]/gu, "").length;
  if (letters < minLetters) {
    if (what === "addressLine") {
      return rejected(
        "ADDRESS_LINE_EMPTY",
        t(
          "Xin ghi số nhà và đường, hoặc ấp/khóm. Ví dụ: Số 12, đường Nguyễn Huệ, khóm 1",
          "Please give the house number and street, or the hamlet. Example: Số 12, đường Nguyễn Huệ, khóm 1",
        ),
      );
    }
    return what === "address"
      ? rejected(
          "ADDRESS_TOO_SHORT",
          t(
            "Địa chỉ chưa đủ rõ. Vui lòng ghi số nhà/ấp, xã/phường, tỉnh. Ví dụ: 12 Nguyễn Huệ, phường An Thạnh, " +
              "Đồng Tháp",
            "The address is not complete. Please give the house number or hamlet, ward/commune and province. " +
              "Example: 12 Nguyen Hue, An Thanh ward, Dong Thap",
          ),
        )
      : rejected("TEXT_EMPTY", t("Vui lòng nhập nội dung trả lời.", "Please type an answer."));
  }
  if (text.length > MAX_TEXT) {
    return rejected(
      "TEXT_TOO_LONG",
      t(
        `Câu trả lời dài quá ${MAX_TEXT} ký tự, vui lòng viết ngắn gọn hơn.`,
        `The answer is longer than ${MAX_TEXT} characters; please shorten it.`,
      ),
    );
  }
  return { ok: true, value: text };
}

function birthYearOf(value: Value | undefined): number | undefined {
  if (typeof value !== "string") return undefined;
  const year = Number(value.slice(-4));
  return Number.isInteger(year) && year > 1800 ? year : undefined;
}

function knownIdentity(context: ParseContext): { gender?: "Nam" | "Nữ"; birthYear?: number } {
  const { idOf } = context.step;
  if (!idOf) return {};
  const gender = idOf.sex ?? (idOf.gender ? context.answers[idOf.gender] : undefined);
  const birthYear = idOf.birthDate ? birthYearOf(context.answers[idOf.birthDate]) : undefined;
  return {
    ...(gender === "Nam" || gender === "Nữ" ? { gender } : {}),
    ...(birthYear !== undefined ? { birthYear } : {}),
  };
}

/**
 * A date field that also takes a date of the lunar calendar ("15/8 âm lịch năm 1960"): converted to
 * the solar calendar, checked as the field checks a solar date, and said back for the citizen to
 * confirm; never read as a solar date, never dropped.
 */
function orLunar(parseSolar: FieldParser, allowYearAlone = false): FieldParser {
  return (text, context) => {
    if (!mentionsLunar(text)) return parseSolar(text, context);
    const lunar = parseLunarDate(text);
    if (!lunar.ok) return rejected(lunar.code, lunar.message);
    if (lunar.lunar === null) {
      if (!allowYearAlone) return parseSolar(text, context);
      const year = parseSolar(String(lunar.year), context);
      if (!year.ok) return year;
      return {
        ok: true,
        value: year.value,
        confirm: t(
          `${lunar.said.vi}: ghi năm ${lunar.year} — đúng không?`,
          `${lunar.said.en}: write ${lunar.year} — is that right?`,
        ),
      };
    }
    const solar = parseSolar(lunar.solar, context);
    if (!solar.ok) return solar;
    return {
      ok: true,
      value: solar.value,
      confirm: t(
        `Ngày ${lunar.said.vi} là ngày ${lunar.solar} dương lịch — đúng không?`,
        `${lunar.said.en.charAt(0).toUpperCase()}${lunar.said.en.slice(1)} is ${lunar.solar} in the solar calendar — ` +
          "is that right?",
      ),
    };
  };
}

/** One parser per field type name used in flows. */
export const FIELD_PARSERS: Readonly<Record<FieldTypeName, FieldParser>> = {
  text: (text) => parseFreeText(text, 1, "text"),
  address: (text) => parseFreeText(text, 6, "address"),
  addressLine: (text) => parseFreeText(text, 2, "addressLine"),
  province: (text) => parseProvince(text),
  ward: (text, c) => {
    const province = c.step.inProvince ? c.answers[c.step.inProvince] : undefined;
    return c.places
      ? parseWard(text, typeof province === "string" ? province : undefined, c.places.city)
      : parseFreeText(text, 2, "text");
  },
  issuingAuthority: (text) => parseFreeText(text, 2, "text"),
  name: (text) => parseName(text),
  date: orLunar((text) => parseDate(text)),
  birthDate: orLunar((text, c) => parseBirthDate(text, c.today, c.step.maxYearsAgo)),
  pastDate: orLunar((text, c) => parseDate(text, { today: c.today, notInFuture: true })),
  futureDate: (text, c) => parseDate(text, { today: c.today, notInPast: true }),
  time: (text) => parseTime(text),
  yearOrDate: orLunar((text, c) => parseYearOrDate(text, c.today), true),
  monthYear: (text) => parseMonthYear(text, { allowNow: false }),
  monthYearOrNow: (text) => parseMonthYear(text, { allowNow: true }),
  cccd: (text, c) => parseCccd(text, knownIdentity(c)),
  idNumber: (text, c) => parseIdNumber(text, { allowCmnd: c.step.allowCmnd === true, known: knownIdentity(c) }),
  phone: (text) => parsePhone(text),
  businessPhone: (text) => parsePhone(text, { allowLandline: true }),
  email: (text) => parseEmail(text),
  integer: (text, c) =>
    parseInteger(text, {
      ...(c.step.min !== undefined ? { min: c.step.min } : {}),
      ...(c.step.max !== undefined ? { max: c.step.max } : {}),
    }),
  money: (text) => parseMoney(text),
  ethnicity: (text) => parseEthnicity(text),
  receiptCode: (text) => parseReceiptCode(text),
  nationality: (text) => parseNationality(text),
  // The code may come with the line's name, as in the classification's tables: "5610 - Nhà hàng".
  industryCode: (text) => {
    const code = /^\s*(\d{4})(?![\d.,])/.exec(text)?.[1];
    return code !== undefined
      ? { ok: true, value: code }
      : rejected(
          "INDUSTRY_CODE_INVALID",
          t(
            "Mã ngành gồm đúng 4 chữ số theo Hệ thống ngành kinh tế Việt Nam. Ví dụ: 5610 (nhà hàng, quán ăn). " +
              "Nếu không biết mã, gõ 'gặp cán bộ'.",
            "The industry code is exactly 4 digits (Vietnam Standard Industrial Classification). Example: 5610 " +
              "(restaurants). If you do not know it, type 'talk to a clerk'.",
          ),
        );
  },
};

/** The field type an ask step reads its answer with, given the answers so far. */
export function fieldTypeOf(step: AskStep, answers: Readonly<Record<string, Value>>): FieldTypeName {
  return step.typeWhen?.find((option) => evaluateCondition(option.when, answers))?.type ?? step.type;
}

/** Parses an answer to an ask step with the parser of its field type, and checks it against its period's start. */
export function parseAnswer(text: string, context: ParseContext): ParseResult<Value> {
  const { step, answers } = context;
  const result = FIELD_PARSERS[fieldTypeOf(step, answers)](text, context);
  if (!result.ok || !step.notBefore) return result;
  const problem = checkPeriodOrder(answers[step.notBefore], result.value);
  return problem ?? result;
}
