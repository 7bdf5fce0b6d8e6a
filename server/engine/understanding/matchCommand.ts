import { foldToWords } from "./foldDiacritics";
import { RECEIPT_SUFFIX_PATTERN } from "./receiptSuffix";

/** A global command: understood at any step, before the message is taken as an answer. */
export type Command =
  | { kind: "back" }
  | { kind: "restart" }
  | { kind: "cancel" }
  | { kind: "help" }
  | { kind: "human" }
  | { kind: "menu" }
  | { kind: "resumeBot" }
  | { kind: "status"; code?: string }
  /** `target`: the words naming the field, folded ("ngay sinh cua be"); empty when none given. */
  | { kind: "edit"; target: string };

// Whole-message phrases, folded (no diacritics, lower case). A command must be the whole
// message (give or take politeness), so that an address or a name is never taken for one.
const PHRASES: Record<Exclude<Command["kind"], "status" | "edit">, readonly string[]> = {
  back: [
    "quay lai",
    "tro lai",
    "lui lai",
    "quay lai buoc truoc",
    "cau truoc",
    "buoc truoc",
    "back",
    "go back",
    "previous",
  ],
  restart: ["lam lai", "lam lai tu dau", "bat dau lai", "khai lai tu dau", "restart", "start over", "start again"],
  cancel: ["huy", "huy bo", "huy ho so", "khong lam nua", "cancel", "abort"],
  help: ["giup", "giup do", "tro giup", "huong dan", "help", "lenh", "toi can giup"],
  human: [
    "gap can bo",
    "gap nhan vien",
    "noi chuyen voi can bo",
    "noi chuyen voi nguoi that",
    "gap nguoi that",
    "can bo",
    "nhan vien",
    "tu van vien",
    "cho gap can bo",
    "ket noi can bo",
    "human",
    "talk to a human",
    "talk to a clerk",
    "clerk",
    "agent",
    "speak to someone",
  ],
  menu: ["menu", "danh muc", "trang chu", "thu tuc khac", "chon thu tuc khac", "main menu", "other procedure"],
  resumeBot: [
    "tiep tuc voi tro ly",
    "quay lai tro ly",
    "tro ly ao",
    "tiep tuc voi bot",
    "back to the bot",
    "continue with the bot",
  ],
};

const POLITE_PREFIX =
  /^(cho (toi|minh|em|tui)|toi muon|minh muon|em muon|xin|vui long|please|i want to|i d like to|muon) /;
const POLITE_SUFFIX = / (a|nhe|nha|di|voi|please|giup toi|giup minh|duoc khong|dc ko|duoc ko)$/;
const EDIT_PREFIX = /^(sua lai|sua|chinh sua|chinh lai|doi lai|doi|thay doi|edit|change|correct|fix)(?: |$)/;
// "Sửa chữa" is "repair" (sửa chữa điện thoại, a business line), never an edit.
const NOT_EDIT = /^sua chua\b/;
const STATUS_PREFIX =
  /^(tra cuu|kiem tra|xem tinh trang|tinh trang|status|check status|check|track)( ho so| trang thai)?\b/;
const RECEIPT_CODE = new RegExp(
  `\\b(?:[A-Z]{1,4}-)?[A-Z]{1,4}-\\d{8}-\\d{3,6}(?:[-\\s]${RECEIPT_SUFFIX_PATTERN})?\\b`,
  "i",
);

const LOOKUP = new Map<string, Command["kind"]>();
for (const [kind, phrases] of Object.entries(PHRASES)) {
  for (const phrase of phrases) LOOKUP.set(phrase, kind as Command["kind"]);
}

function stripPoliteness(words: string): string {
  let current = words;
  for (let i = 0; i < 3; i++) {
    const next = current.replace(POLITE_PREFIX, "").replace(POLITE_SUFFIX, "");
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * Recognises a global command — back, edit a field, restart, cancel, help, a clerk, menu,
 * status lookup — in Vietnamese with or without diacritics, or English.
 *
 * @example matchCommand("quay lại") // { kind: "back" }
 * @example matchCommand("sửa ngày sinh của bé") // { kind: "edit", target: "ngay sinh cua be" }
 * @example matchCommand("tra cứu HN-20261127-0042-K7QM") // { kind: "status", code: "HN-20261127-0042-K7QM" }
 */
export function matchCommand(text: string): Command | null {
  const words = stripPoliteness(foldToWords(text));
  if (words.length === 0) return null;
  const kind = LOOKUP.get(words);
  if (kind && kind !== "status" && kind !== "edit") return { kind } as Command;

  const code = RECEIPT_CODE.exec(text)?.[0];
  if (STATUS_PREFIX.test(words))
    return code ? { kind: "status", code: code.toUpperCase().replace(/\s+/g, "-") } : { kind: "status" };

  const edit = NOT_EDIT.test(words) ? null : EDIT_PREFIX.exec(words);
  if (edit) {
    const target = words
      .slice(edit[0].length)
      .replace(/^(thong tin|muc|o|truong|the|my) /, "")
      .trim();
    // "sửa" alone, or with a field name of a few words; a long sentence is an answer.
    if (target.split(" ").length <= 6) return { kind: "edit", target };
  }
  return null;
}
