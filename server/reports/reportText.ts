import { readFileSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import type { City } from "../../flows/units";
import { splitText, ZALO_TEXT_LIMIT } from "../channels/zalo/zaloOutgoing";
import { formDate } from "../deadlines/cityDay";
import { PROJECT_ROOT } from "../projectRoot";
import { type DailyReport, percentVi } from "./dailyReport";

const TEMPLATES = path.join(PROJECT_ROOT, "templates", "reports");

function compileReportTemplate(): HandlebarsTemplateDelegate {
  const hb = Handlebars.create();
  hb.registerPartial("unit", readFileSync(path.join(TEMPLATES, "unit.hbs"), "utf8"));
  hb.registerHelper("percent", (share: number) => percentVi(share));
  hb.registerHelper("decimal", (value: number) => value.toLocaleString("vi-VN", { maximumFractionDigits: 1 }));
  hb.registerHelper("known", (value: unknown) => value !== null && value !== undefined);
  hb.registerHelper("inc", (index: number) => index + 1);
  hb.registerHelper("gt", (a: number, b: number) => a > b);
  hb.registerHelper("join", (list: string[], separator: string) => list.join(separator));
  // Plain text for a chat group: nothing is HTML-escaped; a citizen's quoted words cannot mention the
  // group ("[@…]" is Zalo's mention syntax), so that is broken apart below.
  return hb.compile(readFileSync(path.join(TEMPLATES, "daily.hbs"), "utf8"), { noEscape: true, strict: false });
}

let template: HandlebarsTemplateDelegate | null = null;

/** Zalo reads "[@id]" in a group message as a mention: a quoted question must not ping anyone. */
function noMentions(text: string): string {
  return text.replace(/\[@/g, "[ @");
}

/**
 * The report as the leaders read it in their Zalo group: plain text in Vietnamese, in pieces of at most
 * Zalo's 2,000 characters cut between lines. `cut` is the time the figures stop ("16:00").
 */
export function reportText(report: DailyReport, city: City, options: { late: boolean; cut: string }): string[] {
  template ??= compileReportTemplate();
  const text = template({
    ...report,
    topQuestions: report.topQuestions.map((q) => ({ ...q, text: noMentions(q.text) })),
    dayVi: formDate(report.day),
    cityName: `${city.kind === "thành phố" ? "UBND thành phố" : city.kind} ${city.name}`,
    late: options.late,
    cutVi: options.cut,
  });
  return splitText(
    text
      .replace(/\n{3,}/g, "\n\n")
      .trim()
      .normalize("NFC"),
    ZALO_TEXT_LIMIT,
  );
}
