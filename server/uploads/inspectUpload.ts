import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFStream } from "pdf-lib";
import sharp from "sharp";
import { type AcceptedType, detectFileType } from "./detectFileType";

/**
 * Images above this many pixels are refused from their header, before any decode. A phone's
 * default photo is 12 MP (binned 48–200 MP sensors included) and an A4 scan at 300 dpi is 8.7 MP;
 * sharp's own default (268 MP) lets a 24 KB PNG of 14000×14000 ask for ~0.6 GB of pixels
 * (security catalogue case 44). 40 MP of RGB is 120 MB to decode at most.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

// Document photos must stay legible once re-encoded: 85 keeps the small print of a birth
// notice sharp at about half the size of a phone camera's own JPEG.
const JPEG_QUALITY = 85;

/**
 * Keys and action types through which a PDF runs code, starts programs or carries other files.
 * Plain actions (an OpenAction that shows page 1, links) are common in scans and stay allowed.
 */
const ACTIVE_PDF_KEYS = ["JS", "JavaScript", "EmbeddedFiles", "EmbeddedFile", "XFA", "RichMedia"].map((key) =>
  PDFName.of(key),
);
const ACTIVE_ACTION_TYPES = ["JavaScript", "Launch", "GoToE", "RichMediaExecute"].map((type) => PDFName.of(type));
const ACTION_TYPE = PDFName.of("S");
// pdf-lib's own parser yields every 100 objects (ParseSpeeds.Slow); the walk below is cheaper per object.
const OBJECTS_PER_TICK = 2000;

/**
 * Types a browser or an app may declare for a file we could accept: the accepted ones, the aliases
 * older phones send, and "don't know" (application/octet-stream, or nothing). A file declared as
 * anything else (application/x-php, text/html) is refused whatever its content: a real photo is
 * not sent that way by anyone honest, and the refusal is cheaper than decoding it.
 */
const DECLARED_TYPES = new Set([
  "image/jpeg",
  "image/jpg",
  "image/pjpeg",
  "image/png",
  "application/pdf",
  "application/x-pdf",
  "application/octet-stream",
  "",
]);

/**
 * Whether a file's declared Content-Type is one an accepted file may come with (parameters and
 * case ignored). The content decides after it; this only refuses what declares itself as
 * something else.
 *
 * @example declaredTypeAccepted("image/JPEG") // true
 * @example declaredTypeAccepted("application/x-php") // false
 */
export function declaredTypeAccepted(contentType: string | undefined): boolean {
  return DECLARED_TYPES.has((contentType ?? "").split(";")[0]!.trim().toLowerCase());
}

/** Why a file was refused; the upload route words it for the citizen. */
export type UploadRefusal =
  /** Not a JPEG, PNG or PDF by its content (HTML, SVG, a script renamed `.jpg`…). */
  | "type"
  /** Starts like a JPEG, PNG or PDF but does not decode to the end (cut off, garbled). */
  | "damaged"
  /** An image with more pixels than `MAX_IMAGE_PIXELS`. */
  | "tooManyPixels"
  /** A PDF locked with a password: nobody at the office could open it. */
  | "encrypted"
  /** A PDF that carries scripts, launch actions or embedded files. */
  | "activeContent";

export type InspectedUpload =
  { ok: true; mimeType: AcceptedType; bytes: Buffer } | { ok: false; refusal: UploadRefusal };

/**
 * Checks a whole uploaded file and gives the bytes to store. Images are decoded and re-encoded
 * in their own format, turned upright by their EXIF orientation, with every metadata block
 * dropped (GPS position and device data are personal data under Decree 13/2023: catalogue case
 * 48); the bytes to store are the re-encoded ones. PDFs are parsed and must have pages, no
 * password and no active content; they are stored as sent. Anything else is refused: the first
 * bytes alone prove nothing (OWASP File Upload Cheat Sheet).
 *
 * Decoding runs on libuv's thread pool (sharp) or yields every 100 objects (pdf-lib), so one
 * large file does not hold the event loop.
 *
 * @example
 * const inspected = await inspectUpload(bytes);
 * if (inspected.ok) await store.saveUpload({ ..., mimeType: inspected.mimeType, size: inspected.bytes.length },
 * inspected.bytes);
 */
export async function inspectUpload(bytes: Buffer): Promise<InspectedUpload> {
  const type = detectFileType(bytes.subarray(0, 16));
  if (type === null) return { ok: false, refusal: "type" };
  return type === "application/pdf" ? inspectPdf(bytes) : reencodeImage(bytes, type);
}

async function reencodeImage(bytes: Buffer, type: "image/jpeg" | "image/png"): Promise<InspectedUpload> {
  // failOn "warning": libjpeg only warns about a JPEG cut off in its scan data.
  const options = { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "warning" as const };
  try {
    // The header alone: a pixel flood is refused here, before any pixel is decoded.
    const header = await sharp(bytes, options).metadata();
    if (header.format !== (type === "image/jpeg" ? "jpeg" : "png")) return { ok: false, refusal: "type" };
  } catch (error) {
    return { ok: false, refusal: isPixelLimit(error) ? "tooManyPixels" : "damaged" };
  }
  try {
    const image = sharp(bytes, options).rotate();
    const output = type === "image/jpeg" ? image.jpeg({ quality: JPEG_QUALITY }) : image.png();
    return { ok: true, mimeType: type, bytes: await output.toBuffer() };
  } catch (error) {
    return { ok: false, refusal: isPixelLimit(error) ? "tooManyPixels" : "damaged" };
  }
}

function isPixelLimit(error: unknown): boolean {
  return error instanceof Error && error.message.includes("pixel limit");
}

async function inspectPdf(bytes: Buffer): Promise<InspectedUpload> {
  let document: PDFDocument;
  try {
    // Loaded despite a password so that it is told apart from a damaged file: pdf-lib's own
    // EncryptedPDFError is an ES5 Error subclass that `instanceof` cannot recognise.
    document = await PDFDocument.load(bytes, {
      throwOnInvalidObject: true,
      updateMetadata: false,
      ignoreEncryption: true,
    });
    if (document.isEncrypted) return { ok: false, refusal: "encrypted" };
    if (document.getPageCount() === 0) return { ok: false, refusal: "damaged" };
  } catch {
    return { ok: false, refusal: "damaged" };
  }
  if (await hasActiveContent(document)) return { ok: false, refusal: "activeContent" };
  return { ok: true, mimeType: "application/pdf", bytes };
}

async function hasActiveContent(document: PDFDocument): Promise<boolean> {
  // Actions often sit in dictionaries written inline in another object (an annotation's /A):
  // every indirect object is walked down through its inline dictionaries and arrays.
  const pending: PDFObject[] = document.context.enumerateIndirectObjects().map(([, object]) => object);
  let visited = 0;
  for (let object = pending.pop(); object !== undefined; object = pending.pop()) {
    // Lets other requests run: a 10 MB PDF can hold hundreds of thousands of objects.
    if (++visited % OBJECTS_PER_TICK === 0) await new Promise((resolve) => setImmediate(resolve));
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : null;
    if (dict !== null) {
      if (ACTIVE_PDF_KEYS.some((key) => dict.has(key))) return true;
      const action = dict.get(ACTION_TYPE);
      if (action instanceof PDFName && ACTIVE_ACTION_TYPES.includes(action)) return true;
      pending.push(...dict.values());
    } else if (object instanceof PDFArray) {
      pending.push(...object.asArray());
    }
  }
  return false;
}
