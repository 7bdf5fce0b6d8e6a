import type { DashboardFigures } from "../../server/console/dashboardProtocol";

/** The filter a dashboard request and its exports carry; empty strings are left to the server's defaults. */
export interface DashboardFilter {
  from: string;
  to: string;
  /** A unit id, or "" for every unit the user may see. */
  unit: string;
}

/** `?from=…&to=…&units=…`, with what is set. */
export function filterQuery(filter: DashboardFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.unit) params.set("units", filter.unit);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** "2026-03-05" → "05/03" on an axis, "05/03/2026" in a table. */
export function dayLabel(day: string, withYear = false): string {
  const [year, month, date] = day.split("-");
  return withYear ? `${date}/${month}/${year}` : `${date}/${month}`;
}

/** "1.234": Vietnamese groups thousands with a dot. */
export function count(n: number): string {
  return n.toLocaleString("vi-VN");
}

/** 0.9997 → "99,97%"; null → "—". */
export function percent(share: number | null): string {
  if (share === null) return "—";
  return `${(Math.round(share * 10_000) / 100).toLocaleString("vi-VN", { maximumFractionDigits: 2 })}%`;
}

/** 12.5 → "12,5 phút"; null → "—". */
export function minutesText(minutes: number | null): string {
  return minutes === null ? "—" : `${minutes.toLocaleString("vi-VN", { maximumFractionDigits: 1 })} phút`;
}

/** 4.5 → "4,5"; null → "—". */
export function decimal(value: number | null): string {
  return value === null ? "—" : value.toLocaleString("vi-VN", { maximumFractionDigits: 1 });
}

/** A data table beside a chart: a caption, the column heads, and rows whose first cell heads the row. */
export interface TableModel {
  caption: string;
  columns: string[];
  rows: string[][];
}

/** Whether anything at all happened in the figures' range (else the page says so instead of empty charts). */
export function hasActivity(figures: DashboardFigures): boolean {
  const t = figures.total;
  return t.totals.conversations > 0 || t.totals.submitted > 0 || t.overdue > 0 || t.dueSoon > 0;
}
