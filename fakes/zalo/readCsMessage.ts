/** A button of a cs message, as Zalo takes it (reference A.3). */
export interface ZaloButton {
  title: string;
  type: ZaloButtonType;
  /** A string for `oa.query.*`; an object (`{url}`, `{phone_code}`, `{content, phone_code}`) for `oa.open.*`. */
  payload: unknown;
}

export const ZALO_BUTTON_TYPES = [
  "oa.query.show",
  "oa.query.hide",
  "oa.open.url",
  "oa.open.phone",
  "oa.open.sms",
] as const;
export type ZaloButtonType = (typeof ZALO_BUTTON_TYPES)[number];

/** What one accepted cs message carries: a text, optionally with buttons, or an attachment (with its caption). */
export interface CsMessageContent {
  text?: string;
  buttons?: ZaloButton[];
  /** A `template` (list, media, request_user_info) or a `file` attachment, as sent. */
  attachment?: CsAttachment;
}

export type CsAttachment =
  | { type: "template"; payload: { template_type: "list" | "media" | "request_user_info"; elements: unknown[] } }
  | { type: "file"; payload: { token: string } };

export type CsMessageRead = { ok: true; userId: string; content: CsMessageContent } | { ok: false; why: string };

/** Zalo's limit on a message text, counted after NFC normalisation. */
export const ZALO_TEXT_LIMIT = 2000;

const TEMPLATE_TYPES = new Set(["list", "media", "request_user_info"]);
// The reference gives these only for request_user_info (at most 1) and the media template (one image);
// a list of more than 5 elements is an assumption from Zalo's older list template.
const MAX_ELEMENTS: Record<string, number> = { list: 5, media: 1, request_user_info: 1 };
// Zalo's OA chat shows at most 5 buttons under a message [unconfirmed: the community spec].
const MAX_BUTTONS = 5;

/**
 * Reads a `POST /v3.0/oa/message/cs` body as Zalo would: a string `recipient.user_id` and exactly
 * one kind of content, or why it is refused (Zalo answers -201 "Parameters are invalid").
 *
 * @example
 * readCsMessage({ recipient: { user_id: "2468458835296117922" }, message: { text: "Xin chào!" } })
 * // { ok: true, userId: "2468458835296117922", content: { text: "Xin chào!" } }
 */
export function readCsMessage(body: unknown): CsMessageRead {
  const { recipient, message } = (isObject(body) ? body : {}) as { recipient?: unknown; message?: unknown };
  const userId = isObject(recipient) ? recipient.user_id : undefined;
  if (typeof userId !== "string" || !/^\d{1,32}$/.test(userId))
    return { ok: false, why: "recipient.user_id must be a string of digits" };
  if (!isObject(message)) return { ok: false, why: "message is missing" };
  const { text, attachment } = message;
  if (text !== undefined) {
    if (typeof text !== "string" || text.trim() === "")
      return { ok: false, why: "message.text must be a non-empty string" };
    if (nfcLength(text) > ZALO_TEXT_LIMIT)
      return { ok: false, why: `message.text is over ${ZALO_TEXT_LIMIT} characters` };
  }
  if (attachment === undefined)
    return typeof text === "string" ? { ok: true, userId, content: { text } } : { ok: false, why: "no content" };
  if (!isObject(attachment) || !isObject(attachment.payload))
    return { ok: false, why: "message.attachment is invalid" };
  const caption = typeof text === "string" ? { text } : {};
  const payload = attachment.payload;
  if (attachment.type === "file") {
    if (typeof payload.token !== "string" || payload.token === "") return { ok: false, why: "file token is missing" };
    return {
      ok: true,
      userId,
      content: { ...caption, attachment: { type: "file", payload: { token: payload.token } } },
    };
  }
  if (attachment.type !== "template")
    return { ok: false, why: `attachment type ${String(attachment.type)} is unknown` };
  if (payload.buttons !== undefined) {
    if (typeof text !== "string") return { ok: false, why: "buttons need a message.text" };
    const buttons = readButtons(payload.buttons);
    return buttons ? { ok: true, userId, content: { text, buttons } } : { ok: false, why: "a button is invalid" };
  }
  const templateType = String(payload.template_type);
  if (!TEMPLATE_TYPES.has(templateType)) return { ok: false, why: `template_type ${templateType} is unknown` };
  const elements = payload.elements;
  if (!Array.isArray(elements) || elements.length === 0 || elements.length > (MAX_ELEMENTS[templateType] ?? 0))
    return { ok: false, why: `the ${templateType} template has no or too many elements` };
  if (!elements.every((element) => elementIsValid(templateType, element)))
    return { ok: false, why: `an element of the ${templateType} template is invalid` };
  const template = { type: "template", payload: { ...payload, template_type: templateType, elements } };
  return { ok: true, userId, content: { ...caption, attachment: template as CsAttachment } };
}

function readButtons(value: unknown): ZaloButton[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_BUTTONS) return null;
  const buttons = value.map((button): ZaloButton | null => {
    if (!isObject(button) || typeof button.title !== "string" || button.title.trim() === "") return null;
    if (!(ZALO_BUTTON_TYPES as readonly unknown[]).includes(button.type)) return null;
    const type = button.type as ZaloButtonType;
    const payloadOk = type.startsWith("oa.query.") ? typeof button.payload === "string" : isObject(button.payload);
    return payloadOk ? { title: button.title, type, payload: button.payload } : null;
  });
  return buttons.every((button) => button !== null) ? (buttons as ZaloButton[]) : null;
}

function elementIsValid(templateType: string, element: unknown): boolean {
  if (!isObject(element)) return false;
  if (templateType === "media")
    return (
      (element.media_type === "image" || element.media_type === "gif") &&
      (typeof element.url === "string" || typeof element.attachment_id === "string")
    );
  return typeof element.title === "string" && element.title.trim() !== "";
}

/** Characters as Zalo counts them: code points after NFC, so "ệ" typed as e + two marks counts once. */
export const nfcLength = (text: string): number => [...text.normalize("NFC")].length;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
