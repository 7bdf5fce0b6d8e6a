import type { Text } from "../../flows/flowTypes";

/** Whose field a form section holds, and how its English labels name that person at their start. */
interface Owner {
  name: Text;
  /** Words an English form label starts with to say whose it is ("Mother ethnicity"). */
  englishPrefixes: readonly string[];
}

/**
 * The person (or place) each section of the paper forms is about, by the section heading of
 * procedures.json. A field name the form repeats in several sections ("Dân tộc" of the child,
 * the mother and the father) is told apart by it: "Dân tộc (mẹ)".
 */
const OWNERS: Readonly<Record<string, Owner>> = {
  "Người yêu cầu": { name: { vi: "người yêu cầu", en: "requester" }, englishPrefixes: ["Requester"] },
  "Người được khai sinh": { name: { vi: "bé", en: "child" }, englishPrefixes: ["Child"] },
  "Thông tin người mẹ": { name: { vi: "mẹ", en: "mother" }, englishPrefixes: ["Mother"] },
  "Thông tin người cha": { name: { vi: "cha", en: "father" }, englishPrefixes: ["Father"] },
  "Bên nữ": { name: { vi: "bên nữ", en: "bride" }, englishPrefixes: ["Bride"] },
  "Bên nam": { name: { vi: "bên nam", en: "groom" }, englishPrefixes: ["Groom"] },
  "Người được xác nhận": { name: { vi: "người được xác nhận", en: "person certified" }, englishPrefixes: ["Subject"] },
  "Người đã chết": { name: { vi: "người đã chết", en: "deceased" }, englishPrefixes: ["Deceased"] },
  "Chủ hộ kinh doanh": { name: { vi: "chủ hộ", en: "owner" }, englishPrefixes: ["Owner"] },
  "2. Trụ sở": { name: { vi: "trụ sở", en: "head office" }, englishPrefixes: ["HQ", "Head office"] },
};

/** The owner of the fields of a form section, when the section is about one person or place. */
export function fieldOwner(group: string): Owner | undefined {
  return OWNERS[group];
}
