/** A person's identity as the QR code on the front of a chip CCCD or thẻ Căn cước gives it. */
export interface CardIdentity {
  /** The 12-digit personal ID number. */
  idNumber: string;
  /** The 9-digit CMND number the card replaced, when it says one. */
  oldIdNumber: string | null;
  /** With its diacritics, NFC, as printed on the card. */
  fullName: string;
  /** `dd/mm/yyyy`. */
  dateOfBirth: string;
  sex: "Nam" | "Nữ";
  permanentAddress: string;
  /** `dd/mm/yyyy`. */
  issueDate: string;
  /** "Nơi cấp", from the issue date (`flows/idCardIssuers.ts`). */
  issuer: string;
}

/**
 * Why a QR's text is not taken: `notIdCard` for a code that is something else (a link, a payment, a
 * product), `damaged` for one shaped like an ID card's whose fields do not hold together (a date that
 * does not exist, an ID number whose sex and century digit contradict the card's sex or birth year).
 */
export type CardQrReading = { ok: true; identity: CardIdentity } | { ok: false; reason: "notIdCard" | "damaged" };
