import type { Dossier, FieldValue } from "../dossier/dossier";
import { foldToWords } from "../engine/understanding/foldDiacritics";

/*
 * Dossier search works on keys computed when a dossier is written, the same in both adapters:
 * `code:<code lower case>`, `phone:<digits>` and `name:<folded word>`. A search is then an
 * exact lookup of a few keys in an index instead of parsing every dossier.
 */
const CODE_KEY = "code:";
const PHONE_KEY = "phone:";
const NAME_KEY = "name:";

/** No one's name has this many words; a longer query is not a name and would only bloat the lookup. */
const MAX_NAME_WORDS = 16;

/** Separators people put in phone numbers: "0912 345 678", "0912.345.678", "(+84) 912-345-678". */
const PHONE_SEPARATORS = /[\s.\-\u2010-\u2015\u2212()/]/g;

/**
 * A phone number as digits, with the country code +84 / 0084 / 84 written as the domestic 0, so
 * "+84 912 345 678", "84912345678" and "0912.345.678" all give "0912345678". Null when the text
 * is not a phone number (letters, no digits).
 *
 * @example phoneDigits("(+84) 912-345-678") // "0912345678"
 */
export function phoneDigits(text: string): string | null {
  const compact = String(text).normalize("NFKC").replace(PHONE_SEPARATORS, "");
  const match = /^(\+|00)?(\d+)$/.exec(compact);
  if (!match) return null;
  const [, international, digits] = match as unknown as [string, string | undefined, string];
  if (international) {
    if (!digits.startsWith("84")) return digits;
    const national = digits.slice(2);
    return national.startsWith("0") ? national : `0${national}`;
  }
  // "84912345678" as copied from Zalo or a contact card: 84 and a full 9-digit national number
  // (a domestic number never has 11 digits starting with 84).
  if (/^84\d{9}$/.test(digits)) return `0${digits.slice(2)}`;
  if (/^840\d{9}$/.test(digits)) return digits.slice(2);
  return digits;
}

function isNameKey(key: string): boolean {
  return key.endsWith("Name");
}

function isPhoneKey(key: string): boolean {
  return /phone$/i.test(key);
}

function collect(key: string, value: unknown, keys: Set<string>): void {
  if (typeof value !== "string" || value === "") return;
  if (isNameKey(key)) {
    for (const word of foldToWords(value).split(" ")) if (word !== "") keys.add(NAME_KEY + word);
  } else if (isPhoneKey(key)) {
    const digits = phoneDigits(value);
    if (digits) keys.add(PHONE_KEY + digits);
  }
}

/**
 * What a dossier can be found by: its code, every phone (fields and table cells whose key ends
 * in "Phone", the postal phone) and every word of the names (fields and table cells whose key
 * ends in "Name", which "FullName" does too). Tolerates partial documents: rows written by
 * earlier releases go through it when a store is upgraded.
 *
 * @example dossierSearchKeys(dossier) // ["code:hn-20260302-0001", "name:nguyen", "name:van", "name:an",
 * "phone:0912345678"]
 */
export function dossierSearchKeys(dossier: Dossier): string[] {
  const keys = new Set<string>([CODE_KEY + String(dossier.code).toLowerCase()]);
  const fields: Record<string, FieldValue> = dossier.fields ?? {};
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value)) {
      for (const row of value) {
        if (row && typeof row === "object")
          for (const [column, cell] of Object.entries(row)) collect(column, cell, keys);
      }
    } else {
      collect(key, value, keys);
    }
  }
  collect("postalPhone", dossier.submission?.postalPhone, keys);
  return [...keys];
}

/**
 * A console search turned into keys: a dossier matches when it has `code`, or `phone`, or every
 * one of `names`. Null for no search (absent or blank): the list is not filtered.
 */
export interface DossierSearch {
  code: string;
  phone: string | null;
  /** Empty when the query has no words or too many to be a name: no dossier matches by name. */
  names: string[];
}

export function dossierSearch(query: string | undefined): DossierSearch | null {
  if (query === undefined || query === null) return null;
  const text = String(query).trim();
  if (text === "") return null;
  const digits = phoneDigits(text);
  const words = [
    ...new Set(
      foldToWords(text)
        .split(" ")
        .filter((word) => word !== ""),
    ),
  ];
  return {
    code: CODE_KEY + text.toLowerCase(),
    phone: digits ? PHONE_KEY + digits : null,
    names: words.length <= MAX_NAME_WORDS ? words.map((word) => NAME_KEY + word) : [],
  };
}
