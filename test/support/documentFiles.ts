import { crc32, deflateSync } from "node:zlib";
import { PDFDocument } from "pdf-lib";
import sharp, { type Sharp } from "sharp";

/** A small real photo: noise, so that a cut-off copy is cut inside its image data. */
function photo(width: number, height: number): Sharp {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7919 + (i >> 5) * 104729) & 0xff;
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

/** A real JPEG of `width`×`height`; with `gps`, it carries EXIF camera data, a GPS position and
 * orientation 6 (taken with the phone held upright), as phones write them. */
export function jpegPhoto(options: { width?: number; height?: number; gps?: boolean } = {}): Promise<Buffer> {
  const image = photo(options.width ?? 120, options.height ?? 80).jpeg();
  if (!options.gps) return image.toBuffer();
  return image
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: "PhoneMaker", Model: "Phone 12" },
      // Hồng Ngự, Đồng Tháp.
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "10/1 48/1 3600/100",
        GPSLongitudeRef: "E",
        GPSLongitude: "105/1 20/1 2400/100",
      },
    })
    .toBuffer();
}

export function pngScreenshot(): Promise<Buffer> {
  return photo(90, 60).png().toBuffer();
}

/** A real one-page PDF, as a scanner app writes one. */
export async function pdfScan(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage([595, 842]).drawText("Giay chung sinh", { x: 50, y: 780, size: 18 });
  return Buffer.from(await document.save());
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid 1-bit PNG of `side`×`side` black pixels: 14000 gives a 24 KB file that asks a decoder
 * for 196 million pixels (security catalogue case 44).
 */
export function pixelFloodPng(side = 14000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const rows = deflateSync(Buffer.alloc((Math.ceil(side / 8) + 1) * side), { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", rows),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}
