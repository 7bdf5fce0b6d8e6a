import { CARD_PHOTO_MAX_BASE64 } from "../../widget/shared/cardPhotoLimit";

/**
 * The sizes a card photo is tried at, largest first: grey (a JPEG's colour costs bytes the QR code does not
 * need) and 800 pixels on its long side fit the event for most photos while the code still reads.
 */
const ATTEMPTS: readonly { longSide: number; quality: number }[] = [
  { longSide: 1280, quality: 0.6 },
  { longSide: 1024, quality: 0.55 },
  { longSide: 800, quality: 0.5 },
  { longSide: 640, quality: 0.5 },
];

/**
 * A photo of an ID card (a file chosen, a webcam frame) as grey JPEG base64 within the `dossier:identityCard`
 * event's limit, or null when it is not a picture the browser can draw.
 */
export async function shrinkCardPhoto(source: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(source).catch(() => null);
  if (!bitmap) return null;
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d");
  if (!context) return null;
  try {
    for (const { longSide, quality } of ATTEMPTS) {
      const scale = Math.min(1, longSide / Math.max(bitmap.width, bitmap.height));
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      context.filter = "grayscale(1)";
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const base64 = canvas.toDataURL("image/jpeg", quality).replace(/^data:image\/jpeg;base64,/, "");
      if (base64.length <= CARD_PHOTO_MAX_BASE64) return base64;
    }
    return null;
  } finally {
    bitmap.close();
  }
}
