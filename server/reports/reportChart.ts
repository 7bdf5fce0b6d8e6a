import { Resvg } from "@resvg/resvg-js";
import { formDate } from "../deadlines/cityDay";
import type { DailyReport } from "./dailyReport";

const WIDTH = 900;
const ROW = 44;
const TOP = 90;
const LABEL = 230;
const BAR = 420;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The report's chart as SVG: one row per unit, a bar of the share of dossiers submitted online (green at or
 * above the target, amber below) and the number of overdue dossiers beside it (red when any). Drawn by hand:
 * two series over seven units need no charting library on the server.
 */
export function reportChartSvg(report: DailyReport, minOnlineShare: number): string {
  const units = report.units.filter((u) => u.unitId !== null);
  const height = TOP + units.length * ROW + 40;
  const rows = units.map((unit, index) => {
    const y = TOP + index * ROW;
    const share = unit.onlineShare;
    const width = share === null ? 0 : Math.round(share * BAR);
    const colour = share === null ? "#9e9e9e" : share >= minOnlineShare ? "#2e7d32" : "#f9a825";
    const shareText = share === null ? "chưa có hồ sơ" : `${(Math.round(share * 1000) / 10).toLocaleString("vi-VN")}%`;
    const overdueColour = unit.overdue > 0 ? "#c62828" : "#555555";
    return [
      `<text x="${LABEL - 12}" y="${y + 24}" text-anchor="end" font-size="17">${escapeXml(unit.name)}</text>`,
      `<rect x="${LABEL}" y="${y + 8}" width="${BAR}" height="24" fill="#eeeeee"/>`,
      `<rect x="${LABEL}" y="${y + 8}" width="${width}" height="24" fill="${colour}"/>`,
      `<text x="${LABEL + BAR + 10}" y="${y + 26}" font-size="16">${shareText}</text>`,
      `<text x="${WIDTH - 20}" y="${y + 26}" text-anchor="end" font-size="16" fill="${overdueColour}">` +
        `${unit.overdue} quá hạn</text>`,
    ].join("");
  });
  const target = LABEL + Math.round(minOnlineShare * BAR);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}"`,
    ` font-family="DejaVu Sans, Noto Sans, Arial, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="20" y="36" font-size="22" font-weight="bold">`,
    `Tỷ lệ nộp trực tuyến và hồ sơ quá hạn — ${formDate(report.day)}</text>`,
    `<text x="20" y="64" font-size="15" fill="#555555">Vạch đứt: chỉ tiêu ${Math.round(minOnlineShare * 100)}%</text>`,
    ...rows,
    `<line x1="${target}" y1="${TOP}" x2="${target}" y2="${TOP + units.length * ROW}" stroke="#333333"`,
    ` stroke-dasharray="5,4"/>`,
    `</svg>`,
  ].join("");
}

/** The chart as a PNG for the Zalo group (Zalo's image upload takes PNG or JPEG up to 1 MB). */
export function reportChartPng(report: DailyReport, minOnlineShare: number): Buffer {
  const svg = reportChartSvg(report, minOnlineShare);
  return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" } }).render().asPng();
}
