import { csvTable } from "../../server/exports/csvTable";
import { consoleGet, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile();

describe("case 54: formulas and separators in exported cells", () => {
  it("quotes separators and line breaks, keeps Vietnamese, and neutralises every formula start", () => {
    const csv = csvTable(
      ["Họ tên", "Ghi chú"],
      [
        ['Lê Thị "Hoa", khóm 1; ấp 2', "dòng 1\r\ndòng 2"],
        ["=1+1", "+84912"],
        ["-2", "@SUM(A1)"],
        ["\t=cmd", "\0=cmd"],
      ],
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain('"Lê Thị ""Hoa"", khóm 1; ấp 2","dòng 1\r\ndòng 2"');
    for (const cell of ["'=1+1", "'+84912", "'-2", "'@SUM(A1)", "'\t=cmd", "'\0=cmd"]) expect(csv).toContain(cell);
  });

  it("exports the dossiers to an admin with a BOM, and writes who exported to the audit log", async () => {
    const admin = await watched.clerk("quantri", [], "admin");
    const res = await consoleGet(watched, admin, "/api/console/dashboard/dossiers.csv?full=1");
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const audit = await watched.server.store.listAudit({ actorId: admin.id }, 10);
    expect(audit.some((a) => a.action.startsWith("export."))).toBe(true);
  });
});
