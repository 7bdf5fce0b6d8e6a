import type { IdentityCardReading } from "../engine/engineIO";
import { decodeCardPhoto } from "./decodeCardPhoto";
import { readCccdQr } from "./readCccdQr";

const UNREAD = { noCode: "noQr", notImage: "notImage", tooManyPixels: "tooLarge" } as const;

/**
 * What a photo of an ID card's front says: its QR code found and read as a card's, or why not. The
 * picture and the code's text stay in memory; the caller decides what is kept.
 *
 * @example await readCardPhoto(jpegBytes) // { ok: true, identity: { fullName: "Nguyễn Thị Hồng Nhung", … } }
 */
export async function readCardPhoto(bytes: Buffer): Promise<IdentityCardReading> {
  const decoded = await decodeCardPhoto(bytes);
  return decoded.ok ? readCccdQr(decoded.text) : { ok: false, reason: UNREAD[decoded.reason] };
}
