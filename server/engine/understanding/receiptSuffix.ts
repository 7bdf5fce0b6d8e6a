/**
 * The random part at the end of a receipt code (HN-20261127-0042-K7QM): the prefix, the date
 * and the day's number can be guessed, these four characters cannot, so a lookup needs more
 * than the phone number. Digits 2–9 and consonants only: no 0/O, 1/I/L look-alikes to misread
 * over the phone, and no vowels, so no word (Vietnamese or English) ever forms — which also
 * lets free text such as "HN-20261127-0042 nhé" be read without taking a word for the part.
 *
 * 27 characters, 4 of them: 27^4 = 531,441 combinations. The lookup limits and the lockout
 * count per receipt number (the code without this part), so guessing the part of one dossier
 * gets 5 wrong tries per 30 minutes whatever the number of addresses: 240 tries a day, about
 * 1,100 days on average to hit it — and the phone given in the dossier must be right too.
 */
export const RECEIPT_SUFFIX_ALPHABET = "23456789BCDFGHJKMNPQRSTVWXZ";
export const RECEIPT_SUFFIX_LENGTH = 4;
/** Regex source of the part, upper case (match with the `i` flag on lower-cased text). */
export const RECEIPT_SUFFIX_PATTERN = `[${RECEIPT_SUFFIX_ALPHABET}]{${RECEIPT_SUFFIX_LENGTH}}`;
