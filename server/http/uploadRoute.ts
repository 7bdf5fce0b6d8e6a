import { randomUUID } from "node:crypto";
import Busboy from "busboy";
import type { Request, Response } from "express";
import type { ConversationService } from "../conversation/conversationService";
import type { Logger } from "../logger";
import type { Store } from "../store/store";
import { detectFileType } from "./detectFileType";
import { bearerToken, sendError } from "./httpErrors";

export interface UploadRouteOptions {
  store: Store;
  service: ConversationService;
  maxBytes: number;
  logger: Logger;
  now: () => Date;
}

/**
 * `POST /api/uploads`: one document photo or scan (JPEG, PNG, PDF) for the conversation of the
 * bearer token. The whole file is checked before anything is stored, so a refused upload
 * leaves nothing behind.
 *
 * Every stream of the request (the socket, the multipart parser, the file part) has an error
 * listener: an unhandled 'error' event is thrown by Node and would end the process, so one
 * visitor cutting off a body (busboy's "Unexpected end of form") could stop the service.
 */
export function uploadRoute(options: UploadRouteOptions) {
  const megabytes = Math.round(options.maxBytes / 1024 / 1024);
  return async (req: Request, res: Response): Promise<void> => {
    const token = bearerToken(req.headers.authorization);
    const conversation = token ? await options.service.resume(token) : null;
    if (!conversation) {
      sendError(res, 401, "UPLOAD_UNAUTHORIZED", "Phiên trò chuyện không hợp lệ; tải lại trang rồi gửi lại tệp.", "The chat session is not valid; reload the page and send the file again.");
      return;
    }
    const locale = conversation.state.locale;
    const unreadable = () => sendError(res, 400, "UPLOAD_NOT_MULTIPART", "Không đọc được tệp gửi lên.", "The upload could not be read.", locale);
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
    busboy.on("file", (field, stream) => {
      stream.on("error", fail);
      if (field !== "file" || sawFile) {
        stream.resume();
        return;
      }
      sawFile = true;
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
          sendError(res, 413, "UPLOAD_TOO_LARGE", `Tệp lớn quá ${megabytes} MB. Bạn chụp lại ảnh nhỏ hơn hoặc gửi bản scan nhẹ hơn.`, `The file is larger than ${megabytes} MB. Please send a smaller photo or scan.`, locale);
          return;
        }
        if (!sawFile || size === 0) {
          sendError(res, 400, "UPLOAD_EMPTY", "Chưa có tệp nào được gửi.", "No file was sent.", locale);
          return;
        }
        const bytes = Buffer.concat(chunks, size);
        const mimeType = detectFileType(bytes.subarray(0, 16));
        if (!mimeType) {
          sendError(res, 415, "UPLOAD_TYPE_REFUSED", "Chỉ nhận ảnh JPG, PNG hoặc tệp PDF. Tệp này không phải ảnh hay PDF.", "Only JPG or PNG photos and PDF files are accepted. This file is neither.", locale);
          return;
        }
        const id = randomUUID();
        await options.store.saveUpload({ id, conversationId: conversation.id, mimeType, size, createdAt: options.now().toISOString() }, bytes);
        options.logger.info({ event: "upload.saved", conversationId: conversation.id, uploadId: id, mimeType, size }, "upload saved");
        res.status(201).json({ ok: true, attachmentId: id, mimeType, size });
      })().catch((error: unknown) => {
        options.logger.error({ event: "upload.failed", err: error }, "upload failed");
        if (!res.headersSent) sendError(res, 503, "UPLOAD_UNAVAILABLE", "Chưa lưu được tệp, bạn thử lại sau ít phút.", "The file could not be saved; please try again in a few minutes.", locale);
      });
    });
    req.pipe(busboy);
  };
}
