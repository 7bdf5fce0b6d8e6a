/**
 * What the dossiers view computes from the server's data, without touching the page: kept
 * apart so that Node can test it (the root tsconfig has no DOM).
 */
import type { DraftField } from "../../server/console/clerkProtocol";
import { DOSSIER_TEXTS } from "./dossierListTexts";
import { SOURCE_LABELS, TEXTS } from "./texts";

// Clerks work in Vietnam; a PC left on another zone must not shift a dossier's times.
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "Asia/Ho_Chi_Minh",
});

/** "27/11/2026 14:05", the way Vietnamese forms write dates; "" for a date the browser cannot read. */
export function formatDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "";
  const part: Record<string, string> = {};
  for (const { type, value } of DATE_TIME.formatToParts(ms)) part[type] = value;
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
}

/**
 * Who gave a field's value: "Công dân", "Trợ lý", or the clerk by name ("Cán bộ Nguyễn Thị
 * Lan (bạn)" for the reader's own); by id when the account is gone.
 */
export function provenanceLabel(
  source: DraftField["source"],
  clerks: Readonly<Record<string, string>>,
  userId: string,
): string {
  if (!source) return "";
  if (source.by !== "clerk") return SOURCE_LABELS[source.by];
  const named = DOSSIER_TEXTS.sourceClerk(clerks[source.clerkId] ?? source.clerkId);
  return source.clerkId === userId ? `${named} (${TEXTS.yourself})` : named;
}
