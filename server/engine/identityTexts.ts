import type { IdentityCardReading } from "./engineIO";
import { t } from "./localized";

/** What the engine says about ID cards sent to fill a person's identity (`identityCard.ts`). */
export const IDENTITY_TEXTS = {
  scanChoice: t("Quét CCCD", "Scan ID card"),
  confirmChoice: t("Đúng, điền giúp tôi", "Yes, fill it in"),
  rejectChoice: t("Không phải", "Not right"),
  /** Where the channel cannot read the code itself (Zalo, the terminal): a photo is read on the server. */
  sendPhoto: t(
    "Gửi ảnh chụp mặt trước CCCD của {person} (chụp thẳng, đủ cả thẻ, rõ mã QR ở góc thẻ), tôi sẽ đọc và điền " +
      "giúp. Hoặc gõ câu trả lời như bình thường.",
    "Send a photo of the front of {person}'s ID card (straight on, the whole card, its QR code sharp), and I will " +
      "read it and fill in the details. Or type the answer as usual.",
  ),
  /** The card as read, then the question: `{card}` is one line of its fields. */
  confirmCard: t(
    "Tôi đọc được trên thẻ:\n{card}\nĐây có đúng là CCCD của {person} không?",
    "The card reads:\n{card}\nIs this {person}'s ID card?",
  ),
  cardLine: t(
    "{name} · {birth} · {sex} · CCCD {id} · cấp {issued} · thường trú {residence}",
    "{name} · {birth} · {sex} · ID card {id} · issued {issued} · permanent residence {residence}",
  ),
  filled: t("Đã điền theo CCCD của {person}: {fields}.", "Filled in from {person}'s ID card: {fields}."),
  rejected: t(
    "Vâng, tôi không dùng thông tin trên thẻ đó. Bạn gõ câu trả lời, hoặc quét thẻ khác.",
    "All right, nothing from that card is used. Type the answer, or scan another card.",
  ),
  wrongSex: t(
    "Thẻ này ghi giới tính {sex}, nên không phải thẻ của {person}. Tôi không điền gì từ thẻ này.",
    "This card says {sex}, so it is not {person}'s card. Nothing from it was filled in.",
  ),
  notNow: t(
    "Lúc này tôi không hỏi thông tin trên CCCD, nên không dùng thẻ vừa gửi.",
    "I am not asking for ID card details right now, so the card sent was not used.",
  ),
  /** In the review, after a value read from an ID card. */
  provenance: t("CCCD (mã QR)", "ID card (QR code)"),
} as const;

/** Why a card sent gave nothing: said plainly, then the question is asked again. */
export const CARD_UNREAD_TEXTS: Record<Exclude<IdentityCardReading, { ok: true }>["reason"], ReturnType<typeof t>> = {
  notIdCard: t(
    "Mã QR này không phải mã trên CCCD, nên tôi không điền gì. Bạn quét mã QR ở mặt trước thẻ CCCD, hoặc gõ câu " +
      "trả lời.",
    "This QR code is not an ID card's, so nothing was filled in. Scan the QR code on the front of the ID card, or " +
      "type the answer.",
  ),
  damaged: t(
    "Mã QR đọc được nhưng thông tin trong đó không khớp nhau (mã bị hỏng hoặc ảnh bị lỗi), nên tôi không điền gì. " +
      "Bạn chụp lại, hoặc gõ câu trả lời.",
    "The QR code was read but its details do not agree (a damaged code or a bad picture), so nothing was filled " +
      "in. Take the photo again, or type the answer.",
  ),
  noQr: t(
    "Tôi không tìm thấy mã QR trong ảnh, nên không điền gì. Bạn chụp lại mặt trước CCCD thật rõ, đủ cả thẻ, hoặc " +
      "gõ câu trả lời.",
    "I could not find a QR code in the photo, so nothing was filled in. Take a sharp photo of the whole front of " +
      "the ID card, or type the answer.",
  ),
  tooLarge: t(
    "Ảnh quá lớn để đọc, nên tôi không điền gì. Bạn gửi ảnh chụp bằng điện thoại (nhỏ hơn 40 megapixel), hoặc gõ " +
      "câu trả lời.",
    "The picture is too large to read, so nothing was filled in. Send a phone photo (under 40 megapixels), or " +
      "type the answer.",
  ),
  notImage: t(
    "Tệp vừa gửi không phải ảnh, nên tôi không điền gì. Bạn gửi ảnh chụp mặt trước CCCD, hoặc gõ câu trả lời.",
    "The file sent is not a picture, so nothing was filled in. Send a photo of the front of the ID card, or type " +
      "the answer.",
  ),
};
