import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { PROCEDURE_FACTS, procedureFacts } from "../../flows/procedureFacts";

const REFERENCE = path.resolve(__dirname, "../../../shared/reference/procedures.json");

describe("procedure facts", () => {
  it("has the eight procedures", () => {
    expect(PROCEDURE_FACTS.map((p) => p.id)).toEqual([
      "dang-ky-khai-sinh",
      "dang-ky-khai-tu",
      "dang-ky-ket-hon",
      "cap-giay-xac-nhan-tinh-trang-hon-nhan",
      "chung-thuc-ban-sao-tu-ban-chinh",
      "dang-ky-thuong-tru",
      "cap-phieu-ly-lich-tu-phap",
      "dang-ky-ho-kinh-doanh",
    ]);
  });

  // The project keeps its own copy so that an installation needs nothing beside it; this
  // catches the copy falling behind the procedure reference when both are present.
  (existsSync(REFERENCE) ? it : it.skip)("is the same as the procedure reference beside the project", () => {
    expect(readFileSync(path.resolve(__dirname, "../../flows/procedures.json"), "utf8")).toBe(
      readFileSync(REFERENCE, "utf8"),
    );
  });

  it("names the unknown procedure and the known ones", () => {
    expect(() => procedureFacts("dang-ky-khai-sihn")).toThrow('PROCEDURE_NOT_FOUND: no procedure "dang-ky-khai-sihn"');
  });
});
