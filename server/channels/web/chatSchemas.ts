import { z } from "zod";

// Caps at the door for the other fields. A text longer than the engine takes is refused apart, with
// CHAT_TEXT_TOO_LONG (citizenTextTooLong), whatever its length: the 64 KB packet limit bounds it.
const MAX_TEXT = 64 * 1024;
// A CCCD's QR text is about 150 characters; anything much longer is not one.
const MAX_IDENTITY_QR = 2000;
const UPLOAD_ID = /^[A-Za-z0-9_-]{8,64}$/;

export const chatAuthSchema = z
  .object({
    token: z.string().min(16).max(200).optional(),
    lastSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    locale: z.enum(["vi", "en"]).optional(),
    unit: z.string().max(64).optional(),
    // Socket.IO's own, sent back by its client to recover a dropped connection (CONNECTION_RECOVERY_MS).
    pid: z.string().max(64).optional(),
    offset: z.string().max(64).optional(),
  })
  // Nothing else has a meaning: a handshake carrying other keys is not the widget's (catalogue case 7).
  .strict();

export const sendMessageSchema = z
  .object({
    clientMessageId: z.string().min(1).max(100),
    text: z.string().max(MAX_TEXT).optional(),
    choice: z.string().min(1).max(200).optional(),
    attachmentId: z.string().regex(UPLOAD_ID).optional(),
    /** The text of an ID card's QR code, read by the widget's camera. */
    identityQr: z.string().min(1).max(MAX_IDENTITY_QR).optional(),
    /** An uploaded photo of an ID card's front, whose QR code the server reads. */
    cardPhotoId: z.string().regex(UPLOAD_ID).optional(),
  })
  .strict()
  .refine(
    (m) => [m.text, m.choice, m.attachmentId, m.identityQr, m.cardPhotoId].filter((v) => v !== undefined).length === 1,
    { message: "exactly one of text, choice, attachmentId, identityQr, cardPhotoId" },
  );

export const openSchema = z.object({ locale: z.enum(["vi", "en"]).optional() }).strip();
