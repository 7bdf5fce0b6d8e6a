import { stringify } from "csv-stringify/sync";

/** A byte-order mark: without it Excel reads a UTF-8 file as the local code page and "Nguyễn" comes out garbled. */
const UTF8_BOM = "\uFEFF";

// A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets
// ("=HYPERLINK(…)", "+84…", "@SUM"): OWASP's CSV injection advice is to put a quote before it. A leading NUL
// is on ASVS 1.2.10's list too: some spreadsheets drop it and read the formula behind it.
const FORMULA_START = /^[=+\-@\t\r\0]/;

/** A cell as a spreadsheet will read it: text that would start a formula is prefixed with `'`. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export type CsvCell = string | number | null | undefined;

/**
 * A CSV file for people who open it in Excel: UTF-8 with a byte-order mark, RFC 4180 quoting
 * (csv-stringify), CRLF line ends, a header row, and no cell a spreadsheet would run as a formula.
 * Numbers stay numbers; null and undefined are empty cells.
 */
export function csvTable(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const cells = [header, ...rows].map((row) =>
    row.map((cell) => (typeof cell === "number" ? String(cell) : neutraliseFormula(cell ?? ""))),
  );
  return UTF8_BOM + stringify(cells, { record_delimiter: "windows", quoted_match: /[",\r\n]/ });
}

/** The Content-Disposition of a download, with the file name safe in both header forms (RFC 6266). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
