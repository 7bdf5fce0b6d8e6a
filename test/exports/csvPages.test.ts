import { PassThrough } from "node:stream";
import { csvContinuation, writeCsvPages } from "../../server/exports/csvPages";
import { type CsvCell, csvTable } from "../../server/exports/csvTable";

const HEADER = ["Mã / Code", "Tên / Name", "Số / Number"];
const ROWS: CsvCell[][] = [
  ["HN-1", 'Lê Thị "Hoa", khóm 1', 3],
  ["HN-2", "=SUM(A1:A9)", null],
  ["HN-3", "dòng\r\nhai", 0],
];

async function* pagesOf(rows: CsvCell[][], size: number) {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

describe("a CSV file written page by page", () => {
  it("is byte for byte the file csvTable makes of all the rows at once", async () => {
    expect(csvTable(HEADER, [ROWS[0]!]) + csvContinuation(ROWS.slice(1))).toBe(csvTable(HEADER, ROWS));
    expect(csvContinuation([])).toBe("");
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on("data", (chunk: Buffer) => chunks.push(chunk));
    const written = await writeCsvPages(sink, HEADER, pagesOf(ROWS, 2));
    expect(written).toEqual({ rows: 3, complete: true });
    expect(Buffer.concat(chunks).toString("utf8")).toBe(csvTable(HEADER, ROWS));
  });

  it("waits for a slow reader and reads no further page once the download is cancelled", async () => {
    const sink = new PassThrough({ highWaterMark: 16 });
    let pagesRead = 0;
    async function* endless() {
      for (;;) {
        pagesRead += 1;
        yield [["HN-x", "một dòng khá dài để đầy bộ đệm", pagesRead]] as CsvCell[][];
      }
    }
    const writing = writeCsvPages(sink, HEADER, endless());
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Nobody reads: the writer is held at the first full buffer.
    expect(pagesRead).toBeLessThanOrEqual(2);
    sink.destroy();
    expect(await writing).toMatchObject({ complete: false });
    const after = pagesRead;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pagesRead).toBe(after);
  });
});
