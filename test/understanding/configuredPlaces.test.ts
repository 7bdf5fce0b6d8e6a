import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DONG_THAP_UNITS_2025, HONG_NGU_CITY } from "../../flows/units";
import { readUnitsFile } from "../../server/readUnitsFile";
import { restoreAddressDiacritics } from "../../server/engine/understanding/restoreAddressDiacritics";

describe("the places a city configures", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "khai-ho-places-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (units: unknown) => {
    const file = path.join(dir, `units-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(units));
    return file;
  };

  it("reads a unit's hamlets and streets from the units file, and offers their spelling", () => {
    const units = readUnitsFile(
      write([
        {
          id: "an-binh",
          nameVi: "Phường An Bình",
          code: "AB",
          kind: "phuong",
          hamlets: ["Khóm Rạch Sâu"],
          streets: ["Lê Thị Riêng"],
        },
      ]),
    );
    expect(units[0]).toMatchObject({ hamlets: ["Khóm Rạch Sâu"], streets: ["Lê Thị Riêng"] });
    const best = (typed: string) =>
      restoreAddressDiacritics(typed, { units, city: HONG_NGU_CITY }).candidates[0]?.address;
    expect(best("so 3 duong le thi rieng khom rach sau phuong an binh")).toBe(
      "Số 3 đường Lê Thị Riêng, khóm Rạch Sâu, phường An Bình",
    );
  });

  it("refuses a units file whose hamlets are not a list of names", () => {
    const file = write([{ id: "an-binh", nameVi: "Phường An Bình", code: "AB", kind: "phuong", hamlets: "Khóm 1" }]);
    expect(() => readUnitsFile(file)).toThrow(/^\[0\]\.hamlets: /);
  });

  it("lists Đồng Tháp's 102 units since 01/7/2025: 20 wards and 82 communes, each once", () => {
    expect(DONG_THAP_UNITS_2025.filter((u) => u.kind === "phuong")).toHaveLength(20);
    expect(DONG_THAP_UNITS_2025.filter((u) => u.kind === "xa")).toHaveLength(82);
    expect(new Set(DONG_THAP_UNITS_2025.map((u) => `${u.kind} ${u.name}`)).size).toBe(102);
    expect(DONG_THAP_UNITS_2025.find((u) => u.name === "Hồng Ngự")?.formerly).toEqual([
      "Phường An Thạnh",
      "Xã Bình Thạnh",
      "Xã Tân Hội",
    ]);
  });
});
