import { randomUUID } from "node:crypto";
import Busboy from "busboy";
import type { Request, Response } from "express";
import type { ConversationService } from "../conversation/conversationService";
import { KeyedMutex } from "../conversation/keyedMutex";
import type { Catalogue } from "../engine/catalogue";
import { expectsUpload } from "../engine/expectsUpload";
import { askedIdentity } from "../engine/identityGroups";
import type { Locale } from "../engine/localized";
import type { Logger } from "../logger";
import type { Store } from "../store/store";
import { bearerToken, sendError } from "./httpErrors";
import type { HttpErrorKey } from "./httpErrorTexts";
import { declaredTypeAccepted, inspectUpload, type UploadRefusal } from "../uploads/inspectUpload";

export interface UploadRouteOptions {
  store: Store;
  service: ConversationService;
  catalogue: Catalogue;
  /** Largest file, in bytes, as sent. */
  maxBytes: number;
  /** Files and bytes (as stored) one conversation may upload in all. */
  maxFilesPerConversation: number;
  maxBytesPerConversation: number;
  logger: Logger;
  now: () => Date;
}

/** The refusal sent for each reason `inspectUpload` gives. */
const REFUSALS = {
  type: "UPLOAD_TYPE_REFUSED",
  damaged: "UPLOAD_FILE_DAMAGED",
  tooManyPixels: "UPLOAD_IMAGE_TOO_LARGE",
  encrypted: "UPLOAD_PDF_ENCRYPTED",
  activeContent: "UPLOAD_PDF_ACTIVE_CONTENT",
} as const satisfies Record<UploadRefusal, HttpErrorKey>;

/**
 * `POST /api/uploads`: one document photo or scan (JPEG, PNG, PDF) for the conversation of the
 * bearer token, accepted only while its current question asks for a document and within the
 * conversation's quota of files and bytes. The whole file is checked (`inspectUpload`) before
 * anything is stored, so a refused upload leaves nothing behind; what is stored is the checked
 * file (a photo re-encoded without its metadata).
 *
 * Every stream of the request (the socket, the multipart parser, the file part) has an error
 * listener: an unhandled 'error' event is thrown by Node and would end the process, so one
 * visitor cutting off a body (busboy's "Unexpected end of form") could stop the service.
 */
/** A size as a citizen reads it: "10 MB", or "64 KB" under a megabyte (never "0 MB"). */
function readableSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function uploadRoute(options: UploadRouteOptions) {
  const largest = readableSize(options.maxBytes);
  // Quota check and save run one at a time per conversation on this node, so that two uploads
  // sent at once cannot both fit under the last free place.
  const saving = new KeyedMutex();

  /** Refuses when the conversation holds its maximum of files, or `adding` more bytes would pass its byte quota. */
  async function quotaRefused(res: Response, conversationId: string, adding: number, locale: Locale): Promise<boolean> {
    const usage = await options.store.uploadUsage(conversationId);
    if (usage.files >= options.maxFilesPerConversation) {
      sendError(res, "UPLOAD_QUOTA_FILES", { locale, params: { max: options.maxFilesPerConversation } });
      return true;
    }
    // Before the body is read `adding` is 0, and any file adds at least a byte.
    if (usage.bytes + Math.max(adding, 1) > options.maxBytesPerConversation) {
      sendError(res, "UPLOAD_QUOTA_BYTES", {
        locale,
        params: { total: readableSize(options.maxBytesPerConversation) },
      });
      return true;
    }
    return false;
  }

  return async (req: Request, res: Response): Promise<void> => {
    const token = bearerToken(req.headers.authorization);
    const conversation = token ? await options.service.resume(token) : null;
    if (!conversation) {
      sendError(res, "UPLOAD_UNAUTHORIZED");
      return;
    }
    const locale = conversation.state.locale;
    // A document for an upload step, or a photo of an ID card while a person's identity is asked.
    if (
      !expectsUpload(options.catalogue, conversation.state) &&
      !askedIdentity(options.catalogue, conversation.state)
    ) {
      sendError(res, "UPLOAD_NOT_EXPECTED", { locale });
      return;
    }
    if (await quotaRefused(res, conversation.id, 0, locale)) return;
    const unreadable = () => sendError(res, "UPLOAD_NOT_MULTIPART", { locale });
    let busboy: Busboy.Busboy;
    try {
      busboy = Busboy({ headers: req.headers, limits: { files: 1, fileSize: options.maxBytes, fields: 5, parts: 6 } });
    } catch {
      unreadable();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    let sawFile = false;
    let declaredOtherType = false;
    let failed = false;

    /** Ends the request once, whatever broke first; what was read is dropped, nothing is stored. */
    const fail = () => {
      if (failed) return;
      failed = true;
      chunks.length = 0;
      req.unpipe(busboy);
      // Reads and discards what the client still sends, so the answer reaches it.
      req.resume();
      if (!res.headersSent && res.writable) unreadable();
    };
    req.on("error", fail);
    req.on("close", () => {
      if (!req.complete) fail();
    });
    busboy.on("error", fail);
    busboy.on("file", (field, stream, info) => {
      stream.on("error", fail);
      if (field !== "file" || sawFile) {
        stream.resume();
        return;
      }
      sawFile = true;
      if (!declaredTypeAccepted(info.mimeType)) {
        // Refused unread, with the words of any other refused file (catalogue case 41).
        declaredOtherType = true;
        stream.resume();
        return;
      }
      stream.on("data", (chunk: Buffer) => {
        if (tooLarge || failed) return;
        size += chunk.length;
        chunks.push(chunk);
      });
      stream.on("limit", () => {
        tooLarge = true;
        chunks.length = 0;
      });
    });
    busboy.on("close", () => {
      if (failed) return;
      void (async () => {
        if (res.headersSent) return;
        if (tooLarge) {
          sendError(res, "UPLOAD_TOO_LARGE", { locale, params: { largest } });
          return;
        }
        if (declaredOtherType) {
          options.logger.info(
            { event: "upload.refused", conversationId: conversation.id, code: REFUSALS.type, declared: true },
            "upload refused",
          );
          sendError(res, REFUSALS.type, { locale });
          return;
        }
        if (!sawFile || size === 0) {
          sendError(res, "UPLOAD_EMPTY", { locale });
          return;
        }
        const inspected = await inspectUpload(Buffer.concat(chunks, size));
        chunks.length = 0;
        if (!inspected.ok) {
          const code = REFUSALS[inspected.refusal];
          options.logger.info(
            { event: "upload.refused", conversationId: conversation.id, code, size },
            "upload refused",
          );
          sendError(res, code, { locale });
          return;
        }
        const { mimeType, bytes } = inspected;
        await saving.run(conversation.id, async () => {
          if (await quotaRefused(res, conversation.id, bytes.length, locale)) return;
          const id = randomUUID();
          await options.store.saveUpload(
            {
              id,
              conversationId: conversation.id,
              mimeType,
              size: bytes.length,
              createdAt: options.now().toISOString(),
            },
            bytes,
          );
          options.logger.info(
            { event: "upload.saved", conversationId: conversation.id, uploadId: id, mimeType, size: bytes.length },
            "upload saved",
          );
          res.status(201).json({ ok: true, attachmentId: id, mimeType, size: bytes.length });
        });
      })().catch((error: unknown) => {
        options.logger.error({ event: "upload.failed", err: error }, "upload failed");
        if (!res.headersSent) sendError(res, "UPLOAD_UNAVAILABLE", { locale });
      });
    });
    req.pipe(busboy);
  };
}
