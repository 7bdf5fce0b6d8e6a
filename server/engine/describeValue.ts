import type { Step, Value } from "../../flows/flowTypes";
import { TEXTS } from "./engineTexts";
import type { Locale } from "./localized";

/** How an answer reads back to the citizen: option labels, "Có/Không", table rows, dates as typed. */
export function describeValue(step: Step, value: Value | undefined, locale: Locale): string {
  if (value === undefined || value === null || value === "") return locale === "vi" ? "(bỏ trống)" : "(empty)";
  if (typeof value === "boolean") return value ? TEXTS.yes[locale] : TEXTS.no[locale];
  if (Array.isArray(value)) {
    if (value.length === 0) return locale === "vi" ? "(không có)" : "(none)";
    return value
      .map(
        (row, i) =>
          `${i + 1}) ${Object.values(row)
            .filter((v) => v !== null && v !== "")
            .map((v) => (typeof v === "boolean" ? (v ? "✓" : "✗") : String(v)))
            .join(", ")}`,
      )
      .join("; ");
  }
  if (step.kind === "choose") {
    const option = step.options.find((o) => o.value === value);
    if (option) return option.label[locale];
  }
  if (step.kind === "upload") return locale === "vi" ? "đã gửi tệp" : "file sent";
  if (typeof value === "number" && step.kind === "ask" && step.type === "money") {
    return `${value.toLocaleString("vi-VN")} đ`;
  }
  return String(value);
}
