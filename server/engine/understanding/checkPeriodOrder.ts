import type { Value } from "../../../flows/flowTypes";
import { t } from "../localized";
import { type ParseResult, rejected } from "./parseResult";

/** `dd/mm/yyyy` or `mm/yyyy` as a number that orders them (a month without its day as its first day); "nay" last. */
function instant(value: Value | undefined, end: boolean): number | null {
  if (typeof value !== "string") return null;
  if (value === "nay") return end ? Number.POSITIVE_INFINITY : null;
  const date = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (date) return Number(date[3]) * 10000 + Number(date[2]) * 100 + Number(date[1]);
  const month = /^(\d{2})\/(\d{4})$/.exec(value);
  if (month) return Number(month[2]) * 10000 + Number(month[1]) * 100;
  return null;
}

/**
 * Refuses the end of a period that comes before its start ("từ 05/2016 đến 03/2015"), as the
 * forms' residence periods require; null when the order is right or cannot be told (the start is
 * not given yet, or is not a date).
 *
 * Code: `PERIOD_END_BEFORE_START`.
 *
 * @example checkPeriodOrder("05/2016", "03/2015")?.ok // false
 */
export function checkPeriodOrder(start: Value | undefined, end: Value): ParseResult<never> | null {
  const from = instant(start, false);
  const to = instant(end, true);
  if (from === null || to === null || to >= from) return null;
  return rejected(
    "PERIOD_END_BEFORE_START",
    t(
      `Thời điểm kết thúc (${String(end)}) ở trước thời điểm bắt đầu (${String(start)}). Xin kiểm tra lại: "đến" ` +
        `phải sau "từ". Nếu ghi nhầm lúc bắt đầu, gõ "quay lại" để sửa.`,
      `The end (${String(end)}) is before the start (${String(start)}). Please check: "to" must come after ` +
        `"from". If the start was wrong, type "quay lại" (back) to correct it.`,
    ),
  );
}
