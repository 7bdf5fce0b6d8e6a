import type { Writable } from "node:stream";
import { type CsvCell, csvTable } from "./csvTable";

/**
 * Rows that follow a CSV file's first part: the same cells, quoting and formula guard as `csvTable`,
 * without the byte-order mark or a header. The first row takes the header's place in `csvTable`, which
 * treats every row alike, and the mark it puts first is dropped.
 */
export function csvContinuation(rows: readonly (readonly CsvCell[])[]): string {
  if (rows.length === 0) return "";
  return csvTable(rows[0] as readonly string[], rows.slice(1)).slice(1);
}

/** A response the export writes to: a Writable that tells when the client went away. */
type Sink = Pick<Writable, "write" | "once" | "off" | "end" | "writableEnded" | "destroyed">;

/** Resolves when the sink can take more, or false when it closed first (the download was cancelled). */
function drained(sink: Sink): Promise<boolean> {
  return new Promise((resolve) => {
    const onDrain = () => finish(true);
    const onClose = () => finish(false);
    const finish = (open: boolean) => {
      sink.off("drain", onDrain);
      sink.off("close", onClose);
      resolve(open);
    };
    sink.once("drain", onDrain);
    sink.once("close", onClose);
  });
}

/**
 * Writes a CSV file page by page: the mark and the header at once, then each page as it is read, waiting
 * for the client to take what was written before reading the next (a slow download holds one page in
 * memory, not the year). Stops reading when the client goes away; returns the rows written.
 */
export async function writeCsvPages(
  sink: Sink,
  header: readonly string[],
  pages: AsyncIterable<readonly (readonly CsvCell[])[]>,
): Promise<{ rows: number; complete: boolean }> {
  let rows = 0;
  let open = sink.write(csvTable(header, [])) || (await drained(sink));
  if (open) {
    for await (const page of pages) {
      if (sink.destroyed) {
        open = false;
        break;
      }
      rows += page.length;
      if (!sink.write(csvContinuation(page)) && !(await drained(sink))) {
        open = false;
        break;
      }
    }
  }
  if (open && !sink.writableEnded) sink.end();
  return { rows, complete: open };
}
