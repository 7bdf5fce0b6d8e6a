import { randomUUID } from "node:crypto";
import Busboy from "busboy";
import type { Request, Response } from "express";
import type { ConversationService } from "../conversation/conversationService";
import { KeyedMutex } from "../conversation/keyedMutex";
import type { Catalogue } from "../engine/catalogue";
import { expectsUpload } from "../engine/expectsUpload";
import type { Locale } from "../engine/localized";
import type { Logger } from "../logger";
import type { Store } from "../store/store";
import { bearerToken, sendError } from "./httpErrors";
import { inspectUpload, MAX_IMAGE_PIXELS, type UploadRefusal } from "./inspectUpload";

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

const REFUSALS: Record<UploadRefusal, { status: number; code: string; vi: string; en: string }> = {
  type: {
    status: 415,
    code: "UPLOAD_TYPE_REFUSED",
    vi: "Chỉ nhận ảnh JPG, PNG hoặc tệp PDF. Tệp này không phải ảnh hay PDF.",
    en: "Only JPG or PNG photos and PDF files are accepted. This file is neither.",
  },
  damaged: {
    status: 415,
    code: "UPLOAD_FILE_DAMAGED",
    vi: "Tệp bị hỏng hoặc chưa gửi hết nên không mở được. Bạn chụp hoặc lưu lại tệp rồi gửi lại.",
    en: "The file is damaged or incomplete and cannot be opened. Please take or save it again and send it again.",
  },
  tooManyPixels: {
    status: 413,
    code: "UPLOAD_IMAGE_TOO_LARGE",
    vi: `Ảnh lớn quá ${MAX_IMAGE_PIXELS / 1_000_000} triệu điểm ảnh. Bạn chụp lại ở chế độ thường hoặc gửi ảnh nhỏ hơn.`,
    en: `The image has more than ${MAX_IMAGE_PIXELS / 1_000_000} million pixels. Please take it in the normal camera mode or send a smaller image.`,
  },
  encrypted: {
    status: 415,
    code: "UPLOAD_PDF_ENCRYPTED",
    vi: "Tệp PDF có đặt mật khẩu nên cán bộ không mở được. Bạn gửi bản không có mật khẩu.",
    en: "The PDF is protected by a password, so the office cannot open it. Please send it without a password.",
  },
  activeContent: {
    status: 415,
    code: "UPLOAD_PDF_ACTIVE_CONTENT",
    vi: "Tệp PDF có chứa mã chạy hoặc tệp khác bên trong nên không nhận. Bạn gửi ảnh chụp hoặc bản scan của giấy tờ.",
    en: "The PDF contains scripts or other files, so it is not accepted. Please send a photo or a scan of the document.",
  },
};

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
      const max = options.maxFilesPerConversation;
      sendError(res, 413, "UPLOAD_QUOTA_FILES", `Cuộc trò chuyện này đã gửi đủ ${max} tệp, không nhận thêm. Cần gửi thêm thì bạn nhờ cán bộ hỗ trợ.`, `This conversation has already sent ${max} files, the most allowed. To send more, ask a clerk for help.`, locale);
      return true;
    }
    // Before the body is read `adding` is 0, and any file adds at least a byte.
    if (usage.bytes + Math.max(adding, 1) > options.maxBytesPerConversation) {
      const total = readableSize(options.maxBytesPerConversation);
      sendError(res, 413, "UPLOAD_QUOTA_BYTES", `Các tệp gửi trong cuộc trò chuyện này đã đến giới hạn ${total}, không nhận thêm. Cần gửi thêm thì bạn nhờ cán bộ hỗ trợ.`, `The files sent in this conversation have reached the ${total} limit. To send more, ask a clerk for help.`, locale);
      return true;
    }
    return false;
  }

  return async (req: Request, res: Response): Promise<void> => {
    const token = bearerToken(req.headers.authorization);
    const conversation = token ? await options.service.resume(token) : null;
    if (!conversation) {
      sendError(res, 401, "UPLOAD_UNAUTHORIZED", "Phiên trò chuyện không hợp lệ; tải lại trang rồi gửi lại tệp.", "The chat session is not valid; reload the page and send the file again.");
      return;
    }
    const locale = conversation.state.locale;
    if (!expectsUpload(options.catalogue, conversation.state)) {
      sendError(res, 409, "UPLOAD_NOT_EXPECTED", "Lúc này chưa cần gửi tệp. Khi trợ lý hỏi giấy tờ, bạn bấm nút đính kèm để gửi ảnh hoặc tệp PDF.", "No file is needed right now. When the assistant asks for a document, use the attach button to send a photo or a PDF.", locale);
      return;
    }
    if (await quotaRefused(res, conversation.id, 0, locale)) return;
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
          sendError(res, 413, "UPLOAD_TOO_LARGE", `Tệp lớn quá ${largest}. Bạn chụp lại ảnh nhỏ hơn hoặc gửi bản scan nhẹ hơn.`, `The file is larger than ${largest}. Please send a smaller photo or scan.`, locale);
          return;
        }
        if (!sawFile || size === 0) {
          sendError(res, 400, "UPLOAD_EMPTY", "Chưa có tệp nào được gửi.", "No file was sent.", locale);
          return;
        }
        const inspected = await inspectUpload(Buffer.concat(chunks, size));
        chunks.length = 0;
        if (!inspected.ok) {
          const refusal = REFUSALS[inspected.refusal];
          options.logger.info({ event: "upload.refused", conversationId: conversation.id, code: refusal.code, size }, "upload refused");
          sendError(res, refusal.status, refusal.code, refusal.vi, refusal.en, locale);
          return;
        }
        const { mimeType, bytes } = inspected;
        await saving.run(conversation.id, async () => {
          if (await quotaRefused(res, conversation.id, bytes.length, locale)) return;
          const id = randomUUID();
          await options.store.saveUpload({ id, conversationId: conversation.id, mimeType, size: bytes.length, createdAt: options.now().toISOString() }, bytes);
          options.logger.info({ event: "upload.saved", conversationId: conversation.id, uploadId: id, mimeType, size: bytes.length }, "upload saved");
          res.status(201).json({ ok: true, attachmentId: id, mimeType, size: bytes.length });
        });
      })().catch((error: unknown) => {
        options.logger.error({ event: "upload.failed", err: error }, "upload failed");
        if (!res.headersSent) sendError(res, 503, "UPLOAD_UNAVAILABLE", "Chưa lưu được tệp, bạn thử lại sau ít phút.", "The file could not be saved; please try again in a few minutes.", locale);
      });
    });
    req.pipe(busboy);
  };
}
