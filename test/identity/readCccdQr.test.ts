import { readCccdQr } from "../../server/identity/readCccdQr";

const NHUNG = "087195001234||Nguyễn Thị Hồng Nhung|12041995|Nữ|Khóm 3, Phường An Thạnh, Đồng Tháp|15082021";

describe("the QR code of a chip ID card", () => {
  it("gives every field of the person, the name with its diacritics and the issuer from the issue date", () => {
    expect(readCccdQr(NHUNG)).toEqual({
      ok: true,
      identity: {
        idNumber: "087195001234",
        oldIdNumber: null,
        fullName: "Nguyễn Thị Hồng Nhung",
        dateOfBirth: "12/04/1995",
        sex: "Nữ",
        permanentAddress: "Khóm 3, Phường An Thạnh, Đồng Tháp",
        issueDate: "15/08/2021",
        issuer: "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
      },
    });
  });

  it("names the Ministry of Public Security for a card issued from 1 July 2024, the department before", () => {
    const issuedOn = (day: string) => readCccdQr(NHUNG.replace("15082021", day));
    expect(issuedOn("01072024")).toMatchObject({ identity: { issuer: "Bộ Công an" } });
    expect(issuedOn("30062024")).toMatchObject({
      identity: { issuer: "Cục Cảnh sát quản lý hành chính về trật tự xã hội" },
    });
  });

  it("keeps the old CMND number when the card gives one", () => {
    const text = "079203001234|025123456|Trần Văn Bảo|05032003|Nam|12 Nguyễn Huệ, Phường Bến Nghé, TP. HCM|20082021";
    expect(readCccdQr(text)).toMatchObject({
      ok: true,
      identity: { idNumber: "079203001234", oldIdNumber: "025123456", fullName: "Trần Văn Bảo", sex: "Nam" },
    });
  });

  it("tolerates what readers vary in: a byte-order mark, spaces, decomposed letters, no old-number field", () => {
    const decomposed = `\uFEFF ${NHUNG.normalize("NFD")}||  `;
    expect(readCccdQr(decomposed)).toMatchObject({ ok: true, identity: { fullName: "Nguyễn Thị Hồng Nhung" } });
    const withoutOldField = NHUNG.replace("||", "|");
    expect(readCccdQr(withoutOldField)).toMatchObject({ ok: true, identity: { dateOfBirth: "12/04/1995" } });
  });

  it("says a code that is something else is not an ID card", () => {
    for (const text of ["https://dichvucong.gov.vn", "00020101021138570010A000000727", "", "087195001234", "hello|x"]) {
      expect([text, readCccdQr(text)]).toEqual([text, { ok: false, reason: "notIdCard" }]);
    }
  });

  it("says a card's code whose fields do not hold together is damaged", () => {
    const damaged = [
      NHUNG.replace("12041995", "31021995"), // 31 February
      NHUNG.replace("|Nữ|", "|Nam|"), // the 4th digit (1) says a woman
      NHUNG.replace("12041995", "12042005"), // the 4th digit (1) says born in the 1900s
      NHUNG.replace("15082021", "15081990"), // issued before birth
      NHUNG.replace("Nguyễn Thị Hồng Nhung", "Ng2yễn Thị"), // a digit in a name
      NHUNG.replace("|Khóm 3, Phường An Thạnh, Đồng Tháp", "|"),
    ];
    for (const text of damaged) expect([text, readCccdQr(text)]).toEqual([text, { ok: false, reason: "damaged" }]);
  });
});
