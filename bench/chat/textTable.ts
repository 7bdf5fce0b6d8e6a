/** Prints rows as a plain-text table, columns padded, the first row as its header (Markdown-like). */
export function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  for (const [index, row] of rows.entries()) {
    console.log(widths.map((w, column) => (row[column] ?? "").padEnd(w)).join(" | "));
    if (index === 0) console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  }
}
