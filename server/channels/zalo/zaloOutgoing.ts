import type { ConversationMessage } from "../../conversation/conversationTypes";
import type { Locale } from "../../engine/localized";

/** Zalo's limit for a message's text, in characters of its NFC form (reference A.3). */
export const ZALO_TEXT_LIMIT = 2000;
// The reference does not give Zalo's button limits; these stay inside what Zalo's own chat shows
// without cutting a title. More choices, or a longer label, become a numbered list.
export const ZALO_MAX_BUTTONS = 5;
export const ZALO_MAX_BUTTON_TITLE = 35;

interface ZaloButton {
  title: string;
  type: "oa.query.show";
  payload: string;
}

/** One message body for `message/cs` (the `message` object, without the recipient). */
export type ZaloOutgoingMessage =
  { text: string } | { text: string; attachment: { type: "template"; payload: { buttons: ZaloButton[] } } };

const UPLOAD_HINT = {
  vi: "Gửi ảnh chụp hoặc tệp PDF ngay trong Zalo (bấm biểu tượng ảnh hoặc 📎).",
  en: "Send a photo or a PDF right here in Zalo (the picture or 📎 button).",
};
const NUMBERED_HINT = {
  vi: "Trả lời bằng số hoặc tên lựa chọn.",
  en: "Answer with the number or the words of your choice.",
};
const CLERK_PREFIX = { vi: "Cán bộ", en: "Clerk" };

/**
 * A conversation message as Zalo messages: the text in NFC, split at Zalo's limit on paragraph,
 * line or word boundaries; choices as `oa.query.show` buttons whose payload is the choice's value
 * (Zalo sends it back as the citizen's text), or as a numbered list where buttons do not fit — the
 * citizen may answer with the number or the words, as on the web.
 *
 * @example zaloMessagesOf({ text: "Chọn thủ tục:", choices: [{ label: "Khai sinh", value: "khai-sinh" }], … }, "vi")
 * // [{ text: "Chọn thủ tục:", attachment: { type: "template", payload: { buttons: [{ title: "Khai sinh", … }] } } }]
 */
export function zaloMessagesOf(message: ConversationMessage, locale: Locale): ZaloOutgoingMessage[] {
  let text = message.author === "clerk" ? `${CLERK_PREFIX[locale]}: ${message.text}` : message.text;
  if (message.input?.kind === "upload") text = `${text}\n\n${UPLOAD_HINT[locale]}`;
  const choices = message.choices ?? [];
  const asButtons =
    choices.length > 0 &&
    choices.length <= ZALO_MAX_BUTTONS &&
    choices.every((choice) => [...choice.label].length <= ZALO_MAX_BUTTON_TITLE);
  if (choices.length > 0 && !asButtons) {
    const list = choices.map((choice, i) => `${i + 1}. ${choice.label}`).join("\n");
    text = `${text}\n\n${list}\n${NUMBERED_HINT[locale]}`;
  }
  const parts = splitText(text.normalize("NFC"), ZALO_TEXT_LIMIT);
  const messages: ZaloOutgoingMessage[] = parts.map((part) => ({ text: part }));
  if (asButtons) {
    const buttons = choices.map((choice) => ({
      title: choice.label,
      type: "oa.query.show" as const,
      payload: choice.value,
    }));
    messages[messages.length - 1] = {
      text: parts[parts.length - 1]!,
      attachment: { type: "template", payload: { buttons } },
    };
  }
  return messages;
}

/**
 * Splits text into pieces of at most `limit` characters (code points), cutting at the last
 * paragraph break, else line break, else space before the limit; a word longer than the limit
 * is cut where it must be.
 */
export function splitText(text: string, limit: number): string[] {
  const chars = [...text];
  if (chars.length <= limit) return [text];
  const parts: string[] = [];
  let rest = chars;
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1).join("");
    const cut = [window.lastIndexOf("\n\n"), window.lastIndexOf("\n"), window.lastIndexOf(" ")].find((i) => i > 0);
    const head = cut === undefined ? rest.slice(0, limit).join("") : window.slice(0, cut);
    const taken = [...head].length;
    parts.push(head.trimEnd());
    rest = rest.slice(taken);
    while (rest.length > 0 && /\s/.test(rest[0]!)) rest = rest.slice(1);
  }
  if (rest.length > 0) parts.push(rest.join(""));
  return parts.filter((part) => part.length > 0);
}
