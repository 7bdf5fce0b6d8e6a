/** The document types citizens may upload, recognised by their first bytes. */
export type AcceptedType = "image/jpeg" | "image/png" | "application/pdf";

const SIGNATURES: readonly { type: AcceptedType; bytes: readonly number[] }[] = [
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
];

/**
 * The file's real type from its content, never from its name or the browser's header: a
 * script renamed `cccd.jpg` is refused (OWASP File Upload Cheat Sheet).
 *
 * @example detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0])) // "image/jpeg"
 */
export function detectFileType(head: Buffer): AcceptedType | null {
  for (const signature of SIGNATURES) {
    if (head.length >= signature.bytes.length && signature.bytes.every((b, i) => head[i] === b)) return signature.type;
  }
  return null;
}
