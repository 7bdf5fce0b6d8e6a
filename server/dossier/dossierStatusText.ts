import type { StatusText } from "../engine/engineIO";
import type { Locale, Localized } from "../engine/localized";
import type { Dossier } from "./dossier";
import { STATUS_TEXTS } from "./statusTexts";

type StatusOf = Pick<Dossier, "code" | "status" | "rejectionReason" | "missingItems" | "dueDate">;

/** Once the citizen has the reason or the list, "ask the clerk why" no longer fits: what to do with it instead. */
const NEXT_WITH_NOTE: Readonly<Partial<Record<Dossier["status"], Localized>>> = {
  rejected: {
    vi: "Bạn có thể liên hệ cán bộ nếu cần hỏi thêm.",
    en: "You can contact the clerk if you have questions.",
  },
  needs_more_info: {
    vi: "Vui lòng bổ sung tại Bộ phận Một cửa hoặc liên hệ cán bộ.",
    en: "Please bring them to the one-stop shop or contact the clerk.",
  },
};

/** A clerk's words as a sentence: the citizen reads them between the bot's. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…:;]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** What the office wrote for the citizen with the dossier's status, in the citizen's language; null when nothing. */
function officeNote(dossier: StatusOf, locale: Locale): string | null {
  const reason = dossier.status === "rejected" ? dossier.rejectionReason?.trim() : "";
  if (reason) return `${locale === "vi" ? "Lý do từ chối" : "Reason for rejection"}: ${sentence(reason)}`;
  const missing =
    dossier.status === "needs_more_info" ? (dossier.missingItems ?? []).map((i) => i.trim()).filter(Boolean) : [];
  if (missing.length === 0) return null;
  return [locale === "vi" ? "Cần bổ sung:" : "Still needed:", ...missing.map((item) => `- ${item}`)].join("\n");
}

/**
 * How a dossier's status reads to the citizen, with what the office wrote for them — a rejection's reason, the
 * list of what is missing — before what to do next. The chat's message when the status changes, status lookup
 * in the chat and over HTTP all read it from here: one wording, wherever the citizen looks.
 *
 * @example dossierStatusText({ code, status: "rejected", rejectionReason: "Thiếu giấy báo tử" }).next.vi
 * // "Lý do từ chối: Thiếu giấy báo tử. Bạn có thể liên hệ cán bộ nếu cần hỏi thêm."
 */
export function dossierStatusText(dossier: StatusOf): StatusText {
  const texts = STATUS_TEXTS[dossier.status];
  const next = (locale: Locale): string => {
    const note = officeNote(dossier, locale);
    if (!note) return texts.next[locale];
    const after = NEXT_WITH_NOTE[dossier.status]?.[locale] ?? texts.next[locale];
    return note.includes("\n") ? `${note}\n${after}` : `${note} ${after}`;
  };
  return { name: texts.name, next: { vi: next("vi"), en: next("en") } };
}

/** The message that tells the citizen their dossier moved: its status, the office's note, what next, a due date. */
export function statusChangeText(dossier: StatusOf, locale: Locale): string {
  const text = dossierStatusText(dossier);
  const due =
    dossier.status === "received" && dossier.dueDate
      ? locale === "vi"
        ? `Hạn giải quyết theo quy định: ${dossier.dueDate}.`
        : `Due by law: ${dossier.dueDate}.`
      : null;
  return [`${locale === "vi" ? "Hồ sơ" : "Application"} ${dossier.code}: ${text.name[locale]}.`, text.next[locale], due]
    .filter(Boolean)
    .join(" ");
}
