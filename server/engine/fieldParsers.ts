import type { AskStep, FieldTypeName, Value } from "../../flows/flowTypes";
import { evaluateCondition } from "./evaluateCondition";
import { t } from "./localized";
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

/** What a parser may know besides the text: today's date and the answers so far. */
export interface ParseContext {
  /** `yyyy-mm-dd` in Asia/Ho_Chi_Minh. */
  today: string;
  answers: Readonly<Record<string, Value>>;
  step: AskStep;
}

type FieldParser = (text: string, context: ParseContext) => ParseResult<Value>;

const MAX_TEXT = 500;

function parseFreeText(text: string, minLetters: number, what: "text" | "address"): ParseResult<Value> {
  const letters = text.replace(/[^\p{L}\p{N}]/gu, "").length;
  if (letters < minLetters) {
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

/** One parser per field type name used in flows. */
export const FIELD_PARSERS: Readonly<Record<FieldTypeName, FieldParser>> = {
  text: (text) => parseFreeText(text, 1, "text"),
  address: (text) => parseFreeText(text, 6, "address"),
  name: (text) => parseName(text),
  date: (text) => parseDate(text),
  birthDate: (text, c) => parseBirthDate(text, c.today, c.step.maxYearsAgo),
  pastDate: (text, c) => parseDate(text, { today: c.today, notInFuture: true }),
  futureDate: (text, c) => parseDate(text, { today: c.today, notInPast: true }),
  time: (text) => parseTime(text),
  yearOrDate: (text, c) => parseYearOrDate(text, c.today),
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

/** Parses an answer to an ask step with the parser of its field type. */
export function parseAnswer(text: string, context: ParseContext): ParseResult<Value> {
  const { step, answers } = context;
  const type = step.typeWhen?.find((option) => evaluateCondition(option.when, answers))?.type ?? step.type;
  return FIELD_PARSERS[type](text, context);
}
