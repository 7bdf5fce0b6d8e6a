import { z } from "zod";

// Generous caps at the door; the engine cuts text to its own 2,000 characters.
const MAX_TEXT = 8000;

export const chatAuthSchema = z
  .object({
    token: z.string().min(16).max(200).optional(),
    lastSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    locale: z.enum(["vi", "en"]).optional(),
    unit: z.string().max(64).optional(),
  })
  .strip();

export const sendMessageSchema = z
  .object({
    clientMessageId: z.string().min(1).max(100),
    text: z.string().max(MAX_TEXT).optional(),
    choice: z.string().min(1).max(200).optional(),
    attachmentId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/)
      .optional(),
  })
  .strict()
  .refine((m) => [m.text, m.choice, m.attachmentId].filter((v) => v !== undefined).length === 1, {
    message: "exactly one of text, choice, attachmentId",
  });

export const openSchema = z.object({ locale: z.enum(["vi", "en"]).optional() }).strip();
