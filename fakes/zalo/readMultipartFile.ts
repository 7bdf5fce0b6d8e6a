import type { IncomingMessage } from "node:http";
import busboy from "busboy";

export interface UploadedFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  /** More than `maxBytes` were sent; `bytes` holds the first `maxBytes`. */
  truncated: boolean;
}

/** The multipart form field `field` of a request, or null when there is none or the body is not multipart. */
export function readMultipartFile(
  request: IncomingMessage,
  field: string,
  maxBytes: number,
): Promise<UploadedFile | null> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, limits: { files: 1, fileSize: maxBytes } });
    } catch {
      request.resume();
      return resolve(null);
    }
    let found: UploadedFile | null = null;
    parser.on("file", (name, stream, info) => {
      if (name !== field) return void stream.resume();
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        found = {
          fileName: info.filename ?? "",
          mimeType: info.mimeType,
          bytes: Buffer.concat(chunks),
          truncated: (stream as { truncated?: boolean }).truncated === true,
        };
      });
    });
    parser.on("close", () => resolve(found));
    parser.on("error", () => resolve(null));
    request.pipe(parser);
  });
}
