import { ID_CARD_ISSUERS } from "../../flows/idCardIssuers";

// Declared in the engine, which fills a person's identity from them; read here.
export type { CardIdentity, CardQrReading } from "../engine/cardIdentity";
import type { CardQrReading } from "../engine/cardIdentity";

const ID_NUMBER = /^\d{12}$/;
const OLD_ID_NUMBER = /^\d{9}$/;
const DAY = /^(\d{2})(\d{2})(\d{4})$/;

/** A `ddmmyyyy` field as `dd/mm/yyyy` when it is a real day, else null. */
function cardDay(field: string): { text: string; iso: string; year: number } | null {
  const match = DAY.exec(field);
  if (!match) return null;
  const [, dd, mm, yyyy] = match as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
  if (date.getUTCDate() !== Number(dd) || date.getUTCMonth() !== Number(mm) - 1) return null;
  return { text: `${dd}/${mm}/${yyyy}`, iso: `${yyyy}-${mm}-${dd}`, year: Number(yyyy) };
}

function sexOf(field: string): "Nam" | "Nữ" | null {
  const folded = field.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  if (folded === "nam" || folded === "male") return "Nam";
  if (folded === "nu" || folded === "female") return "Nữ";
  return null;
}

/**
 * The 4th digit of the ID number is the sex and century (Thông tư 07/2016/TT-BCA): even for men, odd
 * for women; 0–1 born in the 1900s, 2–3 in the 2000s, 4–5 in the 2100s.
 */
function idNumberAgrees(idNumber: string, sex: "Nam" | "Nữ", birthYear: number): boolean {
  const digit = Number(idNumber[3]);
  const century = Math.floor(digit / 2);
  const expectedCentury = Math.floor((birthYear - 1900) / 100);
  return digit % 2 === (sex === "Nam" ? 0 : 1) && century === expectedCentury;
}

function issuerOn(isoDay: string): string {
  let issuer = ID_CARD_ISSUERS[0]!.name;
  for (const entry of ID_CARD_ISSUERS) if (entry.from <= isoDay) issuer = entry.name;
  return issuer;
}

/**
 * Reads the text of the QR code on an ID card's front: `id|oldId|name|ddmmyyyy|sex|address|ddmmyyyy`
 * (the old CMND number empty when there is none). Tolerant of what readers and card generations vary
 * in: surrounding spaces, a byte-order mark, a missing old-number field, trailing empty fields, the name
 * in decomposed Unicode. Nothing of the text is logged or kept here: the caller shows it to the citizen
 * to confirm.
 *
 * @example
 * readCccdQr("087195001234||Nguyễn Thị Hồng Nhung|12041995|Nữ|Khóm 3, Phường An Thạnh, Đồng Tháp|15082021")
 * // { ok: true, identity: { idNumber: "087195001234", oldIdNumber: null, fullName: "Nguyễn Thị Hồng Nhung",
 * //   dateOfBirth: "12/04/1995", sex: "Nữ", …, issueDate: "15/08/2021",
 * //   issuer: "Cục Cảnh sát quản lý hành chính về trật tự xã hội" } }
 * readCccdQr("https://example.com") // { ok: false, reason: "notIdCard" }
 */
export function readCccdQr(text: string): CardQrReading {
  const fields = text
    .replace(/^\uFEFF/, "")
    .normalize("NFC")
    .trim()
    .split("|")
    .map((field) => field.trim());
  while (fields.length > 0 && fields[fields.length - 1] === "") fields.pop();
  if (!ID_NUMBER.test(fields[0] ?? "") || fields.length < 6) return { ok: false, reason: "notIdCard" };
  // Without the old number's field the name comes second.
  const hasOldField = fields[1] === "" || OLD_ID_NUMBER.test(fields[1] ?? "");
  const [idNumber, oldIdNumber, fullName, birth, sexField, address, issued] = hasOldField
    ? fields
    : [fields[0], "", ...fields.slice(1)];
  const dateOfBirth = cardDay(birth ?? "");
  const issueDate = cardDay(issued ?? "");
  const sex = sexOf(sexField ?? "");
  const name = (fullName ?? "").replace(/\s+/g, " ");
  if (!dateOfBirth || !issueDate || !sex || !name || !address || /\d/.test(name)) {
    return { ok: false, reason: "damaged" };
  }
  if (!idNumberAgrees(idNumber!, sex, dateOfBirth.year) || issueDate.iso < dateOfBirth.iso) {
    return { ok: false, reason: "damaged" };
  }
  return {
    ok: true,
    identity: {
      idNumber: idNumber!,
      oldIdNumber: oldIdNumber || null,
      fullName: name,
      dateOfBirth: dateOfBirth.text,
      sex,
      permanentAddress: address.replace(/\s+/g, " "),
      issueDate: issueDate.text,
      issuer: issuerOn(issueDate.iso),
    },
  };
}
