import type { DashboardFigures } from "../console/dashboardProtocol";
import type { CsvCell } from "./csvTable";

/** Bilingual headers: the office reads Vietnamese, a province's IT team may not. */
export const FIGURES_CSV_HEADER = [
  "Ngày / Day",
  "Mã đơn vị / Unit id",
  "Đơn vị / Unit",
  "Cuộc trò chuyện / Conversations",
  "Hồ sơ nộp / Dossiers submitted",
  "Nộp trực tuyến / Online",
  "Nộp tại quầy / At the counter",
  "Nộp qua bưu chính / By post",
  "Tỷ lệ trực tuyến (%) / Online share (%)",
  "Có cán bộ giúp / With a clerk",
  "Yêu cầu gặp cán bộ / Handoffs",
  "Chờ trung vị (phút) / Median wait (min)",
  "Chờ lâu nhất (phút) / Longest wait (min)",
  "Yêu cầu gọi lại / Callbacks",
  "Lượt đánh giá / Ratings",
  "Điểm trung bình / Average rating",
  "Câu hỏi chưa trả lời / Unanswered questions",
] as const;

// A decimal point, not the Vietnamese comma: a comma inside a number would be read as two numbers by
// any tool that splits on commas, and Excel converts the point under a Vietnamese locale on import.
const percent = (share: number | null) => (share === null ? null : Math.round(share * 10_000) / 100);

/**
 * The dashboard's figures as spreadsheet rows: one per day and unit of the range, days with nothing
 * included as zeros so that sums and averages over the rows are right. Empty cells where a value does
 * not exist (no dossier: no online share).
 */
export function figuresCsvRows(figures: DashboardFigures): CsvCell[][] {
  return figures.days.flatMap((day, i) =>
    figures.units.map((unit) => {
      const d = unit.daily;
      return [
        day,
        unit.unitId,
        unit.name,
        d.conversations[i]!,
        d.submitted[i]!,
        d.online[i]!,
        d.counter[i]!,
        d.postal[i]!,
        percent(d.onlineShare[i]!),
        d.withClerk[i]!,
        d.handoffs[i]!,
        d.medianWaitMinutes[i]!,
        d.longestWaitMinutes[i]!,
        d.callbacks[i]!,
        d.ratings[i]!,
        d.averageRating[i]!,
        d.unanswered[i]!,
      ];
    }),
  );
}
