import { readFileSync } from "node:fs";
import sharp, { type OutputInfo, type SharpenOptions } from "sharp";
import { prepareZXingModule, readBarcodes, type ReaderOptions } from "zxing-wasm/reader";
import { MAX_IMAGE_PIXELS } from "../uploads/inspectUpload";

/**
 * What a photo of a card's front gave: the text of its QR code, or why not — `noCode` when no QR code
 * could be read (none in the picture, too blurred, cut off), `notImage` for bytes that are no picture,
 * `tooManyPixels` past the upload's pixel limit (checked before the picture is decoded).
 */
export type CardPhotoDecoding =
  { ok: true; text: string } | { ok: false; reason: "noCode" | "notImage" | "tooManyPixels" };

/**
 * The views of a photo the reader tries, in order, until one gives a code: most photos read at a
 * 1,600-pixel long side sharpened (a card filling a third of the frame keeps its QR's modules three or
 * more pixels wide, and JPEG and focus blur soften their edges); a small or distant card reads
 * better enlarged; a very sharp one as it is; a huge one smaller. Last, for a small card out of focus
 * (a 1,000-pixel photo blurred by σ 1.2–1.8, its QR's modules two pixels wide): enlarged further and
 * sharpened hard over a wide radius, which gave back 5 of the 21 photos the first four views missed in
 * 400 synthetic ones (seeds 1 and 3), at no cost to the photos read before it.
 */
const GENTLE: SharpenOptions = { sigma: 1.5 };
const VIEWS: readonly { longSide: number; sharpen: SharpenOptions | null }[] = [
  { longSide: 1600, sharpen: GENTLE },
  { longSide: 2400, sharpen: GENTLE },
  { longSide: 1600, sharpen: null },
  { longSide: 900, sharpen: null },
  { longSide: 2600, sharpen: { sigma: 2.5, m1: 2, m2: 6 } },
];

const READER_OPTIONS: ReaderOptions = {
  formats: ["QRCode"],
  tryHarder: true,
  tryRotate: true,
  tryInvert: false,
  tryDownscale: true,
  maxNumberOfSymbols: 1,
};

let readerReady: Promise<unknown> | null = null;

/** Loads the reader's WebAssembly from the installed package once, never from the network. */
function ensureReader(): Promise<unknown> {
  readerReady ??= (() => {
    const bytes = readFileSync(require.resolve("zxing-wasm/reader/zxing_reader.wasm"));
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    return prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  })();
  return readerReady;
}

/**
 * Finds and reads the QR code in a photo of an ID card: turned upright by its EXIF orientation, then
 * read at a few sizes (a small or far-away card read larger, a huge photo smaller), the reader itself
 * trying rotations and binarisations. The picture is only held in memory; nothing of it is logged.
 *
 * @example
 * await decodeCardPhoto(jpegBytes) // { ok: true, text: "087195001234||Nguyễn Thị Hồng Nhung|…" }
 */
export async function decodeCardPhoto(bytes: Buffer): Promise<CardPhotoDecoding> {
  try {
    // The header alone: the pixel limit is checked before any pixel is decoded.
    const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (!metadata.width || !metadata.height) return { ok: false, reason: "notImage" };
    if (metadata.width * metadata.height > MAX_IMAGE_PIXELS) return { ok: false, reason: "tooManyPixels" };
  } catch {
    return { ok: false, reason: "notImage" };
  }
  await ensureReader();
  for (const view of VIEWS) {
    const text = await readView(bytes, view);
    if (text !== null) return { ok: true, text };
  }
  return { ok: false, reason: "noCode" };
}

async function readView(bytes: Buffer, view: (typeof VIEWS)[number]): Promise<string | null> {
  let raw: { data: Buffer; info: OutputInfo };
  try {
    const resized = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS })
      .rotate()
      .resize(view.longSide, view.longSide, { fit: "inside" });
    raw = await (view.sharpen ? resized.sharpen(view.sharpen) : resized)
      .removeAlpha()
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    return null;
  }
  const image = {
    data: new Uint8ClampedArray(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength),
    width: raw.info.width,
    height: raw.info.height,
    colorSpace: "srgb" as const,
  };
  const [found] = await readBarcodes(image as unknown as Parameters<typeof readBarcodes>[0], READER_OPTIONS);
  return found?.isValid && found.text ? found.text : null;
}
